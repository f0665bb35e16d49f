// The imagery layers (影像底图) in the map's layer switcher, beside 离线底图 and 天地图: one radio
// each, named with its date; a staff-only layer says so.
import { useCallback, useEffect, useState } from 'react';
import type { ImageryOverlay } from '../../map/imagery';
import { fetchImagery, type ImageryLayer } from './imagery-api';
import { type IT, useIt } from './messages-imagery';
import './imagery.css';

/** The layers the viewer may see, and a way to ask again (after a login, when the list opens). */
export function useImageryLayers(): { layers: ImageryLayer[]; refresh: () => void } {
  const [layers, setLayers] = useState<ImageryLayer[]>([]);
  const refresh = useCallback(() => {
    fetchImagery()
      .then(setLayers)
      // no imagery is shown when the list cannot be read; the base maps still work
      .catch(() => setLayers([]));
  }, []);
  useEffect(refresh, [refresh]);
  return { layers, refresh };
}

/** What the map draws for a layer, its credit in the UI's language. */
export function overlayOf(layer: ImageryLayer, it: IT): ImageryOverlay {
  return {
    id: layer.id,
    bounds: layer.bounds,
    minzoom: layer.minzoom,
    maxzoom: layer.maxzoom,
    attribution: it('imageryCredit', {
      source: layer.source ?? it('imageryBureau'),
      date: layer.date ?? it('imageryNoDate'),
    }),
  };
}

/** The radios of the imagery layers (`imagery:<id>` in the switcher's group). */
export function ImageryOptions(props: {
  layers: readonly ImageryLayer[];
  choice: string;
  onChoose: (choice: string) => void;
}) {
  const it = useIt();
  if (props.layers.length === 0) return null;
  return (
    <fieldset className="imagery-options">
      <legend>{it('imageryGroup')}</legend>
      {props.layers.map((l) => (
        <label key={l.id} title={l.public ? '' : it('imageryStaffOnly')}>
          <input
            type="radio"
            name="basemap"
            value={`imagery:${l.id}`}
            checked={props.choice === `imagery:${l.id}`}
            onChange={() => props.onChoose(`imagery:${l.id}`)}
          />
          <span>
            {it('imageryOption', { name: l.name, date: l.date ?? it('imageryNoDate') })}
            {!l.public && <span className="hint"> · {it('imageryStaffOnly')}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
