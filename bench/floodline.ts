// Flood-line figures for `npm run bench` (issue 16): a synthetic 20 km reach (a sine meander of
// 300 m amplitude and 3 km wavelength, plainly fake) in a valley on a 2 m DEM with a 1 km corridor
// (--max-width 500: about 5 million corridor cells), the same on a 0.5 m DEM, and the same reach in a
// 2 m DEM 4× larger (cost must follow the corridor, not the DEM). Each DEM is written in /tmp as a raw
// Float32 grid (EHdr) and made a tiled GeoTIFF with gdal_translate; each run is its own process
// (seconds, peak RSS, cells/s); the files are deleted after.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projector } from '../src/domain/crs/crs';
import { ROOT } from '../tests/helpers/register';

interface Row {
  what: string;
  value: number;
  unit: string;
  target?: number;
}

const X0 = 520_000;
const Y0 = 2_420_000;
const AMP = 300;
const WAVE = 3000;
const LENGTH = 20_000;
const centreY = (x: number) => AMP * Math.sin((2 * Math.PI * x) / WAVE);

/** the fake reach: vertices every 10 m of x from x = 100 until 20 km long; local metres */
function reach(): { pts: [number, number][]; xEnd: number } {
  const pts: [number, number][] = [[100, centreY(100)]];
  let len = 0;
  let x = 100;
  while (len < LENGTH) {
    x += 10;
    const p: [number, number] = [x, centreY(x)];
    const q = pts[pts.length - 1] as [number, number];
    len += Math.hypot(p[0] - q[0], p[1] - q[1]);
    pts.push(p);
  }
  return { pts, xEnd: x };
}

const ground = (x: number, y: number) => 10 - 0.0002 * x + 0.02 * Math.abs(y - centreY(x));

/** writes the DEM (cell m, half-height m) as a tiled GeoTIFF; returns its path and cell count */
function writeDem(dir: string, name: string, cell: number, half: number, xEnd: number) {
  const width = Math.ceil((xEnd + 100) / cell);
  const height = Math.ceil((2 * half) / cell);
  const bil = join(dir, `${name}.bil`);
  const fd = openSync(bil, 'w');
  const row = new Float32Array(width);
  for (let r = 0; r < height; r++) {
    const y = half - (r + 0.5) * cell;
    for (let c = 0; c < width; c++) row[c] = ground((c + 0.5) * cell, y);
    writeSync(fd, new Uint8Array(row.buffer));
  }
  closeSync(fd);
  writeFileSync(
    join(dir, `${name}.hdr`),
    [
      'BYTEORDER I',
      'LAYOUT BIL',
      `NROWS ${height}`,
      `NCOLS ${width}`,
      'NBANDS 1',
      'NBITS 32',
      'PIXELTYPE FLOAT',
      `ULXMAP ${X0 + cell / 2}`,
      `ULYMAP ${Y0 + half - cell / 2}`,
      `XDIM ${cell}`,
      `YDIM ${cell}`,
      '',
    ].join('\n'),
  );
  const tif = join(dir, `${name}.tif`);
  execFileSync('gdal_translate', [
    '-q',
    '-a_srs',
    'EPSG:4545',
    '-a_nodata',
    '-9999',
    '-co',
    'TILED=YES',
    '-co',
    'BIGTIFF=IF_SAFER',
    bil,
    tif,
  ]);
  rmSync(bil);
  return { tif, cells: width * height };
}

/** The flood-line rows. */
export async function benchFloodline(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hejie-bench-floodline-'));
  try {
    const { pts, xEnd } = reach();
    const gk = projector('EPSG:4545');
    const centre = join(dir, 'centreline.geojson');
    writeFileSync(
      centre,
      JSON.stringify({
        type: 'LineString',
        coordinates: pts.map(([x, y]) => gk.inverse([X0 + x, Y0 + y])),
      }),
    );
    // levels every km: the thalweg's height + 3 m at that chainage's x
    const levels = join(dir, 'levels.csv');
    const rows = ['chainage,level'];
    let len = 0;
    for (let i = 0; i < pts.length; i++) {
      if (i > 0) {
        const p = pts[i - 1] as [number, number];
        const q = pts[i] as [number, number];
        len += Math.hypot(q[0] - p[0], q[1] - p[1]);
      }
      const [x] = pts[i] as [number, number];
      if (
        i === 0 ||
        i === pts.length - 1 ||
        Math.floor(len / 1000) !== Math.floor((len - 10.5) / 1000)
      )
        rows.push(`${len.toFixed(2)},${(13 - 0.0002 * x).toFixed(3)}`);
    }
    writeFileSync(levels, `${rows.join('\n')}\n`);
    const out: Row[] = [];
    const cases = [
      { name: '2 m DEM, 1 km corridor', cell: 2, half: 800, target: true },
      { name: '2 m DEM 4× larger, same reach', cell: 2, half: 3200, target: false },
      { name: '0.5 m DEM, 1 km corridor', cell: 0.5, half: 800, target: false },
    ];
    const seconds: number[] = [];
    for (const c of cases) {
      const dem = writeDem(dir, c.name.replace(/\W+/g, '-'), c.cell, c.half, xEnd);
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'bench/floodline-case.ts'), dem.tif, centre, levels, '500'],
        { cwd: ROOT, encoding: 'utf8', maxBuffer: 1e7 },
      );
      rmSync(dem.tif);
      const last = run.stdout.trim().split('\n').pop() ?? '{}';
      const r = JSON.parse(last) as {
        seconds: number;
        peakRssMb: number;
        startRssMb: number;
        stats: { cellsRead: number; cellsFlooded: number; corridorCells: number };
        error?: unknown;
      };
      if (r.error || run.status !== 0)
        throw new Error(`floodline bench ${c.name}: ${last} ${run.stderr}`);
      seconds.push(r.seconds);
      const what = `floodline ${c.name} (${(dem.cells / 1e6).toFixed(1)} M cells in the DEM, ${(r.stats.corridorCells / 1e6).toFixed(1)} M in the corridor, ${(r.stats.cellsRead / 1e6).toFixed(1)} M read, ${(r.stats.cellsFlooded / 1e6).toFixed(1)} M flooded)`;
      out.push({
        what: `${what}: seconds`,
        value: r.seconds,
        unit: 's',
        ...(c.target ? { target: 5 } : {}),
      });
      out.push({
        what: `${what}: peak RSS (process started at ${r.startRssMb.toFixed(0)} MB)`,
        value: r.peakRssMb,
        unit: 'MB',
        ...(c.target ? { target: 500 } : {}),
      });
      out.push({
        what: `${what}: corridor cells per second`,
        value: r.stats.corridorCells / r.seconds / 1e6,
        unit: 'M cells/s',
      });
    }
    out.push({
      what: 'floodline 4× larger DEM ÷ 2 m DEM, seconds (same reach: ≈ 1 when cost follows the corridor)',
      value: (seconds[1] as number) / (seconds[0] as number),
      unit: '×',
    });
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
