// What the documents of a publication are built from, read once per request from the store, the
// settings in force and the bundled county boundaries; and the document models built from them.
import type { Feature, FeatureCollection } from 'geojson';
import type { ApiSettings } from '../../contract/accounts';
import { renderMessage } from '../../contract/messages/render';
import { CRS, zoneOfPositions } from '../../domain/crs/crs';
import { buildBoardDocument } from '../../domain/documents/build-board-document';
import { buildNoticeDocument, type NoticeTier } from '../../domain/documents/build-notice-document';
import { describePlaces } from '../../domain/documents/describe-places';
import type { DocumentModel } from '../../domain/documents/document-model';
import {
  buildCoordinateTables,
  type CoordinateTable,
} from '../../domain/formats/tables/coordinate-table';
import type { Message } from '../../domain/message';
import { buildNotice, type PublicNotice } from '../../domain/notice/build-notice';
import type { PlanRecord } from '../../domain/plans/plan';
import type {
  AcceptanceRecord,
  Consultation,
  DisplayPeriod,
  PublicOpinion,
  Reply,
} from '../../domain/review/review-types';
import { listWorks, type WorkRow } from '../../domain/works/list-works';
import { workFeatures } from '../../domain/works/work-features';
import type { RuleTable } from '../../domain/zones/rules';
import type { ServerDeps } from '../auth/context';
import { publicGeoOf } from '../public-geo';
import { ruleTableOf } from '../routes/rules-in-force';
import { settingsInForce } from '../settings-in-force';
import type { AuditEntry, Publication } from '../store/store';

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

/** The documents are in Chinese: their messages are said in zh. */
const zh = (m: Message): string => renderMessage(m, 'zh');

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
    geo: publicGeoOf(deps.geodata.dir),
  });
  const version = await deps.store.getGeometry(record.id, publication.version);
  const places = describePlaces(notice.reaches, version?.features ?? [], zh);
  const key = documentsKey(record.id, publication.etag, settings);
  return { record, publication, rules, notice, settings, places, key };
}

/**
 * What a publication's documents depend on: the plan, the publication (its ETag) and the settings
 * they print. Known from the tag and the settings alone, before the publication is read.
 */
export function documentsKey(planId: string, etag: string, settings: ApiSettings): string {
  const printed = [
    settings.noticeAuthority,
    settings.supervisionPhone,
    settings.supervisingUnit,
    settings.prohibitedActs,
    settings.noticeBoard,
  ];
  return `${planId}|${etag}|${JSON.stringify(printed)}`;
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
    render: zh,
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
    render: zh,
  });
}

/**
 * What the archive reads besides the publication, as plain data (it is built in a worker, which has
 * no store): the review records, the uploaded acceptance PDFs (by their name in the archive) and
 * the plan's audit entries up to the publication.
 */
export interface ArchiveRecords {
  rounds: Consultation[];
  replies: Reply[];
  displays: DisplayPeriod[];
  opinions: PublicOpinion[];
  acceptances: AcceptanceRecord[];
  acceptanceFiles: [string, Uint8Array][];
  audit: AuditEntry[];
  /** the published version's works inside the river (涉水工程), for the works table */
  works: WorkRow[];
  /** the same works as features of the 数据/ exports: type, name, whether the range is set */
  workFeatures: Feature[];
}

/** The archive's records of a publication, read from the store and the file store. */
export async function loadArchiveRecords(
  deps: ServerDeps,
  ctx: PublicationContext,
): Promise<ArchiveRecords> {
  const planId = ctx.record.id;
  const at = ctx.publication.publishedAt;
  const [rounds, replies, displays, opinions, acceptances, audit, version] = await Promise.all([
    deps.store.listConsultations(planId),
    deps.store.listReplies(planId),
    deps.store.listDisplays(planId),
    deps.store.listPublicOpinions(planId),
    deps.store.listAcceptances(planId),
    deps.store.listAudit(planId),
    deps.store.getGeometry(planId, ctx.publication.version),
  ]);
  const published: FeatureCollection = {
    type: 'FeatureCollection',
    features: version?.features ?? [],
  };
  const works = listWorks(published, ctx.rules.works);
  const workFeaturesOf = workFeatures(published, ctx.rules.works);
  const acceptanceFiles: [string, Uint8Array][] = [];
  for (const a of acceptances.filter((r) => r.recordedAt <= at)) {
    const bytes = await deps.files.get(a.file.sha256);
    if (bytes) acceptanceFiles.push([`验收文件-${a.id}-${a.file.sha256.slice(0, 12)}.pdf`, bytes]);
  }
  const upTo = audit.filter((e) => e.at <= at);
  return {
    rounds,
    replies,
    displays,
    opinions,
    acceptances,
    acceptanceFiles,
    audit: upTo,
    works,
    workFeatures: workFeaturesOf,
  };
}
