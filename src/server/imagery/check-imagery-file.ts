// Checks a file before anything is kept: its kind by magic bytes, a GeoTIFF's CRS and bands, an
// archive's format and bounds, the region, and the disk space the result will take.
import { closeSync, openSync, readSync, statfsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { checkImageryBounds } from '../../domain/imagery/check-bounds';
import { sniffImageryFile } from '../../domain/imagery/sniff-format';
import type { Bounds } from '../../domain/imagery/tile-math';
import { type Message, msg } from '../../domain/message';
import { type GeotiffPlan, inspectGeotiff, planChunks } from './convert-geotiff';
import { mbtilesZooms, readMbtilesMetadata } from './mbtiles-archive';
import { readPmtilesFileHeader } from './pmtiles-archive';

/** A file that passed the checks, and what it will make. */
export type Checked =
  | { ok: true; kind: 'geotiff'; plan: GeotiffPlan; synthetic: boolean }
  | {
      ok: true;
      kind: 'mbtiles' | 'pmtiles';
      bounds: Bounds;
      minzoom: number;
      maxzoom: number;
      synthetic: boolean;
    };

const TILE_BYTES = 60_000;

function head(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(16);
    readSync(fd, b, 0, 16, 0);
    return b;
  } finally {
    closeSync(fd);
  }
}

/** The checks of a file named `name` (its kind by magic bytes, CRS, bands, format, region). */
export async function checkFile(
  path: string,
  name: string,
  region: Bounds,
): Promise<Checked | { ok: false; reason: Message }> {
  const sniffed = sniffImageryFile(name, head(path));
  if (!sniffed.ok) return sniffed;
  if (sniffed.kind === 'geotiff') {
    const inspected = await inspectGeotiff(path);
    if (!inspected.ok) return inspected;
    const outside = checkImageryBounds(inspected.plan.bounds, region);
    if (outside) return { ok: false, reason: outside };
    return { ok: true, kind: 'geotiff', plan: inspected.plan, synthetic: inspected.synthetic };
  }
  const archive = readArchive(path, sniffed.kind);
  if (!archive.ok) return archive;
  const outside = checkImageryBounds(archive.bounds, region);
  if (outside) return { ok: false, reason: outside };
  return { ...archive, kind: sniffed.kind };
}

function readArchive(path: string, kind: 'mbtiles' | 'pmtiles') {
  const bad = (reason: Message) => ({ ok: false as const, reason });
  if (kind === 'pmtiles') {
    const h = readPmtilesFileHeader(path);
    if (!h)
      return bad(msg('imagery.file.notWhatNamed', { name: basename(path), expected: 'pmtiles' }));
    if (h.tileType < 2 || h.tileType > 4) return bad(msg('imagery.archive.notRaster'));
    return {
      ok: true as const,
      bounds: h.bounds,
      minzoom: h.minZoom,
      maxzoom: h.maxZoom,
      synthetic: false,
    };
  }
  let meta: Record<string, string>;
  try {
    meta = readMbtilesMetadata(path);
  } catch {
    return bad(msg('imagery.archive.notMbtiles'));
  }
  if (!['png', 'jpg', 'jpeg', 'webp'].includes(meta.format ?? ''))
    return bad(msg('imagery.archive.notRaster'));
  const bounds = (meta.bounds ?? '').split(',').map(Number) as unknown as Bounds;
  const zooms = mbtilesZooms(path);
  if (!zooms) return bad(msg('imagery.archive.empty'));
  return { ok: true as const, bounds, ...zooms, synthetic: meta.synthetic === 'true' };
}

/** Bytes the archive will take, with a margin. */
export function needed(path: string, c: Checked): number {
  if (c.kind !== 'geotiff') return statSync(path).size + 16e6;
  const tiles = planChunks(c.plan).reduce(
    (n, k) => n + (k.maxX - k.minX + 1) * (k.maxY - k.minY + 1),
    0,
  );
  return tiles * TILE_BYTES + 64e6;
}

/** Bytes free on the disk of `dir`. */
export const defaultFree = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};
