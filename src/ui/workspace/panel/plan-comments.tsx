import { type FormEvent, useEffect, useState } from 'react';
import type { CommentPin } from '../../../map/comment-pins';
import { showCommentPins } from '../../../map/comment-pins';
import { flyToPoint } from '../../../map/fly-to';
import type { Session } from '../../api';
import { pointCover } from '../../covered-edges';
import { useLang } from '../../i18n';
import { SubmitRow, useSubmit } from '../../submit-form';
import '../field/field.css';
import { useWt } from '../messages';
import { degrees, PinButton, PinNote, usePinPick } from './pin-pick';
import type { PlanComment } from './plan-api';
import { addComment } from './plan-api';
import { formatTime, showProblem } from './show-problem';

/** The comments with a place as map pins, and the place being pinned (`new`). */
function pinsOf(comments: readonly PlanComment[], place: [number, number] | null): CommentPin[] {
  const pins: CommentPin[] = [];
  for (const c of comments) {
    if (c.lon !== null && c.lat !== null) pins.push({ id: String(c.id), lon: c.lon, lat: c.lat });
  }
  if (place) pins.push({ id: 'new', lon: place[0], lat: place[1] });
  return pins;
}

/**
 * A plan's comments, newest last, drawn as pins on the map when they have a place (a comment
 * with a place flies the map there), and a text box to add one, pinned to a place picked on the
 * map with 在地图上标注 (the next tap; Esc cancels).
 */
export function PlanComments(props: {
  planId: string;
  comments: readonly PlanComment[];
  session: Session | null;
  onAdded: () => void;
}) {
  const { lang } = useLang();
  const t = useWt();
  const [text, setText] = useState('');
  const { busy, problem, run } = useSubmit((err) => showProblem(err, t));
  const pin = usePinPick();
  const { map, place, setPlace } = pin;

  useEffect(() => {
    if (map) void showCommentPins(map, pinsOf(props.comments, place));
  }, [map, props.comments, place]);
  useEffect(() => () => void (map && showCommentPins(map, [])), [map]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const session = props.session;
    if (!session || text.trim() === '') return;
    void run(async () => {
      await addComment(props.planId, text.trim(), session.csrf, place ?? undefined);
      setText('');
      setPlace(null);
      props.onAdded();
    });
  };

  return (
    <section className="plan-comments" aria-labelledby="plan-comments-title">
      <h3 id="plan-comments-title">
        {t('comments')} <small>({props.comments.length})</small>
      </h3>
      {props.comments.length === 0 ? (
        <p className="hint">{t('noComments')}</p>
      ) : (
        <ul className="records">
          {props.comments.map((c) => (
            <li key={c.id} data-comment={c.id}>
              <span className="sub">
                {c.author} · {formatTime(c.at, lang)}
              </span>
              <span className="text">{c.text}</span>
              {c.lon !== null && c.lat !== null && (
                <button
                  type="button"
                  className="link place"
                  onClick={() => map && flyToPoint(map, [c.lon ?? 0, c.lat ?? 0], pointCover())}
                >
                  {t('showOnMap', { lon: degrees(c.lon), lat: degrees(c.lat) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.session && (
        <form onSubmit={submit}>
          <label className="field">
            {t('addComment')}
            <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <PinNote pin={pin} />
          <SubmitRow label={t('send')} disabled={busy || text.trim() === ''} problem={problem}>
            <PinButton pin={pin} />
          </SubmitRow>
        </form>
      )}
    </section>
  );
}
