// How the working copy looks while it is edited: one colour per bank role (left cool, right warm;
// toe lines solid, bank lines dashed), water in blue, a line with no role yet in grey. Terra Draw
// styles its own layers from these; the flow arrows and the legend use the same colours.
import type { GeoJSONStoreFeatures, HexColor } from 'terra-draw';

/** Colours of the edited features by role (`none`: no role chosen yet). */
export const ROLE_COLORS = {
  'toe-left': '#5f3dc4',
  'toe-right': '#c2255c',
  'bank-left': '#4c6ef5',
  'bank-right': '#e8590c',
  water: '#1c7ed6',
  'approved-boundary': '#0c8599',
  work: '#862e9c',
  none: '#495057',
} as const satisfies Record<string, HexColor>;

const roleOf = (f: GeoJSONStoreFeatures) => f.properties.role as string | null | undefined;

/** The colour of a feature of the working copy in Terra Draw's store. */
function roleColor(f: GeoJSONStoreFeatures): HexColor {
  const role = roleOf(f);
  return role && role in ROLE_COLORS
    ? ROLE_COLORS[role as keyof typeof ROLE_COLORS]
    : ROLE_COLORS.none;
}

const dash = (f: GeoJSONStoreFeatures): [number, number] | undefined =>
  roleOf(f)?.startsWith('bank') ? [6, 4] : undefined;

const vertex = {
  coordinatePointColor: '#ffffff',
  coordinatePointOutlineColor: '#212529',
  coordinatePointWidth: 3,
  coordinatePointOutlineWidth: 1.5,
  closingPointColor: '#ffffff',
  closingPointOutlineColor: '#212529',
  closingPointWidth: 5,
  closingPointOutlineWidth: 2,
  snappingPointColor: '#fab005',
  snappingPointOutlineColor: '#212529',
  snappingPointWidth: 6,
  snappingPointOutlineWidth: 1.5,
} as const;

/** Lines: drawn and at rest. */
export const LINE_STYLES = {
  ...vertex,
  lineStringColor: roleColor,
  lineStringWidth: 3.5,
  lineStringDash: dash,
};

/** Water polygons. */
export const POLYGON_STYLES = {
  ...vertex,
  fillColor: roleColor,
  fillOpacity: 0.25,
  outlineColor: roleColor,
  outlineWidth: 2,
};

/** Points (a work's position: 泵站, 水文站). */
export const POINT_STYLES = {
  pointColor: roleColor,
  pointWidth: 7,
  pointOutlineColor: '#ffffff' as HexColor,
  pointOutlineWidth: 2,
};

/** The selected feature: wider, its vertices and midpoints as handles. */
export const SELECT_STYLES = {
  selectedLineStringColor: roleColor,
  selectedLineStringWidth: 6,
  selectedLineStringDash: dash,
  selectedPolygonColor: roleColor,
  selectedPolygonFillOpacity: 0.35,
  selectedPolygonOutlineColor: roleColor,
  selectedPolygonOutlineWidth: 3,
  selectedPointColor: roleColor,
  selectedPointWidth: 9,
  selectedPointOutlineColor: '#212529',
  selectedPointOutlineWidth: 2,
  selectionPointColor: '#ffffff',
  selectionPointOutlineColor: '#212529',
  selectionPointWidth: 5,
  selectionPointOutlineWidth: 2,
  midPointColor: '#ffffff',
  midPointOutlineColor: '#868e96',
  midPointWidth: 3,
  midPointOutlineWidth: 1.5,
} as const;
