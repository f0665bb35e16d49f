import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Position } from 'geojson';
import { renderMessage } from '../../src/contract/messages/render';
import type { CrsCode } from '../../src/domain/crs/crs';
import { projector } from '../../src/domain/crs/crs';
import type { ZoneProperties } from '../../src/domain/zones/compute-zones';
import { bankWidths } from '../../src/domain/zones/compute-zones';
import { readReaches } from '../../src/domain/zones/read-reaches';
import { DEFAULT_RULES, resolveRules } from '../../src/domain/zones/rules';
import type { GeosZonesInput } from './geos';

export const FIXTURES = join(import.meta.dirname, '../fixtures/zones');

/** Input fixtures by name. */
export function zoneFixtures(): {
  name: string;
  input: FeatureCollection & { expect?: { error: string } };
}[] {
  return readdirSync(join(FIXTURES, 'in'))
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.geojson$/, ''),
      input: JSON.parse(readFileSync(join(FIXTURES, 'in', f), 'utf8')),
    }));
}

/** A lon/lat MultiPolygon in a GK plane. */
export function toPlane(crs: CrsCode, g: MultiPolygon): MultiPolygon {
  const p = projector(crs);
  return {
    type: 'MultiPolygon',
    coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map((c) => p.forward(c)))),
  };
}

/** The same construction for GEOS: the input's reach projected into the zone our output used. */
export function geosInputFor(input: FeatureCollection, zone: ZoneProperties): GeosZonesInput {
  const { reaches } = readReaches(input);
  const reach = reaches.find((r) => r.id === zone.reach);
  if (!reach) throw new Error(`no reach ${zone.reach}`);
  const p = projector(zone.crs);
  const xy = (cs: Position[]) => cs.map((c) => p.forward(c));
  const rules = resolveRules(DEFAULT_RULES, {});
  const toes: GeosZonesInput['toes'] = [];
  const banks: NonNullable<GeosZonesInput['banks']> = [];
  for (const line of [reach.left, reach.right]) {
    const w = bankWidths(reach.id, line, rules);
    if ('code' in w) throw new Error(renderMessage(w, 'en'));
    if (w.kind === 'toe')
      toes.push({ coords: xy(line.coords), widthM: w.widthM, protectionM: w.protectionM });
    else banks.push({ coords: xy(line.coords), widthM: w.widthM });
  }
  return {
    left: xy(reach.left.coords),
    right: xy(reach.right.coords),
    toes,
    banks,
    water: reach.water.map((rings) => rings.map(xy)),
    quadSegs: zone.quadrantSegments,
  };
}
