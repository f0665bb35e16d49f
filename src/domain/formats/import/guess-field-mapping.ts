// Field mapping of an import (字段对应): which attribute of a surveyed file says a line's role, bank,
// embankment class, widths or reach. Guessed from common Chinese and English field names and values;
// confirmed (or changed) by the planner; values that do not map are reported, never guessed.

import type { EditRole } from '../../editor/edit-types';
import { LINE_ROLES } from '../../editor/edit-types';
import { type Message, msg } from '../../message';
import type { EmbankmentClass } from '../../zones/rules';

/** What an attribute can say about an imported line. */
export const FIELD_TARGETS = [
  'role',
  'bank',
  'embankmentClass',
  'widthM',
  'protectionM',
  'reachName',
] as const;

/** One thing an attribute can say (null in a mapping: the attribute is only kept, not read). */
export type FieldTarget = (typeof FIELD_TARGETS)[number];

/** Attribute name → what it says (null: nothing; the attribute travels along unread). */
export type FieldMapping = Record<string, FieldTarget | null>;

/** A guess for one attribute: its name, the distinct values found (first few) and what it says. */
export interface FieldGuess {
  field: string;
  target: FieldTarget | null;
  /** distinct non-empty values as text, first `SAMPLE` of them */
  values: string[];
}

/** What the mapping gives one feature, and what could not be read (never guessed). */
export interface MappedFeature {
  role?: EditRole;
  embankmentClass?: EmbankmentClass;
  widthM?: number;
  protectionM?: number;
  reachName?: string;
  problems: Message[];
}

const SAMPLE = 6;
const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_\-（）()]/g, '');

/** Field names that say each thing (normalised), checked in this order (保护宽度 before 宽度). */
const NAMES: ReadonlyArray<[FieldTarget, readonly string[]]> = [
  ['bank', ['岸别', '左右岸', '岸', 'side', 'bank', 'bankside']],
  [
    'embankmentClass',
    ['堤防级别', '级别', '等级', '堤防等级', 'class', 'grade', 'embankmentclass'],
  ],
  ['protectionM', ['保护宽度', '保护范围宽度', 'protection', 'protectionm', 'protectionwidth']],
  ['widthM', ['宽度', '管理宽度', '管理范围宽度', 'width', 'widthm']],
  ['reachName', ['河段', '河段名称', '河段名', 'reach', 'reachname']],
  ['role', ['类型', '线型', '线类型', '要素类型', 'type', 'role', 'kind', '名称', 'name']],
];

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };
const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5 };
const ROMAN_CHARS: Readonly<Record<string, string>> = {
  Ⅰ: 'i',
  Ⅱ: 'ii',
  Ⅲ: 'iii',
  Ⅳ: 'iv',
  Ⅴ: 'v',
};

const text = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v);

/**
 * An embankment class from 3, '3', '3级', '三级', 'Ⅲ', 'III', '3 级堤防'; null when it is none of 1–5.
 * @example parseClass('三级') // 3
 */
export function parseClass(v: unknown): EmbankmentClass | null {
  let s = text(v)
    .replace(/堤防|堤/g, '')
    .replace(/\s/g, '');
  s = s.replace(/级$/, '');
  for (const [ch, r] of Object.entries(ROMAN_CHARS)) s = s.replaceAll(ch, r);
  const n = /^[1-5](\.0+)?$/.test(s)
    ? Number(s)
    : (CHINESE_DIGITS[s] ?? ROMAN[s.toLowerCase()] ?? null);
  return n === null ? null : (n as EmbankmentClass);
}

/**
 * A bank from 左岸/右岸, 左/右, L/R, left/right (any case); null otherwise.
 * @example parseSide('R') // 'right'
 */
export function parseSide(v: unknown): 'left' | 'right' | null {
  const s = norm(text(v));
  if (['左岸', '左', 'l', 'left', 'leftbank'].includes(s)) return 'left';
  if (['右岸', '右', 'r', 'right', 'rightbank'].includes(s)) return 'right';
  return null;
}

/** The kind of line a text names and the bank it names, if any. */
function lineKind(v: unknown): {
  kind: 'toe' | 'bank' | 'water' | null;
  side: 'left' | 'right' | null;
} {
  const s = norm(text(v));
  const exact = (LINE_ROLES as readonly string[]).includes(s);
  if (exact) {
    const [kind, side] = s.split('-') as ['toe' | 'bank', 'left' | 'right'];
    return { kind, side };
  }
  const kind = /堤脚|坡脚|toe/.test(s)
    ? 'toe'
    : /临水线|岸线|水边线|bank/.test(s)
      ? 'bank'
      : /水域|水面|water/.test(s)
        ? 'water'
        : null;
  const side = /左|left/.test(s) ? 'left' : /右|right/.test(s) ? 'right' : null;
  return { kind, side };
}

/** A width in metres from 20, '20', '20m', '20 米'; null unless a positive number. */
function parseWidth(v: unknown): number | null {
  const s = text(v).replace(/\s*(m|米)$/i, '');
  const n = s === '' ? Number.NaN : Number(s);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** The distinct non-empty values of each attribute, in first-seen order of attributes. */
function valuesByField(
  features: readonly { properties?: Record<string, unknown> | null }[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of features)
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const list = out.get(k) ?? [];
      const t = text(v);
      if (t !== '' && !list.includes(t)) list.push(t);
      out.set(k, list);
    }
  return out;
}

/** A name field (名称/name) says a role only when one of its values names a kind of line. */
function guessOne(field: string, values: readonly string[]): FieldTarget | null {
  const n = norm(field);
  for (const [target, names] of NAMES) {
    if (!names.includes(n)) continue;
    if (target === 'role' && !values.some((v) => lineKind(v).kind !== null)) return null;
    return target;
  }
  return null;
}

/**
 * What each attribute of imported features probably says, from its name (岸别, 堤防级别, 管理宽度,
 * 河段, side, class, width…) and, for 名称/name/类型/type, whether its values name a kind of line
 * (左岸堤脚线, 右岸临水线, 水域). Each target is given to one attribute at most (the first).
 * @example guessFieldMapping([{ properties: { 名称: '左岸堤脚线', 堤防级别: 3 } }]) // [{ field: '名称', target: 'role', … }, { field: '堤防级别', target: 'embankmentClass', … }]
 */
export function guessFieldMapping(
  features: readonly { properties?: Record<string, unknown> | null }[],
): FieldGuess[] {
  const taken = new Set<FieldTarget>();
  return [...valuesByField(features)].map(([field, values]) => {
    const guess = guessOne(field, values);
    const target = guess !== null && !taken.has(guess) ? guess : null;
    if (target) taken.add(target);
    return { field, target, values: values.slice(0, SAMPLE) };
  });
}

/**
 * The key a remembered mapping is filed under: the attribute names, sorted.
 * @example fieldSetKey(['名称', '堤防级别']) // '名称|堤防级别' (sorted)
 */
export function fieldSetKey(fields: readonly string[]): string {
  return [...fields].sort().join('|');
}

function roleOf(
  value: unknown,
  side: 'left' | 'right' | null,
  problems: Message[],
): EditRole | undefined {
  const line = lineKind(value);
  if (line.kind === null) {
    if (text(value) !== '')
      problems.push(msg('handover.mapping.unknownRole', { value: text(value) }));
    return undefined;
  }
  if (line.kind === 'water') return 'water';
  const s = line.side ?? side;
  if (s === null) {
    problems.push(msg('handover.mapping.noSide', { value: text(value) }));
    return undefined;
  }
  return `${line.kind}-${s}`;
}

/**
 * What a feature's attributes say under a mapping: role (kind of line plus bank, from the role field
 * or a bank field), class, widths, reach name. A value that does not read is a problem naming it,
 * and the property is left unset (the planner sets it); empty values are simply absent.
 * @example applyFieldMapping({ 名称: '左岸堤脚线', 级别: '三级' }, { 名称: 'role', 级别: 'embankmentClass' }) // { role: 'toe-left', embankmentClass: 3, problems: [] }
 */
export function applyFieldMapping(
  properties: Readonly<Record<string, unknown>>,
  mapping: Readonly<FieldMapping>,
): MappedFeature {
  const out: MappedFeature = { problems: [] };
  const valueFor = (t: FieldTarget) => {
    const field = Object.keys(mapping).find((k) => mapping[k] === t);
    const v = field === undefined ? undefined : properties[field];
    return text(v) === '' ? undefined : v;
  };
  const sideValue = valueFor('bank');
  const side = sideValue === undefined ? null : parseSide(sideValue);
  if (sideValue !== undefined && side === null)
    out.problems.push(msg('handover.mapping.unknownSide', { value: text(sideValue) }));
  const roleValue = valueFor('role');
  const role = roleValue === undefined ? undefined : roleOf(roleValue, side, out.problems);
  if (role) out.role = role;
  const klass = valueFor('embankmentClass');
  if (klass !== undefined) {
    const c = parseClass(klass);
    if (c === null) out.problems.push(msg('handover.mapping.unknownClass', { value: text(klass) }));
    else out.embankmentClass = c;
  }
  for (const key of ['widthM', 'protectionM'] as const) {
    const v = valueFor(key);
    if (v === undefined) continue;
    const w = parseWidth(v);
    if (w === null) out.problems.push(msg('handover.mapping.notWidth', { value: text(v) }));
    else out[key] = w;
  }
  const reach = valueFor('reachName');
  if (reach !== undefined) out.reachName = text(reach);
  return out;
}
