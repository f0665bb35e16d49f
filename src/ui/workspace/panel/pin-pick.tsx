// 在地图上标注 in a form (a comment, a department's reply): the next tap on the map gives the place,
// shown under the text with 移除; Esc or 取消标注 stops picking.
import { useEffect, useRef, useState } from 'react';
import { pickPoint } from '../../../map/pick-point';
import { useMapHandle } from '../../map-handle';
import { useWt } from '../messages';

/** Degrees as the pins print them (six decimals, about 10 cm). */
export const degrees = (v: number) => v.toFixed(6);

/** The place being pinned and the picking in progress (aborted when the form goes away). */
export function usePinPick() {
  const map = useMapHandle();
  const [place, setPlace] = useState<[number, number] | null>(null);
  const picking = useRef<AbortController | null>(null);
  const [isPicking, setIsPicking] = useState(false);
  useEffect(() => () => picking.current?.abort(), []);

  const pick = async () => {
    if (!map) return;
    picking.current?.abort();
    const controller = new AbortController();
    picking.current = controller;
    setIsPicking(true);
    const point = await pickPoint(map, controller.signal);
    if (picking.current === controller) {
      picking.current = null;
      setIsPicking(false);
    }
    if (point) setPlace(point);
  };
  const cancel = () => picking.current?.abort();
  return { map, place, setPlace, isPicking, pick, cancel };
}

type PinPick = ReturnType<typeof usePinPick>;

/** 请在地图上点击 while picking (kept in view: a phone's panel shrinks), else the place with 移除. */
export function PinNote({ pin }: { pin: PinPick }) {
  const t = useWt();
  const note = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (pin.isPicking) note.current?.scrollIntoView({ block: 'nearest' });
  }, [pin.isPicking]);
  if (pin.isPicking)
    return (
      <p className="picking" role="status" ref={note}>
        {t('pinPicking')}
      </p>
    );
  const { place } = pin;
  if (!place) return null;
  return (
    <p className="pinned" data-lon={place[0]} data-lat={place[1]}>
      {t('pinAt', { lon: degrees(place[0]), lat: degrees(place[1]) })}{' '}
      <button type="button" className="link" onClick={() => pin.setPlace(null)}>
        {t('pinRemove')}
      </button>
    </p>
  );
}

/** 在地图上标注, or 取消标注 while picking; nothing without a map. */
export function PinButton({ pin }: { pin: PinPick }) {
  const t = useWt();
  if (!pin.map) return null;
  return pin.isPicking ? (
    <button type="button" className="secondary" onClick={pin.cancel}>
      {t('pinCancel')}
    </button>
  ) : (
    <button type="button" className="secondary pin" onClick={pin.pick}>
      {t('pinOnMap')}
    </button>
  );
}
