import type { ReactNode } from 'react';
import { renderMessage } from '../../../contract/messages/render';
import { markerCountMessage } from '../../../domain/markers/count-markers';
import type { Message } from '../../../domain/message';
import { useLang } from '../../i18n';
import { useWt } from '../messages';
import type { DraftFeature } from '../panel/plan-api';
import { BankSummary } from './bank-summary';
import type { DraftResult } from './compute-draft';
import { sumDraft, TotalsList } from './draft-summary';

/**
 * A titled list of reasons (an alert for refusals, a hint for notes), messages rendered in the
 * page's language; nothing when there is none.
 */
export function ReasonList(props: {
  title: string;
  reasons: readonly (string | Message)[];
  alert?: boolean;
}) {
  const { lang } = useLang();
  if (props.reasons.length === 0) return null;
  const texts = props.reasons.map((r) => (typeof r === 'string' ? r : renderMessage(r, lang)));
  return (
    <div className={props.alert ? 'problem' : 'hint'} role={props.alert ? 'alert' : undefined}>
      {props.title}
      <ul>
        {texts.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What a computed draft came to: its areas, line lengths and marker count (then `note`), and why
 * markers could not be placed and the engine's notes; or every reason it could not be computed.
 */
export function DraftOutcome(props: { result: DraftResult; note?: ReactNode }) {
  const t = useWt();
  const { lang } = useLang();
  const { result } = props;
  if (!result.ok) return <ReasonList title={t('computeFailed')} reasons={result.errors} alert />;
  return (
    <>
      <TotalsList
        totals={sumDraft(result.zones.features as unknown as DraftFeature[])}
        extra={[
          {
            key: 'markers',
            label: t('markerCount'),
            value: renderMessage(markerCountMessage(result.markerCounts), lang),
          },
        ]}
      />
      <BankSummary banks={result.banks} />
      {props.note}
      <ReasonList title={t('markerFailed')} reasons={result.markerErrors} alert />
      <ReasonList title={t('computeWarnings')} reasons={result.warnings} />
    </>
  );
}
