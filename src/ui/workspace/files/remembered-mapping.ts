// The field mappings a planner confirmed, remembered per account in this browser (localStorage,
// keyed by the username) and offered again for a file with the same field names.
import { z } from 'zod';
import {
  FIELD_TARGETS,
  type FieldMapping,
  fieldSetKey,
} from '../../../domain/formats/import/guess-field-mapping';

const KEY = 'hejie.import-mapping.';
/** Field sets kept per account (the newest win). */
const KEPT = 20;

const stored = z.record(z.string(), z.record(z.string(), z.enum(FIELD_TARGETS).nullable()));

function readAll(user: string): z.infer<typeof stored> {
  try {
    const parsed = stored.safeParse(JSON.parse(localStorage.getItem(KEY + user) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    // storage refused (private mode) or unreadable: nothing remembered
    return {};
  }
}

/** The mapping `user` confirmed last for exactly these field names; null if none. */
export function rememberedMapping(user: string, fields: readonly string[]): FieldMapping | null {
  return readAll(user)[fieldSetKey(fields)] ?? null;
}

/** Remembers a confirmed mapping for `user` and these field names (storage errors are ignored). */
export function rememberMapping(user: string, mapping: FieldMapping): void {
  const all = readAll(user);
  const key = fieldSetKey(Object.keys(mapping));
  delete all[key];
  const kept = Object.entries({ ...all, [key]: mapping }).slice(-KEPT);
  try {
    localStorage.setItem(KEY + user, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // a full or refused storage only loses the convenience
  }
}
