// `synthProvince`: a deterministic synthetic province for tests and benchmarks (issue 15). Every
// record is flagged (ids `synth-…`, names 合成…, `synthetic: true`, source 'synthetic') and every
// river line is a sine wave on a grid of rows: obviously fake, never a real river's course.
import type { Feature, LineString, Position } from 'geojson';
import { type Message, msg } from '../message';
import type { PlanRecord } from '../plans/plan';
import type { Waterbody } from '../rivers/waterbody';
import { STAGES, type StageId } from '../workflow/stages';

/** What to generate: how many plans, how many river kilometres in all, and the seed. */
export interface SynthOptions {
  plans: number;
  km: number;
  seed: number;
}

/** One synthetic plan: its record, the toe lines of its one reach, and its walk through the stages. */
export interface SynthPlan {
  record: PlanRecord;
  /** the synthetic county (合成县) its reach starts in, also the plan's `section` */
  county: string;
  /** length of the reach's centre line, metres */
  lengthM: number;
  /** the two toe lines (lon/lat), as a planner would draw them */
  features: Feature<LineString>[];
  /** every stage the plan reaches after 未开始, in order, with when (ISO); the draft is saved a day after 图上初划 */
  moves: { to: StageId; at: string }[];
}

/** The province: plans (with their reaches and histories) and their waterbodies. */
export interface SynthProvince {
  plans: SynthPlan[];
  waterbodies: Waterbody[];
  source: 'synthetic';
}

/** The province's rectangle: inside CGCS2000 3° zones 36–37, a Guangxi-sized area. */
const WEST = 106.6;
const EAST = 112.4;
const SOUTH = 21.6;
const NORTH = 26.2;
/** Reaches do not cross the 3° zone line. */
const ZONE_LINE = 109.5;
const COUNTY_COLS = 10;
const COUNTY_ROWS = 8;
const M_PER_DEG = 111_320;
const WAVE_M = 2_000;
const AMPLITUDE_M = 150;
const STEP_M = 50;
const GAP_M = 1_000;
const UNITS = ['市水利局', '钦南区水利局', '钦北区水利局', '灵山县水利局', '浦北县水利局'];
const DEADLINES = ['2019年10月', '2019年12月', '2020年12月', '2021年12月'];
const START = Date.parse('2019-06-05T02:00:00Z');
const DAY_MS = 86_400_000;
/** How far plans get: the index of their last stage (7: 公告实施), weighted; ≈ 40 % published. */
const LAST_STAGE = [1, 2, 2, 3, 3, 4, 5, 6, 7, 7, 7, 7, 7, 7] as const;

/** Mulberry32: a small deterministic generator in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Arc length of one sine wave per metre of x (the wave is longer than its run). */
function stretch(): number {
  let len = 0;
  for (let x = 0; x < WAVE_M; x += 1) {
    const d = ((2 * Math.PI * AMPLITUDE_M) / WAVE_M) * Math.cos((2 * Math.PI * x) / WAVE_M);
    len += Math.sqrt(1 + d * d);
  }
  return len / WAVE_M;
}

/** Why options cannot make a province, or null. */
function checkOptions({ plans, km, seed }: SynthOptions): Message | null {
  if (!Number.isInteger(plans) || plans < 1 || plans > 100_000)
    return msg('synth.badPlans', { got: String(plans) });
  if (!Number.isFinite(km) || km / plans < 0.5 || km / plans > 300)
    return msg('synth.badKm', { got: String(km), plans, min: plans * 0.5, max: plans * 300 });
  if (!Number.isInteger(seed)) return msg('synth.badSeed', { got: String(seed) });
  return null;
}

/** Metres per degree of longitude at a latitude. */
const mPerLon = (lat: number) => M_PER_DEG * Math.cos((lat * Math.PI) / 180);

/**
 * Where each reach starts: rows of reaches west to east (none across the zone line), rows spread
 * south to north at a spacing chosen from the total run so that they fill the rectangle.
 */
function layOut(runs: readonly number[]): { lon0: number; lat: number }[] {
  const total = runs.reduce((a, r) => a + r + GAP_M, 0);
  const rowsWanted = Math.ceil((total * 1.1) / ((EAST - WEST) * mPerLon(NORTH))) + 1;
  const dLat = (NORTH - SOUTH) / (rowsWanted + 1);
  let row = 0;
  let lon = WEST;
  const places: { lon0: number; lat: number }[] = [];
  for (const run of runs) {
    let lat = SOUTH + dLat * (row + 1);
    let end = lon + run / mPerLon(lat);
    if (lon < ZONE_LINE && end >= ZONE_LINE) {
      lon = ZONE_LINE + 0.002;
      end = lon + run / mPerLon(lat);
    }
    if (end > EAST) {
      row += 1;
      lat = SOUTH + dLat * (row + 1);
      lon = WEST;
    }
    places.push({ lon0: lon, lat });
    lon += (run + GAP_M) / mPerLon(lat);
  }
  return places;
}

/** A sine-wave reach's two toe lines, offset ±half a width from its centre line (local metres). */
function toeLines(
  lon0: number,
  lat: number,
  run: number,
  halfWidth: number,
): [Position[], Position[]] {
  const mx = mPerLon(lat);
  const k = (2 * Math.PI) / WAVE_M;
  const left: Position[] = [];
  const right: Position[] = [];
  const at = (x: number, y: number): Position => [
    Math.round((lon0 + x / mx) * 1e7) / 1e7,
    Math.round((lat + y / M_PER_DEG) * 1e7) / 1e7,
  ];
  for (let x = 0; x <= run + 1e-6; x += Math.min(STEP_M, Math.max(run - x, 1e-3))) {
    const y = AMPLITUDE_M * Math.sin(k * x);
    const dy = AMPLITUDE_M * k * Math.cos(k * x);
    const n = Math.sqrt(1 + dy * dy);
    // the left bank looking downstream (east) is the north side
    left.push(at(x - (halfWidth * dy) / n, y + halfWidth / n));
    right.push(at(x + (halfWidth * dy) / n, y - halfWidth / n));
    if (x >= run) break;
  }
  return [left, right];
}

/**
 * A synthetic province of `plans` plans and `km` river kilometres, the same for the same seed.
 * @example synthProvince({ plans: 50, km: 500, seed: 1 }) // { ok: true, province: { plans: [50 × synth-…], … } }
 */
export function synthProvince(
  options: SynthOptions,
): { ok: true; province: SynthProvince } | { ok: false; error: Message } {
  const bad = checkOptions(options);
  if (bad) return { ok: false, error: bad };
  const rnd = random(options.seed);
  const weights = Array.from({ length: options.plans }, () => 0.4 + 1.2 * rnd());
  const sum = weights.reduce((a, w) => a + w, 0);
  const lengths = weights.map((w) => (options.km * 1000 * w) / sum);
  const f = stretch();
  const runs = lengths.map((l) => l / f);
  const places = layOut(runs);
  const province: SynthProvince = { plans: [], waterbodies: [], source: 'synthetic' };
  for (const [i, lengthM] of lengths.entries()) {
    const { lon0, lat } = places[i] as { lon0: number; lat: number };
    province.plans.push(synthPlan(i, rnd, { lon0, lat, run: runs[i] as number, lengthM }));
  }
  province.waterbodies = province.plans.map((p, i) => ({
    id: p.record.riverId,
    name: `合成河流${i + 1}`,
    kind: 'river',
    code: `SY${i + 1}`,
    aliases: [],
    reservoirs: [],
  }));
  return { ok: true, province };
}

function synthPlan(
  i: number,
  rnd: () => number,
  at: { lon0: number; lat: number; run: number; lengthM: number },
): SynthPlan {
  const n = String(i + 1).padStart(5, '0');
  const col = Math.min(
    COUNTY_COLS - 1,
    Math.floor(((at.lon0 - WEST) / (EAST - WEST)) * COUNTY_COLS),
  );
  const row = Math.min(
    COUNTY_ROWS - 1,
    Math.floor(((at.lat - SOUTH) / (NORTH - SOUTH)) * COUNTY_ROWS),
  );
  const county = `合成县${row + 1}-${col + 1}`;
  const embankmentClass = 3 + Math.floor(rnd() * 3);
  const [left, right] = toeLines(at.lon0, at.lat, at.run, 20 + Math.round(rnd() * 60));
  const reach = `synth-${n}-R1`;
  const riverId = `synth-river-${n}`;
  const line = (role: 'toe-left' | 'toe-right', coordinates: Position[]): Feature<LineString> => ({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: {
      reach,
      role,
      river: riverId,
      embankmentClass,
      synthetic: true,
      source: 'synthetic',
    },
  });
  const record: PlanRecord = {
    id: `synth-${n}`,
    level: '县级',
    seq: i + 1,
    name: `合成河流${i + 1}（合成数据）`,
    basinAreaKm2: null,
    chief: '合成',
    unit: UNITS[i % UNITS.length] as string,
    leader: '合成',
    deadline: DEADLINES[i % DEADLINES.length] as string,
    note: 'synthetic（合成数据，仅供测试与基准）',
    riverId,
    section: county,
  };
  const last = LAST_STAGE[Math.floor(rnd() * LAST_STAGE.length)] as number;
  let t = START + Math.floor(rnd() * 40 * 30) * DAY_MS;
  const moves: SynthPlan['moves'] = [];
  for (let s = 1; s <= last; s++) {
    moves.push({ to: (STAGES[s] as { id: StageId }).id, at: new Date(t).toISOString() });
    t += (20 + Math.floor(rnd() * 160)) * DAY_MS;
  }
  return {
    record,
    county,
    lengthM: at.lengthM,
    features: [line('toe-left', left), line('toe-right', right)],
    moves,
  };
}
