// What the public notice describes places by, from the bundled map data: the county boundaries
// (geodata/counties.geojson) and the named features (南流江 in rivers.geojson, 洪潮江水库 in
// water.geojson). Read once per folder; only names the files hold, never an invented place.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { NamedPlace } from '../domain/notice/reach-ends';
import type { CountyArea } from '../domain/notice/zone-counties';

/** The bundled counties and named features. */
export interface PublicGeo {
  counties: CountyArea[];
  places: NamedPlace[];
}

const loaded = new Map<string, PublicGeo>();

function read(dir: string, file: string): FeatureCollection {
  const path = join(dir, file);
  if (!existsSync(path)) return { type: 'FeatureCollection', features: [] };
  return JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
}

/** The counties and named features of the geodata folder `dir`, read once. */
export function publicGeoOf(dir: string): PublicGeo {
  const hit = loaded.get(dir);
  if (hit) return hit;
  const counties = read(dir, 'counties.geojson')
    .features.filter(
      (f): f is Feature<Polygon | MultiPolygon> =>
        f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
    )
    .map((f) => ({
      adcode: String(f.properties?.adcode ?? f.id ?? ''),
      name: String(f.properties?.name ?? ''),
      geometry: f.geometry,
    }));
  const places = ['rivers.geojson', 'water.geojson'].flatMap((file) =>
    read(dir, file).features.flatMap((f) => {
      const name = f.properties?.name;
      return typeof name === 'string' && name.trim() !== '' && f.geometry
        ? [{ name: name.trim(), geometry: f.geometry }]
        : [];
    }),
  );
  const geo = { counties, places };
  loaded.set(dir, geo);
  return geo;
}
