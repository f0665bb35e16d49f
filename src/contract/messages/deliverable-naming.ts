// How a Chinese-schema export names its river and reaches: the river's name, reach labels rendered
// in Chinese (a deliverable is Chinese whatever the language of the person who asks for it).
import type { SchemaNaming } from '../../domain/formats/export/deliverable-schema';
import { renderMessage } from './render';

/**
 * The naming of a Chinese deliverable of `river` (null: the features' own `river` values).
 * @example exportFeatures(fc, { …, schema: 'zh', naming: deliverableNaming('钦江') })
 */
export function deliverableNaming(river: string | null): SchemaNaming {
  return { river, render: (m) => renderMessage(m, 'zh') };
}
