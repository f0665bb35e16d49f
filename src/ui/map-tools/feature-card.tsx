// The card of a clicked zone, boundary line or marker, in a popup that points at it.
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { describeFeature } from '../../domain/geo/describe-feature';
import type { HejieMap } from '../../map/hejie-map';
import { type MapHit, showPopup, watchPicks } from '../../map/map-tools';
import { markerCoordinates } from './marker-coordinates';
import { useToolText } from './use-tool-text';

export function FeatureCard(props: {
  map: HejieMap;
  /** the display name of a river id (钦江), null when unknown */
  riverName: (id: string | null) => string | null;
}) {
  const { t, m } = useToolText();
  const [hit, setHit] = useState<MapHit | null>(null);
  const [node] = useState(() => document.createElement('div'));
  useEffect(() => watchPicks(props.map, setHit), [props.map]);
  // a published marker's X/Y come from the server, for whoever may see the plan's coordinates
  const [survey, setSurvey] = useState<Record<string, unknown> | null>(null);
  useEffect(() => {
    setSurvey(null);
    const plan = hit?.properties.plan;
    const id = hit?.properties.id;
    if (hit?.what !== 'marker' || hit.draft || typeof plan !== 'string' || typeof id !== 'string')
      return;
    let gone = false;
    void markerCoordinates(plan, id).then((found) => {
      if (!gone && found) setSurvey(found);
    });
    return () => {
      gone = true;
    };
  }, [hit]);
  useEffect(() => {
    if (!hit) return;
    let remove: (() => void) | null = null;
    let gone = false;
    void showPopup(props.map, hit.lngLat, node).then((r) => {
      if (gone) r();
      else remove = r;
    });
    // Esc closes the card before anything else (the panel's fold listens after it)
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      setHit(null);
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      gone = true;
      remove?.();
      window.removeEventListener('keydown', onKey, true);
    };
  }, [hit, props.map, node]);
  const { riverName } = props;
  const card = useMemo(() => {
    if (!hit) return null;
    const river = typeof hit.properties.river === 'string' ? hit.properties.river : null;
    const properties = survey ? { ...hit.properties, ...survey } : hit.properties;
    return describeFeature({ ...hit, properties, riverName: riverName(river) });
  }, [hit, survey, riverName]);
  if (!card || !hit) return null;
  return createPortal(
    <section className="feature-card" aria-label={t('cardLabel')} data-what={hit.what}>
      <header>
        <h3>{m(card.title)}</h3>
        <button
          type="button"
          className="icon"
          aria-label={t('cardClose')}
          onClick={() => setHit(null)}
        >
          ×
        </button>
      </header>
      <dl>
        {card.rows.map((r) => (
          <div key={m(r.label)}>
            <dt>{m(r.label)}</dt>
            <dd>{m(r.value)}</dd>
          </div>
        ))}
      </dl>
    </section>,
    node,
  );
}
