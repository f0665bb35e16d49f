import type { FeatureCollection } from 'geojson';
import { lazy, Suspense, useEffect } from 'react';
import { renderMessage } from '../contract/messages/render';
import { msg } from '../domain/message';
import { mapStatusMessage } from '../domain/rivers/map-status';
import type { CountySource, RiverView } from '../domain/rivers/waterbody';
import { stageLabel } from '../domain/workflow/stages';
import type { ApiPlan, Session } from './api';
import { courseFacts, useCt } from './courses/course-text';
import { levelLabel, PUNCT, useLang } from './i18n';
import { StatusBadge } from './register/status-badge';

// Only a river with a published plan needs the notice: not part of the first screen's bundle.
const PlanNotice = lazy(() => import('./public/plan-notice'));
// Only planners and admins import river courses (河道底图).
const CourseSection = lazy(() => import('./courses/course-section'));
// Only a plan at 成果文件制作与验收 may be on public display (公示中).
const PlanDisplay = lazy(() => import('./public/plan-display'));

/** The panel of a selected river or reservoir: its plans, basin areas, counties and map status. */
export function RiverPanel(props: {
  river: RiverView;
  plans: readonly ApiPlan[];
  onClose: () => void;
  /** the zones of a plan on public display, for the map (null: none) */
  onDisplay: (fc: FeatureCollection | null) => void;
  /** the logged-in user (a planner or admin imports courses here), null for the public */
  session?: Session | null;
  /** a course was imported or made public/staff-only */
  onCourseChanged?: () => void;
}) {
  const { t, lang } = useLang();
  const { ct } = useCt();
  const role = props.session?.actor.role;
  const importer = role === 'planner' || role === 'admin';
  const { colon, list, open, close } = PUNCT[lang];
  const { river } = props;
  const plans = props.plans.filter((p) => river.planIds.includes(p.id));
  // the river's own page title while its panel is open (/river/钦江), the site's after
  useEffect(() => {
    document.title = renderMessage(msg('public.page.title', { river: river.name }), lang);
    return () => {
      // the page may have been served with this river's title (/river/钦江): the site's own
      document.title = renderMessage(msg('public.page.siteTitle'), lang);
    };
  }, [river.name, lang]);
  const source = (f: CountySource) =>
    f === 'plan'
      ? t('fromPlans')
      : f === 'map'
        ? t('fromMap')
        : renderMessage(msg('public.counties.fromZone'), lang);
  const status = renderMessage(mapStatusMessage(river.mapStatus), lang);
  const kind =
    river.kind === 'river'
      ? t('kindRiver')
      : river.kind === 'canal'
        ? t('kindCanal')
        : t('kindReservoir');
  return (
    <aside className="river-panel" aria-label={t('riverPanel')} data-river={river.id}>
      <header>
        <h2>
          {river.name} <small>{kind}</small>
        </h2>
        <button type="button" className="icon" aria-label={t('close')} onClick={props.onClose}>
          ×
        </button>
      </header>
      {river.aliases.length > 0 && (
        <p>
          {t('aliases')}
          {colon}
          {river.aliases.join(list)}
          {river.aliasNote && <span className="sub block">{river.aliasNote}</span>}
        </p>
      )}
      {river.reservoirNames.length > 0 && (
        <p>
          {t('reservoirs')}
          {colon}
          {river.reservoirNames.join(list)}
        </p>
      )}
      <p>
        {t('map')}
        {colon}
        <span
          className={`badge ${river.mapStatus === 'unmapped' ? 'muted' : 'mapped'}${river.mapStatus === 'schematic' ? ' schematic' : ''}`}
          data-map-status={river.mapStatus}
        >
          {status}
        </span>
        {river.geometry && (
          <details className="sub block">
            <summary>{t('mapSource')}</summary>
            {river.geometry.source}
            {river.geometry.note ? `；${river.geometry.note}` : ''}
          </details>
        )}
        {river.mapStatus === 'unmapped' && (
          <span className="sub block">{t('notOnMapExplain')}</span>
        )}
      </p>
      {(river.course || importer) && (
        <div className="river-course" data-course={river.course?.version ?? ''}>
          <h3>{ct('courseTitle')}</h3>
          {river.course ? (
            <p>
              {ct('courseLine', { v: river.course.version, source: river.course.source })}
              <span className="sub block">{courseFacts(river.course, ct, lang)}</span>
            </p>
          ) : (
            <p className="sub">{ct('courseNone')}</p>
          )}
          {importer && props.session && (
            <Suspense fallback={null}>
              <CourseSection
                river={river}
                session={props.session}
                onChanged={() => props.onCourseChanged?.()}
              />
            </Suspense>
          )}
        </div>
      )}
      <p>
        {t('counties')}
        {colon}
        {river.counties.length === 0
          ? t('countiesUnknown')
          : river.counties
              .map(
                (c) =>
                  `${lang === 'zh' ? c.name : c.nameEn}${open}${c.from.map(source).join(list)}${close}`,
              )
              .join(list)}
      </p>
      {river.basinAreas.length > 0 && (
        <p>
          {t('basinAreas')}
          {colon}
          {[...new Set(river.basinAreas.map((b) => b.km2))].length === 1
            ? `${river.basinAreas[0]?.km2} km²`
            : river.basinAreas
                .map(
                  (b) =>
                    `${b.km2} km²${open}${plans.find((p) => p.id === b.planId)?.unit ?? b.planId}${close}`,
                )
                .join('；')}
        </p>
      )}
      <h3>
        {t('plansOf')}
        {open}
        {plans.length}
        {close}
      </h3>
      <ul className="plan-cards">
        {plans.map((p) => (
          <li key={p.id} data-plan={p.id}>
            <div className="row">
              <strong>{p.name}</strong>
              <span className="sub">
                {levelLabel(p.level, lang)} {t('seq')} {p.seq}
              </span>
              <StatusBadge plan={p} />
            </div>
            <dl>
              <dt>{t('chief')}</dt>
              <dd>{p.chief}</dd>
              <dt>{t('unit')}</dt>
              <dd>{p.unit}</dd>
              <dt>{t('leader')}</dt>
              <dd>{p.leader}</dd>
              <dt>{t('deadline')}</dt>
              <dd>
                {p.deadline}{' '}
                <span className="sub">
                  {open}
                  {t('dueDate', { d: p.dueDate })}
                  {close}
                </span>
              </dd>
              <dt>{t('stage')}</dt>
              <dd>{stageLabel(p.stage, lang)}</dd>
              {p.basinAreaKm2 !== null && (
                <>
                  <dt>{t('basinArea')}</dt>
                  <dd>{p.basinAreaKm2}</dd>
                </>
              )}
              {p.note && (
                <>
                  <dt>{t('note')}</dt>
                  <dd>{p.note}</dd>
                </>
              )}
            </dl>
            {p.stage === 'deliverables' && (
              <Suspense fallback={null}>
                <PlanDisplay plan={p} onDisplay={props.onDisplay} />
              </Suspense>
            )}
            {p.stage === 'published' && (
              <Suspense fallback={<p className="loading">{t('noticeLoading')}</p>}>
                <PlanNotice plan={p} />
              </Suspense>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
