// The published notice (公告) of one plan, as the public reads it in the river panel. Loaded lazily:
// only a river with a published plan needs it.
import { Fragment, type ReactNode, useEffect, useState } from 'react';
import type { NoticeBank, PublicNotice } from '../../domain/notice/build-notice';
import type { ApiPlan } from '../api';
import type { Lang, T } from '../i18n';
import { PUNCT, useLang } from '../i18n';
import type { Fetched } from './notice-api';
import { fetchNotice, markersCsvPath, mayDownloadCoordinates } from './notice-api';
import { NoticeFiles } from './plan-display';
import './plan-notice.css';

const lonLat = ([lon, lat]: [number, number]): string => `E${lon.toFixed(5)}° N${lat.toFixed(5)}°`;

/** A message with each `{name}` filled by a node (a coordinate must not break inside). */
function fill(text: string, nodes: Record<string, ReactNode>): ReactNode[] {
  return text
    .split(/\{(\w+)\}/)
    .map((part, i) => (i % 2 === 1 ? <Fragment key={part}>{nodes[part]}</Fragment> : part));
}

function metres(m: number, lang: Lang): string {
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  return `${m.toLocaleString(locale, { maximumFractionDigits: 1 })} m`;
}

function Bank({ bank, t, lang }: { bank: NoticeBank; t: T; lang: Lang }) {
  return (
    <p className="notice-bank" data-bank={bank.bank}>
      {bank.bank === 'left' ? t('bankLeft') : t('bankRight')}
      {PUNCT[lang].colon}
      {fill(t('noticeFromTo'), {
        start: <span className="coord">{lonLat(bank.start)}</span>,
        end: <span className="coord">{lonLat(bank.end)}</span>,
      })}
      {PUNCT[lang].list}
      {t('noticeLength', { m: metres(bank.lengthM, lang) })}
    </p>
  );
}

function NoticeBody({ notice, csv }: { notice: PublicNotice; csv: string | null }) {
  const { t, lang } = useLang();
  const notSet = <span className="sub">{t('noticeNotSet')}</span>;
  return (
    <>
      <p className="sub">{t('noticeVersion', { v: notice.version, date: notice.date })}</p>
      {notice.reaches.map((r) => (
        <div key={r.reach} className="notice-reach" data-reach={r.reach}>
          <strong>
            {t('noticeReach')} {r.reach}
            {r.river && r.river !== notice.river ? ` · ${r.river}` : ''}
          </strong>
          {r.banks.map((b) => (
            <Bank key={b.bank} bank={b} t={t} lang={lang} />
          ))}
        </div>
      ))}
      <dl>
        <dt>{t('noticeTotal')}</dt>
        <dd>{metres(notice.delineatedLengthM, lang)}</dd>
        <dt>{t('noticeStandard')}</dt>
        <dd>
          {notice.standard.id} {notice.standard.version}
        </dd>
        <dt>{t('noticeLegalBasis')}</dt>
        <dd>{notice.legalBasis.join(PUNCT[lang].list)}</dd>
        <dt>{t('noticeMarkers')}</dt>
        <dd>{t('noticeCount', { n: notice.markers })}</dd>
        <dt>{t('noticeBoards')}</dt>
        <dd>{t('noticeCount', { n: notice.noticeBoards })}</dd>
        <dt>{t('noticeAuthority')}</dt>
        <dd>{notice.authority ?? notSet}</dd>
        <dt>{t('noticePhone')}</dt>
        <dd>{notice.supervisionPhone ?? notSet}</dd>
      </dl>
      <p className="land-statement">
        <strong>{notice.landStatement}</strong>
      </p>
      <NoticeFiles planId={notice.planId} />
      {csv && (
        <p>
          <a href={csv} download>
            {t('coordinatesCsv')}
          </a>
        </p>
      )}
    </>
  );
}

/** The notice of a published plan, with the coordinate table link when this visitor may have it. */
export default function PlanNotice({ plan }: { plan: ApiPlan }) {
  const { t } = useLang();
  const [notice, setNotice] = useState<Fetched<PublicNotice> | null>(null);
  const [csv, setCsv] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setNotice(null);
    setCsv(null);
    fetchNotice(plan.id, abort.signal).then((n) => {
      if (!abort.signal.aborted) setNotice(n);
    });
    mayDownloadCoordinates(plan, abort.signal).then((ok) => {
      if (ok && !abort.signal.aborted) setCsv(markersCsvPath(plan.id));
    });
    return () => abort.abort();
  }, [plan]);

  return (
    <section className="plan-notice" aria-label={t('noticeTitle')} data-notice={plan.id}>
      <h4>{t('noticeTitle')}</h4>
      {notice === null && <p className="loading">{t('noticeLoading')}</p>}
      {notice?.ok === false && (
        <p className="problem" role="alert">
          {t('noticeFailed', { msg: notice.error })}
        </p>
      )}
      {notice?.ok && <NoticeBody notice={notice.value} csv={csv} />}
    </section>
  );
}
