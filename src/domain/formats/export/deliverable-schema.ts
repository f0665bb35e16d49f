// The Chinese deliverable schema (交付字段): what the bureau's GIS desktop shows of an export. Field
// names fit a DBF's 10 bytes in GBK (≤ 5 Chinese characters); values are words, not ids.

import type { Feature, FeatureCollection } from 'geojson';
import type { Message } from '../../message';
import { reachesInOrder, reachLabel } from '../../plans/reach-label';
import { WORK_TYPES, type WorkType, workTypeName } from '../../works/work-types';

/** Which schema an export writes: Chinese field names and values (default), or the internal one. */
export type ExportSchema = 'zh' | 'en';

/**
 * The text encoding an export starts with: GBK for a Chinese shapefile (5 Chinese characters fit the
 * DBF's 10-byte field name, and Chinese GIS desktops read it), UTF-8 for everything else (a CSV
 * carries a BOM, which Excel reads).
 * @example defaultEncoding('shp', 'zh') // 'gbk'
 * @example defaultEncoding('csv', 'zh') // 'utf-8'
 */
export function defaultEncoding(formatId: string, schema: ExportSchema): 'gbk' | 'utf-8' {
  return schema === 'zh' && formatId === 'shp' ? 'gbk' : 'utf-8';
}

/** Every schema, the default first. */
export const EXPORT_SCHEMAS: readonly ExportSchema[] = ['zh', 'en'];

/** What names the river and the reaches of a Chinese export. */
export interface SchemaNaming {
  /** the river's name (钦江); null: the features' own `river` values are kept */
  river: string | null;
  /** renders a message in Chinese (a reach label: 城区段, 第 2 段) */
  render: (m: Message) => string;
}

/** Internal property key → Chinese field name (≤ 10 bytes in GBK). */
const FIELDS: Readonly<Record<string, string>> = {
  river: '河流',
  reach: '河段',
  kind: '类型',
  markerType: '类别',
  id: '编号',
  line: '线别',
  bank: '岸别',
  seq: '序号',
  chainageM: '里程米',
  lon: '经度',
  lat: '纬度',
  x: 'X坐标',
  y: 'Y坐标',
  crs: '坐标系',
  ruleId: '规则',
  ruleVersion: '规则版本',
  legalBasis: '依据',
  leftKind: '左岸线别',
  leftClass: '左堤防级别',
  leftWidthM: '左管理宽度',
  leftProtectionM: '左保护宽度',
  rightKind: '右岸线别',
  rightClass: '右堤防级别',
  rightWidthM: '右管理宽度',
  rightProtectionM: '右保护宽度',
  embankmentClass: '堤防级别',
  widthM: '管理宽度',
  protectionM: '保护宽度',
  offsetM: '外扩距离',
  areaM2: '面积平方米',
  perimeterM: '周长米',
  lengthM: '长度米',
  quadrantSegments: '圆弧分段',
  sample: '示例',
  moved: '已移动',
  role: '线类型',
  workType: '工程类型',
  name: '名称',
  rangeSet: '范围已设',
};

/** Internal value → Chinese value, per property key. */
const VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kind: {
    management: '管理范围',
    protection: '保护范围',
    'management-line': '管理范围线',
    'protection-line': '保护范围线',
    main: '主桩',
    bend: '加密桩(弯道)',
    end: '端点桩',
    interval: '间隔桩',
    work: '涉水工程',
  },
  markerType: { boundary: '界桩', 'notice-board': '公告牌' },
  line: { management: '管理范围线', protection: '保护范围线' },
  bank: { left: '左岸', right: '右岸' },
  leftKind: { toe: '堤脚线', bank: '临水线' },
  rightKind: { toe: '堤脚线', bank: '临水线' },
  role: {
    'toe-left': '左岸堤脚线',
    'toe-right': '右岸堤脚线',
    'bank-left': '左岸临水线',
    'bank-right': '右岸临水线',
    water: '水域',
  },
};

/** The Chinese value of one property (booleans 是/否; mapped words; anything else as it is). */
function chineseValue(key: string, v: unknown): unknown {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return VALUES[key]?.[v] ?? v;
  return v;
}

/**
 * The features with their river named (钦江, not an id or pinyin) and each reach as people read it
 * (城区段, 第 2 段, via `reachLabel`; `reachName` is folded into `reach`). Keys stay internal, so
 * every writer (coordinate tables, DXF, KML) still finds them. The input is not modified.
 * @example nameRiverAndReaches(zones, { river: '钦江', render }) // reach 'reach-1' → '城区段'
 */
export function nameRiverAndReaches(fc: FeatureCollection, n: SchemaNaming): FeatureCollection {
  const reaches = new Map(
    reachesInOrder(fc.features).map((r) => [
      r.id,
      n.render(reachLabel({ river: null, name: r.name, index: r.index })),
    ]),
  );
  const features = fc.features.map((f): Feature => {
    const p: Record<string, unknown> = { ...f.properties };
    delete p.reachName;
    if (typeof p.reach === 'string') p.reach = reaches.get(p.reach) ?? p.reach;
    if (n.river !== null && 'river' in p) p.river = n.river;
    // a work's type as the bureau names it (泵站, 水文站), from the works' catalog
    if (p.kind === 'work' && WORK_TYPES.includes(p.workType as WorkType))
      p.workType = n.render(workTypeName(p.workType as WorkType));
    return { ...f, properties: p };
  });
  return { ...fc, features };
}

/**
 * The features with Chinese field names and values (管理范围, 左岸, 3 级 stays 3); keys Hejie does
 * not know (a surveyor's own attributes) are kept as they are. The input is not modified.
 * @example chineseFields(zones).features[0].properties // { 河流: '钦江', 类型: '管理范围', 面积平方米: 1234.5, … }
 */
export function chineseFields(fc: FeatureCollection): FeatureCollection {
  const features = fc.features.map(
    (f): Feature => ({
      ...f,
      properties: Object.fromEntries(
        Object.entries(f.properties ?? {}).map(([k, v]) => [FIELDS[k] ?? k, chineseValue(k, v)]),
      ),
    }),
  );
  return { ...fc, features };
}
