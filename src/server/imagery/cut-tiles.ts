// Cuts raw RGBA pixels into encoded 256 px tiles, and builds a parent tile from its four children.
import sharp from 'sharp';

const TILE = 256;

/** An encoded tile: JPEG when fully opaque, PNG when partly transparent; null when empty. */
export async function encodeTile(rgba: Buffer): Promise<Buffer | null> {
  let opaque = true;
  let empty = true;
  for (let i = 3; i < rgba.length; i += 4) {
    const a = rgba[i] as number;
    if (a !== 255) opaque = false;
    if (a !== 0) empty = false;
    if (!opaque && !empty) break;
  }
  if (empty) return null;
  const img = sharp(rgba, { raw: { width: TILE, height: TILE, channels: 4 } });
  return opaque
    ? img.removeAlpha().jpeg({ quality: 88, chromaSubsampling: '4:4:4' }).toBuffer()
    : img.png({ compressionLevel: 6 }).toBuffer();
}

/** The 256 × 256 RGBA pixels of tile (col, row) of a raw RGBA image `width` pixels wide. */
export function tilePixels(raw: Buffer, width: number, col: number, row: number): Buffer {
  const out = Buffer.alloc(TILE * TILE * 4);
  for (let r = 0; r < TILE; r++) {
    const from = ((row * TILE + r) * width + col * TILE) * 4;
    raw.copy(out, r * TILE * 4, from, from + TILE * 4);
  }
  return out;
}

/**
 * A parent tile from its four children (top-left, top-right, bottom-left, bottom-right; null where
 * there is none), halved; null when all four are missing.
 */
export async function mergeChildren(children: readonly (Buffer | null)[]): Promise<Buffer | null> {
  const parts = children.flatMap((c, i) =>
    c ? [{ input: c, left: (i % 2) * TILE, top: Math.floor(i / 2) * TILE }] : [],
  );
  if (parts.length === 0) return null;
  const mosaic = await sharp({
    create: {
      width: 2 * TILE,
      height: 2 * TILE,
      channels: 4,
      background: { r: 0, g: 0, b: 0, alpha: 0 },
    },
  })
    .composite(parts)
    .raw()
    .toBuffer();
  const half = await sharp(mosaic, { raw: { width: 2 * TILE, height: 2 * TILE, channels: 4 } })
    .resize(TILE, TILE, { kernel: 'linear' })
    .ensureAlpha()
    .raw()
    .toBuffer();
  return encodeTile(half);
}
