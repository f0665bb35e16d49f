// 定位: a coordinate (B/L or X/Y with a zone) or a marker number; the map flies there, or the box
// says in the user's language what it could not read.
import { type FormEvent, useId, useState } from 'react';
import { zoneOfExtent } from '../../domain/crs/crs';
import { parseGoTo } from '../../domain/geo/parse-go-to';
import { type Message, msg } from '../../domain/message';
import type { HejieMap } from '../../map/hejie-map';
import { goToMarker, goToPoint, viewCentre } from '../../map/map-tools';
import { pointCover } from '../covered-edges';
import { useToolText } from './use-tool-text';

/** The 3° zone of the view's centre (X/Y without a zone are read in it); zone 36 outside both. */
async function viewZone(map: HejieMap) {
  const [lon] = await viewCentre(map);
  return lon >= 106.5 && lon <= 112.5 ? zoneOfExtent(lon, lon).code : 'EPSG:4545';
}

export function GoToBox(props: { map: HejieMap }) {
  const { t, m } = useToolText();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<{ ok: boolean; text: Message } | null>(null);
  const hint = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const read = parseGoTo(text, await viewZone(props.map));
    if (!read.ok) {
      setAnswer({ ok: false, text: read.reason });
      return;
    }
    const target = read.target;
    if (target.kind === 'point') {
      setAnswer({ ok: true, text: target.read });
      await goToPoint(props.map, target.lngLat, pointCover());
      return;
    }
    const at = await goToMarker(props.map, target.id, pointCover());
    setAnswer(at ? null : { ok: false, text: msg('maptools.goTo.noMarker', { id: target.id }) });
  };
  return (
    <form className="go-to" onSubmit={submit}>
      <input
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('goToPlaceholder')}
        aria-label={t('goToLabel')}
        aria-describedby={hint}
        title={t('goToHint')}
      />
      <button type="submit">{t('goToButton')}</button>
      <span id={hint} hidden>
        {t('goToHint')}
      </span>
      {answer && (
        <p
          className={answer.ok ? 'hint' : 'problem'}
          role={answer.ok ? 'status' : 'alert'}
          data-go-to={answer.ok ? 'ok' : 'error'}
        >
          {m(answer.text)}
        </p>
      )}
    </form>
  );
}
