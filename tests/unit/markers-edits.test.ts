import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { deleteMarker, moveMarker, renumberMarkers } from '../../src/domain/markers/edit-markers';
import { placeMarkers } from '../../src/domain/markers/place-markers';
import { place } from '../fixtures/markers/check-markers';
import { boundaryLine } from '../fixtures/markers/make-lines';
import { fc, gk, O, straight } from '../helpers/markers';
import { englishLines, inEnglish } from '../helpers/messages';

// ---- edits ----------------------------------------------------------------------------------

describe('edits never renumber silently', () => {
  const lines = fc([straight(1000, { reach: 'E' })]);
  const original = place(lines.features);
  const snapshot = JSON.stringify(original);
  const ids = original.features.map((f) => f.properties.id);

  it('moveMarker keeps the id, flags it, recomputes X/Y and (with lines) chainage', () => {
    const target = gk.inverse([O[0] + 300, O[1] + 7]);
    const r = moveMarker(original, 'E-GL-L-003', [target[0], target[1]], lines);
    if (!r.ok) throw new Error(englishLines(r.errors));
    expect(r.markers.features.map((f) => f.properties.id)).toEqual(ids);
    const m = r.markers.features.find((f) => f.properties.id === 'E-GL-L-003')?.properties;
    expect(m?.moved).toBe(true);
    expect(m?.chainageM).toBeCloseTo(300, 3);
    expect(m?.x).toBeCloseTo(O[1] + 7, 3);
    expect(m?.y).toBeCloseTo(O[0] + 300, 3);
    const kept = moveMarker(original, 'E-GL-L-003', [target[0], target[1]]);
    expect(kept.ok && kept.markers.features[2]?.properties.chainageM).toBe(285.714);
    const missing = moveMarker(original, 'E-GL-L-099', [108.6, 21.9]);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(inEnglish(missing.errors)).toEqual(['no marker E-GL-L-099']);
    expect(JSON.stringify(original)).toBe(snapshot);
  });

  it('deleteMarker leaves a gap; renumberMarkers is explicit and returns old → new', () => {
    const d = deleteMarker(original, 'E-GL-L-004');
    if (!d.ok) throw new Error(englishLines(d.errors));
    expect(d.markers.features.map((f) => f.properties.id)).toEqual(
      ids.filter((i) => i !== 'E-GL-L-004'),
    );
    const r = renumberMarkers(d.markers);
    expect(r.mapping).toEqual({
      'E-GL-L-005': 'E-GL-L-004',
      'E-GL-L-006': 'E-GL-L-005',
      'E-GL-L-007': 'E-GL-L-006',
      'E-GL-L-008': 'E-GL-L-007',
    });
    expect(
      r.markers.features
        .filter((f) => f.properties.markerType === 'boundary')
        .map((f) => f.properties.seq),
    ).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(renumberMarkers(original).mapping).toEqual({});
    const board = deleteMarker(original, 'E-GSP-L-01');
    expect(board.ok && renumberMarkers(board.markers).mapping).toEqual({
      'E-GSP-L-02': 'E-GSP-L-01',
    });
    expect(JSON.stringify(original)).toBe(snapshot);
  });

  it('a marker moved past its neighbour keeps its number until an explicit renumber', () => {
    const past = gk.inverse([O[0] + 500, O[1]]);
    const m = moveMarker(original, 'E-GL-L-002', [past[0], past[1]], lines);
    if (!m.ok) throw new Error(englishLines(m.errors));
    expect(m.markers.features.map((f) => f.properties.id)).toEqual(ids);
    const r = renumberMarkers(m.markers);
    expect(r.mapping).toEqual({
      'E-GL-L-002': 'E-GL-L-004',
      'E-GL-L-003': 'E-GL-L-002',
      'E-GL-L-004': 'E-GL-L-003',
    });
  });
});

// ---- bad input ------------------------------------------------------------------------------

describe('bad input is refused with reasons naming the feature', () => {
  it.each([
    ['not a collection', { type: 'Feature' }, 'input must be a GeoJSON FeatureCollection'],
    ['no lines', fc([]), 'the input has no boundary lines'],
    [
      'no bank',
      fc([straight(300, { bank: 'middle' })]),
      'feature 1 (reach S, management line middle): bank must be "left" or "right"',
    ],
    [
      'swapped',
      fc([
        boundaryLine(
          [
            [21.9, 108.6],
            [21.91, 108.6],
          ],
          { reach: 'W' },
        ),
      ]),
      'feature 1 (reach W, management line left): point 1 [21.9,108.6] is not lon/lat',
    ],
    [
      'multi',
      fc([{ ...straight(300), geometry: { type: 'MultiLineString', coordinates: [] } }]),
      'a MultiLineString; markers need one LineString',
    ],
    [
      'twice',
      fc([straight(300), straight(400)]),
      'feature 2 (reach S, management line left): the same line as feature 1',
    ],
    [
      'crs',
      fc([straight(300, { crs: 'EPSG:3857' })]),
      'crs "EPSG:3857" is not a Gauss-Krüger zone 36/37 code',
    ],
  ])('%s', (_n, input, message) => {
    const r = placeMarkers(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(englishLines(r.errors)).toContain(message);
  });

  it('zone polygons and other features are ignored', () => {
    const poly = {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [] },
      properties: { kind: 'management' },
    };
    expect(JSON.stringify(place([poly as Feature, straight(300)]))).toBe(
      JSON.stringify(place([straight(300)])),
    );
  });
});
