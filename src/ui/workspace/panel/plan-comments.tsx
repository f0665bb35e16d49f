import { type FormEvent, useEffect, useState } from 'react';
import { actsAsPlanner, isChiefOf } from '../../../domain/access/permissions';
import type { CommentPin } from '../../../map/comment-pins';
import { showCommentPins } from '../../../map/comment-pins';
import { flyToPoint } from '../../../map/fly-to';
import type { ApiPlan, Session } from '../../api';
import { pointCover } from '../../covered-edges';
import { useLang } from '../../i18n';
import { useLiveT } from '../../live/messages-live';
import { useMapHandle } from '../../map-handle';
import { SubmitRow, useSubmit } from '../../submit-form';
import '../field/field.css';
import { useWt } from '../messages';
import { degrees, PinButton, PinNote, usePinPick } from './pin-pick';
import type { PlanComment } from './plan-api';
import { addComment, resolveComment } from './plan-api';
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

/** A planner's reply that resolves a comment (once; the server refuses a second). */
function ResolveForm(props: {
  planId: string;
  comment: PlanComment;
  csrf: string;
  onDone: () => void;
}) {
  const t = useWt();
  const lt = useLiveT();
  const [open, setOpen] = useState(false);
  const [reply, setReply] = useState('');
  const { busy, problem, run } = useSubmit((err) => showProblem(err, t));
  if (!open)
    return (
      <button type="button" className="link" data-action="resolve" onClick={() => setOpen(true)}>
        {lt('resolve')}
      </button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await resolveComment(props.planId, props.comment.id, reply.trim(), props.csrf);
      setOpen(false);
      props.onDone();
    });
  };
  return (
    <form className="resolve-form" onSubmit={submit}>
      <label className="field">
        {lt('resolveReply')}
        <textarea rows={2} value={reply} onChange={(e) => setReply(e.target.value)} />
      </label>
      <SubmitRow
        label={lt('resolveSend')}
        disabled={busy || reply.trim() === ''}
        problem={problem}
      />
    </form>
  );
}

/** One comment: who, when, on which version, whether it is an open objection, and its resolution. */
function CommentItem(props: {
  planId: string;
  comment: PlanComment;
  resolveAs: string | null;
  onChanged: () => void;
}) {
  const { lang } = useLang();
  const t = useWt();
  const lt = useLiveT();
  const map = useMapHandle();
  const c = props.comment;
  const open = c.resolution === null;
  return (
    <li data-comment={c.id} data-objection={c.objection ? 'open' : undefined} data-open={open}>
      <span className="sub">
        {c.authorName} · {formatTime(c.at, lang)}
        {c.version !== null && <> · {lt('onVersion', { v: c.version })}</>}
        {c.objection && <span className="badge bad">{lt('objection')}</span>}
        {open && c.objection && <span className="badge note">{lt('openObjection')}</span>}
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
      {c.resolution && (
        <span className="resolution" data-resolved={c.id}>
          {lt('resolvedBy', { by: c.resolution.byName, at: formatTime(c.resolution.at, lang) })}{' '}
          {c.resolution.reply}
        </span>
      )}
      {open && props.resolveAs && (
        <ResolveForm
          planId={props.planId}
          comment={c}
          csrf={props.resolveAs}
          onDone={props.onChanged}
        />
      )}
    </li>
  );
}

/**
 * A plan's comments, newest last, drawn as pins on the map when they have a place (a comment
 * with a place flies the map there), and a text box to add one, pinned to a place picked on the
 * map with 在地图上标注 (the next tap; Esc cancels), optionally marked 异议. A planner resolves a
 * comment with a reply; an open objection blocks publishing its version (issue 19).
 */
export function PlanComments(props: {
  planId: string;
  plan: ApiPlan | undefined;
  comments: readonly PlanComment[];
  session: Session | null;
  onAdded: () => void;
}) {
  const t = useWt();
  const lt = useLiveT();
  const [text, setText] = useState('');
  const [objection, setObjection] = useState(false);
  const { busy, problem, run } = useSubmit((err) => showProblem(err, t));
  const pin = usePinPick();
  const { map, place, setPlace } = pin;
  const { session, plan } = props;
  const planner = session && plan ? actsAsPlanner(session.actor, plan) : false;
  const chief = session && plan ? isChiefOf(session.actor, plan) : false;

  useEffect(() => {
    if (map) void showCommentPins(map, pinsOf(props.comments, place));
  }, [map, props.comments, place]);
  useEffect(() => () => void (map && showCommentPins(map, [])), [map]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!session || text.trim() === '') return;
    void run(async () => {
      await addComment(props.planId, text.trim(), session.csrf, place ?? undefined, objection);
      setText('');
      setPlace(null);
      setObjection(false);
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
            <CommentItem
              key={c.id}
              planId={props.planId}
              comment={c}
              resolveAs={planner && session ? session.csrf : null}
              onChanged={props.onAdded}
            />
          ))}
        </ul>
      )}
      {session && (
        <form onSubmit={submit}>
          <label className="field">
            {t('addComment')}
            <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <PinNote pin={pin} />
          {chief && place ? (
            <p className="hint">{lt('chiefPinIsObjection')}</p>
          ) : (
            <label className="check">
              <input
                type="checkbox"
                name="objection"
                checked={objection}
                onChange={(e) => setObjection(e.target.checked)}
              />{' '}
              {lt('markObjection')}
            </label>
          )}
          <SubmitRow label={t('send')} disabled={busy || text.trim() === ''} problem={problem}>
            <PinButton pin={pin} />
          </SubmitRow>
        </form>
      )}
    </section>
  );
}
