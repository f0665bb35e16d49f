// Map sheets (成果图), read back with poppler and PROJ: marker positions to 0.1 mm, grid values, labels
// that never overlap, coverage of every zone (python3-shapely), embedded CJK subsets, every page renders.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, MultiPolygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import type { WaterbodyCode } from '../../src/domain/markers/number-markers';
import { reachCoder } from '../../src/domain/markers/number-markers';
import { placeMarkers } from '../../src/domain/markers/place-markers';
import { buildSheets } from '../../src/domain/sheets/build-sheets';
import { chunkRing, clipChunkedRing, clipRing } from '../../src/domain/sheets/clip-to-box';
import { chainageK } from '../../src/domain/sheets/coordinate-book';
import type { Box } from '../../src/domain/sheets/cut-sheets';
import { gridLabel } from '../../src/domain/sheets/sheet-grid';
import { resolveSheetOptions } from '../../src/domain/sheets/sheet-options';
import { loadZoneEngine } from '../../src/domain/zones/compute-zones';
import { findCjkFonts } from '../../src/server/documents/cjk-fonts';
import { loadSheetBase } from '../../src/server/sheets/sheet-base';
import { writeSheetsPdf } from '../../src/server/sheets/write-sheets-pdf';
import { anchorsOf, checkSheets, georefOf, visibleOf } from '../helpers/check-sheets';
import { cs2cs, type PdfWord, pdfWords } from '../helpers/pdf-words';
import { ROOT } from '../helpers/register';

const GEODATA = join(ROOT, 'geodata');
const ID = /^[A-Z0-9]+-(GL|BH|GSP)-[LR]-\d+$/; // marker numbers, as in tests/helpers/check-sheets.ts
const fonts = findCjkFonts(undefined);
let dir: string;
let features: Feature[];
let zones: Feature<MultiPolygon>[];
let markers: Feature[];

interface Run {
  file: string;
  frames: Box[];
  crs: string;
  scale: number;
  words: PdfWord[][];
}

async function run(scale: string, paper: string, name: string): Promise<Run> {
  const o = resolveSheetOptions({ scale, paper }, { date: '2026-12-03', version: '测试 0000' });
  if (!o.ok || !fonts) throw new Error('options or fonts');
  const { base, riverNames } = loadSheetBase(GEODATA);
  const built = buildSheets(features, base, o.options, riverNames);
  if (!built.ok) throw new Error('sheets');
  expect(built.crowded).toBe(0);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await writeSheetsPdf(built.atlas, fonts, new Date('2026-12-03T00:00:00Z')));
  return {
    file,
    frames: built.frames,
    crs: built.crs,
    scale: o.options.scale,
    words: pdfWords(file),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hejie-sheets-'));
  const reach = JSON.parse(
    readFileSync(join(GEODATA, 'samples/nanliujiang-sample-reach.geojson'), 'utf8'),
  );
  const engine = await loadZoneEngine();
  const z = engine.computeZones(reach);
  if (!z.ok) throw new Error('zones');
  const { waterbodies } = JSON.parse(readFileSync(join(GEODATA, 'waterbodies.json'), 'utf8')) as {
    waterbodies: WaterbodyCode[];
  };
  const reaches = z.zones.features.map((f) => ({
    reach: f.properties.reach,
    river: f.properties.river,
  }));
  const m = placeMarkers(z.zones, { codeFor: reachCoder(waterbodies, reaches) });
  if (!m.ok) throw new Error('markers');
  zones = z.zones.features.filter(
    (f) => f.geometry.type === 'MultiPolygon',
  ) as Feature<MultiPolygon>[];
  markers = m.markers.features;
  features = [...z.zones.features, ...markers];
  writeFileSync(join(dir, 'zones.geojson'), JSON.stringify(z.zones));
  writeFileSync(join(dir, 'markers.geojson'), JSON.stringify(m.markers));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const anchors = anchorsOf;
const visible = visibleOf;

function checkLabels(r: Run): void {
  const f = checkSheets(r.file, markers, r.crs, r.scale);
  expect(f.overlaps).toEqual([]);
  expect(f.covered).toEqual([]);
  expect(f.unlabelled).toEqual([]);
  expect(f.missing).toEqual([]);
}

function checkCoverage(r: Run): void {
  const rings = zones.map((z) =>
    z.geometry.coordinates.map((poly) => poly.map((ring) => cs2cs(r.crs, ring))),
  );
  const script = `
import json, sys
from shapely.geometry import box, Polygon
from shapely.ops import unary_union
d = json.load(sys.stdin)
frames = [box(*f) for f in d['frames']]
cover = unary_union(frames)
zones = [Polygon(p[0], p[1:]) for z in d['zones'] for p in z]
print(json.dumps({'uncovered': sum(z.difference(cover).area for z in zones),
  'empty': sum(1 for f in frames if not any(f.intersects(z) for z in zones))}))`;
  const out = execFileSync('/usr/bin/python3', ['-c', script], {
    input: JSON.stringify({
      frames: r.frames.map((f) => [f.minE, f.minN, f.maxE, f.maxN]),
      zones: rings,
    }),
    encoding: 'utf8',
  });
  expect(JSON.parse(out)).toEqual({ uncovered: expect.closeTo(0, 3), empty: 0 });
}

describe.skipIf(!fonts)('sheets at 1:5000 on A3, read back with poppler', () => {
  let r: Run;
  beforeAll(async () => {
    r = await run('5000', 'A3', 'a3-5000');
  }, 60_000);

  it('puts every marker symbol within 0.1 mm of its GK position (PROJ cs2cs), on grids whose values PROJ agrees with', () => {
    const f = checkSheets(r.file, markers, r.crs, r.scale);
    expect(f.checked).toBeGreaterThanOrEqual(markers.length);
    expect(f.worstMm).toBeLessThan(0.1);
    r.words.slice(1).forEach((page, i) => {
      const g = georefOf(page);
      // exactly the scale, north up: 1 mm is scale/1000 m east and south
      expect(g.mPerMm).toBeCloseTo(r.scale / 1000, 4);
      expect(g.nPerMm).toBeCloseTo(-r.scale / 1000, 4);
      // the page's grid agrees with its frame: the frame's corner is where the anchors say
      const fr = r.frames[i] as Box;
      expect(g.e(16)).toBeCloseTo(fr.minE, 1);
      expect(g.n(16)).toBeCloseTo(fr.maxN, 1);
    });
  });

  it('labels every grid line with its kilometre value on the frame', () => {
    const step = (100 * r.scale) / 1000;
    for (const page of r.words.slice(1)) {
      for (const a of anchors(page).filter((w) => w.text.startsWith('E='))) {
        const label = gridLabel(Number(a.text.slice(2)), step);
        const top = visible(page).find(
          (w) =>
            w.text === label && w.yMax < a.yMax && Math.abs((w.xMin + w.xMax) / 2 - a.xMin) < 0.05,
        );
        expect(top, a.text).toBeDefined();
      }
      for (const a of anchors(page).filter((w) => w.text.startsWith('N='))) {
        const label = gridLabel(Number(a.text.slice(2)), step);
        const left = visible(page).find(
          (w) =>
            w.text === label && w.xMax < a.xMin && Math.abs((w.yMin + w.yMax) / 2 - a.yMax) < 1.5,
        );
        expect(left, a.text).toBeDefined();
      }
    }
  });

  it('never lets two marker numbers overlap or cover a symbol, and shows every number', () =>
    checkLabels(r));

  it('covers every zone with the frames, and no frame is empty (shapely)', () => checkCoverage(r));

  it('embeds the CJK faces as subsets and every page renders (pdffonts, pdfinfo, pdftoppm)', () => {
    const fontsOut = execFileSync('pdffonts', [r.file], { encoding: 'utf8' });
    const rows = fontsOut.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toMatch(/^[A-Z]{6}\+NotoSansCJK\S+\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [r.file], { encoding: 'utf8' }))?.[1],
    );
    expect(pages).toBe(r.frames.length + 1);
    const out = join(dir, 'png');
    execFileSync('pdftoppm', ['-png', '-r', '6', r.file, out]);
    expect(readdirSync(dir).filter((f) => f.startsWith('png')).length).toBe(pages);
  });

  it('prints the title block fields and the index sheet', () => {
    const text = (p: PdfWord[]) => p.map((w) => w.text).join('');
    const first = text(r.words[1] as PdfWord[]);
    for (const s of [
      '南流江管理范围划定成果图',
      `1/${r.frames.length}`,
      '1:5000',
      '2000国家大地坐标系',
      '第37带',
      '111°E',
      '1985国家高程基准',
      '制图单位：尚未设置',
      '制图日期：2026-12-03',
      '测试',
      '制图',
      '审核',
      '批准',
      '接图表',
    ])
      expect(first).toContain(s);
    const index = text(r.words[0] as PdfWord[]);
    expect(index).toContain('接图表');
    expect(index).toContain('北');
  });
});

describe.skipIf(!fonts)('sheets at 1:10000 (dense labels), public, deterministic', () => {
  it('keeps labels apart, covers the zones, and writes the same bytes twice', async () => {
    const a = await run('10000', 'A3', 'a3-10000');
    checkLabels(a);
    checkCoverage(a);
    const b = await run('10000', 'A3', 'a3-10000-again');
    expect(readFileSync(b.file).equals(readFileSync(a.file))).toBe(true);
  }, 60_000);
});

describe.skipIf(!fonts)('hejie sheets', () => {
  const cli = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      [...args, '--lang', 'en'],
      (s) => out.push(s),
      (s) => err.push(s),
      {},
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('writes nothing on bad input or bad options', async () => {
    const bad = join(dir, 'bad.geojson');
    writeFileSync(
      bad,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { kind: 'management-line', bank: 'left', reach: 'A' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [560000, 2430000],
                [560100, 2430000],
              ],
            },
          },
        ],
      }),
    );
    const out = join(dir, 'never.pdf');
    const r1 = await cli(['sheets', bad, '-o', out]);
    expect(r1.code).toBe(1);
    expect(r1.err).toContain('is not lon/lat');
    const r2 = await cli(['sheets', join(dir, 'zones.geojson'), '--scale', '3000', '-o', out]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('--scale must be one of 2000|5000|10000');
    expect(existsSync(out)).toBe(false);
  });

  it('writes the coordinate-table book that agrees with the CSV table', async () => {
    const out = join(dir, 'book.pdf');
    const r = await cli(['sheets', join(dir, 'markers.geojson'), '--table', '-o', out]);
    expect(r.code, r.err).toBe(0);
    const words = pdfWords(out)
      .flat()
      .map((w) => w.text);
    expect(
      (
        await cli([
          'export',
          join(dir, 'markers.geojson'),
          '--format',
          'csv',
          '--crs',
          'EPSG:4546',
          '-o',
          join(dir, 'csv'),
        ])
      ).code,
    ).toBe(0);
    const file = readdirSync(join(dir, 'csv')).find((f) => f.includes('管理范围线界桩')) as string;
    const rows = readFileSync(join(dir, 'csv', file), 'utf8')
      .split('\r\n')
      .filter((l) => ID.test(l.split(',')[0] ?? ''));
    const bag = new Set(words);
    for (const row of rows) {
      const [id, x, y, b, l, , , , , , chain] = row.split(',');
      for (const v of [
        id,
        x,
        y,
        b?.replace(/^"|"$/g, '').replace(/""/g, '"'),
        l?.replace(/^"|"$/g, '').replace(/""/g, '"'),
        chainageK(chain ?? ''),
      ])
        expect(bag.has(v as string), `${id} ${v}`).toBe(true);
    }
  });
});

describe('sheet texts', () => {
  it('prints chainage as K km + m and grid values in kilometres', () => {
    expect(chainageK('1234.56')).toBe('K1+234.56');
    expect(chainageK('150.00')).toBe('K0+150.00');
    expect(chainageK('20618.27')).toBe('K20+618.27');
    expect(gridLabel(2428200, 200)).toBe('2428.2');
    expect(gridLabel(365000, 1000)).toBe('365');
  });
});

describe('clipping a chunked ring', () => {
  it('gives what clipping the whole ring gives', () => {
    // a long zig-zag ring: most runs lie beyond one side of the box
    const ring: number[][] = [];
    for (let i = 0; i <= 400; i++) ring.push([i * 10, (i % 7) * 13]);
    for (let i = 400; i >= 0; i--) ring.push([i * 10, 200 + (i % 5) * 11]);
    ring.push(ring[0] as number[]);
    for (const box of [
      { minE: 1000, minN: -5, maxE: 1300, maxN: 150 },
      { minE: -50, minN: 50, maxE: 120, maxN: 260 },
      { minE: 3900, minN: 0, maxE: 4100, maxN: 300 },
      { minE: 5000, minN: 0, maxE: 5100, maxN: 300 },
    ])
      expect(clipChunkedRing(chunkRing(ring), box)).toEqual(clipRing(ring, box));
  });
});
