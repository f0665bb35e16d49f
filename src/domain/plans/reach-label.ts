// How a person reads a reach (河段): the river's name and the reach's own name (钦江 城区段). The id a
// reach has in the data (`reach-1`) is never shown; an unnamed reach is numbered in its plan's order.
import { type Message, msg } from '../message';

/** What names a reach: the river's display name, the reach's name if any, its 1-based place. */
export interface ReachNaming {
  /** the river's name as the register prints it (钦江); null: the plan's own name is unknown */
  river: string | null;
  /** the planner's name for the reach (城区段); null, absent or blank: unnamed */
  name?: string | null;
  /** the reach's place among its plan's reaches, 1-based (the order they were first drawn) */
  index: number;
}

/**
 * A reach as a person reads it.
 * @example reachLabel({ river: '钦江', name: '城区段', index: 1 }) // msg('register.reach.named', { river: '钦江', name: '城区段' }) → 钦江 城区段
 * @example reachLabel({ river: '钦江', name: null, index: 2 }) // → 钦江 第 2 段
 */
export function reachLabel(r: ReachNaming): Message {
  const name = r.name?.trim() ?? '';
  if (r.river === null) {
    return name === ''
      ? msg('register.reach.numbered', { n: r.index })
      : msg('register.reach.only', { name });
  }
  return name === ''
    ? msg('register.reach.unnamed', { river: r.river, n: r.index })
    : msg('register.reach.named', { river: r.river, name });
}

/**
 * The reach ids of a feature list in the order they first appear (what `index` counts), each with
 * the first non-blank name its features carry.
 * @example reachesInOrder([{ properties: { reach: 'reach-2' } }, { properties: { reach: 'reach-1', reachName: '城区段' } }]) // [{ id: 'reach-2', name: null, index: 1 }, { id: 'reach-1', name: '城区段', index: 2 }]
 */
export function reachesInOrder(
  features: readonly { properties?: Record<string, unknown> | null }[],
): { id: string; name: string | null; index: number }[] {
  const out = new Map<string, { id: string; name: string | null; index: number }>();
  for (const f of features) {
    const id = f.properties?.reach;
    if (typeof id !== 'string') continue;
    const raw = f.properties?.reachName;
    const name = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
    const had = out.get(id);
    if (had === undefined) out.set(id, { id, name, index: out.size + 1 });
    else if (had.name === null && name !== null) had.name = name;
  }
  return [...out.values()];
}
