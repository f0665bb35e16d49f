// Clicking a zone, a zone's boundary line or a marker (published or the open draft): what was hit,
// with what its card needs (the reach's place in its plan, the zone a line was drawn with).
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { GeoJSONSource, MapGeoJSONFeature, Map as MaplibreMap, PointLike } from 'maplibre-gl';
import { PUBLISHED_TILES } from '../contract/plans';
import { reachesInOrder } from '../domain/plans/reach-label';
import { DRAFT_SOURCE } from './draft-layers';
import { MARKERS_SOURCE, ZONES_SOURCE } from './layers';
import { isTiled, loadedFeatures } from './published-tiles';

/** A finger is wider than a 2 px line: a click hits what lies within this many pixels. */
const TOLERANCE_PX = 6;

/** What a click hit. */
export interface MapHit {
  what: 'zone' | 'line' | 'marker';
  properties: Record<string, unknown>;
  /** the open plan's draft (dashed) rather than a publication */
  draft: boolean;
  /** the reach's place among its plan's reaches, 1-based (what `reachLabel` numbers) */
  reachIndex: number;
  /** for a line: the zone of the same reach and kind */
  zone?: Record<string, unknown>;
  /** where the card points: the click, or the marker itself */
  lngLat: [number, number];
}

const MARKER_LAYERS = ['markers', 'draft-markers'];
const ZONE_LAYERS = [
  'zone-management',
  'zone-protection',
  'zone-management-line',
  'zone-protection-line',
  'draft-management',
  'draft-protection',
  'draft-management-line',
  'draft-protection-line',
];

/** A source's features; of a tiled source, those of a source-layer in the loaded tiles. */
async function sourceFeatures(
  map: MaplibreMap,
  id: string,
  sourceLayer: string = PUBLISHED_TILES.zones,
): Promise<Feature[]> {
  if (isTiled(map, id)) return loadedFeatures(map, sourceLayer);
  const source = map.getSource<GeoJSONSource>(id);
  const data = (await source?.getData()) as FeatureCollection | undefined;
  return data?.features ?? [];
}

/** Squared pixel distance from p to segment ab. */
function segmentDistance2(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t =
    len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  const [x, y] = [a[0] + t * dx - p[0], a[1] + t * dy - p[1]];
  return x * x + y * y;
}

/** The boundary line (of the zone's reach and kind) within the tolerance of the click, if any. */
function nearLine(
  map: MaplibreMap,
  lines: readonly Feature[],
  click: [number, number],
): Feature | null {
  let best: Feature | null = null;
  let bestD = TOLERANCE_PX * TOLERANCE_PX;
  for (const f of lines) {
    if (f.geometry?.type !== 'LineString') continue;
    const px = f.geometry.coordinates.map((c: Position) => {
      const p = map.project([c[0] as number, c[1] as number]);
      return [p.x, p.y] as [number, number];
    });
    for (let i = 1; i < px.length; i++) {
      const d = segmentDistance2(click, px[i - 1] as [number, number], px[i] as [number, number]);
      if (d <= bestD) {
        bestD = d;
        best = f;
      }
    }
  }
  return best;
}

/** The features of the same plan (a publication) or of the draft, in their source's order. */
function samePlan(features: readonly Feature[], hit: MapGeoJSONFeature, draft: boolean): Feature[] {
  if (draft) return [...features];
  const plan = hit.properties?.plan ?? null;
  return features.filter((f) => (f.properties?.plan ?? null) === plan);
}

/**
 * What lies under a click: a marker first, then a zone's boundary line (within a few pixels of its
 * outline), then the zone; null when none.
 */
export async function pickFeature(
  map: MaplibreMap,
  point: { x: number; y: number },
): Promise<MapHit | null> {
  const { x, y } = point;
  const box: [PointLike, PointLike] = [
    [x - TOLERANCE_PX, y - TOLERANCE_PX],
    [x + TOLERANCE_PX, y + TOLERANCE_PX],
  ];
  const present = (ids: string[]) => ids.filter((id) => map.getLayer(id));
  const markerLayers = present(MARKER_LAYERS);
  const marker = markerLayers.length
    ? map.queryRenderedFeatures(box, { layers: markerLayers })[0]
    : undefined;
  const zoneLayers = present(ZONE_LAYERS);
  const zone =
    marker || zoneLayers.length === 0
      ? undefined
      : (map.queryRenderedFeatures([x, y], { layers: zoneLayers })[0] ??
        map.queryRenderedFeatures(box, { layers: zoneLayers })[0]);
  const hit = marker ?? zone;
  if (!hit) return null;
  const draft = hit.source === DRAFT_SOURCE;
  const at = map.unproject([x, y]);
  const lngLat: [number, number] = [at.lng, at.lat];
  const all = samePlan(
    await sourceFeatures(map, draft ? DRAFT_SOURCE : hit.source, hit.sourceLayer),
    hit,
    draft,
  );
  const properties = { ...(hit.properties ?? {}) };
  const reachIndex = reachesInOrder(all).find((r) => r.id === properties.reach)?.index ?? 1;
  if (hit === marker) {
    const c = hit.geometry.type === 'Point' ? hit.geometry.coordinates : [at.lng, at.lat];
    return {
      what: 'marker',
      properties,
      draft,
      reachIndex,
      lngLat: [c[0] as number, c[1] as number],
    };
  }
  const lineKind = `${properties.kind}-line`;
  const lines = all.filter(
    (f) => f.properties?.kind === lineKind && f.properties?.reach === properties.reach,
  );
  const line = nearLine(map, lines, [x, y]);
  if (line) {
    return {
      what: 'line',
      properties: { ...line.properties },
      zone: properties,
      draft,
      reachIndex,
      lngLat,
    };
  }
  return { what: 'zone', properties, draft, reachIndex, lngLat };
}

/** Where a marker of the published markers or the draft stands, by its number; null when none. */
export async function findMarker(map: MaplibreMap, id: string): Promise<[number, number] | null> {
  for (const source of [DRAFT_SOURCE, MARKERS_SOURCE, ZONES_SOURCE]) {
    if (!map.getSource(source)) continue;
    const f = (await sourceFeatures(map, source, PUBLISHED_TILES.markers)).find(
      (g) => g.geometry?.type === 'Point' && g.properties?.id === id,
    );
    if (f?.geometry.type === 'Point')
      return [f.geometry.coordinates[0] as number, f.geometry.coordinates[1] as number];
  }
  return null;
}
