import type { FeatureCollection } from 'geojson';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import bounds from '../../geodata/bounds.json';
import type { DepartmentRound } from '../contract/review';
import { canViewDraft, readsGridCoordinates } from '../domain/access/permissions';
import type { PlanFilter, PlanSortKey } from '../domain/plans/filter-plans';
import { filterPlans, sortPlans } from '../domain/plans/filter-plans';
import { summarizePlans } from '../domain/plans/summarize-plans';
import { findRiver } from '../domain/rivers/river-page';
import type { RiverView } from '../domain/rivers/waterbody';
import type { ApiConfig, ApiPlan } from './api';
import { loadPlans, loadRegister, loadRivers } from './api';
import { AccountNav } from './auth/account-nav';
import { useSession } from './auth/use-session';
import { useAt } from './help/messages-access';
import { SkipLinks } from './help/skip-links';
import { useLang } from './i18n';
import { LiveNotice } from './live/live-notice';
import { TodoBadge } from './live/todo-badge';
import type { TodoLink } from './live/todo-list';
import { useLive, useLiveEvents } from './live/use-live';
import { useTodos } from './live/use-todos';
import { MapHandleContext, useMapOwner } from './map-handle';
import type { FitRequest } from './map-pane';
import { PanelFoldButton, usePanelFold } from './map-tools/panel-fold';
import { FilterBar } from './register/filter-bar';
import { PlanTable } from './register/plan-table';
import { RegisterExport } from './register/register-export';
import { SummaryCards } from './register/summary-cards';
import { RiverPanel } from './river-panel';
import { SettingsDialog, storedTiandituKey } from './settings-dialog';

// Started at once, in parallel with the API calls: the map is the slowest part of the first screen.
const mapPaneModule = import('./map-pane');
const MapPane = lazy(() => mapPaneModule);
// The workspaces load only for a logged-in user or an opened plan: the public first screen stays light.
const WorkList = lazy(() => import('./workspace/panel/work-list'));
const PlanPanel = lazy(() => import('./workspace/panel/plan-panel'));
// a department's rounds (意见征求) and the one it opened
const DepartmentRounds = lazy(() => import('./workspace/department/department-rounds'));
const DepartmentRoundPanel = lazy(() => import('./workspace/department/department-round'));
// the logged-in user's 待办 (issue 19)
const TodoList = lazy(() => import('./live/todo-list'));
// the admin console at /admin (issue 19)
const AdminConsole = lazy(() => import('./admin/admin-console'));
// the progress dashboard at /progress (issue 14): its charts load only there
const ProgressPage = lazy(() => import('./progress/progress-page'));

interface Loaded {
  plans: ApiPlan[];
  rivers: RiverView[];
  config: ApiConfig;
}

/** The river a URL path /river/<name|alias|id> names. */
function riverFromPath(path: string, rivers: readonly RiverView[]): RiverView | null {
  const m = /^\/river\/([^/]+)\/?$/.exec(path);
  if (!m?.[1]) return null;
  const key = decodeURIComponent(m[1]);
  return findRiver(rivers, key);
}

/** Where the map goes for a river: its course, or else the published zones of its plans. */
function fitTarget(river: RiverView, planIds: readonly string[] = river.planIds) {
  return { bbox: river.geometry?.bbox ?? river.course?.bbox ?? null, planIds };
}

/** The report form a URL /progress?unit=&month= opens (a 待办 link), if any. */
function reportFromUrl(): { unit: string; month: string } | null {
  const q = new URLSearchParams(location.search);
  const unit = q.get('unit');
  const month = q.get('month');
  return unit && month && /^\d{4}-\d{2}$/.test(month) ? { unit, month } : null;
}

const onProgressPath = () => /^\/progress\/?$/.test(location.pathname);

/** The plan a URL path /plan/<id> opens. */
function planFromPath(path: string): string | null {
  const m = /^\/plan\/([^/]+)\/?$/.exec(path);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

export function App() {
  const { t, lang, setLang } = useLang();
  const at = useAt();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<PlanFilter>({});
  const [sort, setSort] = useState<{ key: PlanSortKey; dir: 'asc' | 'desc' }>({
    key: 'seq',
    dir: 'asc',
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [fitRequest, setFitRequest] = useState<FitRequest | null>(null);
  const [tab, setTab] = useState<'work' | 'register' | 'map'>('register');
  const [openPlanId, setOpenPlanId] = useState<string | null>(null);
  // the open plan's computed draft, from its panel to the map
  const [draft, setDraft] = useState<FeatureCollection | null>(null);
  // what the draft layer shows: a workspace's draft, or the zones of a plan on public display (公示)
  const [draftKind, setDraftKind] = useState<'draft' | 'display'>('draft');
  const { session, setSession, logout } = useSession();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [browserKey, setBrowserKey] = useState<string | null>(storedTiandituKey);
  const mapOwner = useMapOwner();
  const [openRound, setOpenRound] = useState<DepartmentRound | null>(null);
  const [roundsRead, setRoundsRead] = useState(0);
  const department = session?.actor.role === 'department';
  // others' changes pushed to the page, and what waits for the user (issue 19)
  useLiveEvents(session?.actor.username ?? null);
  const todos = useTodos(session?.actor.username ?? null);
  const [adminPage, setAdminPage] = useState(() => /^\/admin\/?$/.test(location.pathname));
  const [progressPage, setProgressPage] = useState(onProgressPath);
  const [reportLink, setReportLink] = useState(reportFromUrl);
  const showAdmin = (open: boolean) => {
    setAdminPage(open);
    setProgressPage(false);
    history.pushState(null, '', open ? '/admin' : '/');
  };
  const showProgress = (open: boolean, report: { unit: string; month: string } | null = null) => {
    setProgressPage(open);
    setAdminPage(false);
    setReportLink(report);
    const query = report ? `?unit=${report.unit}&month=${report.month}` : '';
    history.pushState(null, '', open ? `/progress${query}` : '/');
  };
  useEffect(() => {
    const back = () => {
      setAdminPage(/^\/admin\/?$/.test(location.pathname));
      setProgressPage(onProgressPath());
      setReportLink(reportFromUrl());
    };
    addEventListener('popstate', back);
    return () => removeEventListener('popstate', back);
  }, []);

  useEffect(() => {
    loadRegister()
      .then((d) => {
        setData(d);
        const river = riverFromPath(location.pathname, d.rivers);
        const planId = planFromPath(location.pathname);
        const plan = d.plans.find((p) => p.id === planId);
        const target = plan ? d.rivers.find((r) => r.id === plan.riverId) : river;
        if (planId) setOpenPlanId(planId);
        if (target) {
          setSelectedId(target.id);
          setFitRequest({ ...fitTarget(target, plan ? [plan.id] : target.planIds), n: 1 });
        }
        if (planId || target) setTab('map');
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const rivers = useMemo(() => new Map((data?.rivers ?? []).map((r) => [r.id, r])), [data]);
  const select = useCallback(
    (id: string | null, fromRegister: boolean) => {
      setOpenPlanId(null);
      setOpenRound(null);
      setSelectedId(id);
      const river = id ? rivers.get(id) : null;
      history.replaceState(null, '', river ? `/river/${encodeURIComponent(river.name)}` : '/');
      if (id && fromRegister) {
        if (river) setFitRequest((prev) => ({ ...fitTarget(river), n: (prev?.n ?? 0) + 1 }));
        setTab('map');
      }
    },
    [rivers],
  );

  const openPlan = useCallback(
    (planId: string) => {
      const plan = data?.plans.find((p) => p.id === planId);
      if (!plan) return;
      setOpenPlanId(planId);
      setSelectedId(plan.riverId);
      history.replaceState(null, '', `/plan/${encodeURIComponent(planId)}`);
      const river = rivers.get(plan.riverId);
      if (river)
        setFitRequest((prev) => ({ ...fitTarget(river, [planId]), n: (prev?.n ?? 0) + 1 }));
      setTab('map');
    },
    [data, rivers],
  );
  // a register row opens its plan when the plan is among the user's, else selects its river
  const chooseRow = (plan: ApiPlan) => {
    if (session && canViewDraft(session.actor, plan)) openPlan(plan.id);
    else select(plan.riverId, true);
  };
  // the river courses (河道底图) depend on who is logged in: the rivers and the map's courses reload
  // after a login or logout, an import and a change of a course's public flag
  const [coursesRevision, setCoursesRevision] = useState(0);
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const refreshCourses = useCallback(() => {
    setCoursesRevision((n) => n + 1);
    loadRivers()
      .then((rivers) => {
        setData((d) => (d ? { ...d, rivers } : d));
        // the selected river may now have a course to show (no other course on the map)
        const river = rivers.find((r) => r.id === selectedRef.current);
        if (river?.course && !river.geometry)
          setFitRequest((prev) => ({ ...fitTarget(river), n: (prev?.n ?? 0) + 1 }));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  const who = session?.actor.username ?? null;
  const seenWho = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    // not on the first render: the page's data is already the public's
    if (seenWho.current !== undefined && seenWho.current !== who) refreshCourses();
    seenWho.current = who;
  }, [who, refreshCourses]);
  // a change pushed while the server is away (a restart, a lost network): the list shown stays, and
  // the next change pushed reads it again
  const refreshPlans = useCallback(
    (): Promise<void> =>
      loadPlans()
        .then((plans) => setData((d) => (d ? { ...d, plans } : d)))
        .catch(() => {}),
    [],
  );
  useLive((e) => {
    if (e.change === 'stage' || e.change === 'published') void refreshPlans();
    // a course imported or made public elsewhere: the rivers' map status and the map's courses
    if (e.change === 'basedata') refreshCourses();
  });
  const goTodo = (link: TodoLink) => {
    if (link.kind === 'plan') openPlan(link.planId);
    else if (link.kind === 'settings') setSettingsOpen(true);
    else if (link.kind === 'overdue') {
      setFilter({ overdue: true });
      setTab('register');
    } else if (link.kind === 'report') showProgress(true, { unit: link.unit, month: link.month });
    else setTab('work');
  };
  const endSession = () => {
    logout()
      .catch(() => setSession(null))
      .finally(() => {
        setOpenRound(null);
        select(null, false);
        setTab('register');
      });
  };

  const shown = useMemo(
    () => (data ? sortPlans(filterPlans(data.plans, filter), sort.key, sort.dir) : []),
    [data, filter, sort],
  );
  const summary = useMemo(() => summarizePlans(data?.plans ?? []), [data]);
  const selected = selectedId ? rivers.get(selectedId) : undefined;
  const riverName = useCallback(
    (id: string | null) => (id ? (rivers.get(id)?.name ?? null) : null),
    [rivers],
  );
  const panelFold = usePanelFold(
    Boolean((openRound && session) || openPlanId || selected) && data !== null,
    mapOwner.handle.map,
  );
  const tiandituKey = browserKey ?? data?.config.tiandituKey ?? null;

  return (
    <div
      className={`app tab-${tab}${adminPage ? ' admin-open' : ''}${progressPage ? ' progress-open' : ''}`}
    >
      <SkipLinks
        onMap={() => setTab('map')}
        // a panel (plan, round or river) lies over the map; without one, the register is the panel
        onPanel={() => setTab(openPlanId || openRound || selected ? 'map' : 'register')}
      />
      <header className="top">
        <h1>
          <img src="/favicon.svg" alt="" width={24} height={24} /> {t('appName')}
          <small>{t('appSubtitle')}</small>
        </h1>
        <nav aria-label={at('mainNav')}>
          <a className="link" href="/help">
            {at('help')}
          </a>
          {session && (
            <TodoBadge
              count={todos.list?.count ?? null}
              onOpen={() => {
                setTab('work');
                requestAnimationFrame(() => document.getElementById('todo-list')?.focus());
              }}
            />
          )}
          <a
            href="/progress"
            className="link"
            aria-current={progressPage ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              showProgress(true);
            }}
          >
            {t('progressLink')}
          </a>
          {session?.actor.role === 'admin' && (
            <a
              href="/admin"
              className="link"
              aria-current={adminPage ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                showAdmin(true);
              }}
            >
              {t('adminLink')}
            </a>
          )}
          <AccountNav
            session={session}
            onLogin={(s) => {
              setSession(s);
              setTab('work');
            }}
            onLogout={endSession}
          />
          <button
            type="button"
            className="link"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {lang === 'zh' ? 'EN' : '中文'}
          </button>
          <button type="button" className="link" onClick={() => setSettingsOpen(true)}>
            {t('settings')}
          </button>
        </nav>
      </header>
      {data?.config.demo && (
        <div className="demo-banner" role="note" title={t('demoBanner')}>
          <span className="long">{t('demoBanner')}</span>
          <span className="short">{t('demoBannerShort')}</span>
        </div>
      )}
      <div className="tabs" role="tablist">
        {session && (
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'work'}
            onClick={() => setTab('work')}
          >
            {department
              ? t('myConsultations')
              : session.actor.role === 'chief'
                ? t('myRivers')
                : t('myTasks')}
          </button>
        )}
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'register'}
          onClick={() => setTab('register')}
        >
          {t('tabRegister')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'map'}
          onClick={() => setTab('map')}
        >
          {t('tabMap')}
        </button>
      </div>
      {error && (
        <p className="problem" role="alert">
          {t('loadFailed', { msg: error })}
        </p>
      )}
      {adminPage && (
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          <AdminConsole session={session} onLogin={setSession} onClose={() => showAdmin(false)} />
        </Suspense>
      )}
      {progressPage && data && (
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          <ProgressPage
            session={session}
            plans={data.plans}
            now={data.config.now}
            report={reportLink}
            onClose={() => showProgress(false)}
            onOpenPlan={(id) => {
              showProgress(false);
              openPlan(id);
            }}
          />
        </Suspense>
      )}
      <MapHandleContext value={mapOwner.handle}>
        <main id="main">
          <section className="register" id="register" tabIndex={-1} aria-label={t('tabRegister')}>
            {!data && !error && <p className="loading">{t('loading')}</p>}
            {data && session && (
              <Suspense fallback={null}>
                <TodoList list={todos.list} error={todos.error} onGo={goTodo} />
              </Suspense>
            )}
            {data && session && department && (
              <Suspense fallback={<p className="loading">{t('loading')}</p>}>
                <DepartmentRounds
                  now={data.config.now}
                  openId={openRound?.consultation.id ?? null}
                  refresh={roundsRead}
                  onOpen={(r) => {
                    setOpenPlanId(null);
                    setOpenRound(r);
                    setTab('map');
                  }}
                />
              </Suspense>
            )}
            {data && session && !department && (
              <Suspense fallback={<p className="loading">{t('loading')}</p>}>
                <WorkList
                  plans={data.plans}
                  actor={session.actor}
                  openId={openPlanId}
                  onOpen={openPlan}
                />
              </Suspense>
            )}
            {data && (
              <div className="register-body">
                <SummaryCards summary={summary} filter={filter} onFilter={setFilter} />
                <FilterBar
                  plans={data.plans}
                  filter={filter}
                  onFilter={setFilter}
                  shown={shown.length}
                  actions={<RegisterExport plans={shown} rivers={rivers} now={data.config.now} />}
                />
                <PlanTable
                  plans={shown}
                  rivers={rivers}
                  sort={sort}
                  onSort={(key) =>
                    setSort((s) => ({
                      key,
                      dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc',
                    }))
                  }
                  selectedId={selectedId}
                  onRow={chooseRow}
                />
              </div>
            )}
          </section>
          <section
            className={`map-side${panelFold.folded ? ' panel-folded' : ''}`}
            aria-label={t('tabMap')}
          >
            <Suspense fallback={<p className="loading">{t('loading')}</p>}>
              <MapPane
                bounds={bounds.qinzhou as [number, number, number, number]}
                selectedId={selectedId}
                fitRequest={fitRequest}
                // an open plan stays open under map taps (drawing, picking, panning); × closes it
                onSelect={(id) => openPlanId === null && openRound === null && select(id, false)}
                tiandituKey={tiandituKey}
                demo={data?.config.demo ?? false}
                publishedLayer={data?.config.publishedLayer ?? 'geojson'}
                visible={tab === 'map'}
                draft={draft}
                draftKind={draftKind}
                onMap={mapOwner.onMap}
                foldRequest={mapOwner.foldRequest}
                coursesRevision={coursesRevision}
                staff={session !== null && readsGridCoordinates(session.actor)}
                riverName={riverName}
              />
            </Suspense>
            {((openRound && session) || openPlanId || selected) && data && (
              <PanelFoldButton folded={panelFold.folded} onToggle={panelFold.setFolded} />
            )}
            {openRound && session && data ? (
              <Suspense fallback={<p className="loading">{t('loading')}</p>}>
                <DepartmentRoundPanel
                  key={openRound.consultation.id}
                  round={openRound}
                  session={session}
                  now={data.config.now}
                  onClose={() => setOpenRound(null)}
                  onReplied={() => setRoundsRead((n) => n + 1)}
                  onDraft={(fc) => {
                    setDraftKind('draft');
                    setDraft(fc);
                  }}
                />
              </Suspense>
            ) : openPlanId ? (
              <Suspense fallback={<p className="loading">{t('loading')}</p>}>
                <PlanPanel
                  key={openPlanId}
                  planId={openPlanId}
                  plan={data?.plans.find((p) => p.id === openPlanId)}
                  river={selected}
                  session={session}
                  onClose={() => select(null, false)}
                  onChanged={refreshPlans}
                  onDraft={(fc) => {
                    setDraftKind('draft');
                    setDraft(fc);
                  }}
                  now={data?.config.now ?? new Date().toISOString()}
                />
              </Suspense>
            ) : selected && data ? (
              <RiverPanel
                river={selected}
                plans={data.plans}
                session={session}
                onCourseChanged={refreshCourses}
                onClose={() => select(null, false)}
                onDisplay={(fc) => {
                  setDraftKind('display');
                  setDraft(fc);
                }}
              />
            ) : (
              <p className="select-hint">{t('selectHint')}</p>
            )}
          </section>
        </main>
      </MapHandleContext>
      <SettingsDialog
        open={settingsOpen}
        session={session}
        onClose={(key) => {
          setSettingsOpen(false);
          if (key !== undefined) setBrowserKey(key);
        }}
      />
      <LiveNotice planId={openPlanId} me={session?.actor.name ?? null} />
    </div>
  );
}
