// Stage moves, publication and the audit log of a plan.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { langOfAcceptLanguage } from '../../contract/messages/lang';
import { renderMessage } from '../../contract/messages/render';
import { auditQuery, publishBody, stageBody } from '../../contract/plans';
import { canReadAudit, canViewDraft } from '../../domain/access/permissions';
import { countMarkers } from '../../domain/markers/count-markers';
import { type Message, msg } from '../../domain/message';
import { checkPublishSettings } from '../../domain/review/publish-settings';
import { checkLeaveConsultation, checkPublishReview } from '../../domain/review/review-rules';
import { signedVersion, signOffs } from '../../domain/workflow/signed-version';
import type { StageId } from '../../domain/workflow/stages';
import { stageName } from '../../domain/workflow/stages';
import { checkPublish, checkStageMove, PUBLISH_FROM } from '../../domain/workflow/transitions';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { displayNames } from '../display-names';
import { settingsInForce } from '../settings-in-force';
import { openObjectionRefusal } from './comment-routes';
import { buildPublication } from './publish-plan';
import {
  actorName,
  computeRefused,
  fail,
  findPlan,
  readBody,
  readQuery,
  refuse,
} from './route-kit';

/** The HTTP status of a refused stage move: its reason's code says what kind of refusal it is. */
export function stageRefusalStatus(reason: Message): 400 | 403 | 409 {
  if (reason.code === 'workflow.stale') return 409;
  if (
    reason.code === 'workflow.notYours' ||
    reason.code === 'workflow.move.chiefSignsOff' ||
    reason.code === 'workflow.move.plannerStep' ||
    reason.code === 'workflow.back.plannerStep'
  )
    return 403;
  return 400;
}

/** A refused stage move: 400 names the field at fault (`to`, or `comment` of a send-back). */
function refuseMove(c: Context<AppEnv>, reason: Message): Response {
  const status = stageRefusalStatus(reason);
  if (status !== 400) return fail(c, status, reason);
  return fail(c, 400, reason, {
    field: reason.code === 'workflow.back.needsComment' ? 'comment' : 'to',
  });
}

/** POST stage and publish, GET signoffs, GET /api/audit (comments: comment-routes.ts). */
export function workflowRoutes(deps: ServerDeps): Hono<AppEnv> {
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
    const plan = { ...row.record, stage: row.stage };
    const check = checkStageMove(actor, plan, row.stage, to, comment);
    if (!check.ok) return refuseMove(c, check.reason);
    // 意见征求 → 现场复核: every department replied or lapsed, every objection answered (issue 13)
    if (row.stage === 'consultation' && to === 'field-check') {
      const [rounds, replies] = await Promise.all([
        deps.store.listConsultations(row.record.id),
        deps.store.listReplies(row.record.id),
      ]);
      const open = checkLeaveConsultation(rounds, replies, deps.clock());
      if (open) return fail(c, 409, open);
    }
    const moved = await deps.store.moveStage(row.record.id, row.stage, to, actorName(c), comment);
    if (!moved.ok) {
      return fail(c, 409, msg('workflow.movedMeanwhile', { stage: stageName(moved.current) }));
    }
    return c.json(moved.event);
  });

  app.post('/api/plans/:id/publish', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    const check = checkPublish(actorOf(c), { ...row.record, stage: row.stage });
    if (!check.ok && check.reason.code === 'workflow.publish.notAllowed')
      return refuse(c, msg('common.what.publish', { plan: row.record.id }));
    const body = await readBody(c, publishBody);
    if (!body.ok) return body.response;
    if (!check.ok) return fail(c, 409, check.reason);
    const latest = await deps.store.latestGeometry(row.record.id);
    if (!latest) return fail(c, 400, msg('workflow.publish.noGeometry', { plan: row.record.id }));
    // exactly the version the chief signed at 审核确定 and 验收, and only while it is the newest
    const signed = signedVersion(await deps.store.listStageEvents(row.record.id), latest.version);
    if (!signed.ok) return fail(c, 409, signed.reason);
    // and only after a finished 公示 with every opinion answered and a 合格 acceptance (issue 13)
    const [displays, opinions, acceptances] = await Promise.all([
      deps.store.listDisplays(row.record.id),
      deps.store.listPublicOpinions(row.record.id),
      deps.store.listAcceptances(row.record.id),
    ]);
    const review = checkPublishReview(
      latest.version,
      displays,
      opinions,
      acceptances,
      deps.clock(),
    );
    if (review) return fail(c, 409, review);
    // and no open objection (异议) on that version (issue 19)
    const objection = await openObjectionRefusal(deps, row.record.id, latest.version);
    if (objection) return fail(c, 409, objection);
    // and only once the 公告's issuing authority and supervision phone are set (issue 19)
    const unset = checkPublishSettings(settingsInForce(await deps.store.getSettings()));
    if (unset) return fail(c, 409, unset);
    const built = await buildPublication(deps, row.record, latest, actorName(c));
    if (!built.ok && 'why' in built) return computeRefused(c, built.why, built.retryAfter);
    if (!built.ok) {
      const reason = built.errors[0] ?? msg('zones.input.noReach');
      return fail(c, 400, msg('zones.cannotPublish', { reason }), { reasons: built.errors });
    }
    if (!(await deps.store.publish(built.publication, PUBLISH_FROM, actorName(c)))) {
      return fail(
        c,
        409,
        msg('workflow.publish.leftMeanwhile', {
          plan: row.record.id,
          from: stageName(PUBLISH_FROM),
        }),
      );
    }
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
        markerCounts: countMarkers(markers.features),
        // works inside the river published without a range (尚未设置)
        warnings: built.warnings.map((w) =>
          renderMessage(w, langOfAcceptLanguage(c.req.header('accept-language'))),
        ),
      },
      201,
    );
  });

  app.get('/api/plans/:id/signoffs', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    if (!canViewDraft(actorOf(c), row.record))
      return refuse(c, msg('common.what.readSignOffs', { plan: row.record.id }));
    const moves = await deps.store.listStageEvents(row.record.id);
    const latest = (await deps.store.listVersions(row.record.id))[0]?.version ?? null;
    const signed = signedVersion(moves, latest);
    const { review, acceptance } = signOffs(moves);
    const nameOf = await displayNames(deps.store);
    const named = <T extends { by: string }>(s: T | null) => s && { ...s, byName: nameOf(s.by) };
    return c.json(
      {
        review: named(review),
        acceptance: named(acceptance),
        latest,
        publishable: signed.ok ? signed.version : null,
        reason: signed.ok ? null : signed.reason,
      },
      200,
      { 'cache-control': 'no-store' },
    );
  });

  app.get('/api/audit', async (c) => {
    const query = readQuery(c, auditQuery);
    if (!query.ok) return query.response;
    const planId = query.value.plan;
    const row = planId === undefined ? null : await deps.store.getPlan(planId);
    if (planId !== undefined && !row) return fail(c, 404, msg('common.noPlan', { id: planId }));
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
