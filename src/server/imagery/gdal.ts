// The GDAL command-line tools (Debian gdal-bin) the converter runs, with bounded memory: GDAL's
// block cache and the warper's buffer are capped, whatever the size of the image.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { bboxOfPoints } from '../../domain/geo/bbox';

const run = promisify(execFile);
/** MB of GDAL's block cache per process. */
const CACHE_MB = 128;
const GDAL_ENV = { ...process.env, GDAL_CACHEMAX: String(CACHE_MB), GDAL_NUM_THREADS: '1' };

/** What `gdalinfo -json` says that the converter uses. */
export interface GdalInfo {
  size: [number, number];
  wkt: string;
  geoTransform: number[] | null;
  /** lon/lat bounds from the corner coordinates, or null without a CRS */
  bounds: [number, number, number, number] | null;
  bands: { type: string; colorInterpretation: string }[];
  /** the default metadata domain (e.g. SYNTHETIC=true on a test's pattern) */
  metadata: Record<string, string>;
}

/** Runs `gdalinfo -json`; throws with GDAL's own message when it cannot read the file. */
export async function gdalInfo(path: string): Promise<GdalInfo> {
  const { stdout } = await run('gdalinfo', ['-json', path], {
    env: GDAL_ENV,
    maxBuffer: 64 * 1024 * 1024,
  });
  const j = JSON.parse(stdout) as {
    size: [number, number];
    coordinateSystem?: { wkt?: string };
    geoTransform?: number[];
    wgs84Extent?: { coordinates: number[][][] };
    bands?: { type: string; colorInterpretation?: string }[];
    metadata?: Record<string, Record<string, string>>;
  };
  const ring = j.wgs84Extent?.coordinates[0] ?? null;
  return {
    size: j.size,
    wkt: j.coordinateSystem?.wkt ?? '',
    geoTransform: j.geoTransform ?? null,
    bounds: ring && ring.length > 0 ? bboxOfPoints(ring) : null,
    metadata: j.metadata?.[''] ?? {},
    bands: (j.bands ?? []).map((b) => ({
      type: b.type,
      colorInterpretation: b.colorInterpretation ?? 'Undefined',
    })),
  };
}

/**
 * Warps the part of `src` inside a Web Mercator box into a raw RGBA file (`size` × `size` pixels,
 * pixel-interleaved), transparent outside the image.
 */
export async function warpChunk(
  src: string,
  dst: string,
  box: readonly [number, number, number, number],
  width: number,
  height: number,
  hasAlpha: boolean,
): Promise<void> {
  await run(
    'gdalwarp',
    [
      '-q',
      '-overwrite',
      '-t_srs',
      'EPSG:3857',
      '-te',
      ...box.map(String),
      '-ts',
      String(width),
      String(height),
      '-r',
      'bilinear',
      '-wm',
      '64',
      ...(hasAlpha ? [] : ['-dstalpha']),
      '-of',
      'ENVI',
      '-co',
      'INTERLEAVE=BIP',
      src,
      dst,
    ],
    { env: GDAL_ENV },
  );
}

/**
 * Warps a Web Mercator image (`src`, georeferenced by a world file) onto a grid of `crs` (a GK
 * zone): the box `te` (minE, minN, maxE, maxN) at `width` × `height` pixels, RGBA GeoTIFF, transparent
 * where the image has nothing. The 成果图 sheets' imagery.
 */
export async function warpToGrid(
  src: string,
  dst: string,
  crs: string,
  te: readonly [number, number, number, number],
  width: number,
  height: number,
): Promise<void> {
  await run(
    'gdalwarp',
    [
      '-q',
      '-overwrite',
      '-s_srs',
      'EPSG:3857',
      '-t_srs',
      crs,
      '-te',
      ...te.map(String),
      '-ts',
      String(width),
      String(height),
      '-r',
      'bilinear',
      '-wm',
      '64',
      '-dstalpha',
      '-of',
      'GTiff',
      src,
      dst,
    ],
    { env: GDAL_ENV },
  );
}
