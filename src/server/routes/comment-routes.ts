// Comments on a plan (with objections and their resolution) and its stage history (issue 19).
import { Hono } from 'hono';
import { commentBody, resolveBody } from '../../contract/plans';
import { actsAsPlanner, canViewDraft } from '../../domain/access/permissions';
import { type Message, msg } from '../../domain/message';
import { checkOpenObjections, isObjection } from '../../domain/workflow/objections';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { displayNames } from '../display-names';
import type { CommentRow } from '../store/store';
import { actorName, fail, findPlan, readBody, refuse } from './route-kit';

const NO_STORE = { 'cache-control': 'no-store' };

/** A comment as the wire carries it: with its author's and resolver's display names. */
function withNames(c: CommentRow, nameOf: (u: string) => string) {
  const resolution = c.resolution && { ...c.resolution, byName: nameOf(c.resolution.by) };
  return { ...c, authorName: nameOf(c.author), resolution };
}

/**
 * Why `version` of a plan may not be published while objections on it are open, or null: the
 * refusal names the first (author by display name, the start of its text, its date).
 */
export async function openObjectionRefusal(
  deps: ServerDeps,
  planId: string,
  version: number,
): Promise<Message | null> {
  const [comments, nameOf] = await Promise.all([
    deps.store.listComments(planId),
    displayNames(deps.store),
  ]);
  return checkOpenObjections(
    comments.map((c) => ({ ...c, author: nameOf(c.author) })),
    version,
  );
}

/** GET/POST comments, POST resolve, GET history. */
export function commentRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/plans/:id/comments', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    if (!canViewDraft(actorOf(c), row.record))
      return refuse(c, msg('common.what.readComments', { plan: row.record.id }));
    const [comments, nameOf] = await Promise.all([
      deps.store.listComments(row.record.id),
      displayNames(deps.store),
    ]);
    return c.json(
      comments.map((x) => withNames(x, nameOf)),
      200,
      NO_STORE,
    );
  });

  app.post('/api/plans/:id/comments', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    const actor = actorOf(c);
    if (!canViewDraft(actor, row.record))
      return refuse(c, msg('common.what.comment', { plan: row.record.id }));
    const body = await readBody(c, commentBody);
    if (!body.ok) return body.response;
    const { text, lon, lat } = body.value;
    const pinned = lon !== undefined;
    const objection = isObjection(actor, row.record, {
      pinned,
      marked: body.value.objection === true,
    });
    const comment = await deps.store.addComment(
      {
        planId: row.record.id,
        author: actorName(c),
        text,
        lon: lon ?? null,
        lat: lat ?? null,
        objection,
      },
      actorName(c),
    );
    return c.json(withNames(comment, await displayNames(deps.store)), 201);
  });

  app.post('/api/plans/:id/comments/:cid/resolve', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    if (!actsAsPlanner(actorOf(c), row.record))
      return refuse(c, msg('live.what.resolve', { plan: row.record.id }));
    const id = Number(c.req.param('cid'));
    if (!Number.isSafeInteger(id) || id < 1)
      return fail(c, 404, msg('live.comment.unknown', { id: c.req.param('cid') }));
    const body = await readBody(c, resolveBody);
    if (!body.ok) return body.response;
    const done = await deps.store.resolveComment(row.record.id, id, body.value.reply, actorName(c));
    if (!done.ok)
      return fail(c, done.refused.code === 'live.comment.unknown' ? 404 : 409, done.refused);
    return c.json(withNames(done.value, await displayNames(deps.store)));
  });

  app.get('/api/plans/:id/history', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    if (!canViewDraft(actorOf(c), row.record))
      return refuse(c, msg('live.what.readHistory', { plan: row.record.id }));
    const [events, nameOf] = await Promise.all([
      deps.store.listStageEvents(row.record.id),
      displayNames(deps.store),
    ]);
    const history = events.map((e) => ({
      from: e.from,
      to: e.to,
      by: nameOf(e.actor),
      at: e.at,
      version: e.version,
      // a publication's move records "version N" for the log; the history shows the version anyway
      comment: e.to === 'published' && /^version \d+$/.test(e.comment) ? '' : e.comment,
    }));
    return c.json(history, 200, NO_STORE);
  });

  return app;
}
