// The stage funnel by unit (各单位规划所处阶段): stacked bars units × stages, and its table. A bar
// segment or a count is a filter (the plan list below shows those plans) when `onPick` is given.
import type { StageId } from '../../domain/workflow/stages';
import { useLang } from '../i18n';
import { BarChart, DashTable, Legend } from './charts';
import { useProgressT } from './messages-progress';
import { STAGE_COLOURS, STAGE_IDS, stageText, unitName } from './progress-text';
import { TableExport } from './table-export';

/** A unit's plans per stage (staff or public figures). */
interface StageCounts {
  unit: string;
  byStage: Record<StageId, number>;
}

export function FunnelSection(props: {
  units: readonly StageCounts[];
  month: string;
  now: string;
  selected: { row: string; segment: string } | null;
  onPick?: (unit: string, stage: StageId) => void;
}) {
  const t = useProgressT();
  const { lang } = useLang();
  const { units, onPick } = props;
  const total = (u: StageCounts) => STAGE_IDS.reduce((a, s) => a + u.byStage[s], 0);
  const rows = units.map((u) => ({
    key: u.unit,
    label: unitName(u.unit, lang),
    segments: STAGE_IDS.map((s) => ({
      key: s,
      value: u.byStage[s],
      colour: STAGE_COLOURS[s],
      label: t('funnelBar', {
        unit: unitName(u.unit, lang),
        stage: stageText(s, lang),
        n: u.byStage[s],
      }),
    })),
  }));
  const sums = STAGE_IDS.map((s) => units.reduce((a, u) => a + u.byStage[s], 0));
  const columns = [t('unit'), ...STAGE_IDS.map((s) => stageText(s, lang)), t('total')];
  const table = {
    sheet: t('funnelSheet'),
    title: `${t('secFunnel')}（${props.month}）`,
    columns,
    rows: [
      ...units.map((u) => [
        unitName(u.unit, lang),
        ...STAGE_IDS.map((s) => u.byStage[s]),
        total(u),
      ]),
      [t('total'), ...sums, sums.reduce((a, b) => a + b, 0)],
    ],
  };
  const count = (unit: string, s: StageId, n: number) =>
    onPick && n > 0 ? (
      <button
        type="button"
        className="link count"
        data-unit={unit}
        data-stage={s}
        aria-label={t('funnelBar', { unit: unitName(unit, lang), stage: stageText(s, lang), n })}
        onClick={() => onPick(unit, s)}
      >
        {n}
      </button>
    ) : (
      n
    );
  return (
    <section className="dash-section funnel" aria-labelledby="sec-funnel">
      <div className="dash-head">
        <h3 id="sec-funnel">{t('secFunnel')}</h3>
        <TableExport table={table} now={props.now} />
      </div>
      {onPick && <p className="hint">{t('secFunnelHint')}</p>}
      <BarChart
        title={t('secFunnel')}
        rows={rows}
        selected={props.selected}
        onPick={onPick ? (u, s) => onPick(u, s as StageId) : undefined}
      />
      <Legend
        items={STAGE_IDS.map((s) => ({
          key: s,
          label: stageText(s, lang),
          colour: STAGE_COLOURS[s],
        }))}
      />
      <DashTable label={t('showTable')} columns={columns}>
        {units.map((u) => (
          <tr key={u.unit}>
            <th scope="row">{unitName(u.unit, lang)}</th>
            {STAGE_IDS.map((s) => (
              <td key={s}>{count(u.unit, s, u.byStage[s])}</td>
            ))}
            <td>{total(u)}</td>
          </tr>
        ))}
        <tr className="sum">
          <th scope="row">{t('total')}</th>
          {sums.map((n, k) => (
            <td key={STAGE_IDS[k]}>{n}</td>
          ))}
          <td>{sums.reduce((a, b) => a + b, 0)}</td>
        </tr>
      </DashTable>
    </section>
  );
}
