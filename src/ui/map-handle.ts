// The one way to the page's map. The app owns it (useMapOwner): MapPane creates the map and hands it
// up (its onMap prop), the app provides it through MapHandleContext, and the panels beside the map
// (drawing, field tools, comments, import) read it with useMapHandle. The browser tests' one hook,
// window.hejieMap, is set by the same owner at the same moment; no code of the app reads it.
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { HejieMap } from '../map/hejie-map';

declare global {
  interface Window {
    /** Test hook: the page's map, for browser tests that assert what is drawn. Set by useMapOwner. */
    hejieMap?: HejieMap;
  }
}

/** What the components under the app get: the map (null before it exists) and room on it. */
interface MapHandle {
  map: HejieMap | null;
  /** Folds the map pane's layer list and legend (a drawing tool needs the whole map). */
  foldControls: () => void;
}

/** The page's map for the components under the app; the app provides useMapOwner's `handle`. */
export const MapHandleContext = createContext<MapHandle>({
  map: null,
  foldControls: () => undefined,
});

/**
 * The owner's side, used once, by the app: the handle it provides, and MapPane's two props that feed
 * it (`onMap`: the map created or destroyed; `foldRequest`: how many times folding was asked).
 */
export function useMapOwner() {
  const [map, setMap] = useState<HejieMap | null>(null);
  const [foldRequest, setFoldRequest] = useState(0);
  const onMap = useCallback((m: HejieMap | null) => {
    window.hejieMap = m ?? undefined;
    setMap(m);
  }, []);
  const foldControls = useCallback(() => setFoldRequest((n) => n + 1), []);
  const handle = useMemo(() => ({ map, foldControls }), [map, foldControls]);
  return { handle, onMap, foldRequest };
}

/** The page's map, or null before it exists. */
export function useMapHandle(): HejieMap | null {
  return useContext(MapHandleContext).map;
}

/** Asks the map pane to fold its layer list and legend. */
export function useFoldMapControls(): () => void {
  return useContext(MapHandleContext).foldControls;
}
