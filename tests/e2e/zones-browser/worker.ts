import { isZoneFeature, loadZoneEngine } from '../../../src/domain/zones/compute-zones';

self.onmessage = async (e: MessageEvent) => {
  const engine = await loadZoneEngine();
  const r = engine.computeZones(e.data);
  self.postMessage(
    r.ok
      ? r.zones.features.filter(isZoneFeature).map((f) => [f.properties.kind, f.properties.areaM2])
      : { errors: r.errors },
  );
};
