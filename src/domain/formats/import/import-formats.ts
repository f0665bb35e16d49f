import type { Feature, FeatureCollection } from 'geojson';
import { projector } from '../../crs/crs';
import { type Message, msg } from '../../message';
import { listOf } from '../common/message-list';
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
const EXTENT = msg('formats.extent', {
  west: e.west.toFixed(2),
  east: e.east.toFixed(2),
  south: e.south.toFixed(2),
  north: e.north.toFixed(2),
});
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
  const outside: Message[] = [];
  const features: Feature[] = raw.features.map((f) => {
    let reported = false;
    const geometry = mapPositions(f.geometry, (p) => {
      const en = decision.toEastNorth(p);
      const ll = proj ? proj.inverse(en) : [en[0] as number, en[1] as number];
      const out = [round(ll[0] as number), round(ll[1] as number), ...en.slice(2)];
      if (!reported && !inQinzhou(out)) {
        reported = true;
        outside.push(
          msg('formats.outsideAt', {
            where: f.where,
            x: String(p[0]),
            y: String(p[1]),
            lon: out[0]?.toFixed(5) ?? '',
            lat: out[1]?.toFixed(5) ?? '',
          }),
        );
      }
      return out;
    });
    return { type: 'Feature', geometry, properties: { ...f.properties } };
  });
  if (outside.length > 0) {
    return {
      ok: false,
      errors: [
        msg('formats.outsideQinzhou', {
          n: outside.length,
          extent: EXTENT,
          crs: decision.crs,
          list: listOf(outside, 20, 'semi'),
        }),
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
  format('shp', 'ESRI Shapefile (zip)', ['.zip'], true, readShapefile),
  format('geojson', 'GeoJSON', ['.geojson', '.json'], false, readGeojson),
  format('kml', 'KML', ['.kml'], false, readKml),
  format('dxf', 'DXF', ['.dxf'], true, readDxf),
  format('csv', 'CSV 坐标成果表', ['.csv'], true, readCsv),
  format('xlsx', 'Excel 坐标成果表', ['.xlsx'], false, readXlsx),
  format('txt', 'TXT 坐标交换文件', ['.txt'], true, readTxt),
];
