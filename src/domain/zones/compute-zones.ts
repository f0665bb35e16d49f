import type { Feature, FeatureCollection, LineString, MultiPolygon, Position } from 'geojson';
import { type Approval, readApproval } from '../adopted/approval';
import { type ApprovedChecks, checkApproved } from '../adopted/check-approved';
import type { CrsCode } from '../crs/crs';
import { lonExtent, projector, ZONE_LINE_LON, zoneOfExtent } from '../crs/crs';
import { type Message, msg } from '../message';
import { ownWorks, type WorkListing, worksInPlane } from '../works/compute-works';
import { readWorks, type Work } from '../works/read-works';
import type { WorkRanges } from '../works/work-types';
import { bankSides } from './bank-boundary';
import type { Geometry, XY } from './planar';
import { loadGeos, Planar, quadrantSegmentsFor } from './planar';
import type { BankLine, Reach } from './read-reaches';
import { readReaches, roleName } from './read-reaches';
import type { ResolvedRules, RuleTable } from './rules';
import { classWords, DEFAULT_RULES, resolveRules } from './rules';

/**
 * The protection band (management range subtracted from the outer zone) is snap-rounded to a 1 mm
 * grid in the GK plane: that drops the zero-area slivers and spikes coincident flat caps leave, and
 * keeps it valid after reprojection to lon/lat (no vertex left nearer an edge than the grid). Every
 * vertex moves by at most 0.5 mm per axis. Snapping the management range and the outer zone as well
 * was measured: no validity gain on the fixtures, +30 ms on the 226 km course. (An offset grid, to
 * keep printed centimetres off rounding ties, left 1 mm slivers on inputs at whole metres.)
 */
const GRID_M = 0.001;

/** A local plane for one reach: GK metres minus a whole kilometre near the reach (smaller numbers for GEOS; the same grid). */
function frameOf(first: XY): { toLocal: (p: XY) => XY; toGk: (p: readonly number[]) => XY } {
  const ox = Math.round(first[0] / 1000) * 1000;
  const oy = Math.round(first[1] / 1000) * 1000;
  return {
    toLocal: (p) => [p[0] - ox, p[1] - oy],
    toGk: (p) => [(p[0] as number) + ox, (p[1] as number) + oy],
  };
}

/** The largest distance allowed between a computed boundary and the true offset curve. */
const ARC_TOLERANCE_M = 0.005;

/** Zone kinds and banks as messages name them. */
const KIND_NAMES = {
  management: msg('zones.kind.management'),
  protection: msg('zones.kind.protection'),
} as const;
const SIDE_NAMES = { left: msg('zones.side.left'), right: msg('zones.side.right') } as const;

/** The widths a bank was computed with. */
export interface BankWidths {
  kind: 'toe' | 'bank';
  embankmentClass: number | null;
  widthM: number;
  protectionM: number | null;
}

/** Properties of a computed zone (flat, so that they survive a shapefile). */
export interface ZoneProperties {
  reach: string;
  /** the reach's name as the planner gave it (城区段); absent when unnamed */
  reachName?: string;
  river: string | null;
  kind: 'management' | 'protection';
  crs: CrsCode;
  ruleId: string;
  ruleVersion: string;
  legalBasis: string;
  leftKind: 'toe' | 'bank';
  leftClass: number | null;
  leftWidthM: number;
  leftProtectionM: number | null;
  rightKind: 'toe' | 'bank';
  rightClass: number | null;
  rightWidthM: number;
  rightProtectionM: number | null;
  areaM2: number;
  perimeterM: number;
  quadrantSegments: number;
  sample: boolean;
  /** an adopted approved boundary (management range only): its category, 文号 and date */
  adoptedCategory?: Approval['category'];
  approvalRef?: string;
  approvedOn?: string;
}

/** A computed zone: a lon/lat MultiPolygon with its record. */
export type ZoneFeature = Feature<MultiPolygon, ZoneProperties>;

/** Properties of a zone's boundary line along one bank (管理范围线 / 保护范围线). */
export interface ZoneLineProperties {
  reach: string;
  /** the reach's name as the planner gave it (城区段); absent when unnamed */
  reachName?: string;
  river: string | null;
  kind: 'management-line' | 'protection-line';
  bank: 'left' | 'right';
  crs: CrsCode;
  /** distance of the line from the bank's toe or bank line, metres */
  offsetM: number;
  /** length in the GK zone, metres */
  lengthM: number;
  sample: boolean;
}

/** A zone's boundary along one bank, lon/lat, upstream → downstream; never across the reach ends. */
export type ZoneLineFeature = Feature<LineString, ZoneLineProperties>;

/** What the engine returns: zone polygons, then their boundary lines per bank. */
export type ZoneOutput = ZoneFeature | ZoneLineFeature;

/**
 * Whether an engine output is a zone polygon (not a boundary line).
 * @example result.zones.features.filter(isZoneFeature)
 */
export function isZoneFeature(f: ZoneOutput): f is ZoneFeature {
  return f.geometry.type === 'MultiPolygon';
}

/** The outcome: zones and warnings, or the reasons nothing was computed. */
export type ZonesResult =
  | {
      ok: true;
      zones: { type: 'FeatureCollection'; features: ZoneOutput[] };
      warnings: Message[];
      /** the works inside the river (涉水工程), each with its range or 尚未设置 */
      works: WorkListing[];
    }
  | { ok: false; errors: Message[] };

/** The zone engine, once its geometry library (GEOS in WebAssembly) is loaded. */
export interface ZoneEngine {
  /**
   * Management range and protection zone of every reach in the input (GeoJSON, lon/lat), computed
   * in the Gauss-Krüger zone of each reach. All or nothing: one bad reach and no zone is returned.
   */
  computeZones(input: unknown, table?: RuleTable): ZonesResult;
  /**
   * Each approved-boundary polygon of the input checked against the range the standard gives its
   * reach (`checkApproved`).
   */
  checkApproved(input: FeatureCollection, table?: RuleTable): ApprovedChecks;
}

/**
 * Loads the engine (≈ 50 ms the first time); computations are synchronous after that.
 * @example const zones = (await loadZoneEngine()).computeZones(fc)
 */
export async function loadZoneEngine(): Promise<ZoneEngine> {
  const geos = await loadGeos();
  const arena = () => new Planar(geos);
  return {
    computeZones: (input, table = DEFAULT_RULES) => computeAll(arena, input, table),
    checkApproved: (input, table = DEFAULT_RULES) =>
      checkApproved(input, (standard) => computeAll(arena, standard, table), arena),
  };
}

function computeAll(arena: () => Planar, input: unknown, table: RuleTable): ZonesResult {
  const { reaches, errors } = readReaches(input);
  const fc = input as FeatureCollection;
  const read = Array.isArray(fc?.features) ? readWorks(fc) : null;
  const works = read?.works ?? [];
  for (const e of read?.errors ?? []) errors.push(e);
  const warnings: Message[] = [];
  const features: ZoneOutput[] = [];
  const listings: WorkListing[] = [];
  const ids = new Set(reaches.map((r) => r.id));
  for (const reach of reaches) {
    const rules = resolveRules(table, {
      county: reach.county ?? undefined,
      river: reach.river ?? undefined,
    });
    const pl = arena();
    try {
      const own = works.filter((w) => w.reach === reach.id);
      const out = computeReach(pl, reach, rules, { works: own, ranges: table.works });
      if ('errors' in out) for (const e of out.errors) errors.push(e);
      else {
        for (const f of out.features) features.push(f);
        for (const w of out.warnings) warnings.push(w);
        for (const l of out.works) listings.push(l);
      }
    } finally {
      pl.dispose();
    }
  }
  const alone = ownWorks(
    arena,
    works.filter((w) => w.reach === null || !ids.has(w.reach)),
    table.works,
  );
  for (const e of alone.errors) errors.push(e);
  if (errors.length > 0) return { ok: false, errors };
  if (features.length === 0 && works.length === 0)
    return { ok: false, errors: [msg('zones.input.noReach')] };
  return {
    ok: true,
    zones: { type: 'FeatureCollection', features },
    warnings: [...warnings, ...alone.warnings],
    works: [...listings, ...alone.listings],
  };
}

/** Widths of one bank from its line and the rules, or why they are not allowed. */
export function bankWidths(reach: string, l: BankLine, rules: ResolvedRules): BankWidths | Message {
  const role = roleName(`${l.kind}-${l.side}`);
  const rule = { rule: rules.id, version: rules.version };
  if (l.kind === 'bank') {
    const w = l.widthM ?? 0;
    if (w < rules.bank.min || w > rules.bank.max) {
      const { min, max } = rules.bank;
      return msg('zones.width.bankOutOfRange', { reach, role, min, max, got: w, rule: rules.id });
    }
    return { kind: 'bank', embankmentClass: null, widthM: w, protectionM: null };
  }
  const c = l.embankmentClass ?? 5;
  const range = rules.toe[c];
  const w = l.widthM ?? range.min;
  if (w < range.min || w > range.max) {
    const { min, max } = range;
    return msg('zones.width.outOfRange', {
      reach,
      role,
      class: classWords(c),
      min,
      max,
      got: w,
      ...rule,
    });
  }
  const p = l.protectionM;
  if (p !== null && (p < rules.protection.min || p > rules.protection.max)) {
    const { min, max } = rules.protection;
    return msg('zones.width.protectionOutOfRange', { reach, role, min, max, got: p, ...rule });
  }
  return { kind: 'toe', embankmentClass: c, widthM: w, protectionM: p };
}

function computeReach(
  pl: Planar,
  reach: Reach,
  rules: ResolvedRules,
  inRiver: { works: readonly Work[]; ranges: WorkRanges | undefined },
): { features: ZoneOutput[]; warnings: Message[]; works: WorkListing[] } | { errors: Message[] } {
  const left = bankWidths(reach.id, reach.left, rules);
  const right = bankWidths(reach.id, reach.right, rules);
  if ('code' in left || 'code' in right)
    return { errors: [left, right].filter((w): w is Message => 'code' in w) };

  const l = lonExtent(reach.left.coords) as { min: number; max: number };
  const r = lonExtent(reach.right.coords) as { min: number; max: number };
  const zone = zoneOfExtent(Math.min(l.min, r.min), Math.max(l.max, r.max));
  const crs = zone.code;
  const warnings: Message[] = [];
  if (zone.crosses)
    warnings.push(msg('zones.crossesZoneLine', { reach: reach.id, lon: ZONE_LINE_LON, crs }));
  const proj = projector(crs);
  const frame = frameOf(proj.forward(reach.left.coords[0] as Position));
  const toXY = (cs: Position[]) => cs.map((c) => frame.toLocal(proj.forward(c)));
  // a zone's bank sides are made of its ring's own vertices: each is transformed once
  const lonLat = new Map<readonly number[], [number, number]>();
  const inverse = (p: readonly number[]) => {
    const hit = lonLat.get(p);
    if (hit) return [hit[0], hit[1]] as [number, number];
    const ll = proj.inverse(frame.toGk(p));
    lonLat.set(p, ll);
    return ll;
  };
  const leftXY = toXY(reach.left.coords);
  const rightXY = toXY(reach.right.coords);
  const checked = checkBanks(pl, reach.id, leftXY, rightXY);
  if (Array.isArray(checked)) return { errors: checked };
  const corridor = checked;
  const water = reach.water.map((rings) => pl.polygon(rings.map(toXY)));
  for (const [k, w] of water.entries()) {
    const why = pl.invalidReason(w);
    if (why) return { errors: [msg('zones.water.invalid', { reach: reach.id, n: k + 1, why })] };
  }
  const banks = [
    { xy: leftXY, w: left },
    { xy: rightXY, w: right },
  ];
  const radii = banks
    .flatMap(({ w }) => [w.widthM, w.widthM + (w.protectionM ?? 0)])
    .filter((r) => r > 0);
  const q = quadrantSegmentsFor(
    radii.reduce((m, r) => Math.max(m, r), 1),
    ARC_TOLERANCE_M,
  );
  const snap = (g: Geometry) => pl.snapToGrid(g, GRID_M);
  const adopted = adoptedOf(pl, reach, toXY);
  if (adopted && 'code' in adopted) return { errors: [adopted] };
  const standard = pl.unionAll([
    corridor,
    ...water,
    ...banks
      .filter(({ w }) => w.widthM > 0)
      .map(({ xy, w }) => pl.bufferFlat(pl.line(xy), w.widthM, q)),
  ]);
  const works = worksInPlane(pl, inRiver.works, inRiver.ranges, toXY, crs);
  if (works.errors.length > 0) return { errors: works.errors };
  for (const w of works.warnings) warnings.push(w);
  const base = adopted ? adopted.polygon : standard;
  // a work's range joins the reach's management range (docs/adopted-and-works.md)
  const management = works.ranges.length > 0 ? pl.unionAll([base, ...works.ranges]) : base;
  const protectedBanks = banks.filter(({ w }) => w.kind === 'toe' && w.protectionM !== null);
  const outer =
    protectedBanks.length === 0
      ? null
      : pl.unionAll([
          corridor,
          ...protectedBanks.map(({ xy, w }) =>
            pl.bufferFlat(pl.line(xy), w.widthM + (w.protectionM ?? 0), q),
          ),
        ]);
  const protection = outer ? snap(pl.difference(outer, management)) : null;
  // GEOS → coordinates once per geometry (the zones and their bank sides read the same rings)
  const rings = new Map<Geometry, XY[][][]>();
  const coordsOf = (g: Geometry): XY[][][] => {
    const hit = rings.get(g) ?? pl.multiPolygonCoordinates(g);
    rings.set(g, hit);
    return hit;
  };
  const features: ZoneOutput[] = [];
  for (const [kind, g] of [
    ['management', management],
    ['protection', protection],
  ] as const) {
    if (!g || pl.isEmpty(g)) continue;
    const why = pl.invalidReason(g);
    if (why)
      return {
        errors: [msg('zones.zone.invalid', { reach: reach.id, kind: KIND_NAMES[kind], why })],
      };
    features.push(
      toFeature(
        pl,
        reach,
        kind,
        g,
        coordsOf(g),
        {
          crs,
          rules,
          left,
          right,
          q,
          approval: kind === 'management' ? adopted?.approval : undefined,
        },
        inverse,
      ),
    );
  }
  const line = (
    kind: ZoneLineProperties['kind'],
    bank: 'left' | 'right',
    xy: XY[],
    offsetM: number,
  ) => toLine(reach, { kind, bank, crs, offsetM }, xy, inverse);
  const m = bankSides(coordsOf(management), leftXY, rightXY, {
    left: left.widthM,
    right: right.widthM,
  });
  features.push(
    line('management-line', 'left', m.left, left.widthM),
    line('management-line', 'right', m.right, right.widthM),
  );
  if (outer) {
    const reachOf = (w: BankWidths) => w.widthM + (w.protectionM ?? 0);
    const p = bankSides(coordsOf(outer), leftXY, rightXY, {
      left: reachOf(left),
      right: reachOf(right),
    });
    for (const [bank, w, xy] of [
      ['left', left, p.left],
      ['right', right, p.right],
    ] as const) {
      if (w.kind === 'toe' && w.protectionM !== null)
        features.push(line('protection-line', bank, xy, reachOf(w)));
    }
  }
  return { features, warnings, works: works.listings(inverse) };
}

/**
 * Input checks in the plane: simple lines, not crossing, drawn the same way, left on the left.
 * Returns the corridor (the polygon the banks enclose) or the reasons it cannot be built.
 */
function checkBanks(pl: Planar, reach: string, left: XY[], right: XY[]): Geometry | Message[] {
  const errors: Message[] = [];
  const l = pl.line(left);
  const r = pl.line(right);
  if (!pl.isSimple(l))
    errors.push(msg('zones.line.selfCrossing', { reach, side: SIDE_NAMES.left }));
  if (!pl.isSimple(r))
    errors.push(msg('zones.line.selfCrossing', { reach, side: SIDE_NAMES.right }));
  if (pl.intersects(l, r)) errors.push(msg('zones.lines.cross', { reach }));
  if (errors.length > 0) return errors;
  const d = (a: XY | undefined, b: XY | undefined) =>
    Math.hypot((a?.[0] ?? 0) - (b?.[0] ?? 0), (a?.[1] ?? 0) - (b?.[1] ?? 0));
  const [l0, ln, r0, rn] = [left[0], left.at(-1), right[0], right.at(-1)];
  if (d(l0, r0) + d(ln, rn) > d(l0, rn) + d(ln, r0)) {
    return [msg('zones.lines.opposite', { reach })];
  }
  const ring = [...left, ...[...right].reverse()];
  let twiceArea = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as XY;
    const [x2, y2] = ring[(i + 1) % ring.length] as XY;
    twiceArea += x1 * y2 - x2 * y1;
  }
  if (twiceArea > 0) {
    return [msg('zones.lines.swapped', { reach })];
  }
  const corridor = pl.polygon([[...ring, ring[0] as XY]]);
  const why = pl.invalidReason(corridor);
  return why ? [msg('zones.corridor.invalid', { reach, why })] : corridor;
}

function toFeature(
  pl: Planar,
  reach: Reach,
  kind: 'management' | 'protection',
  g: Geometry,
  xy: XY[][][],
  ctx: {
    crs: CrsCode;
    rules: ResolvedRules;
    left: BankWidths;
    right: BankWidths;
    q: number;
    approval: Approval | undefined;
  },
  inverse: (p: readonly number[]) => [number, number],
): ZoneFeature {
  const coordinates = xy.map((poly) => poly.map((ring) => ring.map((p) => inverse(p))));
  return {
    type: 'Feature',
    geometry: { type: 'MultiPolygon', coordinates },
    properties: {
      reach: reach.id,
      ...(reach.name === null ? {} : { reachName: reach.name }),
      river: reach.river,
      kind,
      crs: ctx.crs,
      ruleId: ctx.rules.id,
      ruleVersion: ctx.rules.version,
      legalBasis: ctx.rules.legalBasis,
      leftKind: ctx.left.kind,
      leftClass: ctx.left.embankmentClass,
      leftWidthM: ctx.left.widthM,
      leftProtectionM: ctx.left.protectionM,
      rightKind: ctx.right.kind,
      rightClass: ctx.right.embankmentClass,
      rightWidthM: ctx.right.widthM,
      rightProtectionM: ctx.right.protectionM,
      areaM2: round(pl.area(g), 2),
      perimeterM: round(pl.length(g), 2),
      quadrantSegments: ctx.q,
      sample: reach.sample,
      ...(ctx.approval
        ? {
            adoptedCategory: ctx.approval.category,
            approvalRef: ctx.approval.approvalRef,
            approvedOn: ctx.approval.approvedOn,
          }
        : {}),
    },
  };
}

/**
 * The reach's adopted approved boundary (the polygon marked `adopted: true`) in the plane, with its
 * approval; null when none is adopted; a message when more than one is, or it is unusable.
 */
function adoptedOf(
  pl: Planar,
  reach: Reach,
  toXY: (cs: Position[]) => XY[],
): { polygon: Geometry; approval: Approval } | Message | null {
  const marked = reach.approved.filter((a) => a.properties.adopted === true);
  if (marked.length === 0) return null;
  if (marked.length > 1)
    return msg('adopted.engine.twice', { reach: reach.id, count: marked.length });
  const a = marked[0] as (typeof marked)[number];
  // the date was checked against the calendar when it was adopted; here only its form
  const approval = readApproval(a.properties, '9999-12-31');
  if (!approval.ok)
    return msg('adopted.engine.approval', {
      reach: reach.id,
      n: a.feature,
      why: approval.errors[0] as Message,
    });
  const polygon = pl.polygon(a.rings.map(toXY));
  const why = pl.invalidReason(polygon);
  if (why) return msg('adopted.engine.invalid', { reach: reach.id, n: a.feature, why });
  return { polygon, approval: approval.approval };
}

function toLine(
  reach: Reach,
  at: Pick<ZoneLineProperties, 'kind' | 'bank' | 'crs' | 'offsetM'>,
  xy: XY[],
  inverse: (p: readonly number[]) => [number, number],
): ZoneLineFeature {
  let length = 0;
  for (let i = 1; i < xy.length; i++) {
    const [a, b] = [xy[i - 1] as XY, xy[i] as XY];
    length += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: xy.map((p) => inverse(p)) },
    properties: {
      reach: reach.id,
      ...(reach.name === null ? {} : { reachName: reach.name }),
      river: reach.river,
      ...at,
      lengthM: round(length, 2),
      sample: reach.sample,
    },
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
