// 测量: the points of a distance (a path) or an area (a polygon) clicked or tapped on the map, drawn
// on a source of their own. The clicks are taken before the map sees them (no card, no selection);
// a drag still pans. The numbers are the domain's (measure-shape.ts); this module only draws.
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { HejieMap } from './hejie-map';

/** What is measured. */
export type MeasureMode = 'distance' | 'area';

/** The measuring on the map: its points, and the way to end it. */
export interface MeasureSession {
  /** stops taking points; the shape stays drawn until `clear` */
  finish(): void;
  /** removes the last point */
  undo(): void;
  /** ends and removes the shape */
  clear(): void;
}

/** The points so far, the point under the pointer (a mouse; null on touch), and whether it ended. */
export interface MeasureState {
  points: [number, number][];
  hover: [number, number] | null;
  done: boolean;
}

const SOURCE = 'measure';
const INK = '#c2255c';
const MOVE_TOLERANCE_PX = 6;
const CLASS = 'hejie-measuring';

const LAYERS: LayerSpecification[] = [
  {
    id: 'measure-fill',
    type: 'fill',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': INK, 'fill-opacity': 0.15 },
  },
  {
    id: 'measure-line',
    type: 'line',
    source: SOURCE,
    filter: ['!=', ['geometry-type'], 'Point'],
    paint: { 'line-color': INK, 'line-width': 2.5, 'line-dasharray': [2, 1] },
  },
  {
    id: 'measure-points',
    type: 'circle',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-color': '#ffffff',
      'circle-radius': 4.5,
      'circle-stroke-color': INK,
      'circle-stroke-width': 2,
    },
  },
];

function shape(mode: MeasureMode, s: MeasureState): FeatureCollection {
  const path: Position[] = s.hover && !s.done ? [...s.points, s.hover] : [...s.points];
  const features: Feature[] = s.points.map((p) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: p },
  }));
  if (mode === 'area' && path.length >= 3) {
    features.push({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [[...path, path[0] as Position]] },
    });
  } else if (path.length >= 2) {
    features.push({
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: path },
    });
  }
  return { type: 'FeatureCollection', features };
}

function draw(map: MaplibreMap, data: FeatureCollection): void {
  const source = map.getSource<GeoJSONSource>(SOURCE);
  if (source) {
    source.setData(data);
    return;
  }
  map.addSource(SOURCE, { type: 'geojson', data });
  for (const layer of LAYERS) map.addLayer(layer);
}

/**
 * Starts measuring: each click or tap adds a point, a double click or `finish` ends (Esc is the
 * owner's: it calls `finish` or `clear`). `onChange` gets every new state.
 */
export async function startMeasure(
  hejie: HejieMap,
  mode: MeasureMode,
  onChange: (s: MeasureState) => void,
): Promise<MeasureSession> {
  const map = await hejie.mapWhenReady();
  const container = map.getContainer();
  const state: MeasureState = { points: [], hover: null, done: false };
  const update = () => {
    draw(map, shape(mode, state));
    onChange({ points: [...state.points], hover: state.hover, done: state.done });
  };
  const lngLatOf = (e: MouseEvent): [number, number] => {
    const rect = map.getCanvas().getBoundingClientRect();
    const at = map.unproject([e.clientX - rect.left, e.clientY - rect.top]);
    return [at.lng, at.lat];
  };
  const onCanvas = (e: Event) =>
    e.target instanceof Element && e.target.closest('.maplibregl-canvas-container') !== null;
  let down: { x: number; y: number } | null = null;
  const onDown = (e: PointerEvent) => {
    down = { x: e.clientX, y: e.clientY };
  };
  const onClick = (e: MouseEvent) => {
    if (state.done || !onCanvas(e)) return;
    if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > MOVE_TOLERANCE_PX) return;
    e.stopPropagation();
    e.preventDefault();
    state.points.push(lngLatOf(e));
    update();
  };
  const onDblClick = (e: MouseEvent) => {
    if (state.done || !onCanvas(e)) return;
    e.stopPropagation();
    e.preventDefault();
    // the double click's second click added its point again
    const [a, b] = [state.points.at(-1), state.points.at(-2)];
    if (a && b && a[0] === b[0] && a[1] === b[1]) state.points.pop();
    finish();
  };
  const onMove = (e: PointerEvent) => {
    if (state.done || e.pointerType !== 'mouse' || !onCanvas(e) || state.points.length === 0)
      return;
    state.hover = lngLatOf(e);
    update();
  };
  const detach = () => {
    container.removeEventListener('pointerdown', onDown, true);
    container.removeEventListener('click', onClick, true);
    container.removeEventListener('dblclick', onDblClick, true);
    container.removeEventListener('pointermove', onMove, true);
    container.classList.remove(CLASS);
    map.doubleClickZoom.enable();
  };
  function finish() {
    if (state.done) return;
    state.done = true;
    state.hover = null;
    detach();
    update();
  }
  container.addEventListener('pointerdown', onDown, true);
  container.addEventListener('click', onClick, true);
  container.addEventListener('dblclick', onDblClick, true);
  container.addEventListener('pointermove', onMove, true);
  container.classList.add(CLASS);
  map.doubleClickZoom.disable();
  update();
  return {
    finish,
    undo() {
      if (state.done || state.points.length === 0) return;
      state.points.pop();
      update();
    },
    clear() {
      finish();
      state.points = [];
      if (map.getSource(SOURCE)) draw(map, { type: 'FeatureCollection', features: [] });
    },
  };
}
