// The archive (归档) of a publication: one deterministic ZIP (sorted entries, every entry timed at the
// publication) with the 公告, the map sheets and the zone figure, the coordinate tables, the data in the plan's GK zone,
// the three records with the uploaded acceptance document, the plan's audit excerpt up to the
// publication, and manifest.json (each file's path, SHA-256 and size; the publication; the rule table).
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { deliverableNaming } from '../../contract/messages/deliverable-naming';
import { renderMessage } from '../../contract/messages/render';
import { type CrsCode, projector, zoneOfPositions } from '../../domain/crs/crs';
import { buildZoneFigure } from '../../domain/documents/build-figure';
import {
  buildAcceptanceRecord,
  buildConsultationRecord,
  buildDisplayRecord,
} from '../../domain/documents/build-record-documents';
import { buildWorksTable } from '../../domain/documents/build-works-table';
import {
  A4,
  BODY_TEXT_MM,
  type DocBlock,
  type DocumentModel,
} from '../../domain/documents/document-model';
import { type ExportGeometry, mapPositions } from '../../domain/formats/common/geometry-coords';
import { exportFeatures } from '../../domain/formats/export/export-features';
import { deliverableStem } from '../../domain/text/file-stem';
import { neutraliseFormula } from '../../domain/text/neutralise-formula';
import { makeSheetsFile } from '../sheets/make-sheets';
import type { CjkFonts } from './cjk-fonts';
import { writerOf } from './document-writers';
import {
  type ArchiveRecords,
  coordinateTablesOf,
  noticeModel,
  type PublicationContext,
} from './publication-documents';

type Files = Map<string, Uint8Array>;

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** The zone figure alone, on an A4 landscape page. */
function figureModel(ctx: PublicationContext): DocumentModel {
  const page = { widthMm: A4.heightMm, heightMm: A4.widthMm, marginMm: 15 };
  const figure = buildZoneFigure(
    ctx.publication.zones,
    ctx.publication.markers,
    page.widthMm - 30,
    page.heightMm - 55,
    `${ctx.notice.river}管理范围划定成果示意图（第${ctx.publication.version}版，${ctx.notice.date}）`,
  );
  const blocks: DocBlock[] = [
    { kind: 'title', text: `${ctx.notice.river}管理范围划定成果图` },
    ...(figure ? [figure] : []),
  ];
  return {
    title: `${ctx.notice.river}管理范围划定成果图`,
    page,
    textMm: BODY_TEXT_MM * 0.8,
    face: 'sans',
    layout: 'flow',
    blocks,
  };
}

/** The coordinate tables as a document (the 公告's annex on its own). */
function tablesModel(ctx: PublicationContext): DocumentModel {
  const full = noticeModel(ctx, 'full');
  const annex = full.blocks.slice(full.blocks.findIndex((b) => b.kind === 'pageBreak') + 1);
  return {
    ...full,
    title: '界桩坐标成果表',
    blocks: [{ kind: 'title', text: `${ctx.notice.river}界桩坐标成果表` }, ...annex.slice(1)],
  };
}

/** The zones and markers in the plan's GK zone as GeoJSON naming its CRS (not RFC 7946: projected). */
function gkGeoJson(fc: FeatureCollection, code: CrsCode): Uint8Array {
  const proj = projector(code);
  const round = (p: Position): Position => proj.forward(p).map((v) => Math.round(v * 1000) / 1000);
  const out = {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${code.slice(5)}` } },
    features: fc.features.map((f) => ({
      ...f,
      geometry: mapPositions(f.geometry as ExportGeometry, round),
    })),
  };
  return strToU8(JSON.stringify(out));
}

function dataFiles(
  ctx: PublicationContext,
  files: Files,
  date: Date,
  /** the works inside the river (涉水工程): type, name, whether the range is set */
  works: readonly Feature[],
): void {
  const { zones, markers } = ctx.publication;
  const all: FeatureCollection = {
    type: 'FeatureCollection',
    features: [...zones.features, ...markers.features, ...works],
  };
  const positions = markers.features.flatMap((f) =>
    f.geometry?.type === 'Point' ? [f.geometry.coordinates] : [],
  );
  const zonePositions = zones.features.flatMap((f) =>
    f.geometry?.type === 'LineString' ? f.geometry.coordinates : [],
  );
  const code = zoneOfPositions([...positions, ...zonePositions]).code;
  const stem = (content: string) =>
    deliverableStem({
      river: ctx.record.name,
      content,
      version: ctx.publication.version,
      crs: code,
      at: date,
    });
  const naming = deliverableNaming(ctx.record.name);
  for (const format of ['shp', 'dxf'] as const) {
    const out = exportFeatures(all, {
      format,
      crs: code,
      encoding: format === 'shp' ? 'gbk' : 'utf-8',
      baseName: stem('管理范围'),
      now: date,
      schema: 'zh',
      naming,
    });
    if (out.ok) for (const f of out.files) files.set(`数据/${f.name}`, f.bytes);
  }
  files.set(`数据/${stem('管理范围')}.geojson`, gkGeoJson(all, code));
  const xlsx = exportFeatures(markers, {
    format: 'xlsx',
    crs: code,
    encoding: 'utf-8',
    baseName: stem('界桩坐标成果表'),
    now: date,
    schema: 'zh',
    naming,
  });
  if (xlsx.ok) for (const f of xlsx.files) files.set(`成果表/${f.name}`, f.bytes);
}

async function recordFiles(
  ctx: PublicationContext,
  input: ArchiveRecords,
  files: Files,
  fonts: CjkFonts,
  date: Date,
): Promise<void> {
  const about = { planName: ctx.record.name, publishedAt: ctx.publication.publishedAt };
  const records: [string, DocumentModel][] = [
    ['征求意见记录', buildConsultationRecord(about, input.rounds, input.replies)],
    ['公示记录', buildDisplayRecord(about, input.displays, input.opinions)],
    ['验收记录', buildAcceptanceRecord(about, input.acceptances)],
  ];
  for (const [name, model] of records)
    for (const id of ['xlsx', 'pdf'] as const)
      files.set(`记录/${name}.${id}`, await writerOf(id).write(model, fonts, date));
  for (const [name, bytes] of input.acceptanceFiles) files.set(`记录/${name}`, bytes);
}

function auditFile(entries: ArchiveRecords['audit']): Uint8Array {
  const rows = [
    ['id', 'at', 'actor', 'action', 'target', 'detail'],
    ...entries.map((e) => [
      String(e.id),
      e.at,
      e.actor,
      e.action,
      e.target,
      JSON.stringify(e.detail ?? null),
    ]),
  ];
  const field = (v: string) => {
    const t = neutraliseFormula(v);
    return /[",\r\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
  };
  return strToU8(`\ufeff${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`);
}

/**
 * 图件: the map sheets (成果图, 1:2000 on A3, the full set with grid values) with their index sheet,
 * and the zone figure on one page; the figure alone when the sheets cannot be drawn (it says why
 * nowhere else, so the reasons go into a text file beside it).
 */
async function drawings(
  ctx: PublicationContext,
  files: Files,
  fonts: CjkFonts,
  geodataDir: string,
): Promise<void> {
  const river = ctx.notice.river;
  const date = new Date(ctx.publication.publishedAt);
  files.set(
    `图件/${river}管理范围示意图.pdf`,
    await writerOf('pdf').write(figureModel(ctx), fonts, date),
  );
  const { publication: p, record } = ctx;
  const sheets = await makeSheetsFile(
    {
      features: [...p.zones.features, ...p.markers.features],
      geodataDir,
      riverId: record.riverId,
      planName: record.name,
      unit: record.unit,
      at: p.publishedAt,
      version: `第 ${p.version} 版 · ${p.etag.replace(/\W/g, '').slice(0, 8)}`,
      what: {},
    },
    fonts,
  );
  if (sheets.ok) files.set(`图件/${river}管理范围划定成果图.pdf`, sheets.pdf);
  else
    files.set(
      '图件/成果图未能生成.txt',
      strToU8(`${sheets.errors.map((e) => renderMessage(e, 'zh')).join('\n')}\n`),
    );
}

/**
 * The archive ZIP of a publication; the same publication and settings give the same bytes.
 * @example await buildArchive(ctx, await loadArchiveRecords(deps, ctx), fonts) // Uint8Array (PK…)
 */
export async function buildArchive(
  ctx: PublicationContext,
  input: ArchiveRecords,
  fonts: CjkFonts,
  geodataDir: string,
): Promise<Uint8Array> {
  const date = new Date(ctx.publication.publishedAt);
  const files: Files = new Map();
  const river = ctx.notice.river;
  files.set(
    `公告/${river}管理范围划定成果公告.docx`,
    await writerOf('docx').write(noticeModel(ctx, 'full'), fonts, date),
  );
  files.set(
    `公告/${river}管理范围划定成果公告.pdf`,
    await writerOf('pdf').write(noticeModel(ctx, 'full'), fonts, date),
  );
  await drawings(ctx, files, fonts, geodataDir);
  if (coordinateTablesOf(ctx.publication).length > 0)
    files.set(
      '成果表/界桩坐标成果表.pdf',
      await writerOf('pdf').write(tablesModel(ctx), fonts, date),
    );
  const works = buildWorksTable(ctx.record.name, input.works, (m) => renderMessage(m, 'zh'));
  if (works)
    for (const id of ['xlsx', 'pdf'] as const)
      files.set(`成果表/涉水工程表.${id}`, await writerOf(id).write(works, fonts, date));
  dataFiles(ctx, files, date, input.workFeatures);
  await recordFiles(ctx, input, files, fonts, date);
  files.set(`审计/${ctx.record.id}-审计记录.csv`, auditFile(input.audit));
  const names = [...files.keys()].sort();
  const manifest = {
    plan: ctx.record.id,
    river,
    publication: {
      version: ctx.publication.version,
      etag: ctx.publication.etag,
      publishedAt: ctx.publication.publishedAt,
      date: ctx.notice.date,
      publishedBy: ctx.publication.publishedBy,
    },
    rules: ctx.rules,
    files: names.map((path) => ({
      path,
      sha256: sha256(files.get(path) as Uint8Array),
      size: (files.get(path) as Uint8Array).length,
    })),
  };
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const n of names) entries[n] = [files.get(n) as Uint8Array, { mtime: date }];
  entries['manifest.json'] = [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { mtime: date }];
  return zipSync(entries, { level: 6 });
}
