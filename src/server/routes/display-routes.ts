// 公示 (issue 13): a planner puts a version on public display, everyone reads the displayed lines and
// zones (no coordinate table, no markers), anyone sends an opinion while it is open (limited per
// address), and the planner answers each opinion once.
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  answerBody,
  displayBody,
  type PublicDisplay,
  publicOpinionBody,
} from '../../contract/review';
import { actsAsPlanner, canViewDraft } from '../../domain/access/permissions';
import { msg } from '../../domain/message';
import { displayState, displayWindow } from '../../domain/review/review-dates';
import type { DisplayPeriod } from '../../domain/review/review-types';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { clientAddress } from '../auth/request-info';
import { settingsInForce } from '../settings-in-force';
import { createOpinionLimits } from './opinion-limits';
import { actorName, computeRefused, fail, findPlan, readBody, refuse } from './route-kit';
import { rulesInForce } from './rules-in-force';

type Ctx = Context<AppEnv>;

/** Display periods whose zones are kept (one computation per period: a version never changes). */
const CACHED_DISPLAYS = 32;

/** A public opinion's answer: as a department's, without the answering version. */
const opinionAnswerBody = answerBody.omit({ version: true });

/** The newest display period of a plan while no publication came after it, or null. */
async function currentDisplay(deps: ServerDeps, planId: string): Promise<DisplayPeriod | null> {
  const period = (await deps.store.listDisplays(planId)).at(-1);
  if (!period) return null;
  const events = await deps.store.listStageEvents(planId);
  const publishedSince = events.some((e) => e.to === 'published' && e.at >= period.startedAt);
  return publishedSince ? null : period;
}

type ZonesOutcome =
  | { ok: true; featuresJson: string }
  | { ok: false; response: (c: Ctx) => Response };

/** POST/GET display, POST/GET public opinions, POST answer of a public opinion. */
export function displayRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limits = createOpinionLimits(deps.store, deps.clock);

  // the displayed zones, computed as the draft zones are (the pool's draftZones), once per period
  const zones = new Map<number, Promise<ZonesOutcome>>();
  const computeZones = async (period: DisplayPeriod, river: string): Promise<ZonesOutcome> => {
    const version = await deps.store.getGeometry(period.planId, period.version);
    if (!version) {
      const gone = msg('display.noVersion', { plan: period.planId, version: period.version });
      return { ok: false, response: (c) => fail(c, 404, gone) };
    }
    const outcome = await deps.compute.draftZones(
      JSON.stringify(version.features),
      { river, rules: await rulesInForce(deps.store) },
      { plan: period.planId, version: period.version },
    );
    if (!outcome.ok) {
      const { why, retryAfter } = outcome;
      return { ok: false, response: (c) => computeRefused(c, why, retryAfter) };
    }
    const draft = outcome.draft;
    if (draft.ok) return { ok: true, featuresJson: draft.featuresJson };
    const reason = draft.errors[0] ?? msg('zones.input.noReach');
    const cannot = msg('zones.cannotCompute', { version: period.version, reason });
    return { ok: false, response: (c) => fail(c, 400, cannot, { reasons: draft.errors }) };
  };
  const displayedZones = (period: DisplayPeriod, river: string): Promise<ZonesOutcome> => {
    let kept = zones.get(period.id);
    if (!kept) {
      kept = computeZones(period, river);
      zones.set(period.id, kept);
      // only a computed answer is kept: a busy pool or a failure is asked again next time
      void kept.then((z) => z.ok || zones.delete(period.id)).catch(() => zones.delete(period.id));
      if (zones.size > CACHED_DISPLAYS) zones.delete(zones.keys().next().value as number);
    }
    return kept;
  };

  app.post('/api/plans/:id/display', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    const plan = row.record.id;
    if (!actsAsPlanner(actorOf(c), row.record))
      return refuse(c, msg('display.what.start', { plan }));
    const body = await readBody(c, displayBody);
    if (!body.ok) return body.response;
    const { version } = body.value;
    if (row.stage !== 'deliverables') return fail(c, 409, msg('review.display.wrongStage'));
    if (!(await deps.store.getGeometry(plan, version)))
      return fail(c, 400, msg('display.noVersion', { plan, version }), { field: 'version' });
    const now = deps.clock();
    const open = (await deps.store.listDisplays(plan)).findLast(
      (d) => displayState(d, now) !== 'over',
    );
    if (open)
      return fail(c, 409, msg('display.alreadyOpen', { plan, start: open.start, end: open.end }));
    const days = body.value.days ?? settingsInForce(await deps.store.getSettings()).displayDays;
    const { start, end } = displayWindow(now, days);
    const started = await deps.store.startDisplay(
      { planId: plan, version, start, end, days, startedBy: actorName(c) },
      actorName(c),
    );
    if (!started.ok) return fail(c, 409, started.refused);
    return c.json(started.value, 201);
  });

  app.get('/api/plans/:id/display', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { record } = found.plan.row;
    const period = await currentDisplay(deps, record.id);
    if (!period) return fail(c, 404, msg('display.none', { plan: record.id }));
    const computed = await displayedZones(period, record.riverId);
    if (!computed.ok) return computed.response(c);
    const { planId, version, start, end, days } = period;
    const state: PublicDisplay['state'] =
      displayState(period, deps.clock()) === 'over' ? 'over' : 'open';
    const head = JSON.stringify({ period: { planId, version, start, end, days }, state });
    // the features come serialized from the worker: only the envelope is written here
    return c.body(
      `${head.slice(0, -1)},"zones":{"type":"FeatureCollection","features":${computed.featuresJson}}}`,
      200,
      { 'content-type': 'application/json', 'cache-control': 'no-cache' },
    );
  });

  app.post('/api/plans/:id/public-opinions', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const plan = found.plan.row.record.id;
    const body = await readBody(c, publicOpinionBody);
    if (!body.ok) return body.response;
    const period = await currentDisplay(deps, plan);
    const state = period ? displayState(period, deps.clock()) : null;
    if (!period || state !== 'open') {
      return period && state === 'over'
        ? fail(c, 409, msg('display.closed', { plan, start: period.start, end: period.end }))
        : fail(c, 409, msg('display.notOpen', { plan }));
    }
    const take = await limits.take(clientAddress(c), plan);
    if (!take.ok) {
      c.header('retry-after', String(take.retryAfter));
      const code = take.per === 'minute' ? 'display.tooManyMinute' : 'display.tooManyDay';
      return fail(c, 429, msg(code, { max: take.max, seconds: take.retryAfter }));
    }
    const { text, name, contact } = body.value;
    const opinion = await deps.store.addPublicOpinion(
      { planId: plan, displayId: period.id, text, name: name || null, contact: contact || null },
      'public',
    );
    return c.json({ id: opinion.id }, 201);
  });

  app.get('/api/plans/:id/public-opinions', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { record } = found.plan.row;
    if (!canViewDraft(actorOf(c), record))
      return refuse(c, msg('display.what.readOpinions', { plan: record.id }));
    return c.json(await deps.store.listPublicOpinions(record.id), 200, {
      'cache-control': 'no-store',
    });
  });

  app.post('/api/public-opinions/:id/answer', async (c) => {
    const id = c.req.param('id');
    const opinion = /^[1-9]\d{0,9}$/.test(id)
      ? await deps.store.getPublicOpinion(Number(id))
      : null;
    if (!opinion) return fail(c, 404, msg('display.noOpinion', { id: id.slice(0, 20) }));
    const row = await deps.store.getPlan(opinion.planId);
    if (!row || !actsAsPlanner(actorOf(c), row.record))
      return refuse(c, msg('display.what.answer', { plan: opinion.planId }));
    const body = await readBody(c, opinionAnswerBody);
    if (!body.ok) return body.response;
    const answered = await deps.store.answerPublicOpinion(
      opinion.id,
      { ...body.value, version: null, by: actorName(c) },
      actorName(c),
    );
    if (!answered.ok) return fail(c, 409, answered.refused);
    return c.json(answered.value);
  });

  return app;
}
