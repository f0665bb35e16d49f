// GET /api/zones (published, public; or a plan's draft, authorised) and the published markers'
// coordinate table GET /api/plans/:id/markers.csv (and one marker's, GET /api/plans/:id/markers/:number).
import { Hono } from 'hono';
import { noQuery } from '../../contract/accounts';
import { deliverableNaming } from '../../contract/messages/deliverable-naming';
import { langOfAcceptLanguage } from '../../contract/messages/lang';
import { renderMessage } from '../../contract/messages/render';
import { zonesQuery } from '../../contract/versions';
import { canSeeCoordinates, canViewDraft } from '../../domain/access/permissions';
import type { CrsCode } from '../../domain/crs/crs';
import { exportFeatures } from '../../domain/formats/export/export-features';
import { type Message, msg } from '../../domain/message';
import type { PlanRecord } from '../../domain/plans/plan';
import { deliverableStem } from '../../domain/text/file-stem';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { sendCached } from '../cached-body';
import type { Publication } from '../store/store';
import type { PublicZones } from './public-zones';
import { computeRefused, disposition, fail, findPlan, readQuery, refuse } from './route-kit';
import { rulesInForce } from './rules-in-force';

/** Parsed versions kept for draft zones. */
const RECENT_VERSIONS = 4;

/** Coordinate tables kept, one per publication. */
const CACHED_TABLES = 64;

type MarkerTable =
  | { ok: true; text: string; version: number; crs: CrsCode }
  | { ok: false; errors: Message[] };

/** A publication's markers as one UTF-8 CSV (the coordinate tables one after another, one BOM). */
function buildMarkerTable(planId: string, river: string, publication: Publication): MarkerTable {
  const out = exportFeatures(publication.markers, {
    format: 'csv',
    crs: 'auto',
    encoding: 'utf-8',
    baseName: planId,
    schema: 'zh',
    naming: deliverableNaming(river),
  });
  if (!out.ok) return out;
  // one file per table (management/protection markers, notice boards): one download, one BOM
  // (TextDecoder drops each file's own)
  const text = out.files
    .map((f, i) => `${i === 0 ? '\ufeff' : ''}${new TextDecoder().decode(f.bytes)}`)
    .join('\r\n');
  return { ok: true, text, version: publication.version, crs: out.crs };
}

/** The zone and coordinate routes. */
export function zoneRoutes(deps: ServerDeps, publicZones: PublicZones): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Versions never change: a few recent ones stay parsed, so that parallel drafts of a large plan
  // read and parse its features once (3 MB of JSON costs the request thread ~80 ms each time).
  // (kept as JSON text too: the text crosses to a worker as one copy)
  const recent = new Map<string, { version: number; json: string }>();
  const newestVersion = async (planId: string) => {
    const newest = (await deps.store.listVersions(planId))[0];
    if (!newest) return null;
    const key = `${planId}\u0000${newest.version}`;
    const kept = recent.get(key);
    if (kept) return kept;
    const read = await deps.store.getGeometry(planId, newest.version);
    if (!read) return null;
    const version = { version: read.version, json: JSON.stringify(read.features) };
    recent.set(key, version);
    if (recent.size > RECENT_VERSIONS) recent.delete(recent.keys().next().value as string);
    return version;
  };

  app.get('/api/zones', async (c) => {
    const query = readQuery(c, zonesQuery);
    if (!query.ok) return query.response;
    const planId = query.value.plan;
    if (planId !== undefined) {
      const row = await deps.store.getPlan(planId);
      if (!row) return fail(c, 404, msg('common.noPlan', { id: planId }));
      if (!canViewDraft(actorOf(c), row.record))
        return refuse(c, msg('common.what.seeDrafts', { plan: planId }));
      const latest = await newestVersion(planId);
      if (!latest) return fail(c, 404, msg('zones.noGeometryYet', { plan: planId }));
      const outcome = await deps.compute.draftZones(
        latest.json,
        { river: row.record.riverId, rules: await rulesInForce(deps.store) },
        { plan: planId, version: latest.version },
      );
      if (!outcome.ok) return computeRefused(c, outcome.why, outcome.retryAfter);
      const result = outcome.draft;
      if (!result.ok) {
        const reason = result.errors[0] ?? msg('zones.input.noReach');
        return fail(c, 400, msg('zones.cannotCompute', { version: latest.version, reason }), {
          reasons: result.errors,
        });
      }
      const lang = langOfAcceptLanguage(c.req.header('accept-language'));
      const warnings = JSON.stringify(result.warnings.map((w) => renderMessage(w, lang)));
      // the features come serialized from the worker: only the envelope is written here
      return c.body(
        `{"type":"FeatureCollection","features":${result.featuresJson},"warnings":${warnings}}`,
        200,
        { 'content-type': 'application/json', 'cache-control': 'no-store' },
      );
    }
    return sendCached(c, await publicZones.body(), 'application/geo+json');
  });

  // the coordinate table of a publication never changes: built once per publication (id + ETag)
  const tables = new Map<string, Promise<MarkerTable | null>>();
  const readTable = async (plan: PlanRecord, etag: string): Promise<MarkerTable | null> => {
    const publication = await deps.store.getPublication(plan.id);
    return publication?.etag === etag ? buildMarkerTable(plan.id, plan.name, publication) : null;
  };
  const markerTable = (plan: PlanRecord, etag: string): Promise<MarkerTable | null> => {
    const key = `${plan.id}\u0000${etag}`;
    let table = tables.get(key);
    if (!table) {
      table = readTable(plan, etag);
      tables.set(key, table);
      void table.then((t) => t ?? tables.delete(key)).catch(() => tables.delete(key));
      if (tables.size > CACHED_TABLES) tables.delete(tables.keys().next().value as string);
    }
    return table;
  };

  app.get('/api/plans/:id/markers.csv', async (c) => {
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { row } = found.plan;
    const [tag, settings] = await Promise.all([
      deps.store.publicationTag(row.record.id),
      deps.store.getSettings(),
    ]);
    const context = { publicCoordinates: settings.publicCoordinates, published: true };
    // coordinates are a permission (DOMAIN.md): 403 for everyone without it, the public included
    if (!canSeeCoordinates(actorOf(c), row.record, context)) {
      return fail(c, 403, msg('zones.coordinatesNotPublic', { plan: row.record.id }));
    }
    const table = tag && (await markerTable(row.record, tag.etag));
    if (!table) return fail(c, 404, msg('zones.notPublished', { plan: row.record.id }));
    if (!table.ok) return fail(c, 400, table.errors[0] as Message, { reasons: table.errors });
    const { text, version, crs } = table;
    const name = `${deliverableStem({ river: row.record.name, content: '界桩坐标表CSV', version, crs, at: deps.clock() })}.csv`;
    return c.body(text, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': disposition(name),
      'cache-control': 'private, no-cache',
    });
  });

  // one published marker's survey coordinates, for the map's card: the same permission as the table
  app.get('/api/plans/:id/markers/:number{[A-Za-z0-9-]+}', async (c) => {
    const query = readQuery(c, noQuery);
    if (!query.ok) return query.response;
    const found = await findPlan(c, deps);
    if (!found.ok) return found.response;
    const { record } = found.plan.row;
    const [publication, settings] = await Promise.all([
      deps.store.getPublication(record.id),
      deps.store.getSettings(),
    ]);
    const context = { publicCoordinates: settings.publicCoordinates, published: true };
    if (!canSeeCoordinates(actorOf(c), record, context)) {
      return fail(c, 403, msg('zones.coordinatesNotPublic', { plan: record.id }));
    }
    if (!publication) return fail(c, 404, msg('zones.notPublished', { plan: record.id }));
    const number = c.req.param('number');
    const marker = publication.markers.features.find((f) => f.properties?.id === number);
    if (!marker?.properties) {
      return fail(c, 404, msg('maptools.markerNotFound', { plan: record.id, number }));
    }
    const { x, y, crs, lon, lat, chainageM } = marker.properties as Record<string, unknown>;
    return c.json({ number, version: publication.version, x, y, crs, lon, lat, chainageM }, 200, {
      'cache-control': 'private, no-cache',
    });
  });

  return app;
}
