// 测距 / 测面积: the buttons, and while measuring the running length or area (domain numbers on the
// zone's GK plane), with undo, finish and close; Esc finishes, a second Esc closes.
import { useEffect, useRef, useState } from 'react';
import {
  formatArea,
  formatDistance,
  measureArea,
  measureDistance,
} from '../../domain/geo/measure-shape';
import type { HejieMap } from '../../map/hejie-map';
import {
  type MeasureMode,
  type MeasureSession,
  type MeasureState,
  startMeasure,
} from '../../map/measure-session';
import { useToolText } from './use-tool-text';

function Result(props: { mode: MeasureMode; state: MeasureState }) {
  const { t, m } = useToolText();
  const pts = props.state.hover ? [...props.state.points, props.state.hover] : props.state.points;
  if (props.state.points.length === 0) return <p className="hint">{t('measureNone')}</p>;
  const length = measureDistance(
    props.mode === 'area' && pts.length >= 3 ? [...pts, pts[0] as [number, number]] : pts,
  );
  const area = props.mode === 'area' ? measureArea(pts) : null;
  if (length === null) return <p className="problem">{t('measureOutside')}</p>;
  return (
    <dl className="measure-result">
      {props.mode === 'area' && area !== null && (
        <>
          <dt>{t('measureAreaValue')}</dt>
          <dd data-measure="area">{m(formatArea(area))}</dd>
        </>
      )}
      <dt>{t(props.mode === 'area' ? 'measurePerimeter' : 'measureLength')}</dt>
      <dd data-measure="length">{m(formatDistance(length))}</dd>
      <dt className="sub">{t('measurePoints', { n: props.state.points.length })}</dt>
      <dd />
    </dl>
  );
}

export function MeasureTool(props: { map: HejieMap; onStart?: () => void }) {
  const { t } = useToolText();
  const [mode, setMode] = useState<MeasureMode | null>(null);
  const [state, setState] = useState<MeasureState>({ points: [], hover: null, done: false });
  const session = useRef<MeasureSession | null>(null);

  useEffect(() => {
    if (!mode) return;
    let live = true;
    void startMeasure(props.map, mode, (s) => live && setState(s)).then((s) => {
      if (live) session.current = s;
      else s.clear();
    });
    return () => {
      live = false;
      session.current?.clear();
      session.current = null;
    };
  }, [mode, props.map]);

  // Esc ends measuring, then closes it; it is taken before the panel's fold sees it
  const done = state.done;
  useEffect(() => {
    if (!mode) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      if (done) setMode(null);
      else session.current?.finish();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [mode, done]);

  const start = (m: MeasureMode) => {
    props.onStart?.();
    setState({ points: [], hover: null, done: false });
    setMode((old) => (old === m ? null : m));
  };

  return (
    <div className="measure-tool">
      <div className="tool-buttons">
        <button type="button" aria-pressed={mode === 'distance'} onClick={() => start('distance')}>
          {t('measureDistance')}
        </button>
        <button type="button" aria-pressed={mode === 'area'} onClick={() => start('area')}>
          {t('measureArea')}
        </button>
      </div>
      {mode && (
        <section
          className="measure-box"
          aria-label={t(mode === 'area' ? 'measureAreaTitle' : 'measureDistanceTitle')}
        >
          <h3>{t(mode === 'area' ? 'measureAreaTitle' : 'measureDistanceTitle')}</h3>
          <p className="hint">{t(state.done ? 'measureHelpDone' : 'measureHelp')}</p>
          <Result mode={mode} state={state} />
          <p className="hint">{t('measureCrs')}</p>
          <div className="actions">
            {!state.done && (
              <>
                <button
                  type="button"
                  disabled={state.points.length === 0}
                  onClick={() => session.current?.undo()}
                >
                  {t('measureUndo')}
                </button>
                <button type="button" onClick={() => session.current?.finish()}>
                  {t('measureFinish')}
                </button>
              </>
            )}
            <button type="button" onClick={() => setMode(null)}>
              {t('measureClose')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
