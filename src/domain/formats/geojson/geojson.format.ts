import { strToU8 } from 'fflate';
import type { FeatureCollection, Position } from 'geojson';
import { msg } from '../../message';
import { type ExportGeometry, mapPositions, orientPolygons } from '../common/geometry-coords';
import type { ExportContext, ExportFormat } from '../types';

/** 9 decimals of a degree: 0.1 mm, well inside the 1 mm the exports promise. */
const round = (p: Position): Position => p.map((v) => Math.round(v * 1e9) / 1e9);

function rfc7946(g: ExportGeometry): ExportGeometry {
  const r = mapPositions(g, round);
  if (r.type === 'Polygon')
    return { type: 'Polygon', coordinates: orientPolygons(r, 'ccw')[0] ?? [] };
  if (r.type === 'MultiPolygon')
    return { type: 'MultiPolygon', coordinates: orientPolygons(r, 'ccw') };
  return r;
}

function writeGeoJson(
  fc: FeatureCollection,
  ctx: ExportContext,
): ReturnType<ExportFormat['write']> {
  const out: FeatureCollection = {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      ...(f.id !== undefined ? { id: f.id } : {}),
      geometry: rfc7946(f.geometry as ExportGeometry),
      properties: f.properties ?? {},
    })),
  };
  const warnings = ctx.encoding === 'gbk' ? [msg('formats.geojson.alwaysUtf8')] : [];
  const bytes = strToU8(`${JSON.stringify(out)}\n`);
  return { ok: true, files: [{ name: `${ctx.baseName}.geojson`, bytes }], warnings };
}

/**
 * RFC 7946 GeoJSON: lon/lat, outer rings counter-clockwise and holes clockwise, 9 decimals, properties as they are.
 * @example geojsonFormat.write(zones, { crs: CRS['EPSG:4490'], encoding: 'utf-8', baseName: 'zones' })
 */
export const geojsonFormat: ExportFormat = {
  id: 'geojson',
  label: 'GeoJSON (RFC 7946)',
  extension: '.geojson',
  lonLatOnly: true,
  textEncoding: false,
  nameTag: '',
  write: writeGeoJson,
};
