import type { FeatureCollection } from 'geojson';
import type { MarkerOptions } from '../../domain/markers/marker-options';
import type { WaterbodyCode } from '../../domain/markers/number-markers';
import type { RuleTable } from '../../domain/zones/rules';

/** What the page asks the compute worker: a reach's lines, the rule table in force, marker rules. */
export interface ComputeRequest {
  input: FeatureCollection;
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
      warnings: string[];
      markers: FeatureCollection | null;
      /** why markers could not be placed (the zones still stand) */
      markerErrors: string[];
      ms: { zones: number; markers: number };
    }
  | { ok: false; errors: string[] };

/** What the worker posts: the engine is loaded (the request is being computed), then the answer. */
export type WorkerMessage =
  | { id: number; engineReady: true }
  /** `broken`: the engine failed and the worker must not be reused */
  | { id: number; response: ComputeResponse; broken?: true };
