// The public summary of the dashboard (划定进展, issue 14): counts only, from the public answer of GET
// /api/progress (no plan ids, no drafts): plans per stage, published km, markers, overdue counts.
import { useEffect, useState } from 'react';
import { useLang } from '../i18n';
import { DashTable, PlainRows } from './charts';
import { FunnelSection } from './funnel-section';
import { useProgressT } from './messages-progress';
import { loadPublicProgress, type PublicProgress, problemText } from './progress-api';
import { unitName } from './progress-text';
import { TableExport } from './table-export';

export function PublicSummary(props: { month: string; now: string }) {
  const t = useProgressT();
  const { lang } = useLang();
  const [data, setData] = useState<PublicProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setData(null);
    loadPublicProgress(props.month)
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setProblem(problemText(e)));
    return () => {
      live = false;
    };
  }, [props.month]);
  if (problem)
    return (
      <p className="problem" role="alert">
        {t('progressFailed', { msg: problem })}
      </p>
    );
  if (!data) return <p className="loading">{t('progressLoading')}</p>;
  const columns = [t('unit'), t('colPlans'), t('kmPublished'), t('colMarkers'), t('colOverdue')];
  const rows = data.units.map((u) => [
    unitName(u.unit, lang),
    u.plans,
    u.publishedKm,
    u.markers.boundary + u.markers.noticeBoards,
    u.overdue,
  ]);
  return (
    <div className="dash-grid" data-ready="1">
      <p className="hint">{t('progressPublicNote')}</p>
      <FunnelSection units={data.units} month={props.month} now={props.now} selected={null} />
      <section className="dash-section public-counts" aria-labelledby="sec-public">
        <div className="dash-head">
          <h3 id="sec-public">{t('progressPublicTitle')}</h3>
          <TableExport
            table={{
              sheet: t('progressPublicTitle'),
              title: `${t('progressPublicTitle')}（${props.month}）`,
              columns,
              rows,
            }}
            now={props.now}
          />
        </div>
        <DashTable label={t('showTable')} columns={columns}>
          <PlainRows rows={rows} />
        </DashTable>
      </section>
    </div>
  );
}
