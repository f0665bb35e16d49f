import { csvFormat } from './csv.format';
import { dxfFormat } from './dxf.format';
import { geojsonFormat } from './geojson.format';
import { kmlFormat } from './kml.format';
import { shapefileFormat } from './shapefile.format';
import { txtFormat } from './txt.format';
import type { ExportFormat } from './types';
import { xlsxFormat } from './xlsx.format';

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
