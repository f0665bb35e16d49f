// A vector tile's address from a route's parameters: `/:z/:x/:file` with `file` = `<y>.pbf`.

/** A tile's address. */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

// canonical integers only: no 1e1, 0x1, 01, spaces or signs
const int = (s: string | undefined) => (s && /^(0|[1-9]\d{0,7})$/.test(s) ? Number(s) : Number.NaN);

/** The address, or null unless z ≤ 22 and 0 ≤ x, y < 2^z in canonical integers. */
export function readTileAddress(
  zText: string | undefined,
  xText: string | undefined,
  file: string | undefined,
): TileAddress | null {
  const [z, x] = [int(zText), int(xText)];
  const y = int(/^(\d+)\.pbf$/.exec(file ?? '')?.[1]);
  const n = 2 ** z;
  if (![z, x, y].every(Number.isInteger) || z < 0 || z > 22) return null;
  if (x < 0 || x >= n || y < 0 || y >= n) return null;
  return { z, x, y };
}
