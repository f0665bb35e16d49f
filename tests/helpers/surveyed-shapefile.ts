// A surveyed shapefile as a surveying company hands it over: GBK attributes with Chinese field
// names (名称, 堤防级别, 河段, 管理宽度), written by GDAL `ogr2ogr` at test time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { FeatureCollection } from 'geojson';

/** The two toe lines of 钦江 (the `straight` zone fixture's place), typed the Chinese way. */
const SURVEYED: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { 名称: '左岸堤脚线', 堤防级别: '3', 河段: '城区段', 管理宽度: 20 },
      geometry: {
        type: 'LineString',
        coordinates: [
          [108.5805071087, 21.9646519262],
          [108.5805438076, 21.9736824482],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { 名称: '右岸堤脚线', 堤防级别: '三级', 河段: '城区段', 管理宽度: 20 },
      geometry: {
        type: 'LineString',
        coordinates: [
          [108.5812816042, 21.9646515497],
          [108.5813183031, 21.9736820717],
        ],
      },
    },
  ],
};

/**
 * The features written by GDAL as a GBK shapefile (EPSG:4545, with .prj and .cpg) and zipped:
 * the zip's bytes. `fc` defaults to {@link SURVEYED}.
 */
export function surveyedShapefileZip(fc: FeatureCollection = SURVEYED): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'hejie-surveyed-'));
  try {
    const src = join(dir, 'in.geojson');
    writeFileSync(src, JSON.stringify(fc));
    const out = join(dir, 'shp');
    execFileSync(
      'ogr2ogr',
      [
        '-f',
        'ESRI Shapefile',
        '-s_srs',
        'EPSG:4490',
        '-t_srs',
        'EPSG:4545',
        '-lco',
        'ENCODING=CP936',
        '-nln',
        '堤脚线',
        out,
        src,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const files: Record<string, Uint8Array> = {};
    for (const f of readdirSync(out)) files[f] = new Uint8Array(readFileSync(join(out, f)));
    return zipSync(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
