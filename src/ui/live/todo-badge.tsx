import './live-main.css';
import { useLiveT } from './messages-live';

/** The header's 待办 button with its count; opens the list. */
export function TodoBadge(props: { count: number | null; onOpen: () => void }) {
  const t = useLiveT();
  return (
    <button
      type="button"
      className="link todo-badge"
      data-todo-count={props.count ?? ''}
      aria-label={props.count === null ? t('todo') : t('todoCount', { n: props.count })}
      onClick={props.onOpen}
    >
      {t('todo')}
      {props.count !== null && props.count > 0 && <span className="count">{props.count}</span>}
    </button>
  );
}
