// A GeoTIFF (any CGCS2000 CRS, RGB or RGBA) into an MBTiles pyramid, in chunks of 8 × 8 tiles:
// each chunk of the finest zoom is warped by gdalwarp into a 2048 px raw RGBA file and cut; each
// coarser chunk is built from the finer tiles already written. Memory stays bounded whatever the
// image's size (one chunk at a time, GDAL's cache capped), and a restarted job skips the chunks
// the archive already holds.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkImageCrs } from '../../domain/imagery/check-crs';
import { chooseZooms } from '../../domain/imagery/choose-zooms';
import {
  type Bounds,
  type TileRange,
  tileMercatorBounds,
  tileRange,
} from '../../domain/imagery/tile-math';
import { type Message, msg } from '../../domain/message';
import { encodeTile, mergeChildren, tilePixels } from './cut-tiles';
import { gdalInfo, warpChunk } from './gdal';
import { buildMbtiles, type MbtilesWriter } from './mbtiles-archive';

const CHUNK = 8;

/** What converting a GeoTIFF will make. */
export interface GeotiffPlan {
  bounds: Bounds;
  minzoom: number;
  maxzoom: number;
  /** metres per pixel at the image's centre */
  resolution: number;
  hasAlpha: boolean;
}

/** Reads the GeoTIFF's header with gdalinfo and checks it: CRS, bands, bounds. */
export async function inspectGeotiff(
  path: string,
): Promise<{ ok: true; plan: GeotiffPlan; synthetic: boolean } | { ok: false; reason: Message }> {
  const info = await gdalInfo(path).catch(() => null);
  if (!info) return { ok: false, reason: msg('imagery.tiff.unreadable') };
  const crs = checkImageCrs(info.wkt);
  if (!crs.ok) return crs;
  const colours = info.bands.map((b) => b.colorInterpretation).join(',');
  const byte = info.bands.every((b) => b.type === 'Byte');
  if (!byte || !/^Red,Green,Blue(,Alpha)?$/.test(colours))
    return { ok: false, reason: msg('imagery.tiff.bands', { bands: colours || '—' }) };
  const gt = info.geoTransform;
  if (!info.bounds || !gt) return { ok: false, reason: msg('imagery.crs.missing') };
  const lat = (info.bounds[1] + info.bounds[3]) / 2;
  const projected = /^\s*PROJ(CRS|CS)\[/.test(info.wkt);
  const pixel = Math.abs(gt[1] as number);
  const resolution = projected ? pixel : pixel * 111320 * Math.cos((lat * Math.PI) / 180);
  const zooms = chooseZooms({ resolution, lat, widthPx: info.size[0], heightPx: info.size[1] });
  return {
    ok: true,
    plan: { bounds: info.bounds, ...zooms, resolution, hasAlpha: colours.endsWith('Alpha') },
    synthetic: info.metadata.SYNTHETIC === 'true',
  };
}

interface Chunk {
  z: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function chunksOf(r: TileRange): Chunk[] {
  const out: Chunk[] = [];
  for (let y = r.minY; y <= r.maxY; y += CHUNK)
    for (let x = r.minX; x <= r.maxX; x += CHUNK)
      out.push({
        z: r.z,
        minX: x,
        minY: y,
        maxX: Math.min(r.maxX, x + CHUNK - 1),
        maxY: Math.min(r.maxY, y + CHUNK - 1),
      });
  return out;
}

/** The chunks of a conversion, finest zoom first (coarser ones need the finer tiles). */
export function planChunks(plan: GeotiffPlan): Chunk[] {
  const out: Chunk[] = [];
  for (let z = plan.maxzoom; z >= plan.minzoom; z--)
    for (const chunk of chunksOf(tileRange(plan.bounds, z))) out.push(chunk);
  return out;
}

const chunkName = (c: Chunk) => `${c.z}/${c.minX}/${c.minY}`;

/** Warps a chunk of the finest zoom into raw RGBA pixels (the scratch files are removed). */
async function warp(src: string, scratch: string, plan: GeotiffPlan, c: Chunk): Promise<Buffer> {
  const [w, h] = [(c.maxX - c.minX + 1) * 256, (c.maxY - c.minY + 1) * 256];
  const a = tileMercatorBounds(c.z, c.minX, c.maxY);
  const b = tileMercatorBounds(c.z, c.maxX, c.minY);
  const raw = join(scratch, `chunk-${c.z}-${c.minX}-${c.minY}`);
  try {
    await warpChunk(src, raw, [a[0], a[1], b[2], b[3]], w, h, plan.hasAlpha);
    return readFileSync(raw);
  } finally {
    for (const f of [raw, `${raw}.hdr`, `${raw}.aux.xml`]) rmSync(f, { force: true });
  }
}

/** Cuts a warped chunk into its encoded tiles. */
function cut(pixels: Buffer, c: Chunk) {
  const w = (c.maxX - c.minX + 1) * 256;
  const jobs = [];
  for (let y = c.minY; y <= c.maxY; y++)
    for (let x = c.minX; x <= c.maxX; x++)
      jobs.push(
        encodeTile(tilePixels(pixels, w, x - c.minX, y - c.minY)).then((data) => ({
          z: c.z,
          x,
          y,
          data,
        })),
      );
  return Promise.all(jobs);
}

async function overview(out: MbtilesWriter, c: Chunk) {
  const jobs = [];
  for (let y = c.minY; y <= c.maxY; y++)
    for (let x = c.minX; x <= c.maxX; x++) {
      const kids = [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ].map(([dx, dy]) => out.tile(c.z + 1, 2 * x + (dx as number), 2 * y + (dy as number)));
      jobs.push(mergeChildren(kids).then((data) => ({ z: c.z, x, y, data })));
    }
  return Promise.all(jobs);
}

/**
 * Converts `src` into the MBTiles file `part` (created or resumed), reporting progress 0–1.
 * `scratch` holds one chunk's raw pixels at a time.
 */
export async function convertGeotiff(
  src: string,
  part: string,
  scratch: string,
  plan: GeotiffPlan,
  metadata: Record<string, string>,
  onProgress: (done: number) => void,
): Promise<void> {
  const out = buildMbtiles(part);
  try {
    const chunks = planChunks(plan);
    const todo = chunks.filter((c) => !out.isDone(chunkName(c)));
    const finest = todo.filter((c) => c.z === plan.maxzoom);
    // gdalwarp warps the next chunk while this process encodes the current one (two cores busy,
    // two chunks' pixels in memory at most)
    const warped = new Map<Chunk, Promise<Buffer>>();
    const start = (c: Chunk | undefined) => {
      if (!c || warped.has(c)) return;
      const pixels = warp(src, scratch, plan, c);
      // a prefetch that fails is reported when its chunk's turn comes, not as an unhandled rejection
      pixels.catch(() => undefined);
      warped.set(c, pixels);
    };
    let done = chunks.length - todo.length;
    for (const c of todo) {
      let tiles: Awaited<ReturnType<typeof cut>>;
      if (c.z === plan.maxzoom) {
        start(c);
        const pixels = warped.get(c) as Promise<Buffer>;
        start(finest[finest.indexOf(c) + 1]);
        tiles = await cut(await pixels, c);
        warped.delete(c);
      } else tiles = await overview(out, c);
      out.putChunk(
        chunkName(c),
        tiles.flatMap((t) => (t.data ? [{ z: t.z, x: t.x, y: t.y, data: t.data }] : [])),
      );
      done += 1;
      onProgress(done / chunks.length);
    }
    out.finish(metadata);
  } finally {
    out.close();
  }
}
