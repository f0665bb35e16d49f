// GET /api/plans/:id/review (issue 13): a plan's rounds, display periods, public opinions and
// acceptance records, with what still blocks leaving 意见征求 and publishing, for the plan panel.
import { Hono } from 'hono';
import { langOfAcceptLanguage } from '../../contract/messages/lang';
import { renderMessage } from '../../contract/messages/render';
import type { PlanReview, RenderedMessage } from '../../contract/review';
import { canViewDraft } from '../../domain/access/permissions';
import { type Message, msg } from '../../domain/message';
import { checkPublishSettings } from '../../domain/review/publish-settings';
import { defaultDue } from '../../domain/review/review-dates';
import {
  checkLeaveConsultation,
  checkPublishReview,
  roundStatus,
} from '../../domain/review/review-rules';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { settingsInForce } from '../settings-in-force';
import { openObjectionRefusal } from './comment-routes';
import { findPlan, refuse } from './route-kit';

/** GET /api/plans/:id/review (staff who may see the plan's drafts). */
export function reviewRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/plans/:id/review', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { record } = found.plan.row;
    if (!canViewDraft(actorOf(c), record))
      return refuse(c, msg('display.what.readReview', { plan: record.id }));
    const { store } = deps;
    const [rounds, replies, displays, opinions, acceptances, versions, settings] =
      await Promise.all([
        store.listConsultations(record.id),
        store.listReplies(record.id),
        store.listDisplays(record.id),
        store.listPublicOpinions(record.id),
        store.listAcceptances(record.id),
        store.listVersions(record.id),
        store.getSettings(),
      ]);
    const now = deps.clock();
    const lang = langOfAcceptLanguage(c.req.header('accept-language'));
    const rendered = (m: Message | null): RenderedMessage | null =>
      m && { code: m.code, params: m.params ?? {}, text: renderMessage(m, lang) };
    const latest = versions[0]?.version;
    // the publish route's gates in its order: review, open objections (异议), the 公告's settings
    const publish =
      latest === undefined
        ? msg('workflow.publish.noGeometry', { plan: record.id })
        : (checkPublishReview(latest, displays, opinions, acceptances, now) ??
          (await openObjectionRefusal(deps, record.id, latest)) ??
          checkPublishSettings(settingsInForce(settings)));
    const review: PlanReview = {
      rounds: rounds.map((r) => roundStatus(r, replies, now)),
      displays,
      opinions,
      acceptances,
      leaveConsultation: rendered(checkLeaveConsultation(rounds, replies, now)),
      publish: rendered(publish),
      defaults: { due: defaultDue(now), displayDays: settingsInForce(settings).displayDays },
    };
    return c.json(review, 200, { 'cache-control': 'no-store' });
  });

  return app;
}
