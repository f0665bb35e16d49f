// The compute worker's work for one request, apart from the worker's messaging (so that Node runs
// exactly what the browser runs): the domain's one pipeline, timed.
import { delineatePlan } from '../../domain/plans/delineate-plan';
import type { ZoneEngine } from '../../domain/zones/compute-zones';
import type { ComputeRequest, ComputeResponse } from './compute-protocol';

/** Zones and markers of one request (see `delineatePlan`), with the time the whole took. */
export function answerCompute(engine: ZoneEngine, req: ComputeRequest): ComputeResponse {
  const t0 = performance.now();
  const done = delineatePlan(engine, req.features, {
    river: req.river,
    rules: req.rules,
    waterbodies: req.waterbodies,
    markers: req.markerOptions ?? {},
  });
  if (!done.ok) return done;
  const placed = done.markers;
  return {
    ok: true,
    zones: done.zones,
    warnings: done.warnings,
    markers: placed?.ok ? placed.markers : null,
    markerErrors: placed && !placed.ok ? placed.errors : [],
    ms: performance.now() - t0,
  };
}
