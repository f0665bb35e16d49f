// The public register: plans with their stage and deadline status, rivers, the summary, the
// front end's config and the server's health. Read-only, cached per (China day, store revision).
import type { FeatureCollection } from 'geojson';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { type ApiConfig, type ApiPlan, planQuery } from '../../contract/plans';
import { msg } from '../../domain/message';
import type { PlanFilter } from '../../domain/plans/filter-plans';
import { filterPlans } from '../../domain/plans/filter-plans';
import { summarizePlans } from '../../domain/plans/summarize-plans';
import type { RegisterView } from '../../domain/plans/view-register';
import { viewRegister } from '../../domain/plans/view-register';
import { latestVisible, seesStaffCourses } from '../../domain/rivers/course-access';
import { findRiver } from '../../domain/rivers/river-page';
import type { RiverView } from '../../domain/rivers/waterbody';
import type { Pinyin } from '../../domain/text/search-keys';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import type { CachedBody } from '../cached-body';
import { cachedBody, sendCached } from '../cached-body';
import { toPinyin } from '../pinyin';
import { publishedCounties } from '../published-counties';
import { publishedLayerFor } from '../published-layer';
import { fail, readQuery } from './route-kit';

/** Pinyin of each string once per process: the register's texts are few and never change. */
function memoPinyin(convert: (text: string) => Pinyin): (text: string) => Pinyin {
  const seen = new Map<string, Pinyin>();
  return (text) => {
    let hit = seen.get(text);
    if (!hit) {
      hit = convert(text);
      seen.set(text, hit);
    }
    return hit;
  };
}

const pinyin = memoPinyin(toPinyin);

/** The register as the routes and the first page read it. */
export interface Register {
  /** the public's view, or (`staff`) with the staff-only river courses (河道底图) */
  view(staff?: boolean): Promise<RegisterView>;
  /** GET /api/plans without a filter, serialized once per view */
  plansBody(): Promise<CachedBody>;
  config(): Promise<ApiConfig>;
}

/**
 * The register view, built once per (day in China, store revision): any write moves the revision,
 * the date moves the overdue flags. Measured: building it costs ~2.4 ms, which capped GET
 * /api/plans at ~450 req/s.
 */
export function createRegister(deps: ServerDeps): Register {
  let cache: { key: string; view: RegisterView; plans: CachedBody | null } | null = null;
  // the staff's view differs only by the courses they see: cached beside the public one
  let staffCache: { key: string; view: RegisterView } | null = null;
  const countiesOf = publishedCounties(deps);
  const building = new Map<string, Promise<RegisterView>>();
  const view = async (staff = false): Promise<RegisterView> => {
    const day = new Date(deps.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const key = `${day}|${await deps.store.revision()}`;
    const hit = staff ? staffCache : cache;
    if (hit?.key === key) return hit.view;
    // one build per key: at a province (5,000 plans) a build is seconds of CPU, and 50 requests
    // arriving before it is cached each built their own (GET /api/plans answered nothing)
    const slot = `${staff}|${key}`;
    let pending = building.get(slot);
    if (!pending) {
      pending = build(staff, key).finally(() => building.delete(slot));
      building.set(slot, pending);
    }
    return pending;
  };
  const build = async (staff: boolean, key: string): Promise<RegisterView> => {
    const [rows, waterbodies, courses] = await Promise.all([
      deps.store.listPlans(),
      deps.store.listWaterbodies(),
      deps.store.listCourses(),
    ]);
    const zones = await countiesOf(rows);
    const built = viewRegister(
      rows,
      waterbodies,
      deps.geodata.geometry,
      deps.clock(),
      pinyin,
      zones,
      latestVisible(courses, staff),
    );
    if (staff) staffCache = { key, view: built };
    else cache = { key, view: built, plans: null };
    return built;
  };
  return {
    view,
    async plansBody() {
      const current = await view();
      if (cache?.view !== current) return cachedBody(current.plans);
      cache.plans ??= cachedBody(current.plans);
      return cache.plans;
    },
    // the environment's key wins; else the one an admin set (a browser key: the map needs it)
    config: async () => ({
      demo: deps.demo,
      tiandituKey: deps.tiandituKey ?? (await deps.store.getSettings()).tiandituKey,
      now: deps.clock().toISOString(),
      publishedLayer: publishedLayerFor(
        (await view()).plans.filter((p) => p.stage === 'published').length,
        deps.publishedLayer ?? 'auto',
      ),
    }),
  };
}

/** GET /api/health, /api/config, /api/plans[?filters], /api/plans/:id, /api/summary, /api/rivers[/:id]. */
export function registerRoutes(
  deps: ServerDeps,
  register: Register,
  about: { startedAt: string; version: string },
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const loadPlans = async (): Promise<ApiPlan[]> => (await register.view()).plans;
  const loadRivers = async (c: Context<AppEnv>): Promise<RiverView[]> =>
    (await register.view(seesStaffCourses(actorOf(c)))).rivers;

  app.get('/api/health', async (c) => {
    const info = await deps.store.info();
    const plans = await deps.store.listPlans();
    return c.json({
      ok: true,
      name: 'hejie',
      version: about.version,
      startedAt: about.startedAt,
      store: info,
      plans: plans.length,
      demo: deps.demo,
    });
  });

  app.get('/api/config', async (c) => c.json(await register.config()));

  app.get('/api/plans', async (c) => {
    if (Object.keys(c.req.query()).length === 0)
      return sendCached(c, await register.plansBody(), 'application/json; charset=utf-8');
    const query = readQuery(c, planQuery);
    if (!query.ok) return query.response;
    const { overdue, ...rest } = query.value;
    const filter: PlanFilter = { ...rest, ...(overdue ? { overdue: overdue === 'true' } : {}) };
    return c.json(filterPlans(await loadPlans(), filter));
  });

  app.get('/api/plans/:id', async (c) => {
    const id = c.req.param('id');
    const plan = (await loadPlans()).find((p) => p.id === id);
    return plan ? c.json(plan) : fail(c, 404, msg('common.noPlan', { id }));
  });

  app.get('/api/summary', async (c) => c.json(summarizePlans(await loadPlans())));

  // the rivers depend on who asks (the courses they see): never cached by a shared cache
  app.get('/api/rivers', async (c) =>
    c.json(await loadRivers(c), 200, { 'cache-control': 'private, no-cache', vary: 'cookie' }),
  );

  app.get('/api/rivers/:id', async (c) => {
    const id = c.req.param('id');
    const river = findRiver(await loadRivers(c), id);
    if (!river) return fail(c, 404, msg('register.noRiver', { id }));
    // the course's features ride along (only the version the caller sees)
    const course = river.course && (await deps.store.getCourse(river.id, river.course.version));
    const courseFeatures: FeatureCollection | null = course
      ? { type: 'FeatureCollection', features: course.features }
      : null;
    return c.json({ ...river, courseFeatures }, 200, {
      'cache-control': 'private, no-cache',
      vary: 'cookie',
    });
  });

  return app;
}
