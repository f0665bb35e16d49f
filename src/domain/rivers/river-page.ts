// What a shared /river/<name> link says before any script runs: the river's own page title and a
// description of where its boundary stands (stage, published or not, counties, map status).
import { type Message, msg } from '../message';
import { STAGES, type StageId, stageName } from '../workflow/stages';
import { mapStatusMessage } from './map-status';
import type { RiverView } from './waterbody';

/**
 * The river a key names: its id, its name or one of its aliases.
 * @example findRiver(rivers, '武思江')?.id // 'wuhuijiang'
 */
export function findRiver<R extends Pick<RiverView, 'id' | 'name' | 'aliases'>>(
  rivers: readonly R[],
  key: string,
): R | null {
  return rivers.find((r) => r.id === key || r.name === key || r.aliases.includes(key)) ?? null;
}

/** The page's title and description as messages (rendered in the page's language). */
export interface RiverPageHead {
  title: Message;
  description: Message;
}

/**
 * The head of a river's page: 钦江 管理范围 · … · 河界, and a description naming the newest published
 * version (with its date and the counties its zones lie in) or the furthest stage of its plans.
 * @example riverPageHead(qinjiang, ['draft'], null).description // msg('public.page.notPublished', { river: '钦江', stage: stageName('draft'), … })
 */
export function riverPageHead(
  river: Pick<RiverView, 'name' | 'counties' | 'mapStatus'>,
  stages: readonly StageId[],
  publication: { version: number; date: string } | null,
): RiverPageHead {
  const status = mapStatusMessage(river.mapStatus);
  const title = msg('public.page.title', { river: river.name });
  if (publication) {
    const names = river.counties.map((c) => c.name).join('、');
    return {
      title,
      description: msg('public.page.published', {
        river: river.name,
        version: publication.version,
        date: publication.date,
        counties: names === '' ? msg('public.counties.none') : names,
        status,
      }),
    };
  }
  const order = (id: StageId) => STAGES.findIndex((st) => st.id === id);
  const stage = stages.toSorted((a, b) => order(b) - order(a))[0] ?? 'not-started';
  return {
    title,
    description: msg('public.page.notPublished', {
      river: river.name,
      stage: stageName(stage),
      status,
    }),
  };
}
