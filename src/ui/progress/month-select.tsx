// A month chooser as a list (2026-12, 2026-11, …): the browser's own month input speaks the
// browser's language, not the app's.
import { monthsBetween } from '../../domain/progress/report-month';

export function MonthSelect(props: {
  value: string;
  from: string;
  to: string;
  name?: string;
  id: string;
  onChange: (month: string) => void;
}) {
  const months = monthsBetween(props.from, props.to).reverse();
  return (
    <select
      id={props.id}
      name={props.name}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {months.map((m) => (
        <option key={m} value={m}>
          {m}
        </option>
      ))}
    </select>
  );
}
