// The one map of the page, for the panels beside it (drawing, field tools): MapPane publishes it when
// created and withdraws it when destroyed; panels re-render when it comes or goes.
import { useSyncExternalStore } from 'react';
import type { HejieMap } from '../map/hejie-map';

let current: HejieMap | null = null;
const listeners = new Set<() => void>();

/** Publishes the page's map (null when it is destroyed). */
export function setMapHandle(map: HejieMap | null): void {
  current = map;
  for (const l of listeners) l();
}

/** The page's map, or null before it exists. */
export function useMapHandle(): HejieMap | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

const folders = new Set<() => void>();

/** Asks the map pane to fold its layer list and legend (a drawing tool needs the whole map). */
export function foldMapControls(): void {
  for (const fold of folders) fold();
}

/** Registers how the map pane folds its controls; returns the unregistering function. */
export function onFoldMapControls(fold: () => void): () => void {
  folders.add(fold);
  return () => folders.delete(fold);
}
