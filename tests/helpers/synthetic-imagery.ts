/**
 * A synthetic orthophoto for tests and the bench: a grid of coloured cells (never a real image),
 * written with GDAL as a GeoTIFF in a CGCS2000 Gauss-Krüger zone, tagged SYNTHETIC=true.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';

/** The grid's origin (upper left) in EPSG:4545 (CGCS2000 / 3-degree GK CM 108E), near 钦州. */
const GRID_ORIGIN = { e: 560000, n: 2500000 } as const;

/** What a synthetic image holds. */
export interface SyntheticImage {
  path: string;
  /** cells per side */
  cells: number;
  /** metres per cell side */
  cellMetres: number;
  /** metres per pixel */
  resolution: number;
  /** the colour of cell (col, row), counted from the upper left */
  colour: (col: number, row: number) => [number, number, number];
  /** the grid's upper-left corner in EPSG:4545 metres */
  origin: { e: number; n: number };
}

/** Cell (col, row)'s colour: distinct for every cell of a 16 × 16 grid. */
function cellColour(col: number, row: number): [number, number, number] {
  return [30 + ((col * 13) % 16) * 14, 30 + ((row * 7) % 16) * 14, 220 - ((col + row) % 8) * 20];
}

/**
 * Writes a `cells` × `cells` grid, each cell `cellPx` pixels of `resolution` m, as a GeoTIFF
 * (EPSG:4545, RGB, `compress` e.g. DEFLATE or NONE). Pixels are streamed row by row through a raw
 * file, so a 2 GB image never sits in memory.
 */
export function writeSyntheticGeotiff(
  path: string,
  opts: {
    cells: number;
    cellPx: number;
    resolution: number;
    compress?: string;
    srs?: string;
    /** the upper-left corner in EPSG:4545 metres; default near 钦州 city */
    origin?: { e: number; n: number };
  },
): SyntheticImage {
  const origin = opts.origin ?? GRID_ORIGIN;
  const size = opts.cells * opts.cellPx;
  const raw = `${path}.raw`;
  const row = Buffer.alloc(size * 3);
  writeFileSync(raw, '');
  const band = Buffer.alloc(size * 3 * opts.cellPx);
  for (let cellRow = 0; cellRow < opts.cells; cellRow++) {
    for (let col = 0; col < opts.cells; col++) {
      const [r, g, b] = cellColour(col, cellRow);
      for (let x = col * opts.cellPx; x < (col + 1) * opts.cellPx; x++) {
        row[x * 3] = r;
        row[x * 3 + 1] = g;
        row[x * 3 + 2] = b;
      }
    }
    for (let k = 0; k < opts.cellPx; k++) row.copy(band, k * size * 3);
    writeFileSync(raw, band, { flag: 'a' });
  }
  writeFileSync(
    `${raw}.hdr`,
    `ENVI\nsamples = ${size}\nlines = ${size}\nbands = 3\nheader offset = 0\nfile type = ENVI Standard\ndata type = 1\ninterleave = bip\nbyte order = 0\n`,
  );
  const span = size * opts.resolution;
  execFileSync('gdal_translate', [
    '-q',
    '-of',
    'GTiff',
    ...(opts.srs === '' ? [] : ['-a_srs', opts.srs ?? 'EPSG:4545']),
    '-a_ullr',
    String(origin.e),
    String(origin.n),
    String(origin.e + span),
    String(origin.n - span),
    '-colorinterp',
    'red,green,blue',
    '-mo',
    'SYNTHETIC=true',
    '-co',
    `COMPRESS=${opts.compress ?? 'DEFLATE'}`,
    '-co',
    'TILED=YES',
    '-co',
    'BIGTIFF=IF_SAFER',
    raw,
    path,
  ]);
  rmSync(raw, { force: true });
  rmSync(`${raw}.hdr`, { force: true });
  return {
    path,
    cells: opts.cells,
    cellMetres: opts.cellPx * opts.resolution,
    resolution: opts.resolution,
    colour: cellColour,
    origin,
  };
}

/** The lon/lat of a point of the grid, in cells from the upper left (cs2cs, EPSG:4545 → 4490). */
export function cellLonLat(col: number, row: number, image: SyntheticImage): [number, number] {
  const e = image.origin.e + col * image.cellMetres;
  const n = image.origin.n - row * image.cellMetres;
  const out = execFileSync('cs2cs', ['-f', '%.9f', 'EPSG:4545', 'EPSG:4490'], {
    input: `${n} ${e}\n`,
  })
    .toString()
    .trim()
    .split(/\s+/);
  return [Number(out[1]), Number(out[0])];
}
