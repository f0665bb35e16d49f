// The admin routes as the console calls them (src/server/routes/admin-routes.ts): every view is
// parsed by the contract; refusals arrive as ApiError in the UI's language, with the field at fault.
import { z } from 'zod';
import { adminSettingsSchema, apiAuditEntrySchema, apiUserSchema } from '../../contract/accounts';
import type { Lang } from '../../contract/messages/lang';
import { renderMessage } from '../../contract/messages/render';
import { isMessage } from '../../domain/message';
import type { RuleTable } from '../../domain/zones/rules';
import { ApiError, requestJson } from '../api';

/** The settings with their revisions (GET/PUT /api/settings). */
export type AdminSettings = z.infer<typeof adminSettingsSchema>;
/** An account as the API shows it. */
export type AdminUser = z.infer<typeof apiUserSchema>;
/** An audit entry. */
export type AuditEntry = z.infer<typeof apiAuditEntrySchema>;

const ruleTable = z.custom<RuleTable>((v) => typeof v === 'object' && v !== null);

/** GET /api/users */
export const loadUsers = () => requestJson('/api/users', z.array(apiUserSchema));

/** POST /api/users */
export const createUser = (body: Record<string, unknown>, csrf: string) =>
  requestJson('/api/users', apiUserSchema, { method: 'POST', body, csrf });

/** PATCH /api/users/:id with the revision the edit was made from */
export const patchUser = (id: string, body: Record<string, unknown>, csrf: string) =>
  requestJson(`/api/users/${encodeURIComponent(id)}`, apiUserSchema, {
    method: 'PATCH',
    body,
    csrf,
  });

/** GET /api/settings */
export const loadSettings = () => requestJson('/api/settings', adminSettingsSchema);

/** PUT /api/settings with the revision the edit was made from */
export const saveSettings = (body: Record<string, unknown>, csrf: string) =>
  requestJson('/api/settings', adminSettingsSchema, { method: 'PUT', body, csrf });

/** GET /api/rules: the table in force */
export const loadRules = () => requestJson('/api/rules', ruleTable);

/** PUT /api/rules?base= */
export const saveRules = (table: unknown, base: string, csrf: string) =>
  requestJson(`/api/rules?base=${encodeURIComponent(base)}`, ruleTable, {
    method: 'PUT',
    body: table,
    csrf,
  });

/** GET /api/admin/audit */
export const loadAudit = (filter: {
  target: string;
  actor: string;
  limit: number;
  before?: number;
}) => {
  const q = new URLSearchParams({ limit: String(filter.limit) });
  if (filter.target.trim()) q.set('target', filter.target.trim());
  if (filter.actor.trim()) q.set('actor', filter.actor.trim());
  if (filter.before !== undefined) q.set('before', String(filter.before));
  const query = q.toString();
  return requestJson(`/api/admin/audit${query ? `?${query}` : ''}`, z.array(apiAuditEntrySchema));
};

/** A refusal of a field: the field the server named (`scope.counties`) and why, in `lang`. */
export interface FieldProblem {
  field: string;
  text: string;
}

/**
 * The field a 400 names and its reason without the field's key (the form shows it at the field), or
 * null for any other error.
 */
export function fieldProblem(e: unknown, lang: Lang): FieldProblem | null {
  if (!(e instanceof ApiError) || e.status !== 400) return null;
  const field = e.body?.field;
  if (typeof field !== 'string') return null;
  const why = (e.body?.params as { why?: unknown } | undefined)?.why;
  return { field, text: isMessage(why) ? renderMessage(why, lang) : e.message };
}

/** Whether an error is a stale edit refused (409 with the current state). */
export const isStale = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 409;
