import type { Feature, FeatureCollection } from 'geojson';
import type { MarkerOptions } from '../../domain/markers/marker-options';
import type { WaterbodyCode } from '../../domain/markers/number-markers';
import type { Message } from '../../domain/message';
import type { RuleTable } from '../../domain/zones/rules';

/** What the page asks the compute worker: a plan's lines, its river, the rule table, marker rules. */
export interface ComputeRequest {
  features: readonly Feature[];
  /** the plan's river id: reaches without a `river` property belong to it */
  river?: string;
  rules?: RuleTable;
  /** river codes for marker numbers (waterbodies.json) */
  waterbodies?: WaterbodyCode[];
  markerOptions?: Partial<MarkerOptions>;
}

/** The worker's answer: zones and markers with timings, or every reason nothing was computed. */
export type ComputeResponse =
  | {
      ok: true;
      zones: FeatureCollection;
      warnings: Message[];
      markers: FeatureCollection | null;
      /** why markers could not be placed (the zones still stand) */
      markerErrors: Message[];
      /** zones and markers together, milliseconds */
      ms: number;
    }
  | { ok: false; errors: Message[] };

/** What the worker posts: the engine is loaded (the request is being computed), then the answer. */
export type WorkerMessage =
  | { id: number; engineReady: true }
  /** `broken`: the engine failed and the worker must not be reused */
  | { id: number; response: ComputeResponse; broken?: true };
