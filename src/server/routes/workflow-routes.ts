// Stage moves, publication, comments and the audit log of a plan.
import { Hono } from 'hono';
import { canPublish, canReadAudit, canViewDraft } from '../../domain/access/permissions';
import { msg } from '../../domain/message';
import type { StageId } from '../../domain/workflow/stages';
import { stageLabel } from '../../domain/workflow/stages';
import { checkStageMove, isSendBack } from '../../domain/workflow/transitions';
import type { ZoneEngine } from '../../domain/zones/compute-zones';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { auditQuery, commentBody, publishBody, stageBody } from './plan-schemas';
import type { PublicZones } from './public-zones';
import { buildPublication } from './publish-plan';
import { actorName, fail, failText, findPlan, readBody, readQuery, refuse } from './route-kit';

const PUBLISH_FROM: StageId = 'deliverables';

/** POST stage and publish, GET/POST comments, GET /api/audit. */
export function workflowRoutes(
  deps: ServerDeps,
  engine: () => Promise<ZoneEngine>,
  publicZones: PublicZones,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/plans/:id/stage', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    const actor = actorOf(c);
    if (!canViewDraft(actor, row.record))
      return refuse(c, msg('common.what.moveStage', { plan: row.record.id }));
    const body = await readBody(c, stageBody);
    if (!body.ok) return body.response;
    const to = body.value.to as StageId;
    const comment = body.value.comment?.trim() ?? '';
    const check = checkStageMove(actor, { ...row.record, stage: row.stage }, row.stage, to);
    if (!check.ok)
      return failText(c, check.status, check.reason, check.status === 400 ? 'to' : undefined);
    if (isSendBack(row.stage, to) && comment === '') {
      return failText(c, 400, 'comment: say why the plan is sent back', 'comment');
    }
    const moved = await deps.store.moveStage(row.record.id, row.stage, to, actorName(c), comment);
    if (!moved.ok) {
      return failText(
        c,
        409,
        `the plan moved to ${stageLabel(moved.current, 'zh')} meanwhile; reload`,
      );
    }
    return c.json(moved.event);
  });

  app.post('/api/plans/:id/publish', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    if (!canPublish(actorOf(c), row.record))
      return refuse(c, msg('common.what.publish', { plan: row.record.id }));
    const body = await readBody(c, publishBody);
    if (!body.ok) return body.response;
    if (row.stage !== PUBLISH_FROM) {
      return failText(
        c,
        409,
        `a plan is published from ${stageLabel(PUBLISH_FROM, 'zh')}; ${row.record.id} is in ${stageLabel(row.stage, 'zh')}`,
      );
    }
    const latest = await deps.store.latestGeometry(row.record.id);
    if (!latest) return failText(c, 400, `${row.record.id} has no saved geometry to publish`);
    const built = await buildPublication(deps, await engine(), row.record, latest, actorName(c));
    if (!built.ok) {
      const reason = built.errors[0] ?? msg('zones.input.noReach');
      return fail(c, 400, msg('zones.cannotPublish', { reason }), { reasons: built.errors });
    }
    if (!(await deps.store.publish(built.publication, PUBLISH_FROM, actorName(c)))) {
      return failText(
        c,
        409,
        `${row.record.id} left ${stageLabel(PUBLISH_FROM, 'zh')} meanwhile; reload`,
      );
    }
    publicZones.invalidate();
    const comment = body.value.comment?.trim();
    // the publication and its audit entry are one transaction; a note to it is an entry of its own
    if (comment)
      await deps.store.appendAudit(actorName(c), 'publish.comment', row.record.id, { comment });
    const { planId, version, etag, publishedAt, publishedBy, zones, markers } = built.publication;
    return c.json(
      {
        planId,
        version,
        etag,
        publishedAt,
        publishedBy,
        zones: zones.features.length,
        markers: markers.features.length,
      },
      201,
    );
  });

  app.get('/api/plans/:id/comments', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    if (!canViewDraft(actorOf(c), row.record))
      return refuse(c, msg('common.what.readComments', { plan: row.record.id }));
    return c.json(await deps.store.listComments(row.record.id), 200, {
      'cache-control': 'no-store',
    });
  });

  app.post('/api/plans/:id/comments', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    if (!canViewDraft(actorOf(c), row.record))
      return refuse(c, msg('common.what.comment', { plan: row.record.id }));
    const body = await readBody(c, commentBody);
    if (!body.ok) return body.response;
    const { text, lon, lat } = body.value;
    const comment = await deps.store.addComment(
      { planId: row.record.id, author: actorName(c), text, lon: lon ?? null, lat: lat ?? null },
      actorName(c),
    );
    return c.json(comment, 201);
  });

  app.get('/api/audit', async (c) => {
    const query = readQuery(c, auditQuery);
    if (!query.ok) return query.response;
    const planId = query.value.plan;
    const row = planId === undefined ? null : await deps.store.getPlan(planId);
    if (planId !== undefined && !row) return failText(c, 404, `no plan "${planId}"`);
    if (!canReadAudit(actorOf(c), row?.record ?? null)) {
      return refuse(
        c,
        planId ? msg('common.what.readPlanAudit', { plan: planId }) : msg('common.what.readAudit'),
      );
    }
    return c.json(await deps.store.listAudit(planId), 200, { 'cache-control': 'no-store' });
  });

  return app;
}
