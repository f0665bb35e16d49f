// The time series of the dashboard: plans published (cumulative) against the plans due by the
// register's deadline tiers, and km of management line (drafts and published), each with its table.
import type { ReactNode } from 'react';
import { DashTable, Legend, LineChart, PlainRows } from './charts';
import { useProgressT } from './messages-progress';
import type { PublishedPoint } from './progress-series';
import { type ExportTable, TableExport } from './table-export';

/** A section's heading, export, chart and its table (folded: a row per month). */
function TrendSection(props: {
  id: string;
  title: string;
  table: ExportTable;
  now: string;
  chart: ReactNode;
  legend: ReactNode;
}) {
  const t = useProgressT();
  return (
    <section className={`dash-section ${props.id}`} aria-labelledby={`sec-${props.id}`}>
      <div className="dash-head">
        <h3 id={`sec-${props.id}`}>{props.title}</h3>
        <TableExport table={props.table} now={props.now} />
      </div>
      {props.chart}
      {props.legend}
      <details className="table-fold">
        <summary>{t('showTable')}</summary>
        <DashTable label={t('showTable')} columns={props.table.columns}>
          <PlainRows rows={props.table.rows} />
        </DashTable>
      </details>
    </section>
  );
}

const GREEN = '#237a34';
const GREY = '#58636f';
const BLUE = '#4292c6';

export function PublishedSection(props: {
  points: readonly PublishedPoint[];
  tiers: readonly string[];
  now: string;
}) {
  const t = useProgressT();
  const months = props.points.map((p) => p.month);
  const table: ExportTable = {
    sheet: t('publishedSheet'),
    title: t('secPublished'),
    columns: [t('month'), t('publishedLine'), t('dueLine')],
    rows: props.points.map((p) => [p.month, p.published, p.due]),
  };
  const series = [
    {
      key: 'published',
      label: t('publishedLine'),
      colour: GREEN,
      values: props.points.map((p) => p.published),
    },
    {
      key: 'due',
      label: t('dueLine'),
      colour: GREY,
      values: props.points.map((p) => p.due),
      step: true,
      dashed: true,
    },
  ];
  const last = props.points.at(-1);
  return (
    <TrendSection
      id="published"
      title={t('secPublished')}
      table={table}
      now={props.now}
      chart={
        <LineChart
          title={
            last
              ? `${t('secPublished')}：${t('publishedPoint', { month: last.month, n: last.published, due: last.due })}`
              : t('secPublished')
          }
          months={months}
          series={series}
          marks={props.tiers.map((tier) => ({ month: tier, label: tier }))}
        />
      }
      legend={<Legend items={series} />}
    />
  );
}

export function KmSection(props: {
  points: readonly { month: string; draft: number; published: number }[];
  now: string;
}) {
  const t = useProgressT();
  const table: ExportTable = {
    sheet: t('kmSheet'),
    title: t('secKm'),
    columns: [t('month'), t('kmDraft'), t('kmPublished')],
    rows: props.points.map((p) => [p.month, p.draft, p.published]),
  };
  const series = [
    {
      key: 'draft',
      label: t('kmDraft'),
      colour: BLUE,
      values: props.points.map((p) => p.draft),
      dashed: true,
    },
    {
      key: 'published',
      label: t('kmPublished'),
      colour: GREEN,
      values: props.points.map((p) => p.published),
    },
  ];
  const last = props.points.at(-1);
  return (
    <TrendSection
      id="km"
      title={t('secKm')}
      table={table}
      now={props.now}
      chart={
        <LineChart
          title={
            last
              ? `${t('secKm')}：${t('kmPoint', { month: last.month, draft: last.draft, published: last.published })}`
              : t('secKm')
          }
          months={props.points.map((p) => p.month)}
          series={series}
        />
      }
      legend={<Legend items={series} />}
    />
  );
}
