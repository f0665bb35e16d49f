// A reservoir's range from its 校核洪水位 and a DEM (issue 16): the flood helper's floodAreaAtLevel
// (src/domain/floodline, branch `flood`) on a synthetic cone basin, made into the reservoir's work
// feature and computed by the zone engine. INTEGRATION POINT: this file skips only while that
// module is absent from the tree (before the `flood` branch is merged); it runs once it is there.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { projector } from '../../src/domain/crs/crs';
import { reservoirFromFlood } from '../../src/domain/works/reservoir-range';
import { loadZoneEngine } from '../../src/domain/zones/compute-zones';
import { parseRuleTable } from '../../src/domain/zones/rules-schema';

const FLOODLINE = new URL('../../src/domain/floodline/index.ts', import.meta.url).pathname;
const present = existsSync(FLOODLINE);

/** A synthetic cone basin: z = 10 + 0.05·r m (r from its centre), 2 m cells, near 108.6°E 21.95°N. */
function coneDem(centre: [number, number]) {
  const cell = 2;
  const size = 1000;
  const originX = centre[0] - (size * cell) / 2;
  const originY = centre[1] + (size * cell) / 2;
  return {
    width: size,
    height: size,
    originX,
    originY,
    cellWidth: cell,
    cellHeight: cell,
    nodata: null,
    async readWindow(col: number, row: number, cols: number, rows: number) {
      const out = new Float32Array(cols * rows);
      for (let j = 0; j < rows; j++)
        for (let i = 0; i < cols; i++) {
          const x = originX + (col + i + 0.5) * cell;
          const y = originY - (row + j + 0.5) * cell;
          out[j * cols + i] = 10 + 0.05 * Math.hypot(x - centre[0], y - centre[1]);
        }
      return out;
    },
  };
}

describe.skipIf(!present)(
  'a reservoir computed from its check flood level (needs src/domain/floodline)',
  () => {
    it('the flooded disc of a cone at 校核洪水位 becomes the reservoir’s range', async () => {
      const { floodAreaAtLevel } = (await import(/* @vite-ignore */ FLOODLINE)) as {
        floodAreaAtLevel: (
          r: unknown,
          level: number,
          seed: unknown,
        ) => Promise<{ ok: boolean; value?: { area: import('geojson').MultiPolygon } }>;
      };
      const centre = projector('EPSG:4545').forward([108.6, 21.95]).map(Math.round) as [
        number,
        number,
      ];
      const flooded = await floodAreaAtLevel(coneDem(centre), 30, {
        type: 'Point',
        coordinates: centre,
      });
      if (!flooded.ok || !flooded.value) throw new Error('not flooded');
      const feature = reservoirFromFlood(flooded.value.area, 'EPSG:4545', {
        name: '测试水库（合成）',
        level: 30,
        dem: 'synthetic-cone',
      });
      if ('code' in feature) throw new Error(renderMessage(feature, 'en'));
      const table = parseRuleTable({
        id: 't',
        version: '1',
        works: { reservoir: { basis: 'check-flood-level' } },
      });
      if (!table.ok) throw new Error('refused');
      const out = (await loadZoneEngine()).computeZones(
        { type: 'FeatureCollection', features: [feature] },
        table.rules,
      );
      if (!out.ok) throw new Error(out.errors.map((e) => renderMessage(e, 'en')).join('\n'));
      // level 30 on z = 10 + 0.05 r: a disc of radius 400 m
      expect(out.works[0]?.status).toBe('computed');
      expect((out.works[0]?.areaM2 ?? 0) / (Math.PI * 400 ** 2)).toBeCloseTo(1, 2);
    });
  },
);

describe('reservoirFromFlood', () => {
  it('refuses a flooded area in more than one part', () => {
    const part = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ];
    const out = reservoirFromFlood(
      { type: 'MultiPolygon', coordinates: [part, part] },
      'EPSG:4545',
      {
        name: 'x',
        level: 1,
        dem: 'd',
      },
    );
    expect('code' in out && out.code).toBe('works.reservoir.floodParts');
  });
});
