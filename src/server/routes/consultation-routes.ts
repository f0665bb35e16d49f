// 意见征求 (issue 13): a planner opens a round on a saved version and names the departments; each
// department reads that version (read-only) and replies once before the deadline; the planner
// answers every objection. The records are written once, each with its audit entry (the store).
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  answerBody,
  type ConsultedDraft,
  consultationBody,
  type DepartmentAccount,
  type DepartmentRound,
  type RoundView,
  replyBody,
} from '../../contract/review';
import type { Actor } from '../../domain/access/actor';
import {
  actsAsPlanner,
  canReadConsulted,
  canSeeConsultedCoordinates,
  canViewDraft,
  isConsulted,
} from '../../domain/access/permissions';
import { inRegion } from '../../domain/geo/check-features';
import { type Message, msg } from '../../domain/message';
import { checkAnswer, checkDue, checkReply } from '../../domain/review/consultation-rules';
import { defaultDue } from '../../domain/review/review-dates';
import { roundStatus } from '../../domain/review/review-rules';
import type { Consultation, ConsultedDepartment } from '../../domain/review/review-types';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import type { PlanRow } from '../store/store';
import { consultedDraft } from './consulted-draft';
import { actorName, computeRefused, fail, findPlan, readBody, refuse } from './route-kit';

type Ctx = Context<AppEnv>;
const NO_STORE = { 'cache-control': 'no-store' };

/** A record id of the path (`/api/consultations/:id`, `/api/replies/:id`), or null. */
const idOf = (c: Ctx): number | null => {
  const id = c.req.param('id') ?? '';
  return /^[1-9]\d{0,9}$/.test(id) ? Number(id) : null;
};

/** Whether the actor is staff: an account that plans, administers or signs, not a department. */
const isStaff = (actor: Actor) => actor.kind === 'user' && actor.role !== 'department';

/** The enabled department accounts named, as the round records them; or the first id that is not. */
async function departmentsOf(
  deps: ServerDeps,
  ids: readonly string[],
): Promise<{ ok: true; departments: ConsultedDepartment[] } | { ok: false; id: string }> {
  const departments: ConsultedDepartment[] = [];
  for (const id of new Set(ids)) {
    const user = await deps.store.getUser(id);
    if (user?.role !== 'department' || user.disabled || !user.organisation)
      return { ok: false, id };
    const { username, name, organisation } = user;
    departments.push({ userId: id, username, name, organisation });
  }
  return { ok: true, departments };
}

/** The round `:id` and its plan, when the actor may read it; otherwise the response to answer. */
async function readableRound(
  c: Ctx,
  deps: ServerDeps,
  what: (round: number) => Message,
): Promise<{ ok: true; round: Consultation; plan: PlanRow } | { ok: false; response: Response }> {
  const actor = actorOf(c);
  const id = idOf(c);
  const round = id === null ? null : await deps.store.getConsultation(id);
  const plan = round && (await deps.store.getPlan(round.planId));
  if (round && plan && canReadConsulted(actor, plan.record, round))
    return { ok: true, round, plan };
  // a department (or the public) learns nothing of rounds that are not its own, not even that
  // they exist; staff get 404 for a round that does not
  if ((!round || !plan) && isStaff(actor))
    return {
      ok: false,
      response: fail(c, 404, msg('consultation.round.none', { round: c.req.param('id') ?? '' })),
    };
  return { ok: false, response: refuse(c, what(id ?? 0)) };
}

/** The consultation routes (the list is at the top of src/contract/review.ts). */
export function consultationRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/plans/:id/consultations', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    if (!actsAsPlanner(actorOf(c), row.record))
      return refuse(c, msg('consultation.what.open', { plan: row.record.id }));
    const body = await readBody(c, consultationBody);
    if (!body.ok) return body.response;
    const { version, message } = body.value;
    const bad = (field: string, why: Message) =>
      fail(c, 400, msg('common.invalidField', { field, why }), { field });
    if (!(await deps.store.getGeometry(row.record.id, version)))
      return bad('version', msg('consultation.version.none', { plan: row.record.id, version }));
    const named = await departmentsOf(deps, body.value.departments);
    if (!named.ok)
      return bad('departments', msg('consultation.department.invalid', { id: named.id }));
    const now = deps.clock();
    const due = body.value.due ?? defaultDue(now);
    const wrongDue = checkDue(due, now);
    if (wrongDue) return bad('due', wrongDue);
    const opened = await deps.store.openConsultation(
      {
        planId: row.record.id,
        version,
        departments: named.departments,
        due,
        message,
        openedBy: actorName(c),
      },
      actorName(c),
    );
    if (!opened.ok) return fail(c, 409, opened.refused);
    return c.json(opened.value, 201);
  });

  app.get('/api/plans/:id/consultations', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    if (!canViewDraft(actorOf(c), row.record))
      return refuse(c, msg('consultation.what.read', { plan: row.record.id }));
    const [rounds, replies] = await Promise.all([
      deps.store.listConsultations(row.record.id),
      deps.store.listReplies(row.record.id),
    ]);
    const now = deps.clock();
    const views: RoundView[] = rounds.map((r) => roundStatus(r, replies, now));
    return c.json(views, 200, NO_STORE);
  });

  app.get('/api/consultations', async (c) => {
    const actor = actorOf(c);
    if (actor.kind !== 'user' || actor.role !== 'department')
      return refuse(c, msg('consultation.what.listOwn'));
    const now = deps.clock();
    const rounds = (await deps.store.consultationsOf(actor.id)).toSorted((a, b) => b.id - a.id);
    const out: DepartmentRound[] = [];
    for (const round of rounds) {
      const row = await deps.store.getPlan(round.planId);
      if (!row) continue;
      const reply =
        (await deps.store.listReplies(round.planId)).find(
          (r) => r.consultationId === round.id && r.userId === actor.id,
        ) ?? null;
      const { departments: _, ...consultation } = round;
      const { id, name, level, unit, chief } = row.record;
      const open = reply === null && checkReply(round, row.stage, now) === null;
      out.push({ consultation, plan: { id, name, level, unit, chief }, reply, open });
    }
    return c.json(out, 200, NO_STORE);
  });

  app.get('/api/consultations/:id/view', async (c) => {
    const found = await readableRound(c, deps, (round) => msg('consultation.what.view', { round }));
    if (!found.ok) return found.response;
    const { round, plan } = found;
    const settings = await deps.store.getSettings();
    const coordinates = canSeeConsultedCoordinates(
      actorOf(c),
      plan.record,
      round,
      settings.departmentCoordinates === true,
    );
    const built = await consultedDraft(deps, plan.record, round, coordinates);
    if (built.ok) return c.json(built.draft satisfies ConsultedDraft, 200, NO_STORE);
    if ('why' in built) return computeRefused(c, built.why, built.retryAfter);
    if ('missing' in built)
      return fail(
        c,
        404,
        msg('consultation.version.none', { plan: plan.record.id, version: round.version }),
      );
    const reason = built.errors[0] ?? msg('zones.input.noReach');
    return fail(c, 400, msg('zones.cannotCompute', { version: round.version, reason }), {
      reasons: built.errors,
    });
  });

  app.post('/api/consultations/:id/replies', async (c) => {
    const actor = actorOf(c);
    const id = idOf(c);
    const round = id === null ? null : await deps.store.getConsultation(id);
    // only a department the round consults may reply; anyone else learns nothing of the round
    if (!round || !isConsulted(actor, round))
      return refuse(c, msg('consultation.what.reply', { round: id ?? 0 }));
    const body = await readBody(c, replyBody);
    if (!body.ok) return body.response;
    const row = await deps.store.getPlan(round.planId);
    if (!row) return fail(c, 404, msg('common.noPlan', { id: round.planId }));
    const closed = checkReply(round, row.stage, deps.clock());
    if (closed) return fail(c, 409, closed);
    const { verdict, text, lon, lat } = body.value;
    if (lon !== undefined && lat !== undefined && !inRegion([lon, lat], deps.region)) {
      const why = msg('consultation.reply.pinOutside', { lon, lat, ...deps.region });
      return fail(c, 400, msg('common.invalidField', { field: 'lon', why }), { field: 'lon' });
    }
    const own = round.departments.find((d) => d.userId === actor.id);
    const added = await deps.store.addReply(
      {
        consultationId: round.id,
        planId: round.planId,
        userId: actor.id,
        organisation: own?.organisation ?? actor.organisation ?? '',
        verdict,
        text: text ?? '',
        lon: lon ?? null,
        lat: lat ?? null,
        by: actor.username,
      },
      actor.username,
    );
    if (!added.ok) return fail(c, 409, added.refused);
    return c.json(added.value, 201);
  });

  app.post('/api/replies/:id/answer', async (c) => {
    const actor = actorOf(c);
    if (actor.kind !== 'user' || (actor.role !== 'planner' && actor.role !== 'admin'))
      return refuse(c, msg('consultation.what.answer'));
    const id = idOf(c);
    const reply = id === null ? null : await deps.store.getReply(id);
    if (!reply) return fail(c, 404, msg('consultation.replyNone', { id: c.req.param('id') ?? '' }));
    const row = await deps.store.getPlan(reply.planId);
    if (!row || !actsAsPlanner(actor, row.record))
      return refuse(c, msg('consultation.what.answer'));
    const body = await readBody(c, answerBody);
    if (!body.ok) return body.response;
    const wrong = checkAnswer(reply, row.stage);
    if (wrong) return fail(c, wrong.code === 'consultation.answer.closed' ? 409 : 400, wrong);
    const { decision, reason, version } = body.value;
    if (version !== undefined && !(await deps.store.getGeometry(reply.planId, version))) {
      const why = msg('consultation.version.none', { plan: reply.planId, version });
      return fail(c, 400, msg('common.invalidField', { field: 'version', why }), {
        field: 'version',
      });
    }
    const answered = await deps.store.answerReply(
      reply.id,
      { decision, reason, version: version ?? null, by: actor.username },
      actor.username,
    );
    if (!answered.ok) return fail(c, 409, answered.refused);
    return c.json(answered.value);
  });

  app.get('/api/departments', async (c) => {
    const actor = actorOf(c);
    if (actor.kind !== 'user' || (actor.role !== 'planner' && actor.role !== 'admin'))
      return refuse(c, msg('consultation.what.listDepartments'));
    const users = await deps.store.listUsers();
    const departments: DepartmentAccount[] = users
      .filter((u) => u.role === 'department' && !u.disabled)
      .map(({ id, username, name, organisation }) => ({
        id,
        username,
        name,
        organisation: organisation ?? '',
      }));
    return c.json(departments, 200, NO_STORE);
  });

  return app;
}
