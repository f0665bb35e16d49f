import type { ApiPlan } from '../api';
import { useLang } from '../i18n';

/** Overdue / days left / published, computed by the server from today's date (China time). */
export function StatusBadge({ plan }: { plan: ApiPlan }) {
  const { t } = useLang();
  if (plan.stage === 'published') return <span className="badge good">{t('publishedDone')}</span>;
  if (plan.overdue)
    return <span className="badge bad">{t('overdueDays', { n: plan.daysPastDue })}</span>;
  return <span className="badge">{t('dueIn', { n: -plan.daysPastDue })}</span>;
}
