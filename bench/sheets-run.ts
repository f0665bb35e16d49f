// Child process of `npm run bench` (bench/sheets.ts): map sheets of the whole 南流江 course at 1:2000
// on A3 and 1:5000 on A1, and at 1:2000 on 1×, 2× and 4× the course (copies shifted 1.3° south and
// north, each its own reach); prints one JSON line of rows. One process per run (argv), so that its
// peak RSS is that run's.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, Position } from 'geojson';
import type { WaterbodyCode } from '../src/domain/markers/number-markers';
import { reachCoder } from '../src/domain/markers/number-markers';
import { placeMarkers } from '../src/domain/markers/place-markers';
import { buildSheets } from '../src/domain/sheets/build-sheets';
import { resolveSheetOptions } from '../src/domain/sheets/sheet-options';
import { loadZoneEngine } from '../src/domain/zones/compute-zones';
import { sampleReach } from '../src/domain/zones/sample-reach';
import { findCjkFonts } from '../src/server/documents/cjk-fonts';
import { loadSheetBase } from '../src/server/sheets/sheet-base';
import { writeSheetsPdf } from '../src/server/sheets/write-sheets-pdf';
import { checkSheets } from '../tests/helpers/check-sheets';
import { ROOT } from '../tests/helpers/register';
import { nanliujiangCourse } from './course';

const [scale = '2000', paper = 'A3', copies = '1'] = process.argv.slice(2);
const SHIFTS = [0, -1.3, 1.3, -2.6];

/** The course and its shifted copies as zones and markers (each copy a reach of its own). */
async function courseFeatures(n: number): Promise<{ features: Feature[]; markers: Feature[] }> {
  const course = nanliujiangCourse();
  const engine = await loadZoneEngine();
  const { waterbodies } = JSON.parse(
    readFileSync(join(ROOT, 'geodata/waterbodies.json'), 'utf8'),
  ) as {
    waterbodies: WaterbodyCode[];
  };
  const features: Feature[] = [];
  const markers: Feature[] = [];
  for (let i = 0; i < n; i++) {
    const dlat = SHIFTS[i] as number;
    const coords = course.coords.map((p) => [p[0] as number, (p[1] as number) + dlat] as Position);
    const reach = sampleReach(coords, {
      reach: `NLJ-ALL-${i + 1}`,
      river: 'nanliujiang',
      halfWidthM: 40,
      embankmentClass: 2,
      widthM: 30,
      protectionM: 40,
      source: course.source,
    });
    const z = engine.computeZones(reach);
    if (!z.ok) throw new Error('zones');
    const reaches = z.zones.features.map((f) => ({
      reach: f.properties.reach,
      river: f.properties.river,
    }));
    const m = placeMarkers(z.zones, { codeFor: reachCoder(waterbodies, reaches) });
    if (!m.ok) throw new Error('markers');
    features.push(...z.zones.features, ...m.markers.features);
    markers.push(...m.markers.features);
  }
  return { features, markers };
}

const { features, markers } = await courseFeatures(Number(copies));
const o = resolveSheetOptions({ scale, paper }, { date: '2026-12-03', version: 'bench' });
const fonts = findCjkFonts(process.env.HEJIE_FONT);
if (!o.ok || !fonts) throw new Error('options or fonts');
const { base, riverNames } = loadSheetBase(join(ROOT, 'geodata'));
const rss0 = process.resourceUsage().maxRSS;
const c0 = process.cpuUsage();
const t0 = performance.now();
const built = buildSheets(features, base, o.options, riverNames);
if (!built.ok) throw new Error('sheets');
const t1 = performance.now();
const c1 = process.cpuUsage(c0);
const pdf = await writeSheetsPdf(built.atlas, fonts, new Date('2026-12-03T00:00:00Z'));
const t2 = performance.now();
const c2 = process.cpuUsage(c0);
const sheets = built.frames.length;
const label = `sheets 1:${scale} ${paper}, ${copies}× course (${markers.length} markers, ${sheets} sheets + index)`;
const cpu = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
// read the whole course's sheets back with poppler and PROJ (not the 2×/4× runs: pdftotext time)
const checks = [];
if (copies === '1') {
  const dir = mkdtempSync(join(tmpdir(), 'hejie-bench-sheets-'));
  const file = join(dir, 'sheets.pdf');
  writeFileSync(file, pdf);
  const f = checkSheets(file, markers, built.crs, Number(scale));
  rmSync(dir, { recursive: true, force: true });
  checks.push(
    {
      what: `${label}: worst symbol offset from PROJ's GK position (poppler)`,
      value: f.worstMm,
      unit: 'mm',
      target: 0.1,
    },
    {
      what: `${label}: overlapping / symbol-covering / missing number labels (poppler)`,
      value: f.overlaps.length + f.covered.length + f.unlabelled.length + f.missing.length,
      unit: '',
    },
  );
}
console.log(
  JSON.stringify([
    ...checks,
    { what: `${label}: model (cut, clip, labels)`, value: t1 - t0, unit: 'ms' },
    { what: `${label}: PDF writing`, value: t2 - t1, unit: 'ms' },
    { what: `${label}: total`, value: (t2 - t0) / 1000, unit: 's' },
    {
      what: `${label}: CPU time (model + PDF)`,
      value: cpu(c2) / 1000,
      unit: 's',
      cpuModel: cpu(c1),
    },
    { what: `${label}: per sheet`, value: (t2 - t0) / (sheets + 1), unit: 'ms', target: 50 },
    { what: `${label}: size`, value: pdf.length / 1e6, unit: 'MB' },
    {
      what: `${label}: size per sheet`,
      value: pdf.length / 1000 / (sheets + 1),
      unit: 'kB',
      target: 250,
    },
    { what: `${label}: pages`, value: sheets + 1, unit: 'pages' },
    { what: `${label}: labels that found no free place`, value: built.crowded, unit: '' },
    {
      what: `${label}: peak RSS (process, incl. zones)`,
      value: process.resourceUsage().maxRSS / 1024,
      unit: 'MiB',
      before: rss0 / 1024,
    },
  ]),
);
