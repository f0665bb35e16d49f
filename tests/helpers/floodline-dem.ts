// Synthetic DEMs for the flood-line tests (clearly fake terrain from formulas), written with GDAL:
// node writes an ESRI ASCII grid, gdal_translate makes the GeoTIFF (tiled or striped, with a CRS).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A grid to write: top-left corner, cell size, size, and the height at a cell centre. */
export interface GridSpec {
  originX: number;
  originY: number;
  cell: number;
  width: number;
  height: number;
  z: (x: number, y: number) => number;
}

/** Writes the grid as `<name>.asc`; returns its path. */
export function writeAsc(dir: string, name: string, g: GridSpec): string {
  const rows: string[] = [
    `ncols ${g.width}`,
    `nrows ${g.height}`,
    `xllcorner ${g.originX}`,
    `yllcorner ${g.originY - g.height * g.cell}`,
    `cellsize ${g.cell}`,
    'NODATA_value -9999',
  ];
  for (let r = 0; r < g.height; r++) {
    const line: string[] = [];
    const y = g.originY - (r + 0.5) * g.cell;
    for (let c = 0; c < g.width; c++) line.push(g.z(g.originX + (c + 0.5) * g.cell, y).toFixed(4));
    rows.push(line.join(' '));
  }
  const path = join(dir, `${name}.asc`);
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

/** Converts an .asc to a Float32 GeoTIFF with gdal_translate (`srs` null: no CRS at all). */
export function ascToTiff(asc: string, srs: string | null, tiled: boolean): string {
  const out = asc.replace(/\.asc$/, tiled ? '.tiled.tif' : '.striped.tif');
  const args = ['-q', '-ot', 'Float32', '-a_nodata', '-9999'];
  if (srs) args.push('-a_srs', srs);
  if (tiled) args.push('-co', 'TILED=YES', '-co', 'BLOCKXSIZE=256', '-co', 'BLOCKYSIZE=256');
  execFileSync('gdal_translate', [...args, asc, out]);
  return out;
}
