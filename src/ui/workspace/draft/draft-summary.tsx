import { useEffect, useState } from 'react';
import { PUNCT, useLang } from '../../i18n';
import { useWt } from '../messages';
import type { DraftFeature } from '../panel/plan-api';
import { loadDraftZones } from '../panel/plan-api';
import { showProblem } from '../panel/show-problem';

/** Areas of the draft's zones and lengths of its boundary lines per bank. */
export interface DraftTotals {
  managementM2: number;
  protectionM2: number;
  lines: { kind: 'management-line' | 'protection-line'; bank: 'left' | 'right'; lengthM: number }[];
}

/** Totals of draft zones (the server's or the browser's). */
export function sumDraft(features: readonly DraftFeature[]): DraftTotals {
  const totals: DraftTotals = { managementM2: 0, protectionM2: 0, lines: [] };
  for (const { properties: p } of features) {
    if (p.kind === 'management') totals.managementM2 += p.areaM2 ?? 0;
    else if (p.kind === 'protection') totals.protectionM2 += p.areaM2 ?? 0;
    else if (p.bank) {
      const line = totals.lines.find((l) => l.kind === p.kind && l.bank === p.bank);
      if (line) line.lengthM += p.lengthM ?? 0;
      else totals.lines.push({ kind: p.kind, bank: p.bank, lengthM: p.lengthM ?? 0 });
    }
  }
  return totals;
}

const hectares = (m2: number) => `${(m2 / 10_000).toFixed(2)} ha`;
const km = (m: number) => `${(m / 1000).toFixed(3)} km`;

/** The draft's summary (area, length per bank); drawing it on the map is the map adapter's part. */
export function DraftSummary({ planId, version }: { planId: string; version: number }) {
  const t = useWt();
  const [state, setState] = useState<{ totals?: DraftTotals; error?: unknown } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version is a reason to load again
  useEffect(() => {
    let live = true;
    setState(null);
    loadDraftZones(planId)
      .then((fc) => live && setState({ totals: sumDraft(fc.features) }))
      .catch((e: unknown) => live && setState({ error: e }));
    return () => {
      live = false;
    };
  }, [planId, version]);

  return (
    <section className="draft-summary" aria-labelledby="draft-summary-title">
      <h3 id="draft-summary-title">{t('draftZones', { v: version })}</h3>
      {!state && <p className="loading">{t('loading')}</p>}
      {state?.error !== undefined && <p className="problem">{showProblem(state.error, t)}</p>}
      {state?.totals && <TotalsList totals={state.totals} />}
      <p className="hint">{t('draftNotDrawn')}</p>
    </section>
  );
}

/** Areas and line lengths per bank, then any extra rows (the marker count). */
export function TotalsList(props: {
  totals: DraftTotals;
  extra?: { key: string; label: string; value: string }[];
}) {
  const { lang } = useLang();
  const t = useWt();
  const colon = PUNCT[lang].colon;
  const { totals } = props;
  return (
    <dl>
      {[
        { key: 'm', label: t('managementArea'), value: hectares(totals.managementM2) },
        { key: 'p', label: t('protectionArea'), value: hectares(totals.protectionM2) },
        ...totals.lines.map((l) => ({
          key: `${l.kind}-${l.bank}`,
          label: `${t(l.kind === 'management-line' ? 'managementLine' : 'protectionLine')}${colon}${t(l.bank === 'left' ? 'leftBank' : 'rightBank')}`,
          value: km(l.lengthM),
        })),
        ...(props.extra ?? []),
      ].map((row) => (
        <div key={row.key} className="pair" data-row={row.key}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
