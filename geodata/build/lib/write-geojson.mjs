import { writeFileSync } from 'node:fs';

/**
 * Serialises a FeatureCollection deterministically: one feature per line, keys in the order
 * they were built, numbers as JavaScript prints them (coordinates are already rounded).
 */
export function formatFeatureCollection(features) {
  const lines = features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

export function writeFeatureCollection(path, features) {
  const text = formatFeatureCollection(features);
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

export function writeJson(path, value) {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

/** A GeoJSON Feature with a fixed key order (type, id?, properties, geometry). */
export function feature(id, properties, geometry) {
  return id === undefined
    ? { type: 'Feature', properties, geometry }
    : { type: 'Feature', id, properties, geometry };
}
