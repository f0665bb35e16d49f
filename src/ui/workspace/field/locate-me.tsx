import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import { renderMessage } from '../../../contract/messages/render';
import { projector } from '../../../domain/crs/crs';
import { formatDms } from '../../../domain/formats/common/dms';
import { nearestMarker } from '../../../domain/markers/nearest-marker';
import { showFieldPosition } from '../../../map/field-layers';
import { flyToPoint } from '../../../map/fly-to';
import { pointCover } from '../../covered-edges';
import { useLang } from '../../i18n';
import { useMapHandle } from '../../map-handle';
import { useWt } from '../messages';
import './field.css';

/** What went wrong, each with its own message: GeolocationPositionError's codes and the rest. */
type GeoProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported' | 'insecure';

const PROBLEM_KEY = {
  denied: 'geoDenied',
  unavailable: 'geoUnavailable',
  timeout: 'geoTimeout',
  unsupported: 'geoUnsupported',
  insecure: 'geoInsecure',
} as const;

/** GeolocationPositionError codes: 1 PERMISSION_DENIED, 2 POSITION_UNAVAILABLE, 3 TIMEOUT. */
const CODES: Record<number, GeoProblem> = { 1: 'denied', 2: 'unavailable', 3: 'timeout' };

interface Fix {
  lon: number;
  lat: number;
  accuracyM: number;
  at: number;
}

/** High accuracy (GPS), no cached position, and a timeout a field check can live with. */
const WATCH_OPTIONS: PositionOptions = { enableHighAccuracy: true, maximumAge: 0, timeout: 30_000 };

/**
 * 定位我: follows the device's position (watchPosition, high accuracy), draws it with its accuracy
 * circle, and says how far and which way the draft's nearest boundary marker is, measured in its
 * Gauss-Krüger zone, updated as I move. Stopping, or closing the panel, clears the map.
 */
export function LocateMe({ draft }: { draft: FeatureCollection }) {
  const t = useWt();
  const { lang } = useLang();
  const map = useMapHandle();
  const [on, setOn] = useState(false);
  const [fix, setFix] = useState<Fix | null>(null);
  const [problem, setProblem] = useState<GeoProblem | null>(null);
  const watch = useRef<number | null>(null);
  const centred = useRef(false);

  const stopWatching = () => {
    if (watch.current !== null) navigator.geolocation.clearWatch(watch.current);
    watch.current = null;
  };

  const start = () => {
    setProblem(null);
    if (!window.isSecureContext) return setProblem('insecure');
    if (!('geolocation' in navigator)) return setProblem('unsupported');
    stopWatching();
    centred.current = false;
    setOn(true);
    watch.current = navigator.geolocation.watchPosition(
      (p) => {
        setProblem(null);
        setFix({
          lon: p.coords.longitude,
          lat: p.coords.latitude,
          accuracyM: p.coords.accuracy,
          at: p.timestamp,
        });
      },
      (e) => {
        const why = CODES[e.code] ?? 'unavailable';
        setProblem(why);
        // a refusal is final until the user changes it; no fix and a timeout may yet recover
        if (why === 'denied') {
          stopWatching();
          setOn(false);
          setFix(null);
        }
      },
      WATCH_OPTIONS,
    );
  };

  const stop = () => {
    stopWatching();
    setOn(false);
    setFix(null);
    setProblem(null);
  };

  useEffect(
    () => () => {
      if (watch.current !== null) navigator.geolocation.clearWatch(watch.current);
    },
    [],
  );

  const nearest = useMemo(
    () => (fix ? nearestMarker([fix.lon, fix.lat], draft.features) : null),
    [fix, draft],
  );

  useEffect(() => {
    if (!map) return;
    const near = nearest?.ok ? nearest.nearest : null;
    void showFieldPosition(map, fix && { ...fix, nearest: near && [near.lon, near.lat] });
    if (fix && !centred.current) {
      centred.current = true;
      void flyToPoint(map, [fix.lon, fix.lat], pointCover());
    }
  }, [map, fix, nearest]);

  useEffect(() => () => void (map && showFieldPosition(map, null)), [map]);

  return (
    <section className="locate-me" aria-labelledby="locate-me-title">
      <h3 id="locate-me-title">{t('fieldCheck')}</h3>
      <div className="actions">
        {on ? (
          <button type="button" className="secondary" onClick={stop}>
            {t('locateStop')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={start}>
            {t('locateMe')}
          </button>
        )}
      </div>
      {on && !fix && !problem && (
        <p className="loading" role="status">
          {t('locating')}
        </p>
      )}
      {problem && (
        <p className="problem" role="alert" data-problem={problem}>
          {t(PROBLEM_KEY[problem])}
        </p>
      )}
      {fix && nearest && <FixReport fix={fix} nearest={nearest} lang={lang} />}
    </section>
  );
}

/** The time of a fix to the second, China time. */
const clock = (ms: number, lang: 'zh' | 'en') =>
  new Date(ms).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' });

function FixReport(props: {
  fix: Fix;
  nearest: ReturnType<typeof nearestMarker>;
  lang: 'zh' | 'en';
}) {
  const t = useWt();
  const { fix, nearest } = props;
  const grid = nearest.ok ? projector(nearest.nearest.crs).forward([fix.lon, fix.lat]) : null;
  return (
    <div className="fix" role="status" aria-live="polite">
      {nearest.ok ? (
        <p
          className="nearest"
          data-marker={nearest.nearest.id}
          data-distance={nearest.nearest.distanceM.toFixed(1)}
        >
          {t('nearestMarker', {
            id: nearest.nearest.id,
            d: nearest.nearest.distanceM.toFixed(1),
            dir: nearest.nearest.direction,
          })}
        </p>
      ) : (
        <p className="problem">
          {t('nearestNone', { reason: renderMessage(nearest.reason, props.lang) })}
        </p>
      )}
      <p className="sub">
        {t('myPosition')} B {formatDms(fix.lat, 2)} L {formatDms(fix.lon, 2)}
        {grid && ` · X ${grid[1].toFixed(1)} Y ${grid[0].toFixed(1)}`} ·{' '}
        {t('accuracy', { m: Math.round(fix.accuracyM) })} ·{' '}
        {t('fixAt', { t: clock(fix.at, props.lang) })}
      </p>
    </div>
  );
}
