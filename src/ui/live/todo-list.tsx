import type { TodoList as TodoListData } from '../../contract/live';
import { renderMessage } from '../../contract/messages/render';
import { useLang } from '../i18n';
import { useLiveT } from './messages-live';
import './live.css';

/** Where a to-do leads. */
export type TodoLink = TodoListData['items'][number]['link'];

/**
 * The user's to-do list (待办) on the start screen: each item says what waits, in the user's
 * language, and leads to the plan, the round, the overdue plans or the settings.
 */
export default function TodoList(props: {
  list: TodoListData | null;
  error: string | null;
  onGo: (link: TodoLink) => void;
}) {
  const { lang } = useLang();
  const t = useLiveT();
  const { list } = props;
  return (
    <section className="todo-list" id="todo-list" aria-labelledby="todo-title" tabIndex={-1}>
      <h2 id="todo-title">
        {t('todoTitle')} {list && <small data-todo-total={list.count}>({list.count})</small>}
      </h2>
      {props.error && (
        <p className="problem" role="alert">
          {t('todoFailed', { msg: props.error })}
        </p>
      )}
      {!list && !props.error && <p className="loading">{t('todoLoading')}</p>}
      {list && list.items.length === 0 && <p className="hint">{t('todoNone')}</p>}
      {list && list.items.length > 0 && (
        <ul>
          {list.items.map((item) => (
            <li key={item.key} data-todo={item.key}>
              <button type="button" className="link" onClick={() => props.onGo(item.link)}>
                {renderMessage(item.message, lang)}
              </button>
              {item.due && <span className="sub"> · {t('todoDue', { d: item.due })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
