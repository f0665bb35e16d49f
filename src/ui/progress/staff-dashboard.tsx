// The staff dashboard (进度看板) of a month: the months' counts since reports began (one series
// request), the month's figures, the matrix, the charts with their tables, the 考核表, the report
// form and the plan list the counts filter.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { REPORTING_START } from '../../domain/progress/report-month';
import { mayReportFor, maySupervise, unitsVisibleTo } from '../../domain/progress/report-rules';
import { REPORTING_UNITS } from '../../domain/progress/unit-figures';
import type { StageId } from '../../domain/workflow/stages';
import type { ApiPlan, Session } from '../api';
import { useLang } from '../i18n';
import { useLive } from '../live/use-live';
import { AssessmentSection } from './assessment-section';
import { type DashFilter, DashPlanList, FilterChip } from './dash-plan-list';
import { FunnelSection } from './funnel-section';
import { useProgressT } from './messages-progress';
import { OverdueSection } from './overdue-section';
import {
  loadMatrix,
  loadProgress,
  loadSeries,
  type ProgressSeries,
  problemText,
  type ReportMatrix,
  type StaffProgress,
} from './progress-api';
import {
  deadlineTiers,
  kmSeries,
  lastMonths,
  overdueRanking,
  plansAtStage,
  publishedSeries,
} from './progress-series';
import { stageText, unitName } from './progress-text';
import { ReportForm } from './report-form';
import { ReportMatrixSection } from './report-matrix';
import { KmSection, PublishedSection } from './trend-sections';

/** How many months the matrix shows. */
const MATRIX_MONTHS = 12;

export function StaffDashboard(props: {
  session: Session;
  plans: readonly ApiPlan[];
  month: string;
  current: string;
  now: string;
  report: { unit: string; month: string } | null;
  onOpenPlan: (id: string) => void;
}) {
  const t = useProgressT();
  const { lang } = useLang();
  const { session, month } = props;
  const actor = session.actor;
  const [series, setSeries] = useState<ProgressSeries | null>(null);
  const [shown, setShown] = useState<StaffProgress | null>(null);
  const [matrix, setMatrix] = useState<ReportMatrix | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [filter, setFilter] = useState<DashFilter | null>(null);
  // from the first month of reports (at most the 120 months the series route gives) to the month
  const from =
    month < REPORTING_START ? month : (lastMonths(month, 120, REPORTING_START)[0] ?? month);
  useEffect(() => {
    let live = true;
    setSeries(null);
    setShown(null);
    setFilter(null);
    Promise.all([loadSeries(from, month), loadProgress(month)])
      .then(([s, p]) => {
        if (!live) return;
        setSeries(s);
        setShown(p);
      })
      .catch((e: unknown) => live && setProblem(problemText(e)));
    return () => {
      live = false;
    };
  }, [from, month]);
  const sees = unitsVisibleTo(actor).length > 0;
  const reloadMatrix = useCallback(() => {
    if (!sees) return;
    const range = lastMonths(month, MATRIX_MONTHS, REPORTING_START);
    loadMatrix(range[0] ?? month, month)
      .then(setMatrix)
      .catch((e: unknown) => setProblem(problemText(e)));
  }, [month, sees]);
  useEffect(reloadMatrix, [reloadMatrix]);
  // the month shown and the series again (the month's figures run while it is the current one), and
  // the matrix
  const refresh = useCallback(() => {
    reloadMatrix();
    Promise.all([loadSeries(from, month), loadProgress(month)])
      .then(([s, p]) => {
        setSeries(s);
        setShown(p);
      })
      .catch(() => {});
  }, [from, month, reloadMatrix]);
  useEffect(() => {
    addEventListener('focus', refresh);
    return () => removeEventListener('focus', refresh);
  }, [refresh]);
  useLive((e) => {
    if (e.change === 'stage' || e.change === 'published' || e.change === 'version') refresh();
    // a report submitted or a reminder sent (here or elsewhere): the matrix's cell and counts
    else if (e.change === 'report' || e.change === 'reminder') reloadMatrix();
  });

  const reportUnits = REPORTING_UNITS.filter((u) => mayReportFor(actor, u));
  const planName = useMemo(() => {
    const names = new Map(props.plans.map((p) => [p.id, p.name]));
    return (id: string) => names.get(id) ?? id;
  }, [props.plans]);
  const stages = series?.stages ?? {};
  const pickStage = (unit: string, stage: StageId) => {
    setFilter({
      what: t('filterUnitStage', {
        unit: unitName(unit, lang),
        stage: stageText(stage, lang),
        month,
      }),
      ids: plansAtStage(props.plans, stages, unit, stage),
      bar: { row: unit, segment: stage },
    });
    document.getElementById('dash-plans')?.scrollIntoView({ block: 'start' });
  };
  const pickOverdueUnit = (unit: string) => {
    const f = shown?.units.find((u) => u.unit === unit);
    setFilter({
      what: t('filterOverdue', { unit: unitName(unit, lang), month }),
      ids: f?.overdue.map((o) => o.planId) ?? [],
      bar: null,
    });
    document.getElementById('dash-plans')?.scrollIntoView({ block: 'start' });
  };
  const pickPlan = (planId: string) => {
    setFilter({ what: planName(planId), ids: [planId], bar: { row: planId, segment: 'days' } });
    document.getElementById('dash-plans')?.scrollIntoView({ block: 'start' });
  };
  const reportForm = reportUnits.length > 0 && (
    <ReportForm
      key={props.report ? `${props.report.unit}:${props.report.month}` : 'form'}
      session={session}
      units={reportUnits}
      current={props.current}
      start={REPORTING_START}
      initial={props.report}
      planName={planName}
      onSubmitted={reloadMatrix}
    />
  );
  // a county's planner (or a 待办 link) comes for the form; the city for the charts
  const formFirst = props.report !== null || !maySupervise(actor);
  const overdue = shown ? overdueRanking(shown.units) : [];
  const chosen = filter ? new Set(filter.ids) : null;

  return (
    <>
      {problem && (
        <p className="problem" role="alert">
          {t('progressFailed', { msg: problem })}
        </p>
      )}
      {filter && (
        <div className="filter-sticky">
          <FilterChip filter={filter} onClear={() => setFilter(null)} />
        </div>
      )}
      {formFirst && reportForm}
      {!series || !shown ? (
        <p className="loading" role="status">
          {t('progressLoadingSeries')}
        </p>
      ) : (
        // ready (the bench's and the tests' signal): every chart has its data, the matrix too
        <div className="dash-grid" data-ready={matrix || !sees ? '1' : undefined}>
          <FunnelSection
            units={shown.units}
            month={month}
            now={props.now}
            selected={filter?.bar ?? null}
            onPick={pickStage}
          />
          <PublishedSection
            points={publishedSeries(series.months, props.plans)}
            tiers={deadlineTiers(props.plans)}
            now={props.now}
          />
          <KmSection points={kmSeries(series.months)} now={props.now} />
          <OverdueSection
            rows={chosen ? overdue.filter((o) => chosen.has(o.planId)) : overdue}
            month={month}
            now={props.now}
            planName={planName}
            selected={filter?.bar?.segment === 'days' ? filter.bar.row : null}
            onPick={pickPlan}
          />
          {matrix && (
            <ReportMatrixSection
              matrix={matrix}
              now={props.now}
              remindWith={maySupervise(actor) ? session.csrf : null}
              onChanged={reloadMatrix}
            />
          )}
          <AssessmentSection
            rows={shown.assessment}
            month={month}
            now={props.now}
            onOverdue={pickOverdueUnit}
          />
        </div>
      )}
      {!formFirst && reportForm}
      <DashPlanList
        plans={props.plans}
        filter={filter}
        onClear={() => setFilter(null)}
        onOpen={props.onOpenPlan}
      />
    </>
  );
}
