// Snapping for the line tool: a vertex within reach wins over the nearest point of an edge. Terra
// Draw's feature snapping with both takes the nearer of the two, which beside a vertex is always the
// edge (measured: a click 5 px from a line's end vertex was saved 43 mm from the vertex, not on it).
import type { Position } from 'geojson';
import type { GeoJSONStoreFeatures, TerraDrawMouseEvent } from 'terra-draw';

type Project = (lng: number, lat: number) => { x: number; y: number };

/** The coordinates of a line or a polygon's rings (points are not snapped to). */
function partsOf(f: GeoJSONStoreFeatures): Position[][] {
  const g = f.geometry;
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'Polygon') return g.coordinates;
  return [];
}

/**
 * A Terra Draw `toCustom` snapping over the features `features()` gives (the one being drawn left
 * out) and the lines `extra()` gives (the river courses of the bureau, 河道底图): the nearest vertex
 * within `reachPx` pixels, else the nearest point of an edge within reach.
 */
export function snapVertexFirst(
  features: () => readonly GeoJSONStoreFeatures[],
  reachPx: number,
  extra: () => readonly Position[][] = () => [],
): (
  event: TerraDrawMouseEvent,
  context: { currentId?: string | number; project: Project },
) => Position | undefined {
  return (event, { currentId, project }) => {
    const parts = [
      ...features()
        .filter((f) => f.id !== currentId && !f.properties.currentlyDrawing)
        .flatMap(partsOf),
      ...extra(),
    ];
    const screen = parts.map((part) => part.map((c) => project(c[0] as number, c[1] as number)));
    const at = { x: event.containerX, y: event.containerY };
    let best: Position | undefined;
    let bestPx = reachPx;
    parts.forEach((part, i) => {
      part.forEach((c, k) => {
        const p = screen[i]?.[k] as { x: number; y: number };
        const d = Math.hypot(p.x - at.x, p.y - at.y);
        if (d <= bestPx) [best, bestPx] = [c, d];
      });
    });
    if (best) return best;
    parts.forEach((part, i) => {
      for (let k = 1; k < part.length; k++) {
        const [a, b] = [screen[i]?.[k - 1], screen[i]?.[k]] as [
          { x: number; y: number },
          { x: number; y: number },
        ];
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const len2 = dx * dx + dy * dy;
        const t =
          len2 === 0 ? 0 : Math.max(0, Math.min(1, ((at.x - a.x) * dx + (at.y - a.y) * dy) / len2));
        const d = Math.hypot(a.x + t * dx - at.x, a.y + t * dy - at.y);
        if (d > bestPx) continue;
        const [ca, cb] = [part[k - 1], part[k]] as [Position, Position];
        // at a few hundred metres a segment is straight in lon/lat as on screen
        best = [
          (ca[0] as number) + t * ((cb[0] as number) - (ca[0] as number)),
          (ca[1] as number) + t * ((cb[1] as number) - (ca[1] as number)),
        ];
        bestPx = d;
      }
    });
    return best;
  };
}
