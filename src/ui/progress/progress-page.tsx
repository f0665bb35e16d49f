// The progress page at /progress (进度看板, issue 14), loaded only there: staff see the dashboard of a
// month, the public (and departments) its summary of counts. The month is China time, the current
// one by default (the server's clock).
import { useState } from 'react';
import { monthOf, REPORTING_START } from '../../domain/progress/report-month';
import { maySupervise } from '../../domain/progress/report-rules';
import type { ApiPlan, Session } from '../api';
import { useProgressT } from './messages-progress';
import { MonthSelect } from './month-select';
import { PublicSummary } from './public-summary';
import { StaffDashboard } from './staff-dashboard';
import './progress.css';

export default function ProgressPage(props: {
  session: Session | null;
  plans: readonly ApiPlan[];
  /** the server's now (ISO) */
  now: string;
  /** the report form's unit and month (a 待办 link), if any */
  report: { unit: string; month: string } | null;
  onClose: () => void;
  onOpenPlan: (id: string) => void;
}) {
  const t = useProgressT();
  const current = monthOf(new Date(props.now));
  const [month, setMonth] = useState(current);
  const { session } = props;
  const staff = session !== null && session.actor.role !== 'department';
  const summaries =
    session !== null && (session.actor.role === 'chief' || maySupervise(session.actor));
  return (
    <div className="progress-page" data-variant={staff ? 'staff' : 'public'}>
      <div className="progress-head">
        <h2>{staff ? t('progressTitle') : t('progressPublicTitle')}</h2>
        <label className="month-pick" htmlFor="progress-month">
          {t('progressMonth')}
          <MonthSelect
            id="progress-month"
            value={month}
            from={REPORTING_START}
            to={current}
            onChange={setMonth}
          />
        </label>
        {summaries && (
          <span className="summary-links">
            <a href={`/api/progress.xlsx?month=${month}`} download>
              {t('progressSummaryXlsx')}
            </a>
            <a href={`/api/progress.pdf?month=${month}`} download>
              {t('progressSummaryPdf')}
            </a>
          </span>
        )}
        <button type="button" className="link back" onClick={props.onClose}>
          {t('progressBack')}
        </button>
      </div>
      {staff && session ? (
        <StaffDashboard
          key={session.actor.username}
          session={session}
          plans={props.plans}
          month={month}
          current={current}
          now={props.now}
          report={props.report}
          onOpenPlan={props.onOpenPlan}
        />
      ) : (
        <PublicSummary month={month} now={props.now} />
      )}
    </div>
  );
}
