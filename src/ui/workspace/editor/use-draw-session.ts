// The draw session on the page's map while the editor is open: created when the map is there,
// fed the working copy after every change, destroyed with the editor.
import { useEffect, useRef, useState } from 'react';
import type { EditFeature } from '../../../domain/editor/edit-types';
import type { DrawEvents, DrawMode, DrawSession } from '../../../map/draw-session';
import type { HejieMap } from '../../../map/hejie-map';

/** The session (null until the map is ready) and why it could not start. */
export function useDrawSession(args: {
  map: HejieMap | null;
  features: readonly EditFeature[];
  selectedId: string | null;
  mode: DrawMode;
  events: DrawEvents;
}): { session: DrawSession | null; error: unknown } {
  const { map, features, selectedId, mode } = args;
  const [session, setSession] = useState<DrawSession | null>(null);
  const [error, setError] = useState<unknown>(null);
  const events = useRef(args.events);
  events.current = args.events;

  useEffect(() => {
    if (!map) return;
    let live = true;
    let started: DrawSession | null = null;
    // Terra Draw (170 kB) loads while the editor's list and form already show
    import('../../../map/draw-session')
      .then(({ startDrawSession }) =>
        startDrawSession(map, {
          onCreate: (id, g) => events.current.onCreate(id, g),
          onGeometry: (id, g) => events.current.onGeometry(id, g),
          onSelect: (id) => events.current.onSelect(id),
          onRefused: (r) => events.current.onRefused(r),
        }),
      )
      .then(
        (s) => {
          if (!live) s.destroy();
          else {
            started = s;
            setSession(s);
          }
        },
        (e: unknown) => live && setError(e),
      );
    return () => {
      live = false;
      started?.destroy();
      setSession(null);
    };
  }, [map]);

  // the mode first: a selection is only shown in select mode
  useEffect(() => session?.setMode(mode), [session, mode]);
  useEffect(() => session?.setFeatures(features, selectedId), [session, features, selectedId]);

  return { session, error };
}
