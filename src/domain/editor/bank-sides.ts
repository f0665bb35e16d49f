// The editor's bank sides: a line drawn in the editor (`sideFrom: 'geometry'`) takes the side the
// geometry gives it (infer-bank-sides.ts), after every change of the working copy; a side someone
// stated (a file, an earlier save, a choice) is kept and checked against the geometry instead.
import type { Position } from 'geojson';
import type { EditFeature, LineRole } from './edit-types';
import { isLineRole } from './edit-types';
import type { BankSide, InferredSide, SideContext, SideNote } from './infer-bank-sides';
import { inferBankSides } from './infer-bank-sides';

/** A bank line's side as the editor shows it. */
export interface LineSide {
  /** the side shown: the geometry's for a line that follows it, else the stated one; null: 待定 */
  side: BankSide | null;
  /** the line follows the geometry (drawn here) rather than a stated side */
  follows: boolean;
  /** what the geometry gives, whatever was stated */
  inferred: InferredSide['side'];
}

/** The sides of a working copy's bank lines, and the notes per reach. */
export interface BankSides {
  lines: Map<string, LineSide>;
  notes: { reach: string; note: SideNote }[];
}

const isBankLine = (f: EditFeature) =>
  f.geometry.type === 'LineString' && isLineRole(f.properties.role);

/** The side in a role (toe-left → left). */
export const sideOfRole = (role: LineRole): BankSide => (role.endsWith('left') ? 'left' : 'right');

/** A role with another side (toe-left, right → toe-right). */
export const withSide = (role: LineRole, side: BankSide): LineRole =>
  `${role.startsWith('toe') ? 'toe' : 'bank'}-${side}` as LineRole;

function byReach(features: readonly EditFeature[]): Map<string, EditFeature[]> {
  const out = new Map<string, EditFeature[]>();
  for (const f of features)
    out.set(f.properties.reach, [...(out.get(f.properties.reach) ?? []), f]);
  return out;
}

function inferReach(features: readonly EditFeature[], course?: readonly Position[] | null) {
  const lines = features.filter(isBankLine);
  const water = features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : [],
  );
  const context: SideContext = { water, ...(course ? { course } : {}) };
  const result = inferBankSides(
    lines.map((f) => ({
      id: f.id,
      coords: f.geometry.coordinates as Position[],
      stated:
        f.properties.sideFrom === 'geometry' ? null : sideOfRole(f.properties.role as LineRole),
    })),
    context,
  );
  return { lines, ...result };
}

/**
 * The side of every bank line and what is wrong with them, reach by reach.
 * @example readBankSides(features).lines.get('f1') // { side: 'left', follows: true, inferred: 'left' }
 */
export function readBankSides(
  features: readonly EditFeature[],
  course?: readonly Position[] | null,
): BankSides {
  const out: BankSides = { lines: new Map(), notes: [] };
  for (const [reach, members] of byReach(features)) {
    const { lines, sides, notes } = inferReach(members, course);
    lines.forEach((f, i) => {
      const inferred = sides[i]?.side ?? null;
      const follows = f.properties.sideFrom === 'geometry';
      const stated = sideOfRole(f.properties.role as LineRole);
      out.lines.set(f.id, { side: follows ? inferred : stated, follows, inferred });
    });
    for (const note of notes) out.notes.push({ reach, note });
  }
  return out;
}

/**
 * The features with each line that follows the geometry given the side it infers (a 待定 line keeps
 * the role it has); the same objects where nothing changes, the same array when nothing does.
 * @example syncBankSides([westLine, eastLine])[1].properties.role // 'toe-right' (both drawn south → north)
 */
export function syncBankSides(features: EditFeature[]): EditFeature[] {
  const sides = readBankSides(features).lines;
  let changed = false;
  const out = features.map((f) => {
    const s = sides.get(f.id);
    if (!s?.follows || s.side === null) return f;
    const role = withSide(f.properties.role as LineRole, s.side);
    if (role === f.properties.role) return f;
    changed = true;
    return { ...f, properties: { ...f.properties, role } };
  });
  return changed ? out : features;
}
