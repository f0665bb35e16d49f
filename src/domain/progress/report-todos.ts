// The city's reminders on a unit's start screen (待办, issue 14): each month a reminder was sent for
// and no report was submitted yet, for the planners who report for that unit.
import type { Actor } from '../access/actor';
import { msg } from '../message';
import { countyByCode } from '../plans/counties';
import type { Todo } from '../workflow/todos';
import { lastDayOf } from './report-month';
import { mayReportFor } from './report-rules';

/** A reminder as the rule reads it. */
export interface ReminderFacts {
  unit: string;
  month: string;
  at: string;
}

/**
 * The to-dos of reminders for reports not yet submitted, one per unit and month (admins, who
 * report for every unit, get none: their start screen is the settings).
 * @example reminderTodos(plannerLingshan, [{ unit: '450721', month: '2019-12', at }], [])[0].key // 'report:450721:2019-12'
 */
export function reminderTodos(
  actor: Actor,
  reminders: readonly ReminderFacts[],
  submitted: readonly { unit: string; month: string }[],
): Todo[] {
  if (actor.kind !== 'user' || actor.role !== 'planner') return [];
  const out = new Map<string, Todo>();
  for (const r of reminders) {
    const key = `report:${r.unit}:${r.month}`;
    if (out.has(key) || !mayReportFor(actor, r.unit)) continue;
    if (submitted.some((s) => s.unit === r.unit && s.month === r.month)) continue;
    out.set(key, {
      key,
      message: msg('reports.todo.reminder', {
        unit: countyByCode(r.unit)?.name ?? r.unit,
        month: r.month,
      }),
      link: { kind: 'report', unit: r.unit, month: r.month },
      due: lastDayOf(r.month),
    });
  }
  return [...out.values()];
}
