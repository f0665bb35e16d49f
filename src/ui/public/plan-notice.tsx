// The published notice (公告) of one plan, as the public reads it in the river panel. Loaded lazily:
// only a river with a published plan needs it.
import { useEffect, useState } from 'react';
import { renderMessage } from '../../contract/messages/render';
import { markerCountMessage } from '../../domain/markers/count-markers';
import { msg } from '../../domain/message';
import type { NoticeBank, PublicNotice } from '../../domain/notice/build-notice';
import { type ReachEnd, reachEndMessage } from '../../domain/notice/reach-ends';
import { countyByCode } from '../../domain/plans/counties';
import type { ApiPlan } from '../api';
import type { Lang, T } from '../i18n';
import { PUNCT, useLang } from '../i18n';
import type { Fetched } from './notice-api';
import { fetchNotice, markersCsvPath, mayDownloadCoordinates } from './notice-api';
import { NoticeFiles } from './plan-display';
import './plan-notice.css';

const lonLat = ([lon, lat]: [number, number]): string => `E${lon.toFixed(5)}° N${lat.toFixed(5)}°`;

function metres(m: number, lang: Lang): string {
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  return `${m.toLocaleString(locale, { maximumFractionDigits: 1 })} m`;
}

/** One end by place, with its coordinates only when the server sent them (coordinates public). */
function End({ end, at, lang }: { end: ReachEnd; at?: [number, number]; lang: Lang }) {
  return (
    <span className="end" data-end>
      {renderMessage(reachEndMessage(end), lang)}
      {at && <span className="coord"> {lonLat(at)}</span>}
    </span>
  );
}

function Bank({ bank, t, lang }: { bank: NoticeBank; t: T; lang: Lang }) {
  const [before, middle, after] = t('noticeFromTo').split(/\{start\}|\{end\}/);
  return (
    <p className="notice-bank" data-bank={bank.bank}>
      {bank.bank === 'left' ? t('bankLeft') : t('bankRight')}
      {PUNCT[lang].colon}
      {before}
      <End end={bank.from} {...(bank.start ? { at: bank.start } : {})} lang={lang} />
      {middle}
      <End end={bank.to} {...(bank.end ? { at: bank.end } : {})} lang={lang} />
      {after}
      {PUNCT[lang].list}
      {t('noticeLength', { m: metres(bank.lengthM, lang) })}
    </p>
  );
}

/** The counties in the page's language, in the register's order. */
function countyNames(notice: PublicNotice, lang: Lang): string {
  if (notice.counties.length === 0) return renderMessage(msg('public.counties.none'), lang);
  const name = (c: { adcode: string; name: string }) =>
    lang === 'zh' ? c.name : (countyByCode(c.adcode)?.nameEn ?? c.name);
  return notice.counties.map(name).join(PUNCT[lang].list);
}

function NoticeBody({ notice, csv }: { notice: PublicNotice; csv: string | null }) {
  const { t, lang } = useLang();
  const notSet = <span className="sub">{t('noticeNotSet')}</span>;
  const counts = markerCountMessage(notice.markerCounts);
  return (
    <>
      <p className="sub">{t('noticeVersion', { v: notice.version, date: notice.date })}</p>
      {notice.reaches.map((r) => (
        <div key={r.reach} className="notice-reach">
          <strong>{renderMessage(r.label, lang)}</strong>
          {r.banks.map((b) => (
            <Bank key={b.bank} bank={b} t={t} lang={lang} />
          ))}
        </div>
      ))}
      <div className="standard-words" data-standard>
        <strong>{t('noticeStandard')}</strong>
        {notice.standardWords.map((m) => {
          const text = renderMessage(m, lang);
          return <p key={text}>{text}</p>;
        })}
      </div>
      <dl>
        <dt>{t('counties')}</dt>
        <dd data-counties>{countyNames(notice, lang)}</dd>
        <dt>{t('noticeTotal')}</dt>
        <dd>{metres(notice.delineatedLengthM, lang)}</dd>
        <dt>{t('noticeLegalBasis')}</dt>
        <dd>{notice.legalBasis.join(PUNCT[lang].list)}</dd>
        <dt>{t('noticeMarkers')}</dt>
        <dd data-marker-counts>{renderMessage(counts, lang)}</dd>
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
