// What the documents of a publication are built from, read once per request from the store, the
// settings in force and the bundled county boundaries; and the document models built from them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ApiSettings } from '../../contract/accounts';
import { CRS, zoneOfPositions } from '../../domain/crs/crs';
import { buildBoardDocument } from '../../domain/documents/build-board-document';
import { buildNoticeDocument, type NoticeTier } from '../../domain/documents/build-notice-document';
import { type CountyArea, describePlaces } from '../../domain/documents/describe-places';
import type { DocumentModel } from '../../domain/documents/document-model';
import {
  buildCoordinateTables,
  type CoordinateTable,
} from '../../domain/formats/tables/coordinate-table';
import { buildNotice, type PublicNotice } from '../../domain/notice/build-notice';
import type { PlanRecord } from '../../domain/plans/plan';
import type { RuleTable } from '../../domain/zones/rules';
import type { ServerDeps } from '../auth/context';
import { ruleTableOf } from '../routes/rules-in-force';
import { settingsInForce } from '../settings-in-force';
import type { Publication } from '../store/store';

/** A publication with everything its documents read. */
export interface PublicationContext {
  record: PlanRecord;
  publication: Publication;
  rules: RuleTable;
  notice: PublicNotice;
  settings: ApiSettings;
  places: ReturnType<typeof describePlaces>;
  /** a key over the publication and the settings the documents print */
  key: string;
}

const counties = new Map<string, CountyArea[]>();

/** The bundled county boundaries (geodata/counties.geojson), read once per folder. */
function countiesOf(dir: string): CountyArea[] {
  const hit = counties.get(dir);
  if (hit) return hit;
  const fc = JSON.parse(readFileSync(join(dir, 'counties.geojson'), 'utf8')) as FeatureCollection;
  const list = fc.features
    .filter(
      (f): f is Feature<Polygon | MultiPolygon> =>
        f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
    )
    .map((f) => ({ name: String(f.properties?.name ?? ''), geometry: f.geometry }));
  counties.set(dir, list);
  return list;
}

/** The newest publication of a plan and what its documents read, or null before publication. */
export async function loadPublication(
  deps: ServerDeps,
  record: PlanRecord,
): Promise<PublicationContext | null> {
  const [publication, stored] = await Promise.all([
    deps.store.getPublication(record.id),
    deps.store.getSettings(),
  ]);
  if (!publication) return null;
  const settings = settingsInForce(stored);
  const rules = ruleTableOf({ rules: publication.rules });
  const river = deps.geodata.waterbodies.find((w) => w.id === record.riverId)?.name ?? record.name;
  const notice = buildNotice({
    planId: record.id,
    river,
    plan: record.name,
    version: publication.version,
    publishedAt: publication.publishedAt,
    zones: publication.zones,
    markers: publication.markers,
    rules,
    authority: settings.noticeAuthority,
    supervisionPhone: settings.supervisionPhone,
  });
  const version = await deps.store.getGeometry(record.id, publication.version);
  const places = describePlaces(
    notice.reaches,
    countiesOf(deps.geodata.dir),
    version?.features ?? [],
  );
  const printed = [
    settings.noticeAuthority,
    settings.supervisionPhone,
    settings.supervisingUnit,
    settings.prohibitedActs,
    settings.noticeBoard,
  ];
  const key = `${record.id}|${publication.etag}|${JSON.stringify(printed)}`;
  return { record, publication, rules, notice, settings, places, key };
}

/** The coordinate tables of a publication's markers in its GK zone (empty without markers). */
export function coordinateTablesOf(p: Publication): CoordinateTable[] {
  const points = p.markers.features.flatMap((f) =>
    f.geometry?.type === 'Point' ? [f.geometry.coordinates] : [],
  );
  if (points.length === 0) return [];
  const tables = buildCoordinateTables(p.markers, CRS[zoneOfPositions(points).code]);
  return tables.ok ? tables.tables : [];
}

/** The 公告 of a publication in a tier. */
export function noticeModel(ctx: PublicationContext, tier: NoticeTier): DocumentModel {
  return buildNoticeDocument({
    notice: ctx.notice,
    rules: ctx.rules,
    zones: ctx.publication.zones,
    markers: ctx.publication.markers,
    places: ctx.places,
    prohibitedActs: ctx.settings.prohibitedActs,
    supervisingUnit: ctx.settings.supervisingUnit,
    tier,
    coordinateTables: tier === 'full' ? coordinateTablesOf(ctx.publication) : [],
  });
}

/** The boards of a publication (or one of them), the QR codes opening `{origin}/river/{河流}`. */
export function boardsModel(
  ctx: PublicationContext,
  origin: string,
  number?: string,
): DocumentModel | null {
  return buildBoardDocument({
    notice: ctx.notice,
    zones: ctx.publication.zones,
    markers: ctx.publication.markers,
    places: ctx.places,
    prohibitedActs: ctx.settings.prohibitedActs,
    supervisingUnit: ctx.settings.supervisingUnit,
    size: ctx.settings.noticeBoard,
    riverUrl: `${origin.replace(/\/+$/, '')}/river/${encodeURIComponent(ctx.notice.river)}`,
    ...(number !== undefined ? { number } : {}),
  });
}
