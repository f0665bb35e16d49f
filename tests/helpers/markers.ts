import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { projector } from '../../src/domain/crs/crs';
import { boundaryLine } from '../fixtures/markers/make-lines';

export const TIGHT = { spacingM: 100, minGapM: 50, bendDeg: 10, boardKm: 1 };
export const fc = (features: unknown[]) =>
  ({ type: 'FeatureCollection', features }) as FeatureCollection;
export const readJson = (path: string) =>
  JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;

export const gk = projector('EPSG:4545');
export const lonlat = (pts: number[][]) => pts.map((p) => gk.inverse(p));
export const O: [number, number] = [560000, 2430000];
export const straight = (len: number, props: Record<string, unknown> = {}) =>
  boundaryLine(lonlat([O, [O[0] + len, O[1]]]), { reach: 'S', ...props });
