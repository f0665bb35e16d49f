// Approved boundaries (有相关成果河道, issue 16): the check against the standard's range, and adopting
// one as a reach's management range (a new geometry version, audited with the shortfall figures).
import type { Feature, FeatureCollection } from 'geojson';
import { Hono } from 'hono';
import { adoptBody, checkApprovedBody } from '../../contract/adopted';
import { canEditGeometry, canViewDraft } from '../../domain/access/permissions';
import { APPROVED_ROLE, readApproval } from '../../domain/adopted/approval';
import type { ApprovedCheck } from '../../domain/adopted/check-approved';
import { msg } from '../../domain/message';
import { withPlanRiver } from '../../domain/plans/delineate-plan';
import type { ZoneEngine } from '../../domain/zones/compute-zones';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { actorName, fail, findPlan, readBody, refuse } from './route-kit';
import { rulesInForce } from './rules-in-force';

/** The shortfall figures an adoption is audited with. */
function figures(check: ApprovedCheck) {
  return {
    parts: check.parts.length,
    areaM2: check.shortfallAreaM2,
    maxShortfallM: check.maxShortfallM,
    partsDetail: check.parts.map((p) => ({
      areaM2: p.properties.areaM2,
      maxShortfallM: p.properties.maxShortfallM,
    })),
  };
}

/** POST /api/plans/:id/approved/check and POST /api/plans/:id/approved/adopt. */
export function approvedRoutes(deps: ServerDeps, engine: () => Promise<ZoneEngine>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const check = async (planRiver: string | null, features: readonly Feature[]) => {
    const fc: FeatureCollection = withPlanRiver(features, planRiver);
    return (await engine()).checkApproved(fc, await rulesInForce(deps.store));
  };

  app.post('/api/plans/:id/approved/check', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { record } = found.plan.row;
    if (!canViewDraft(actorOf(c), record))
      return refuse(c, msg('common.what.seeDrafts', { plan: record.id }));
    const body = await readBody(c, checkApprovedBody);
    if (!body.ok) return body.response;
    const asked = body.value.version;
    const version =
      asked === undefined
        ? await deps.store.latestGeometry(record.id)
        : await deps.store.getGeometry(record.id, asked);
    if (!version)
      return fail(
        c,
        404,
        msg('server.geometry.noVersion', { plan: record.id, version: asked ?? 0 }),
      );
    const out = await check(record.riverId, version.features);
    if (!out.ok)
      return fail(c, 400, out.errors[0] ?? msg('adopted.check.none'), { reasons: out.errors });
    return c.json({ version: version.version, checks: out.checks }, 200, {
      'cache-control': 'no-store',
    });
  });

  app.post('/api/plans/:id/approved/adopt', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { record } = found.plan.row;
    if (!canEditGeometry(actorOf(c), record))
      return refuse(c, msg('common.what.edit', { plan: record.id }));
    const body = await readBody(c, adoptBody);
    if (!body.ok) return body.response;
    const { reach, baseVersion } = body.value;
    const reason = body.value.reason?.trim() ?? '';
    const latest = await deps.store.latestGeometry(record.id);
    if (!latest || latest.version !== baseVersion)
      return fail(
        c,
        409,
        msg('adopted.adopt.stale', { plan: record.id, version: latest?.version ?? 0 }),
        { field: 'baseVersion' },
      );
    const isApproved = (f: Feature) =>
      f.properties?.role === APPROVED_ROLE && f.properties?.reach === reach;
    const approvedFeatures = latest.features.filter(isApproved);
    if (approvedFeatures.length !== 1)
      return fail(c, 400, msg('adopted.adopt.noBoundary', { plan: record.id, reach }), {
        field: 'reach',
      });
    const target = approvedFeatures[0] as Feature;
    const today = new Date(deps.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const approval = readApproval(target.properties, today);
    if (!approval.ok)
      return fail(c, 400, approval.errors[0] ?? msg('adopted.approval.ref'), {
        reasons: approval.errors,
      });
    // checked with adoption undone: the standard's range against the polygon itself
    const unadopted = latest.features.map((f) =>
      isApproved(f) ? { ...f, properties: { ...f.properties, adopted: false } } : f,
    );
    const out = await check(record.riverId, unadopted);
    if (!out.ok)
      return fail(c, 400, out.errors[0] ?? msg('adopted.check.none'), { reasons: out.errors });
    const result = out.checks.find((k) => k.reach === reach) as ApprovedCheck;
    if (result.parts.length > 0 && reason === '')
      return fail(
        c,
        400,
        msg('adopted.adopt.needsReason', {
          parts: result.parts.length,
          area: result.shortfallAreaM2,
          max: result.maxShortfallM,
        }),
        { field: 'reason', shortfall: figures(result) },
      );
    const at = deps.clock().toISOString();
    const features = latest.features.map((f) =>
      isApproved(f)
        ? {
            ...f,
            properties: {
              ...f.properties,
              adopted: true,
              adoptedBy: actorName(c),
              adoptedAt: at,
              ...(reason === '' ? {} : { adoptedReason: reason }),
              adoptedShortfallM: result.maxShortfallM,
              adoptedShortfallM2: result.shortfallAreaM2,
            },
          }
        : f,
    );
    const saved = await deps.store.saveGeometry(
      record.id,
      baseVersion,
      features,
      actorName(c),
      `adopt ${approval.approval.category} ${approval.approval.approvalRef}`,
    );
    if (!saved.ok)
      return fail(c, 409, msg('adopted.adopt.stale', { plan: record.id, version: baseVersion }), {
        field: 'baseVersion',
      });
    await deps.store.appendAudit(actorName(c), 'plan.adopt-boundary', record.id, {
      reach,
      version: saved.version.version,
      approval: approval.approval,
      override: result.parts.length > 0,
      reason: reason === '' ? null : reason,
      shortfall: figures(result),
    });
    return c.json({ version: saved.version.version, check: result }, 201);
  });

  return app;
}
