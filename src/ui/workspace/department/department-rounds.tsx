import { useEffect, useState } from 'react';
import { displayWindow, isDayOver } from '../../../domain/review/review-dates';
import { useLive } from '../../live/use-live';
import { useWt, type WT } from '../messages';
import '../review/review.css';
import { showProblem } from '../panel/show-problem';
import type { DepartmentRound } from '../review/review-api';
import { loadMyRounds } from '../review/review-api';
import '../workspace.css';

const DAY = 86_400_000;

/** 剩 n 天, 今天截止 or 已逾期 for a round not replied to, by the server's today. */
function timeLeft(r: DepartmentRound, now: Date, t: WT): { text: string; late: boolean } {
  const { due } = r.consultation;
  if (isDayOver(due, now)) return { text: t('deptLate'), late: true };
  const today = displayWindow(now, 1).start;
  const days = Math.round(
    (Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY,
  );
  return { text: days === 0 ? t('deptLastDay') : t('deptDaysLeft', { n: days }), late: false };
}

/** 征求意见: a department's rounds (plan, version, deadline, days left, replied or not). */
export default function DepartmentRounds(props: {
  now: string;
  openId: number | null;
  onOpen: (round: DepartmentRound) => void;
  /** a reply was sent: read the list again */
  refresh: number;
}) {
  const t = useWt();
  const [rounds, setRounds] = useState<DepartmentRound[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // a round opened for this department, or its reply answered, is pushed to the page: read again
  const [pushed, setPushed] = useState(0);
  useLive((e) => {
    if (e.change === 'consultation' || e.change === 'answer' || e.change === 'reply')
      setPushed((n) => n + 1);
  });
  useEffect(() => {
    void props.refresh;
    void pushed;
    loadMyRounds().then(setRounds, (e: unknown) => setProblem(showProblem(e, t)));
  }, [t, props.refresh, pushed]);
  const now = new Date(props.now);

  return (
    <section className="work-list dept-rounds" aria-labelledby="dept-rounds-title">
      <h2 id="dept-rounds-title">
        {t('deptRounds')} {rounds && <small>{t('workCount', { n: rounds.length })}</small>}
      </h2>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {rounds?.length === 0 && <p className="empty">{t('deptNoRounds')}</p>}
      {rounds && rounds.length > 0 && (
        <ul>
          {rounds.map((r) => {
            const left = r.reply ? null : timeLeft(r, now, t);
            return (
              <li key={r.consultation.id}>
                <button
                  type="button"
                  data-round={r.consultation.id}
                  data-plan={r.plan.id}
                  aria-current={props.openId === r.consultation.id ? 'true' : undefined}
                  className={left?.late ? 'overdue' : undefined}
                  onClick={() => props.onOpen(r)}
                >
                  <span className="row">
                    <strong>{r.plan.name}</strong>
                    <span className="sub">{r.plan.unit}</span>
                  </span>
                  <span className="meta">
                    <span>
                      {t('deptRoundLine', { v: r.consultation.version, due: r.consultation.due })}
                    </span>
                    <span className={r.reply ? 'badge' : 'badge state-waiting'}>
                      {r.reply ? t('deptReplied') : t('deptNotReplied')}
                    </span>
                    {left && <span className={left.late ? 'late' : undefined}>{left.text}</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
