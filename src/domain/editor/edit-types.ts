// The working copy of a plan's geometry while a planner edits it: role-tagged lines and water
// polygons (the zone engine's input, see zones/read-reaches.ts), each with a stable id.
import type { Feature, LineString, Point, Polygon } from 'geojson';
import type { EmbankmentClass } from '../zones/rules';

/** The roles of a bank line: toe (背水坡脚线) or bank (临水线/岸线) on the left or right bank. */
export const LINE_ROLES = ['toe-left', 'toe-right', 'bank-left', 'bank-right'] as const;

/** The role of a bank line; left and right are seen looking downstream (the line's direction). */
export type LineRole = (typeof LINE_ROLES)[number];

/**
 * Whether a role is a bank line's (not water, an approved boundary or a work).
 * @example isLineRole('toe-left') // true
 */
export function isLineRole(role: unknown): role is LineRole {
  return LINE_ROLES.includes(role as LineRole);
}

/**
 * A feature's role: a bank line, a water surface (水域), an approved boundary (已批复边界, issue 16)
 * or a work inside the river (涉水工程); the last two are kept as they are and edited elsewhere.
 */
export type EditRole = LineRole | 'water' | 'approved-boundary' | 'work';

/** What a planner sets on a feature; anything else (imported attributes, river, county) travels along. */
export interface EditProperties {
  /** the reach (河段) id the feature belongs to */
  reach: string;
  /**
   * the reach's name as people read it (城区段, 陆屋段); the id (`reach-1`) is never shown. Every
   * feature of a reach carries the same name; `reachLabel` prints it with the river.
   */
  reachName?: string | null;
  /**
   * null until chosen (an imported line has no role yet). A bank line's side (left/right) is the
   * geometry's when `sideFrom` is 'geometry'; else someone stated it and the editor checks it.
   */
  role: EditRole | null;
  /** 'geometry': the side follows the line's position and flow (drawn in the editor); 'chosen': picked by hand */
  sideFrom?: 'geometry' | 'chosen' | null;
  /** the planner set both banks of the reach alike (两岸相同): a line drawn later takes these values */
  sameBothBanks?: boolean | null;
  embankmentClass?: EmbankmentClass | null;
  /** management width beyond the line, metres; null: the rule table's lower bound */
  widthM?: number | null;
  /** protection width beyond the management line, metres (toe lines only) */
  protectionM?: number | null;
  [key: string]: unknown;
}

/** The geometries of the working copy: lines, polygons, and points (a work such as a 泵站, 水文站). */
export type EditGeometry = LineString | Polygon | Point;

/** One line, polygon or point of the working copy, in lon/lat (CGCS2000). */
export type EditFeature = Feature<EditGeometry, EditProperties> & { id: string };

/** The working copy: features, the saved version it started from, and its undo/redo history. */
export interface EditState {
  planId: string;
  /** the saved version the working copy is based on (0: nothing saved yet) */
  baseVersion: number;
  features: EditFeature[];
  /** earlier feature lists, newest last (undo) */
  past: EditFeature[][];
  /** undone feature lists, newest last (redo) */
  future: EditFeature[][];
  /** changed since the base version was loaded or saved */
  dirty: boolean;
  selectedId: string | null;
}

/** Every change to the working copy. */
export type EditAction =
  /** a saved version (or a restored local draft) replaces everything; history starts over */
  | { type: 'load'; planId: string; baseVersion: number; features: EditFeature[]; dirty?: boolean }
  | { type: 'add'; features: EditFeature[] }
  | { type: 'set-geometry'; id: string; geometry: EditGeometry }
  | { type: 'set-properties'; id: string; properties: Partial<EditProperties> }
  | { type: 'delete'; id: string }
  /** every feature of a reach takes its name (城区段; blank: unnamed) */
  | { type: 'name-reach'; reach: string; name: string }
  /** a line's direction (the flow) flipped; the sides are inferred again */
  | { type: 'reverse'; id: string }
  | { type: 'select'; id: string | null }
  | { type: 'undo' }
  | { type: 'redo' }
  /**
   * the working copy was saved as `version`: it is the new base, nothing is dirty, unless
   * `features` (the list that was sent) is given and the working copy changed since it was sent
   */
  | { type: 'saved'; version: number; features?: readonly EditFeature[] };
