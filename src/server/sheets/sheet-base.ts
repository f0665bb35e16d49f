// The offline base of the sheets (geodata/: rivers, water, counties and their names) and the river
// names for titles, read once per data folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { SheetBase } from '../../domain/sheets/build-sheets';

const cache = new Map<string, { base: SheetBase; riverNames: Record<string, string> }>();

/** The base layers and river names (id → 名称) of a geodata folder. */
export function loadSheetBase(dir: string): {
  base: SheetBase;
  riverNames: Record<string, string>;
} {
  const hit = cache.get(dir);
  if (hit) return hit;
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FeatureCollection;
  const { waterbodies } = JSON.parse(readFileSync(join(dir, 'waterbodies.json'), 'utf8')) as {
    waterbodies: Array<{ id: string; name: string }>;
  };
  const out = {
    base: {
      rivers: read('rivers.geojson'),
      water: read('water.geojson'),
      counties: read('counties.geojson'),
      countyLabels: read('county-labels.geojson'),
    },
    riverNames: Object.fromEntries(waterbodies.map((w) => [w.id, w.name])),
  };
  cache.set(dir, out);
  return out;
}
