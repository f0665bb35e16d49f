import './live-main.css';
import { useEffect, useState } from 'react';
import type { LiveEventWire } from '../../contract/live';
import { type StageId, stageLabel } from '../../domain/workflow/stages';
import { isChiefStep, isSendBack } from '../../domain/workflow/transitions';
import { useLang } from '../i18n';
import { type LiveKey, useLiveT } from './messages-live';
import { useLive } from './use-live';

/** How long a notice stays. */
const NOTICE_MS = 20_000;

/** What a notice says of a change: a sign-off, a move, a send-back, a publication, a comment… */
function describe(e: LiveEventWire): { key: LiveKey; from?: StageId; to?: StageId } {
  if (e.change === 'stage' && e.from && e.to) {
    const key = isChiefStep(e.from, e.to)
      ? 'signedOff'
      : isSendBack(e.from, e.to)
        ? 'sentBack'
        : 'movedStage';
    return { key, from: e.from, to: e.to };
  }
  const keys: Partial<Record<LiveEventWire['change'], LiveKey>> = {
    published: 'published',
    version: 'savedVersion',
    comment: 'commented',
    resolved: 'resolved',
  };
  return { key: keys[e.change] ?? 'changed' };
}

/**
 * A small notice when someone else changed the open plan ("高朴 已签署：现场复核 → 审核确定"); the
 * panel reloads by itself, the notice says why it changed. `me` is the user's display name.
 */
export function LiveNotice(props: { planId: string | null; me: string | null }) {
  const { lang } = useLang();
  const t = useLiveT();
  const [shown, setShown] = useState<{ id: number; text: string } | null>(null);
  useLive((e) => {
    if (!props.planId || e.planId !== props.planId || (e.by !== null && e.by === props.me)) return;
    const d = describe(e);
    const stage = (s?: StageId) => (s ? stageLabel(s, lang) : '');
    const text = t(d.key, {
      by: e.by ?? t('someone'),
      from: stage(d.from),
      to: stage(d.to),
      v: e.version ?? '',
    });
    setShown({ id: e.id, text });
  });
  // a notice says what just happened: it goes after a while (or at 知道了)
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  if (!shown) return null;
  return (
    <div className="live-notice" role="status" data-live-event={shown.id}>
      <span>{shown.text}</span>
      <button type="button" className="link" onClick={() => setShown(null)}>
        {t('dismiss')}
      </button>
    </div>
  );
}
