// Why the editor's working copy is not computed yet, in the planner's terms: a line whose side the
// geometry contradicts or cannot tell, two lines flowing opposite ways, a line whose class was never
// chosen. Each names the line as the editor lists it (钦江 城区段第 2 条线), never by its id.
import type { Position } from 'geojson';
import { type Message, msg } from '../message';
import { reachesInOrder, reachLabel } from '../plans/reach-label';
import { readBankSides } from './bank-sides';
import type { EditFeature } from './edit-types';

/**
 * How each feature is named in messages: its reach's label and its place in that reach (1-based,
 * as the editor's list shows it).
 * @example lineNames(features, '钦江').get('f2') // msg('lines.line', { reach: 钦江 第 1 段, n: 2 })
 */
export function lineNames(
  features: readonly EditFeature[],
  river: string | null,
): Map<string, Message> {
  const labels = new Map(
    reachesInOrder(features).map((r) => [
      r.id,
      reachLabel({ river, name: r.name, index: r.index }),
    ]),
  );
  const counts = new Map<string, number>();
  const out = new Map<string, Message>();
  for (const f of features) {
    const n = (counts.get(f.properties.reach) ?? 0) + 1;
    counts.set(f.properties.reach, n);
    out.set(f.id, msg('lines.line', { reach: labels.get(f.properties.reach) as Message, n }));
  }
  return out;
}

const SIDE = { left: msg('lines.side.left'), right: msg('lines.side.right') };

/**
 * The reasons the working copy cannot be computed as it is, reach by reach; [] when the sides and
 * classes are all settled (the zone engine may still have its own reasons).
 * @example draftBlockers([rightBankAlone], '钦江')[0].code // 'lines.reach.oneLine'
 */
export function draftBlockers(
  features: readonly EditFeature[],
  river: string | null,
  course?: readonly Position[] | null,
): Message[] {
  const names = lineNames(features, river);
  const name = (id: string) => names.get(id) as Message;
  const sides = readBankSides(features, course);
  const out: Message[] = [];
  const reaches = reachesInOrder(features);
  for (const r of reaches) {
    const lines = features.filter((f) => f.properties.reach === r.id && sides.lines.has(f.id));
    const only = lines[0];
    if (lines.length === 1 && only && sides.lines.get(only.id)?.side === null) {
      const reach = reachLabel({ river, name: r.name, index: r.index });
      out.push(msg('lines.reach.oneLine', { reach, line: name(only.id) }));
    }
  }
  for (const { note } of sides.notes) {
    if (note.code === 'opposite') {
      out.push(msg('lines.note.opposite', { a: name(note.lines[0]), b: name(note.lines[1]) }));
    } else if (note.code === 'against-course') {
      out.push(msg('lines.note.againstCourse', { line: name(note.line) }));
    } else if (note.code === 'disagrees') {
      const [stated, inferred] = [SIDE[note.stated], SIDE[note.inferred]];
      out.push(msg('lines.note.disagrees', { line: name(note.line), stated, inferred }));
    } else out.push(msg('lines.note.unclear', { line: name(note.line) }));
  }
  for (const f of features) {
    const role = f.properties.role;
    if (f.geometry.type !== 'LineString' || !role?.startsWith('toe')) continue;
    if (![1, 2, 3, 4, 5].includes(f.properties.embankmentClass as number)) {
      out.push(msg('lines.class.missing', { line: name(f.id) }));
    }
  }
  return out;
}
