// Whether the map reads the published zones and markers as one GeoJSON each or as vector tiles: a
// threshold on the number of published plans (measured in bench/province.ts, docs/deploy.md).

/** HEJIE_PUBLISHED_LAYER: `auto` (the threshold), or always one way. */
export type PublishedLayerChoice = 'auto' | 'geojson' | 'tiles';

/**
 * Above this many published plans the map reads tiles. Measured on the bench machine (docs/deploy.md):
 * a synthetic 10 km plan publishes ≈ 46 kB of /api/zones, and parsing plus tiling it the way the
 * map's worker does (JSON.parse + geojson-vt) costs 200 ms at 100 plans (4.6 MB), 470 ms at 200,
 * 1.6 s at 500 and 4.9 s at 2,000: past 100 plans that is more than the whole page's idle budget
 * can spare (1.5 s, of which the base map takes most), while the tiles cost a few kB per view.
 */
export const TILES_ABOVE_PLANS = 100;

/**
 * The layer the map reads for a count of published plans.
 * @example publishedLayerFor(5000, 'auto') // 'tiles'
 */
export function publishedLayerFor(
  publishedPlans: number,
  choice: PublishedLayerChoice,
): 'geojson' | 'tiles' {
  if (choice !== 'auto') return choice;
  return publishedPlans > TILES_ABOVE_PLANS ? 'tiles' : 'geojson';
}

/** HEJIE_PUBLISHED_LAYER read, or why not. */
export function readPublishedLayer(value: string | undefined): PublishedLayerChoice {
  const v = value?.trim() || 'auto';
  if (v === 'auto' || v === 'geojson' || v === 'tiles') return v;
  throw new Error(`HEJIE_PUBLISHED_LAYER must be auto, geojson or tiles, got "${value}"`);
}
