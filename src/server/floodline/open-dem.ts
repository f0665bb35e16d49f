// Opens a DEM GeoTIFF for the flood-line engine: refuses what is not a GeoTIFF, a file over the size
// limit (before reading anything), a missing or old-datum CRS and a rotated grid; reads by window.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fromFile } from 'geotiff';
import { type CrsCode, projector } from '../../domain/crs/crs';
import { demCrs } from '../../domain/floodline/dem-crs';
import { planarView } from '../../domain/floodline/planar-view';
import type { RasterSource } from '../../domain/floodline/types';
import { type Message, msg } from '../../domain/message';

/** Files larger than this (bytes) are refused before reading: 2 GiB. */
export const DEM_MAX_BYTES = 2 * 1024 ** 3;

/** An opened DEM: its native grid, its CRS, and what is recorded about the file. */
export interface OpenDem {
  raster: RasterSource;
  crs: CrsCode;
  name: string;
  sha256: string;
  close(): Promise<void>;
}

function magic(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(4);
    readSync(fd, b, 0, 4, 0);
    return b;
  } finally {
    closeSync(fd);
  }
}

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Opens a DEM GeoTIFF (tiled or striped, one band) named `name`.
 * @example await openDem('/tmp/dem.tif', 'dem.tif') // { ok: true, dem: { crs: 'EPSG:4545', … } }
 */
export async function openDem(
  path: string,
  name = basename(path),
  maxBytes = DEM_MAX_BYTES,
): Promise<{ ok: true; dem: OpenDem } | { ok: false; error: Message }> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    // a missing or unreadable file, said in the user's language (the system's text otherwise)
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? msg('cli.noSuchFile') : (e as Error).message;
    return { ok: false, error: msg('cli.cannotRead', { what: name, why }) };
  }
  if (size > maxBytes) {
    const gb = (n: number) => (n / 1024 ** 3).toFixed(1);
    return {
      ok: false,
      error: msg('floodline.dem.tooBig', { name, size: gb(size), max: gb(maxBytes) }),
    };
  }
  const m = magic(path).toString('latin1');
  if (!['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(m)) {
    return { ok: false, error: msg('floodline.dem.notGeotiff', { name }) };
  }
  let tiff: Awaited<ReturnType<typeof fromFile>>;
  try {
    tiff = await fromFile(path);
  } catch {
    return { ok: false, error: msg('floodline.dem.notGeotiff', { name }) };
  }
  const image = await tiff.getImage();
  const keys = (image.getGeoKeys() ?? {}) as Record<string, unknown>;
  const crs = demCrs(keys);
  if (!crs.ok) return { ok: false, error: crs.error };
  const fd = image.getFileDirectory() as unknown as { getValue(tag: string): unknown };
  const has = (tag: string) => {
    try {
      return fd.getValue(tag) !== undefined;
    } catch {
      return false;
    }
  };
  if (has('ModelTransformation') || !has('ModelPixelScale') || !has('ModelTiepoint')) {
    return { ok: false, error: msg('floodline.dem.grid', { name }) };
  }
  const [ox, oy] = image.getOrigin();
  const [rx, ry] = image.getResolution();
  const cellWidth = Math.abs(rx as number);
  const cellHeight = Math.abs(ry as number);
  // PixelIsPoint: the tie point is a cell's centre, not its corner
  const isPoint = keys.GTRasterTypeGeoKey === 2;
  const nd = image.getGDALNoData();
  const native: RasterSource = {
    width: image.getWidth(),
    height: image.getHeight(),
    originX: (ox as number) - (isPoint ? cellWidth / 2 : 0),
    originY: (oy as number) + (isPoint ? cellHeight / 2 : 0),
    cellWidth,
    cellHeight,
    nodata: nd === null ? null : Math.fround(nd),
    async readWindow(col, row, cols, rows) {
      const data = await image.readRasters({
        window: [col, row, col + cols, row + rows],
        samples: [0],
        interleave: true,
      });
      return data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
    },
  };
  return {
    ok: true,
    dem: {
      raster: native,
      crs: crs.crs,
      name,
      sha256: await sha256(path),
      close: async () => {
        tiff.close();
      },
    },
  };
}

/**
 * The DEM as a planar grid: itself when it is in a Gauss-Krüger zone; for a geographic DEM a
 * bilinear view in `zone` (the zone the centreline lies in).
 * @example planarDem(dem, 'EPSG:4545')
 */
export function planarDem(dem: OpenDem, zone: CrsCode): RasterSource {
  return dem.crs === 'EPSG:4490' ? planarView(dem.raster, projector(zone)) : dem.raster;
}
