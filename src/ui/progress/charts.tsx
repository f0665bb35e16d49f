// The dashboard's charts (issue 14): small SVG components, no chart library. Horizontal (stacked)
// bars whose segments are focusable buttons with a Chinese aria-label, and lines over months. Each
// chart has a fixed drawing width and scrolls sideways inside its box on a phone, never the page.
import type { KeyboardEvent, ReactNode } from 'react';
import { axisTicks, niceMax, scaleLinear } from './chart-scale';

/** A segment of a bar: its value, colour and what a screen reader says of it. */
export interface BarSegment {
  key: string;
  value: number;
  colour: string;
  label: string;
}

/** A bar (a row of the chart): its label and its segments, stacked left to right. */
export interface BarRow {
  key: string;
  label: string;
  segments: readonly BarSegment[];
}

const ROW = 28;
const BAR = 18;
const TOP = 8;
const AXIS = 22;

const onKeys = (go: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    go();
  }
};

/** The value axis at the bottom: ticks and their numbers. */
function ValueAxis(props: { ticks: number[]; x: (v: number) => number; left: number; y: number }) {
  return (
    <g className="axis">
      {props.ticks.map((t) => (
        <g key={t} transform={`translate(${props.left + props.x(t)},0)`}>
          <line y1={TOP} y2={props.y} className="grid" />
          <text y={props.y + 14} textAnchor="middle">
            {t}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * Horizontal bars, one row per entry, segments stacked; a segment with `onPick` is a button (click,
 * Enter or Space). Zero segments are not drawn.
 */
export function BarChart(props: {
  title: string;
  rows: readonly BarRow[];
  labelWidth?: number;
  width?: number;
  selected?: { row: string; segment: string } | null;
  onPick?: (row: string, segment: string) => void;
}) {
  const width = props.width ?? 640;
  const left = props.labelWidth ?? 72;
  const plot = width - left - 16;
  const totals = props.rows.map((r) => r.segments.reduce((a, s) => a + s.value, 0));
  const top = niceMax(totals.reduce((a, b) => Math.max(a, b), 0));
  const x = scaleLinear(top, plot);
  const height = TOP + props.rows.length * ROW + AXIS;
  const axisY = TOP + props.rows.length * ROW;
  return (
    <ScrollBox className="chart-box" label={props.title}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a <fieldset> */}
      <svg
        className="chart bar-chart"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="group"
        aria-label={props.title}
      >
        <ValueAxis ticks={axisTicks(top)} x={x} left={left} y={axisY} />
        {props.rows.map((r, k) => {
          let at = 0;
          const y = TOP + k * ROW + (ROW - BAR) / 2;
          return (
            <g key={r.key} data-row={r.key}>
              <text x={left - 6} y={y + BAR / 2 + 4} textAnchor="end" className="row-label">
                {r.label}
              </text>
              {r.segments.map((s) => {
                if (s.value <= 0) return null;
                const x0 = x(at);
                at += s.value;
                const w = Math.max(2, x(at) - x0);
                const picked = props.selected?.row === r.key && props.selected.segment === s.key;
                const pick = props.onPick;
                const shape = {
                  'data-segment': s.key,
                  x: left + x0,
                  y,
                  width: w,
                  height: BAR,
                  fill: s.colour,
                  tabIndex: 0,
                  'aria-label': s.label,
                };
                return pick ? (
                  // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
                  <rect
                    key={s.key}
                    {...shape}
                    className={`bar pickable${picked ? ' picked' : ''}`}
                    role="button"
                    aria-pressed={picked}
                    onClick={() => pick(r.key, s.key)}
                    onKeyDown={onKeys(() => pick(r.key, s.key))}
                  >
                    <title>{s.label}</title>
                  </rect>
                ) : (
                  // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a bar is a focus stop so that its value is read, not a control
                  <rect key={s.key} {...shape} className="bar" role="img">
                    <title>{s.label}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
      </svg>
    </ScrollBox>
  );
}

/** A line of a line chart: a value per month (`step`: drawn as steps, e.g. cumulative counts due). */
export interface LineSeries {
  key: string;
  label: string;
  colour: string;
  values: readonly number[];
  step?: boolean;
  dashed?: boolean;
}

/** Lines over months, with vertical marks (e.g. the deadline tiers); the table beside it is the accessible form. */
export function LineChart(props: {
  title: string;
  months: readonly string[];
  series: readonly LineSeries[];
  marks?: readonly { month: string; label: string }[];
  width?: number;
}) {
  const width = props.width ?? 640;
  const height = 220;
  const left = 44;
  const plotW = width - left - 16;
  const plotH = height - TOP - AXIS - 20;
  const all = props.series.flatMap((s) => s.values);
  const top = niceMax(all.reduce((a, b) => Math.max(a, b), 0));
  const y = scaleLinear(top, plotH);
  const n = props.months.length;
  const xOf = (k: number) => left + (n <= 1 ? plotW / 2 : (k / (n - 1)) * plotW);
  const yOf = (v: number) => TOP + 20 + plotH - y(v);
  const path = (s: LineSeries) =>
    s.values
      .map((v, k) => {
        if (k === 0) return `M${xOf(k)},${yOf(v)}`;
        return s.step ? `H${xOf(k)}V${yOf(v)}` : `L${xOf(k)},${yOf(v)}`;
      })
      .join('');
  const yearTicks = props.months
    .map((m, k) => ({ m, k }))
    .filter(({ m }, i) => m.endsWith('-01') || i === 0);
  return (
    <ScrollBox className="chart-box" label={props.title}>
      <svg
        className="chart line-chart"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={props.title}
      >
        <g className="axis">
          {axisTicks(top, 4).map((t) => (
            <g key={t}>
              <line x1={left} x2={left + plotW} y1={yOf(t)} y2={yOf(t)} className="grid" />
              <text x={left - 6} y={yOf(t) + 4} textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          {yearTicks.map(({ m, k }) => (
            <text key={m} x={xOf(k)} y={height - 6} textAnchor="middle">
              {m.slice(0, 4)}
            </text>
          ))}
        </g>
        {props.marks?.map((mark, i) => {
          const k = props.months.indexOf(mark.month);
          if (k < 0) return null;
          // alternate rows: marks two months apart would print over each other
          const row = i % 2 === 0 ? TOP + 2 : TOP + 14;
          return (
            <g key={mark.month} className="mark">
              <line x1={xOf(k)} x2={xOf(k)} y1={row + 2} y2={yOf(0)} />
              <text x={xOf(k) + 3} y={row}>
                {mark.label}
              </text>
            </g>
          );
        })}
        {props.series.map((s) => (
          <path
            key={s.key}
            data-series={s.key}
            d={path(s)}
            fill="none"
            stroke={s.colour}
            strokeWidth={2.5}
            strokeDasharray={s.dashed ? '6 4' : undefined}
          />
        ))}
      </svg>
    </ScrollBox>
  );
}

/** The legend of a chart: a swatch and a name per colour. */
export function Legend(props: {
  items: readonly { key: string; label: string; colour: string }[];
}) {
  return (
    <ul className="chart-legend">
      {props.items.map((i) => (
        <li key={i.key}>
          <span className="swatch" style={{ background: i.colour }} aria-hidden="true" />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * A box that scrolls sideways on a narrow screen (a chart or a table): a focus stop, so the keyboard
 * can scroll it too.
 */
function ScrollBox(props: { className: string; label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by the keyboard (WCAG 2.1.1)
    <section className={props.className} tabIndex={0} aria-label={props.label}>
      {props.children}
    </section>
  );
}

/**
 * The dashboard's tables: a scrolling box, a header row of `columns`, and the body rows given as
 * children (each section's cells differ: filter buttons, 催报, expandable bases).
 */
export function DashTable(props: {
  label: string;
  columns: readonly string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <ScrollBox className="table-box" label={props.label}>
      <table className={props.className ? `dash-table ${props.className}` : 'dash-table'}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </ScrollBox>
  );
}

/** A table's body rows as written: the first value heads the row, the others are its cells. */
export function PlainRows(props: { rows: readonly (readonly (string | number | null)[])[] }) {
  return props.rows.map((r) => (
    <tr key={String(r[0])}>
      <th scope="row">{r[0]}</th>
      {r.slice(1).map((v, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
        <td key={k}>{v}</td>
      ))}
    </tr>
  ));
}
