// 已批复边界: a planner checks the newest version's approved boundaries against the standard's range
// (the shortfall drawn red on the map with the draft) and adopts one, with a reason when it falls
// short (the server refuses otherwise, and audits the figures). Issue 16; docs/adopted-and-works.md.
import type { Feature, FeatureCollection } from 'geojson';
import { useState } from 'react';
import { adoptedSchema, approvedChecksSchema } from '../../../contract/adopted';
import { renderMessage } from '../../../contract/messages/render';
import {
  APPROVED_CATEGORIES,
  type ApprovedCategory,
  categoryName,
} from '../../../domain/adopted/approval';
import { requestJson, type Session } from '../../api';
import { useLang } from '../../i18n';
import { useWt } from '../messages';
import { showProblem } from '../panel/show-problem';

type Checks = Awaited<ReturnType<typeof approvedChecksSchema.parse>>;

/** The check and adopt controls of a plan's newest version. */
export function ApprovedSection(props: {
  planId: string;
  version: number;
  session: Session;
  draft: FeatureCollection | null;
  onDraft: (fc: FeatureCollection | null) => void;
  onAdopted: () => Promise<void>;
}) {
  const t = useWt();
  const { lang } = useLang();
  const [checks, setChecks] = useState<Checks | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const base = `/api/plans/${props.planId}/approved`;

  const check = async () => {
    setBusy(true);
    setNote(null);
    try {
      const out = await requestJson(`${base}/check`, approvedChecksSchema, {
        method: 'POST',
        body: {},
        csrf: props.session.csrf,
      });
      setChecks(out);
      // the shortfall in red over the draft (layer `draft-shortfall`)
      const parts = out.checks.flatMap((c) => c.parts) as Feature[];
      const kept = (props.draft?.features ?? []).filter((f) => f.properties?.kind !== 'shortfall');
      props.onDraft({ type: 'FeatureCollection', features: [...kept, ...parts] });
    } catch (e) {
      setNote({ ok: false, text: showProblem(e, t) });
    } finally {
      setBusy(false);
    }
  };

  const adopt = async (reach: string) => {
    setBusy(true);
    setNote(null);
    try {
      const out = await requestJson(`${base}/adopt`, adoptedSchema, {
        method: 'POST',
        body: { reach, baseVersion: props.version, ...(reason.trim() ? { reason } : {}) },
        csrf: props.session.csrf,
      });
      setNote({ ok: true, text: t('approvedAdopted', { v: out.version }) });
      setChecks(null);
      await props.onAdopted();
    } catch (e) {
      setNote({ ok: false, text: showProblem(e, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="approved-section" aria-labelledby="approved-title">
      <h3 id="approved-title">{t('approvedTitle')}</h3>
      <button
        type="button"
        data-action="check-approved"
        disabled={busy}
        onClick={() => void check()}
      >
        {busy ? t('approvedChecking') : t('approvedCheck')}
      </button>
      {checks?.checks.map((c) => (
        <div key={`${c.reach}-${c.feature}`} className="approved-check" data-reach={c.reach}>
          {c.approval && (
            <p>
              {t('approvedReach', {
                reach: c.reach,
                category: APPROVED_CATEGORIES.includes(c.approval.category as ApprovedCategory)
                  ? renderMessage(categoryName(c.approval.category as ApprovedCategory), lang)
                  : c.approval.category,
                ref: c.approval.approvalRef,
                date: c.approval.approvedOn,
              })}
            </p>
          )}
          <p className={c.parts.length > 0 ? 'problem' : 'hint'} data-shortfall={c.parts.length}>
            {c.parts.length === 0
              ? t('approvedNone')
              : t('approvedShort', {
                  n: c.parts.length,
                  area: c.shortfallAreaM2,
                  max: c.maxShortfallM,
                })}
          </p>
          <ol>
            {c.parts.map((p, i) => (
              <li key={`${p.properties.areaM2}-${p.properties.maxShortfallM}`}>
                {t('approvedPart', {
                  i: i + 1,
                  area: p.properties.areaM2,
                  max: p.properties.maxShortfallM,
                })}
              </li>
            ))}
          </ol>
          {c.parts.length > 0 && (
            <label>
              {t('approvedReason')}
              <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
          )}
          <button
            type="button"
            className="primary"
            data-action="adopt-approved"
            disabled={busy}
            onClick={() => void adopt(c.reach)}
          >
            {t('approvedAdopt')}
          </button>
        </div>
      ))}
      {note && (
        <p className={note.ok ? 'hint' : 'problem'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
    </section>
  );
}
