import { renderMessage } from '../../contract/messages/render';
// 导出 Excel of the register: the plans as filtered and sorted on screen, with the columns the table
// shows (stage and status included), a title row with the export date, a styled header row.
import { mapStatusMessage } from '../../domain/rivers/map-status';
import type { RiverView } from '../../domain/rivers/waterbody';
import { chinaDate, deliverableStem } from '../../domain/text/file-stem';
import { stageLabel } from '../../domain/workflow/stages';
import type { ApiPlan } from '../api';
import { fill, type Lang, levelLabel, type T, useLang } from '../i18n';
import { en, zh } from './messages-register-export';
import './register-export.css';

const DICT = { zh, en } as const;
type Key = keyof typeof zh;

/** The columns of the register table, in its order (plan-table.tsx); the map column as 上图. */
const COLUMNS = [
  'seq',
  'name',
  'basinArea',
  'chief',
  'unit',
  'leader',
  'deadline',
  'stage',
  'status',
  'map',
] as const;

/** The status badge's words (status-badge.tsx): 已公告, 逾期 n 天, 剩 n 天. */
function statusText(p: ApiPlan, t: T): string {
  if (p.stage === 'published') return t('publishedDone');
  return p.overdue ? t('overdueDays', { n: p.daysPastDue }) : t('dueIn', { n: -p.daysPastDue });
}

/** The map column: the river's map status in full (the table's badge title, `mapStatusMessage`). */
function mapText(river: RiverView | undefined, lang: Lang): string {
  return renderMessage(mapStatusMessage(river?.mapStatus ?? 'unmapped'), lang);
}

/** One plan as a row of the table, as the screen shows it. */
function rowOf(p: ApiPlan, river: RiverView | undefined, t: T, lang: Lang) {
  return [
    `${levelLabel(p.level, lang)} ${p.seq}`,
    p.name,
    p.basinAreaKm2,
    p.chief,
    p.unit,
    p.leader,
    lang === 'zh' ? p.deadline : p.deadlineMonth,
    stageLabel(p.stage, lang),
    statusText(p, t),
    mapText(river, lang),
  ];
}

function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The register's 导出 Excel button: the rows shown, in the order shown, to one xlsx file. */
export function RegisterExport(props: {
  plans: readonly ApiPlan[];
  rivers: ReadonlyMap<string, RiverView>;
  /** the server's today (ISO): the export date */
  now: string;
}) {
  const { t, lang } = useLang();
  const say = (key: Key, vars?: Record<string, string | number>) => fill(DICT[lang][key], vars);
  const run = async () => {
    // the xlsx writer (and its zip) loads on the first export, not with the register
    const { tableWorkbook } = await import('../../domain/formats/xlsx/table-workbook');
    const at = new Date(props.now);
    const day = chinaDate(at);
    const date = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`;
    const bytes = tableWorkbook(
      {
        sheet: say('registerExportSheet'),
        title: say('registerExportHeading', { date }),
        columns: COLUMNS.map((c) => t(c)),
        rows: props.plans.map((p) => rowOf(p, props.rivers.get(p.riverId), t, lang)),
      },
      at,
    );
    download(`${deliverableStem({ river: '钦州市', content: '计划表', at })}.xlsx`, bytes);
  };
  return (
    <button
      type="button"
      className="secondary register-export"
      title={say('registerExportTitle', { n: props.plans.length })}
      disabled={props.plans.length === 0}
      onClick={() => void run()}
    >
      {say('registerExport')}
    </button>
  );
}
