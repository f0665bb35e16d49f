// B/L under the cursor (degrees and 度分秒), and for staff X/Y in the zone; on a touch screen the
// map's centre, marked by a cross.
import { useEffect, useState } from 'react';
import { formatFixed } from '../../domain/formats/common/dms';
import { readPoint } from '../../domain/geo/grid-position';
import type { HejieMap } from '../../map/hejie-map';
import { watchCentre, watchPointer } from '../../map/map-tools';
import { useToolText } from './use-tool-text';

/** A touch screen without a hovering pointer: the readout follows the centre. */
const touchOnly = () =>
  globalThis.matchMedia?.('(hover: none) and (pointer: coarse)').matches ?? false;

export function CursorReadout(props: { map: HejieMap; staff: boolean }) {
  const { t } = useToolText();
  const [centre] = useState(touchOnly);
  const [point, setPoint] = useState<[number, number] | null>(null);
  useEffect(
    () => (centre ? watchCentre(props.map, setPoint) : watchPointer(props.map, setPoint)),
    [props.map, centre],
  );
  const r = point ? readPoint(point) : null;
  return (
    <>
      {centre && <div className="map-crosshair" aria-hidden="true" />}
      <output
        className="map-readout"
        aria-label={t('readoutLabel')}
        data-source={centre ? 'centre' : 'cursor'}
      >
        {r ? (
          <>
            <span className="what">{t(centre ? 'readoutCentre' : 'readoutCursor')}</span>
            <span data-readout="bl">
              B {r.b}° L {r.l}°
            </span>
            <span data-readout="dms">
              B {r.bDms} L {r.lDms}
            </span>
            {props.staff && r.grid && (
              <span data-readout="xy">
                X {formatFixed(r.grid.x, 2)} Y {formatFixed(r.grid.y, 2)} ·{' '}
                {t('readoutZone', { zone: r.grid.zone, code: r.grid.code })}
              </span>
            )}
          </>
        ) : (
          <span className="what">{t('readoutLabel')}</span>
        )}
      </output>
    </>
  );
}
