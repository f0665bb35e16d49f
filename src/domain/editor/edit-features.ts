import type { LineString, Polygon } from 'geojson';
import { syncBankSides } from './bank-sides';
import type { EditAction, EditFeature, EditState } from './edit-types';

/** Most undo steps kept; older ones are dropped. */
const HISTORY = 100;

/**
 * An empty working copy of a plan (nothing loaded yet).
 * @example emptyEditState('city-01').features // []
 */
export function emptyEditState(planId: string): EditState {
  return {
    planId,
    baseVersion: 0,
    features: [],
    past: [],
    future: [],
    dirty: false,
    selectedId: null,
  };
}

function reversed(f: EditFeature): EditFeature {
  const g = f.geometry;
  if (g.type === 'Point') return f;
  const geometry: LineString | Polygon =
    g.type === 'LineString'
      ? { type: 'LineString', coordinates: [...g.coordinates].reverse() }
      : { type: 'Polygon', coordinates: g.coordinates.map((ring) => [...ring].reverse()) };
  return { ...f, geometry };
}

/**
 * The state after a change of the feature list: the old list goes on the undo stack, and the lines
 * that follow the geometry take the sides it gives them now.
 */
function changed(state: EditState, features: EditFeature[]): EditState {
  return {
    ...state,
    features: syncBankSides(features),
    past: [...state.past, state.features].slice(-HISTORY),
    future: [],
    dirty: true,
  };
}

function mapOne(
  state: EditState,
  id: string,
  fn: (f: EditFeature) => EditFeature,
): EditState | null {
  const i = state.features.findIndex((f) => f.id === id);
  if (i < 0) return null;
  const features = [...state.features];
  features[i] = fn(features[i] as EditFeature);
  return changed(state, features);
}

/**
 * The working copy after one action (a reducer: the input state is never mutated). An action on
 * an id that is not there changes nothing. Reversing a line flips its flow; the sides of the lines
 * drawn here are inferred again (a stated side stays, and is checked against the geometry).
 * @example editFeatures(s, { type: 'reverse', id: 'a' }) // line 'a' reversed; with 'b' beside it, both 待定 (they flow opposite ways)
 */
export function editFeatures(state: EditState, action: EditAction): EditState {
  switch (action.type) {
    case 'load':
      return {
        planId: action.planId,
        baseVersion: action.baseVersion,
        features: action.features,
        past: [],
        future: [],
        dirty: action.dirty ?? false,
        selectedId: null,
      };
    case 'add': {
      if (action.features.length === 0) return state;
      const ids = new Set(state.features.map((f) => f.id));
      const clash = action.features.find((f) => ids.has(f.id));
      if (clash) throw new Error(`feature id ${clash.id} is already in the working copy`);
      const next = changed(state, [...state.features, ...action.features]);
      return { ...next, selectedId: action.features.at(-1)?.id ?? null };
    }
    case 'set-geometry':
      return mapOne(state, action.id, (f) => ({ ...f, geometry: action.geometry })) ?? state;
    case 'set-properties':
      return (
        mapOne(state, action.id, (f) => ({
          ...f,
          properties: { ...f.properties, ...action.properties },
        })) ?? state
      );
    case 'name-reach': {
      const name = action.name.trim() === '' ? null : action.name.trim();
      if (!state.features.some((f) => f.properties.reach === action.reach)) return state;
      return changed(
        state,
        state.features.map((f) =>
          f.properties.reach === action.reach
            ? { ...f, properties: { ...f.properties, reachName: name } }
            : f,
        ),
      );
    }
    case 'reverse':
      return mapOne(state, action.id, reversed) ?? state;
    case 'delete': {
      if (!state.features.some((f) => f.id === action.id)) return state;
      const next = changed(
        state,
        state.features.filter((f) => f.id !== action.id),
      );
      return { ...next, selectedId: state.selectedId === action.id ? null : state.selectedId };
    }
    case 'select':
      return action.id === state.selectedId ? state : { ...state, selectedId: action.id };
    case 'undo': {
      const prev = state.past.at(-1);
      if (!prev) return state;
      return {
        ...state,
        features: prev,
        past: state.past.slice(0, -1),
        future: [...state.future, state.features],
        dirty: true,
      };
    }
    case 'redo': {
      const next = state.future.at(-1);
      if (!next) return state;
      return {
        ...state,
        features: next,
        past: [...state.past, state.features],
        future: state.future.slice(0, -1),
        dirty: true,
      };
    }
    case 'saved': {
      // edits made while the save was under way stay unsaved
      const later = action.features !== undefined && action.features !== state.features;
      return { ...state, baseVersion: action.version, dirty: later };
    }
  }
}
