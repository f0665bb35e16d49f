import type { Feature } from 'geojson';
import { type Message, msg } from '../../message';
import { DELIVERABLES, type Deliverable, deliverableOf } from './deliverables';

/**
 * The deliverable layer record of a feature (name, code, GB/T code); null for any other feature.
 * @example layerOf(markerFeature)?.code // 'JZD'
 */
export function layerOf(f: Feature): Deliverable | null {
  const id = deliverableOf(f);
  return DELIVERABLES.find((d) => d.id === id) ?? null;
}

/**
 * How messages name a feature: its index in the input and what identifies it.
 * @example describeFeature(f, 3) // 'feature 3 (QJ01-GL-L-001)'
 */
export function describeFeature(f: Feature, index: number): Message {
  const p = f.properties ?? {};
  const label = [p.id, p.reach, layerOf(f)?.name].filter((v) => typeof v === 'string' && v !== '');
  return label.length > 0
    ? msg('formats.where.labelledFeature', { n: index, label: label.join(', ') })
    : msg('formats.where.featureIndex', { n: index });
}
