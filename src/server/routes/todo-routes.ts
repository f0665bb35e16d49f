// GET /api/todo: what waits for the logged-in user (待办, issue 19), computed by the domain from
// the plans the user may act on and their records.
import { Hono } from 'hono';
import type { UserActor } from '../../domain/access/actor';
import { actsAsPlanner, isChiefOf } from '../../domain/access/permissions';
import { msg } from '../../domain/message';
import { viewPlan } from '../../domain/plans/plan';
import { reminderTodos } from '../../domain/progress/report-todos';
import type { TodoPlan } from '../../domain/workflow/todos';
import { todosFor } from '../../domain/workflow/todos';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { displayNames } from '../display-names';
import type { PlanRow } from '../store/store';
import { refuse } from './route-kit';

/** The plans whose records the actor's to-dos read: none for an admin (settings only). */
async function plansOf(deps: ServerDeps, actor: UserActor): Promise<PlanRow[]> {
  const rows = await deps.store.listPlans();
  if (actor.role === 'chief') return rows.filter((r) => isChiefOf(actor, r.record));
  if (actor.role === 'planner') return rows.filter((r) => actsAsPlanner(actor, r.record));
  if (actor.role === 'department') {
    const consulted = new Set((await deps.store.consultationsOf(actor.id)).map((c) => c.planId));
    return rows.filter((r) => consulted.has(r.record.id));
  }
  return [];
}

/** A plan with the records its to-dos read (a chief's read only the newest version). */
async function withRecords(
  deps: ServerDeps,
  row: PlanRow,
  actor: UserActor,
  nameOf: (u: string) => string,
): Promise<TodoPlan> {
  const id = row.record.id;
  const s = deps.store;
  const planner = actor.role === 'planner';
  const [versions, comments, rounds, replies, displays, opinions] = await Promise.all([
    s.listVersions(id),
    planner ? s.listComments(id) : [],
    actor.role === 'chief' ? [] : s.listConsultations(id),
    actor.role === 'chief' ? [] : s.listReplies(id),
    planner ? s.listDisplays(id) : [],
    planner ? s.listPublicOpinions(id) : [],
  ]);
  return {
    record: row.record,
    stage: row.stage,
    overdue: viewPlan(row.record, row.stage, row.updatedAt, deps.clock()).overdue,
    latest: versions[0]?.version ?? null,
    comments: comments.map((c) => ({ ...c, author: nameOf(c.author) })),
    commentAuthors: comments.map((c) => c.author),
    rounds,
    replies,
    displays,
    opinions,
  };
}

/** GET /api/todo */
export function todoRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/todo', async (c) => {
    const actor = actorOf(c);
    if (actor.kind !== 'user') return refuse(c, msg('live.what.readTodo'));
    const [rows, nameOf, settings, reminders, reports] = await Promise.all([
      plansOf(deps, actor),
      displayNames(deps.store),
      deps.store.getSettings(),
      deps.store.listReminders(),
      deps.store.listReports(),
    ]);
    const plans = await Promise.all(rows.map((r) => withRecords(deps, r, actor, nameOf)));
    const items = [
      ...reminderTodos(actor, reminders, reports),
      ...todosFor(actor, plans, settings, deps.clock()),
    ];
    return c.json({ count: items.length, items }, 200, { 'cache-control': 'no-store' });
  });
  return app;
}
