// `delineatePlan`: the one pipeline from a plan's lines to zones, boundary lines and numbered
// markers. The server's publish, the browser's compute worker and the CLI all call it.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { MarkerProperties } from '../markers/marker';
import type { MarkerOptions } from '../markers/marker-options';
import type { WaterbodyCode } from '../markers/number-markers';
import { reachCoder } from '../markers/number-markers';
import type { LineSummary } from '../markers/place-markers';
import { placeMarkers } from '../markers/place-markers';
import { readBoundaryLines } from '../markers/read-lines';
import type { Message } from '../message';
import type { WorkListing } from '../works/compute-works';
import type { ZoneEngine, ZoneOutput } from '../zones/compute-zones';
import type { RuleTable } from '../zones/rules';

/**
 * The river a reach belongs to: its own `river` property, else the plan's river (a reach drawn in a
 * plan without naming a river is that plan's river: its rules and its marker numbers are the river's).
 * @example riverOfReach({ reach: 'A' }, 'qinjiang') // 'qinjiang'
 */
export function riverOfReach(
  properties: Readonly<Record<string, unknown>> | null | undefined,
  planRiver: string | null | undefined,
): string | undefined {
  const own = properties?.river;
  return typeof own === 'string' ? own : (planRiver ?? undefined);
}

/** What a delineation needs besides the engine and the lines. */
export interface DelineateOptions {
  /** the plan's river id (waterbodies.json): reaches without a `river` property belong to it */
  river?: string | null;
  /** the rule table in force (default: the 2019 plan's) */
  rules?: RuleTable;
  /** river codes for marker numbers (waterbodies.json) */
  waterbodies?: readonly WaterbodyCode[];
  /** marker rules; `false` computes the zones only */
  markers?: Partial<MarkerOptions> | false;
}

/** Numbered markers and notice boards with a summary per line, or why none were placed. */
export type MarkersOutcome =
  | { ok: true; markers: FeatureCollection<Point, MarkerProperties>; lines: LineSummary[] }
  | { ok: false; errors: Message[] };

/**
 * The outcome: zones (polygons and boundary lines) with their warnings and the markers' outcome
 * (null when not asked), or every reason no zone was computed. Markers that cannot be placed leave
 * the zones standing (the browser shows both; publishing needs both).
 */
export type Delineation =
  | {
      ok: true;
      zones: { type: 'FeatureCollection'; features: ZoneOutput[] };
      warnings: Message[];
      markers: MarkersOutcome | null;
      /** the works inside the river, each with its range or 尚未设置 */
      works?: WorkListing[];
    }
  | { ok: false; errors: Message[] };

/**
 * The lines with the plan's river on every reach that names none (a new collection).
 * @example withPlanRiver(version.features, 'qinjiang').features[0]?.properties?.river // 'qinjiang'
 */
export function withPlanRiver(features: readonly Feature[], river: string | null | undefined) {
  return {
    type: 'FeatureCollection' as const,
    features: features.map((f) => {
      const r = riverOfReach(f.properties, river);
      return {
        ...f,
        properties: r === undefined ? { ...f.properties } : { ...f.properties, river: r },
      };
    }),
  };
}

/**
 * Markers on the boundary lines of a zone-engine output, numbered with the codes of their rivers
 * (a line without a river: the plan's river, when there is one).
 * @example markZones(zones, { river: 'nanliujiang', waterbodies }) // { ok: true, markers: { features: [NLJ01-GL-L-001, …] }, lines }
 */
export function markZones(
  zones: unknown,
  options: Pick<DelineateOptions, 'river' | 'waterbodies'> & { markers?: Partial<MarkerOptions> },
): MarkersOutcome {
  const reaches = readBoundaryLines(zones).lines.map((l) => ({
    reach: l.reach,
    river: riverOfReach({ river: l.river }, options.river) ?? null,
  }));
  return placeMarkers(zones, {
    ...options.markers,
    codeFor: reachCoder(options.waterbodies ?? [], reaches),
  });
}

/**
 * A plan's lines → management range and protection zone per reach, their boundary lines per bank,
 * and the numbered boundary markers and notice boards on those lines. Pure: the input is untouched.
 * @example delineatePlan(engine, version.features, { river: 'nanliujiang', rules, waterbodies }) // { ok: true, zones, warnings, markers: { ok: true, markers, lines } }
 */
export function delineatePlan(
  engine: ZoneEngine,
  features: readonly Feature[],
  options: DelineateOptions = {},
): Delineation {
  const zoned = engine.computeZones(withPlanRiver(features, options.river), options.rules);
  if (!zoned.ok) return zoned;
  const markers =
    options.markers === false
      ? null
      : markZones(zoned.zones, {
          river: options.river,
          waterbodies: options.waterbodies,
          markers: options.markers ?? {},
        });
  return { ok: true, zones: zoned.zones, warnings: zoned.warnings, markers, works: zoned.works };
}
