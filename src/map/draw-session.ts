// Drawing and editing the plan's lines on the map with Terra Draw. The working copy (the reducer of
// domain/editor/edit-features) is the truth: Terra Draw is its view and its input. The UI pushes the
// working copy in after every change (undo and redo too); finished drawings and vertex edits come
// back as events that the UI turns into actions.
import type { LineString, Point, Polygon, Position } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import {
  type GeoJSONStoreFeatures,
  type GeoJSONStoreGeometries,
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawModeUndoRedo,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { EditFeature } from '../domain/editor/edit-types';
import type { SelfIntersection } from '../domain/editor/find-self-intersection';
import { findSelfIntersection } from '../domain/editor/find-self-intersection';
import { LINE_STYLES, POINT_STYLES, POLYGON_STYLES, SELECT_STYLES } from './draw-styles';
import { addFlowArrows, removeFlowArrows, setFlowArrows } from './flow-arrows';
import type { HejieMap } from './hejie-map';
import { snapVertexFirst } from './snap-vertex-first';

/**
 * What the map does with a click: pick and edit a feature, draw a line, a water polygon or a point
 * (a work such as a 泵站 or 水文站), nothing.
 */
export type DrawMode = 'select' | 'line' | 'polygon' | 'point' | 'static';

/** The geometries the editor draws and edits. */
export type DrawnGeometry = LineString | Polygon | Point;

/** Why a drawing step was refused (the UI says it in words). */
export type DrawRefusal = { kind: 'self-intersection' } & SelfIntersection;

/** What the session tells the UI. */
export interface DrawEvents {
  /** a line or polygon was drawn to its end, or a point placed; `id` is the one it has on the map (use it for the feature) */
  onCreate: (id: string, geometry: DrawnGeometry) => void;
  /** vertices of a feature were moved, inserted or deleted, or a point dragged */
  onGeometry: (id: string, geometry: DrawnGeometry) => void;
  /** a feature was picked on the map, or the pick was cleared */
  onSelect: (id: string | null) => void;
  /** a click was refused (the line or ring would cross itself) */
  onRefused: (refusal: DrawRefusal) => void;
}

/** A draw session on the page's map. */
export interface DrawSession {
  /** Shows the working copy (and its selected feature); features Terra Draw cannot hold are left out. */
  setFeatures(features: readonly EditFeature[], selectedId: string | null): void;
  setMode(mode: DrawMode): void;
  /** Takes back the last point of a line being drawn; false when nothing is being drawn. */
  undoPoint(): boolean;
  /** Whether a line or polygon is half drawn. */
  isDrawing(): boolean;
  destroy(): void;
}

type Snapping = NonNullable<ConstructorParameters<typeof TerraDrawLineStringMode>[0]>['snapping'];

const MODE_NAMES: Record<DrawMode, string> = {
  select: 'select',
  line: 'linestring',
  polygon: 'polygon',
  point: 'point',
  static: 'static',
};

/** Degrees kept: 1e-9° is about 0.1 mm. */
const PRECISION = 9;
const round = (v: number) => Math.round(v * 10 ** PRECISION) / 10 ** PRECISION;
const flat = (cs: readonly Position[]) =>
  cs.map((c) => [round(c[0] as number), round(c[1] as number)]);

/** The geometry as Terra Draw's store takes it: 2D, rounded to its precision. */
function storeGeometry(g: DrawnGeometry): GeoJSONStoreGeometries {
  if (g.type === 'Point') {
    const [c] = flat([g.coordinates]);
    return { type: 'Point', coordinates: c ?? [] };
  }
  return g.type === 'LineString'
    ? { type: 'LineString', coordinates: flat(g.coordinates) }
    : { type: 'Polygon', coordinates: g.coordinates.map(flat) };
}

/** Terra Draw's mode for a geometry of the working copy. */
const KINDS = { Point: 'point', LineString: 'linestring', Polygon: 'polygon' } as const;

/** What Terra Draw holds: a point, a line of 2+ points, a polygon of one closed ring (no holes). */
function storable(g: GeoJSONStoreGeometries): boolean {
  if (g.type === 'Point') return g.coordinates.length === 2;
  if (g.type === 'LineString') return g.coordinates.length >= 2;
  if (g.type !== 'Polygon' || g.coordinates.length !== 1) return false;
  const ring = g.coordinates[0] ?? [];
  return ring.length >= 4 && JSON.stringify(ring[0]) === JSON.stringify(ring.at(-1));
}

const sameGeometry = (a: GeoJSONStoreGeometries, b: GeoJSONStoreGeometries) =>
  JSON.stringify(a.coordinates) === JSON.stringify(b.coordinates);

const EDIT_ACTIONS = new Set([
  'dragCoordinate',
  'insertMidpoint',
  'deleteCoordinate',
  'dragFeature',
  'dragCoordinateResize',
  'edit',
]);

let sequence = 0;
/** Ids of drawn features: unique in the page, distinct from saved ids (f1, f2, …). */
const nextId = () => `d${Date.now().toString(36)}${(++sequence).toString(36)}`;

function createDraw(
  map: MaplibreMap,
  events: DrawEvents,
  courses: () => readonly Position[][],
): TerraDraw {
  let draw: TerraDraw | null = null;
  const validation = (
    feature: GeoJSONStoreFeatures,
    context: { updateType: unknown },
  ): { valid: boolean; reason?: string } => {
    // while the pointer moves the line may cross itself; a click that would fix the crossing is refused
    if (context.updateType === 'provisional') return { valid: true };
    const g = feature.geometry;
    if (g.type !== 'LineString' && g.type !== 'Polygon') return { valid: true };
    const hit = findSelfIntersection(g);
    if (!hit) return { valid: true };
    events.onRefused({ kind: 'self-intersection', ...hit });
    return { valid: false, reason: 'self-intersection' };
  };
  const snapping: Snapping = {
    toFeature: {
      filter: (f) => f.geometry.type !== 'Point',
      toCoordinate: true,
      toLine: true,
    },
  };
  const editable = {
    feature: {
      validation,
      coordinates: { draggable: true, midpoints: true, deletable: true, snappable: snapping },
    },
  };
  draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: PRECISION }),
    idStrategy: {
      isValidId: (id) => typeof id === 'string' && id.length > 0,
      getId: nextId,
    },
    undoRedo: { modeLevel: new TerraDrawModeUndoRedo() },
    modes: [
      new TerraDrawLineStringMode({
        styles: LINE_STYLES,
        // a toe line starts or ends on another's vertex: vertices first, then edges; the bureau's
        // river courses (河道底图) are snapped to as well
        snapping: { toCustom: snapVertexFirst(() => draw?.getSnapshot() ?? [], 24, courses) },
        validation,
        pointerDistance: 24,
      }),
      new TerraDrawPolygonMode({
        styles: POLYGON_STYLES,
        snapping,
        validation,
        pointerDistance: 24,
      }),
      // a work's position (泵站, 水文站): one click; it is moved in the select mode
      new TerraDrawPointMode({ styles: POINT_STYLES, validation, pointerDistance: 24 }),
      new TerraDrawSelectMode({
        styles: SELECT_STYLES,
        // deleting goes through the working copy (the editor's Delete), not Terra Draw's own key
        keyEvents: { deselect: 'Escape', delete: null, rotate: null, scale: null },
        flags: {
          linestring: editable,
          polygon: editable,
          point: { feature: { draggable: true, validation } },
        },
      }),
    ],
  });
  return draw;
}

/**
 * Starts drawing on the page's map (its data loaded); the app keeps the open plan open under map
 * clicks, so they belong to the session. Call `destroy` when the editor closes.
 * @example const s = await startDrawSession(hejieMap, events); s.setFeatures(state.features, null)
 */
export async function startDrawSession(hejie: HejieMap, events: DrawEvents): Promise<DrawSession> {
  const map = await hejie.mapWhenReady();
  let removed = false;
  map.once('remove', () => {
    removed = true;
  });
  const draw = createDraw(map, events, () => hejie.courseLines());
  draw.start();
  addFlowArrows(map);
  let mode: DrawMode = 'static';

  const feature = (id: string) => draw.getSnapshotFeature(id);
  draw.on('finish', (id, context) => {
    const f = feature(String(id));
    const g = f?.geometry;
    if (!g || (g.type === 'Point' && f.properties.mode !== 'point')) return;
    if (g.type !== 'Point' && g.type !== 'LineString' && g.type !== 'Polygon') return;
    if (context.action === 'draw') {
      // the second click of a double click closed the line: it must not zoom the map as well
      if (mode === 'line' || mode === 'polygon') map.doubleClickZoom.disable();
      events.onCreate(String(id), g);
    } else if (EDIT_ACTIONS.has(context.action)) events.onGeometry(String(id), g);
  });
  draw.on('select', (id) => events.onSelect(String(id)));
  draw.on('deselect', () => events.onSelect(null));

  // the working copy's features; Terra Draw's own points (vertex handles, midpoints, snapping marks)
  // are points of another mode
  const ours = () =>
    draw
      .getSnapshot()
      .filter(
        (f) =>
          (f.geometry.type !== 'Point' || f.properties.mode === 'point') &&
          !f.properties.currentlyDrawing,
      );

  return {
    setFeatures(features, selectedId) {
      if (removed) return;
      const have = new Map(ours().map((f) => [String(f.id), f]));
      const wanted = new Set(features.map((f) => f.id));
      const gone = [...have.keys()].filter((id) => !wanted.has(id));
      if (gone.length > 0) draw.removeFeatures(gone);
      const added: GeoJSONStoreFeatures[] = [];
      for (const f of features) {
        const geometry = storeGeometry(f.geometry);
        const kind = KINDS[f.geometry.type];
        const role = f.properties.role ?? null;
        const old = have.get(f.id);
        if (!old || old.properties.mode !== kind) {
          if (old) draw.removeFeatures([f.id]);
          if (!storable(geometry)) continue;
          added.push({
            id: f.id,
            type: 'Feature',
            geometry,
            properties: { mode: kind, id: f.id, role },
          });
          continue;
        }
        if (!sameGeometry(old.geometry, geometry)) {
          if (storable(geometry)) draw.updateFeatureGeometry(f.id, geometry);
          else draw.removeFeatures([f.id]);
        }
        // a drawn feature gets its id and role as properties (the styles and tests read them)
        if (old.properties.role !== role || old.properties.id !== f.id) {
          draw.updateFeatureProperties(f.id, { id: f.id, role });
        }
      }
      if (added.length > 0) draw.addFeatures(added);
      setFlowArrows(map, {
        type: 'FeatureCollection',
        features: features.flatMap((f) =>
          f.geometry.type === 'LineString'
            ? [
                {
                  type: 'Feature' as const,
                  geometry: f.geometry,
                  properties: { id: f.id, role: f.properties.role ?? null },
                },
              ]
            : [],
        ),
      });
      if (mode !== 'select') return;
      const picked = ours().find((f) => f.properties.selected);
      const pickedId = picked ? String(picked.id) : null;
      if (pickedId === selectedId) return;
      if (pickedId) draw.deselectFeature(pickedId);
      if (selectedId && draw.hasFeature(selectedId)) draw.selectFeature(selectedId);
    },
    setMode(next) {
      if (removed || next === mode) return;
      mode = next;
      draw.setMode(MODE_NAMES[next]);
      if (next === 'line' || next === 'polygon') map.doubleClickZoom.disable();
      else map.doubleClickZoom.enable();
    },
    undoPoint() {
      if (removed || draw.getModeState() !== 'drawing' || !draw.canUndo()) return false;
      return draw.undo();
    },
    isDrawing: () => !removed && draw.getModeState() === 'drawing',
    destroy() {
      if (removed) return;
      draw.stop();
      removeFlowArrows(map);
      map.doubleClickZoom.enable();
    },
  };
}
