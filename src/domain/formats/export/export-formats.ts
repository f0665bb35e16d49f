import { csvFormat } from '../csv/csv.format';
import { dxfFormat } from '../dxf/dxf.format';
import { geojsonFormat } from '../geojson/geojson.format';
import { kmlFormat } from '../kml/kml.format';
import { shapefileFormat } from '../shapefile/shapefile.format';
import { txtFormat } from '../txt/txt.format';
import type { ExportFormat } from '../types';
import { xlsxFormat } from '../xlsx/xlsx.format';

/**
 * Every export format, in the order the UI lists them (the only list; no switch on ids elsewhere).
 * @example EXPORT_FORMATS.find((f) => f.id === 'shp')?.label // 'ESRI Shapefile (zip)'
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  shapefileFormat,
  dxfFormat,
  kmlFormat,
  geojsonFormat,
  xlsxFormat,
  csvFormat,
  txtFormat,
];
