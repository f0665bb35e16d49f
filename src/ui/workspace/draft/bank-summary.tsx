import { renderMessage } from '../../../contract/messages/render';
import './bank-summary.css';
import type { BankSetting, WidthInForce } from '../../../domain/editor/bank-settings';
import { useLang } from '../../i18n';
import { classLabel } from '../editor/problem-text';
import { useWt } from '../messages';

/**
 * Per bank, the class and the management and protection widths a draft was computed with, each
 * said to be the rule table's lower bound or set by hand.
 */
export function BankSummary({ banks }: { banks: readonly BankSetting[] }) {
  const t = useWt();
  const { lang } = useLang();
  if (banks.length === 0) return null;
  const from = (w: WidthInForce) => t(w.from === 'set' ? 'editSetByHand' : 'editLowerBound');
  const value = (b: BankSetting) => {
    if (b.kind === 'bank' && b.width)
      return t('bankSummaryBank', { w: b.width.m, wfrom: from(b.width) });
    if (b.embankmentClass === null || !b.width) return t('bankSummaryNoClass');
    const p = b.protection
      ? t('bankSummaryProtection', { p: b.protection.m, pfrom: from(b.protection) })
      : t('editNoProtection');
    return t('bankSummaryToe', {
      cls: classLabel(b.embankmentClass, t),
      w: b.width.m,
      wfrom: from(b.width),
      p,
    });
  };
  return (
    <div className="bank-summary">
      <h4>{t('bankSummary')}</h4>
      <dl>
        {banks.map((b) => (
          <div key={b.id} className="pair" data-bank={b.side ?? 'pending'}>
            <dt>
              {t('bankSummaryRow', {
                reach: renderMessage(b.reach, lang),
                side: b.side
                  ? t(b.side === 'left' ? 'leftBank' : 'rightBank')
                  : t('editSidePending'),
              })}
            </dt>
            <dd>{value(b)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
