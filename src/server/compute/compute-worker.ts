// A compute pool's worker thread: loads the zone engine once, then delineates one plan per message.
import { parentPort } from 'node:worker_threads';
import type { Feature } from 'geojson';
import { type DelineateOptions, delineatePlan } from '../../domain/plans/delineate-plan';
import { loadZoneEngine } from '../../domain/zones/compute-zones';
import { type DraftTag, draftOf } from './compute-pool';

const engine = loadZoneEngine();

parentPort?.on(
  'message',
  async (m: {
    id: number;
    features: Feature[] | string;
    options: DelineateOptions;
    tag?: DraftTag;
  }) => {
    try {
      const features =
        typeof m.features === 'string' ? (JSON.parse(m.features) as Feature[]) : m.features;
      const delineation = delineatePlan(await engine, features, m.options);
      const result = m.tag ? draftOf(delineation, m.tag) : delineation;
      parentPort?.postMessage({ id: m.id, result });
    } catch (err) {
      parentPort?.postMessage({
        id: m.id,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  },
);
