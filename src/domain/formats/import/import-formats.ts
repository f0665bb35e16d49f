import type { Feature, FeatureCollection } from 'geojson';
import { projector } from '../../crs/crs';
import type { RawResult } from '../common/raw-data';
import { readDxf } from '../dxf/read-dxf';
import { readGeojson } from '../geojson/read-geojson';
import { readKml } from '../kml/read-kml';
import { readShapefile } from '../shapefile/read-shapefile';
import { readCsv, readTxt } from '../tables/read-table';
import type { ImportFormat, ImportOptions, ImportResult, ImportSource } from '../types';
import { readXlsx } from '../xlsx/read-xlsx';
import { mapPositions, resolveCrs } from './detect-crs';
import { IMPORT_EXTENT, inQinzhou } from './import-extent';

const e = IMPORT_EXTENT;
const EXTENT = `${e.west.toFixed(2)}–${e.east.toFixed(2)}°E, ${e.south.toFixed(2)}–${e.north.toFixed(2)}°N`;
const round = (v: number) => Math.round(v * 1e9) / 1e9;

/**
 * Turns what a reader found into lon/lat CGCS2000 features: decides the CRS, fixes swapped axes,
 * transforms, and refuses the import when any position falls outside Qinzhou (listing each one),
 * because such points are almost always a wrong zone, prefix or datum, not real data.
 * @example georeference(readTxt(source, {}), {}) // { ok: true, crs: 'EPSG:4524', … }
 */
function georeference(read: RawResult, options: ImportOptions): ImportResult {
  if (!read.ok) return read;
  const { raw } = read;
  const decision = resolveCrs(raw, options);
  if (!decision.ok) return decision;
  const proj = decision.crs === 'EPSG:4490' ? null : projector(decision.crs);
  const outside: string[] = [];
  const features: Feature[] = raw.features.map((f) => {
    let reported = false;
    const geometry = mapPositions(f.geometry, (p) => {
      const en = decision.toEastNorth(p);
      const ll = proj ? proj.inverse(en) : [en[0] as number, en[1] as number];
      const out = [round(ll[0] as number), round(ll[1] as number), ...en.slice(2)];
      if (!reported && !inQinzhou(out)) {
        reported = true;
        outside.push(
          `${f.where} at (${p[0]}, ${p[1]}) → ${out[0]?.toFixed(5)}°E ${out[1]?.toFixed(5)}°N`,
        );
      }
      return out;
    });
    return { type: 'Feature', geometry, properties: { ...f.properties } };
  });
  if (outside.length > 0) {
    const shown = outside.slice(0, 20).join('; ');
    const more = outside.length > 20 ? ` and ${outside.length - 20} more features` : '';
    return {
      ok: false,
      errors: [
        `${outside.length} feature(s) fall outside Qinzhou (${EXTENT}) in ${decision.crs}: ${shown}${more}; check the CRS/zone, or remove the points`,
      ],
    };
  }
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  return {
    ok: true,
    features: fc,
    crs: decision.crs,
    crsSource: decision.crsSource,
    encoding: raw.encoding,
    warnings: [...raw.warnings, ...decision.warnings],
    ...(decision.swapped ? { swapped: decision.swapped } : {}),
  };
}

const format = (
  id: ImportFormat['id'],
  label: string,
  extensions: string[],
  textEncoding: boolean,
  parse: (s: ImportSource, o: ImportOptions) => RawResult,
): ImportFormat => ({
  id,
  label,
  extensions,
  textEncoding,
  read: (s, o) => georeference(parse(s, o), o),
});

/**
 * The import formats, one list (no switch on format ids anywhere else).
 * @example IMPORT_FORMATS.find((f) => f.extensions.includes('.kml'))?.id // 'kml'
 */
export const IMPORT_FORMATS: readonly ImportFormat[] = [
  format('shp', 'Shapefile (zip)', ['.zip'], true, readShapefile),
  format('geojson', 'GeoJSON', ['.geojson', '.json'], false, readGeojson),
  format('kml', 'KML', ['.kml'], false, readKml),
  format('dxf', 'DXF', ['.dxf'], true, readDxf),
  format('csv', 'CSV coordinate table', ['.csv'], true, readCsv),
  format('xlsx', 'Excel coordinate table', ['.xlsx'], false, readXlsx),
  format('txt', 'TXT coordinate exchange file', ['.txt'], true, readTxt),
];
