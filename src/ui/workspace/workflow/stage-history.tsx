import type { StageHistoryEntry } from '../../../contract/plans';
import { stageLabel } from '../../../domain/workflow/stages';
import { isChiefStep } from '../../../domain/workflow/transitions';
import { useLang } from '../../i18n';
import { useLiveT } from '../../live/messages-live';
import { formatTime } from '../panel/show-problem';

/**
 * The plan's stage history, newest first (issue 19): who moved which stage (a chief's move reads as
 * the sign-off it is), when in China time, the version it saw, and the note typed at the move.
 */
export function StageHistory(props: { history: readonly StageHistoryEntry[] }) {
  const { lang } = useLang();
  const t = useLiveT();
  const moves = [...props.history].reverse();
  return (
    <section className="stage-history" aria-labelledby="stage-history-title">
      <h3 id="stage-history-title">
        {t('history')} <small>({moves.length})</small>
      </h3>
      {moves.length === 0 ? (
        <p className="hint">{t('historyNone')}</p>
      ) : (
        <ol className="records">
          {moves.map((m) => (
            <li key={`${m.at}-${m.from}-${m.to}`} data-move={`${m.from}>${m.to}`}>
              <span>
                <strong>
                  {isChiefStep(m.from, m.to)
                    ? t('signOff', { s: stageLabel(m.from, lang) })
                    : `${stageLabel(m.from, lang)} → ${stageLabel(m.to, lang)}`}
                </strong>{' '}
                <span className="sub">
                  {t('historyBy', { by: m.by, at: formatTime(m.at, lang) })} ·{' '}
                  {m.version === null
                    ? t('historyNoVersion')
                    : t('historyVersion', { v: m.version })}
                </span>
              </span>
              {m.comment && <span className="text">{m.comment}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
