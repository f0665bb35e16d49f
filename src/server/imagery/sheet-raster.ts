// The imagery under a 成果图 sheet's map: the archive's tiles covering the frame, joined into one Web
// Mercator image (sharp), warped by GDAL onto the frame's Gauss-Krüger grid, flattened to JPEG.
// Runs where the sheets are drawn (the document worker): it opens the archive file itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { type CrsCode, projector } from '../../domain/crs/crs';
import { bboxOfPoints } from '../../domain/geo/bbox';
import { type Bounds, tileMercatorBounds, tileRange } from '../../domain/imagery/tile-math';
import type { RasterSource } from '../sheets/write-sheets-pdf';
import { warpToGrid } from './gdal';
import { type ArchiveReader, openMbtiles } from './mbtiles-archive';
import { openPmtiles } from './pmtiles-archive';

/** An imagery layer as the sheets need it: its archive and what the sheet prints. */
export interface SheetImagery {
  /** the archive's absolute path */
  path: string;
  format: 'mbtiles' | 'pmtiles';
  minzoom: number;
  maxzoom: number;
  /** the credit printed in the sheet's sources, e.g. 2024 年 DOM（2024-05，测绘单位） */
  credit: string;
}

/** Web Mercator metres per pixel at zoom 0 on the equator (256 px tiles). */
const Z0_RES = 156543.03392804097;
/** At most this many tiles per frame (a frame wider than this at full zoom takes a lower zoom). */
const MAX_TILES = 1600;

/** The lon/lat bounds of a GK box (corners and mid-edges: a GK box is no lon/lat rectangle). */
function lonLatBounds(crs: CrsCode, b: { minE: number; minN: number; maxE: number; maxN: number }) {
  const { inverse } = projector(crs);
  const midE = (b.minE + b.maxE) / 2;
  const midN = (b.minN + b.maxN) / 2;
  const pts = [
    [b.minE, b.minN],
    [b.maxE, b.minN],
    [b.minE, b.maxN],
    [b.maxE, b.maxN],
    [midE, b.minN],
    [midE, b.maxN],
    [b.minE, midN],
    [b.maxE, midN],
  ].map((p) => inverse(p));
  return bboxOfPoints(pts) as Bounds;
}

/** The zoom whose pixels are as fine as the sheet's (`metres` per pixel), within the archive's. */
function zoomFor(metres: number, lat: number, img: SheetImagery): number {
  const z = Math.ceil(Math.log2((Z0_RES * Math.cos((lat * Math.PI) / 180)) / metres));
  return Math.max(img.minzoom, Math.min(img.maxzoom, z));
}

/**
 * The raster source of a layer for `writeSheetsPdf`, and its closer. A frame the layer does not
 * reach gets no image (null): the sheet then shows the vector base alone.
 */
export function sheetRaster(img: SheetImagery): { source: RasterSource; close: () => void } {
  let reader: ArchiveReader | null = null;
  const open = () => {
    reader ??= img.format === 'mbtiles' ? openMbtiles(img.path) : openPmtiles(img.path);
    return reader;
  };
  const source: RasterSource = async (item, px) => {
    const bounds = lonLatBounds(item.crs as CrsCode, item.box);
    let z = zoomFor((item.box.maxE - item.box.minE) / px.width, (bounds[1] + bounds[3]) / 2, img);
    let range = tileRange(bounds, z);
    const count = (r: typeof range) => (r.maxX - r.minX + 1) * (r.maxY - r.minY + 1);
    while (count(range) > MAX_TILES && z > img.minzoom) range = tileRange(bounds, --z);
    const tiles: { input: Buffer; left: number; top: number }[] = [];
    let size = 0;
    for (let x = range.minX; x <= range.maxX; x++)
      for (let y = range.minY; y <= range.maxY; y++) {
        const t = open().tile(z, x, y);
        if (!t) continue;
        size ||= (await sharp(t).metadata()).width ?? 256;
        tiles.push({ input: t, left: (x - range.minX) * size, top: (y - range.minY) * size });
      }
    if (tiles.length === 0) return null;
    const dir = mkdtempSync(join(tmpdir(), 'hejie-sheet-img-'));
    try {
      const mosaic = join(dir, 'mosaic.png');
      await sharp({
        create: {
          width: (range.maxX - range.minX + 1) * size,
          height: (range.maxY - range.minY + 1) * size,
          channels: 4,
          background: { r: 0, g: 0, b: 0, alpha: 0 },
        },
        limitInputPixels: false,
      })
        .composite(tiles)
        .png({ compressionLevel: 1 })
        .toFile(mosaic);
      // the world file: pixel size, no rotation, the centre of the upper-left pixel
      const [minX, , maxX, maxY] = tileMercatorBounds(z, range.minX, range.minY);
      const pixel = (maxX - minX) / size;
      writeFileSync(
        join(dir, 'mosaic.pgw'),
        `${pixel}\n0\n0\n${-pixel}\n${minX + pixel / 2}\n${maxY - pixel / 2}\n`,
      );
      const warped = join(dir, 'warped.tif');
      const b = item.box;
      await warpToGrid(
        mosaic,
        warped,
        item.crs,
        [b.minE, b.minN, b.maxE, b.maxN],
        px.width,
        px.height,
      );
      return await sharp(warped)
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82 })
        .toBuffer();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { source, close: () => reader?.close() };
}
