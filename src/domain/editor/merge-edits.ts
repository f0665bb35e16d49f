// Three-way merge of a plan's working copy by feature id, for a save that the server refused
// (409): someone saved a newer version since the working copy was loaded.
import { sameFeature } from './compare-features';
import type { EditFeature } from './edit-types';

/**
 * A feature both sides touched differently: changed on both, or changed on one side and deleted
 * on the other (`null`: deleted on that side).
 */
export interface MergeConflict {
  id: string;
  base: EditFeature;
  mine: EditFeature | null;
  theirs: EditFeature | null;
}

/** Which side a conflict takes. */
export type MergeChoice = 'mine' | 'theirs';

/** A feature both sides added under the same id: theirs keeps the id, mine gets `to`. */
export interface MergeRename {
  from: string;
  to: string;
}

/** The merged features, the conflicts found (resolved as chosen) and the ids given to my additions. */
export interface MergeResult {
  features: EditFeature[];
  conflicts: MergeConflict[];
  renamed: MergeRename[];
}

/** The three feature lists of a merge. */
export interface MergeInput {
  /** the saved version the working copy started from */
  base: readonly EditFeature[];
  /** the working copy */
  mine: readonly EditFeature[];
  /** the server's newest version */
  theirs: readonly EditFeature[];
}

type Outcome =
  | { kind: 'take'; feature: EditFeature | null }
  | { kind: 'conflict'; conflict: MergeConflict }
  | { kind: 'both'; mine: EditFeature; theirs: EditFeature };

const same = (a: EditFeature | null, b: EditFeature | null) =>
  a === null || b === null ? a === b : sameFeature(a, b);

/** What happens to one id, given its base, mine and theirs (null: absent on that side). */
function mergeOne(
  id: string,
  base: EditFeature | null,
  mine: EditFeature | null,
  theirs: EditFeature | null,
): Outcome {
  if (base === null) {
    if (mine && theirs && !sameFeature(mine, theirs)) return { kind: 'both', mine, theirs };
    return { kind: 'take', feature: theirs ?? mine };
  }
  if (same(mine, base)) return { kind: 'take', feature: theirs };
  if (same(theirs, base) || same(mine, theirs)) return { kind: 'take', feature: mine };
  return { kind: 'conflict', conflict: { id, base, mine, theirs } };
}

/** An id not taken yet: `<id>-mine`, then `<id>-mine-2`, … */
function freeId(id: string, taken: Set<string>): string {
  let candidate = `${id}-mine`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-mine-${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * Merges my working copy and their newest version, both descended from `base`, by feature id and
 * by value (geometry and properties). A feature added, deleted or changed on one side only takes
 * that side; changed identically on both is taken once. Changed on both differently, or changed
 * on one side and deleted on the other, is a conflict, resolved by `choices[id]` (default: mine).
 * Both sides adding different features under one id keeps both (mine renamed). The order is
 * theirs, then my additions in my order. The inputs are never mutated.
 * @example mergeEdits({ base, mine, theirs }, { f1: 'theirs' }).features
 */
export function mergeEdits(
  input: MergeInput,
  choices: Readonly<Record<string, MergeChoice>> = {},
): MergeResult {
  const index = (list: readonly EditFeature[]) => new Map(list.map((f) => [f.id, f]));
  const base = index(input.base);
  const mine = index(input.mine);
  const theirs = index(input.theirs);
  const order = [...new Set([...theirs.keys(), ...mine.keys(), ...base.keys()])];
  const taken = new Set(order);
  const features: EditFeature[] = [];
  const added: EditFeature[] = [];
  const conflicts: MergeConflict[] = [];
  const renamed: MergeRename[] = [];
  for (const id of order) {
    const outcome = mergeOne(
      id,
      base.get(id) ?? null,
      mine.get(id) ?? null,
      theirs.get(id) ?? null,
    );
    if (outcome.kind === 'both') {
      const to = freeId(id, taken);
      renamed.push({ from: id, to });
      features.push(outcome.theirs);
      added.push({ ...outcome.mine, id: to });
      continue;
    }
    const chosen =
      outcome.kind === 'take'
        ? outcome.feature
        : outcome.conflict[choices[id] === 'theirs' ? 'theirs' : 'mine'];
    if (outcome.kind === 'conflict') conflicts.push(outcome.conflict);
    if (chosen === null) continue;
    if (theirs.has(id)) features.push(chosen);
    else added.push(chosen);
  }
  return { features: [...features, ...added], conflicts, renamed };
}
