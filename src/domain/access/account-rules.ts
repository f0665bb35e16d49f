// What makes an account valid (issue 5): the rules of the admin's web form and of `hejie user`, in
// one place. Each rule answers the field at fault and a message, never a sentence.
import { type Message, msg } from '../message';
import { COUNTIES } from '../plans/counties';
import type { Role, Scope } from './actor';
import { chiefNames } from './permissions';

/** The roles an account may have (the public is nobody's account). */
export const ACCOUNT_ROLES = ['chief', 'planner', 'admin', 'department'] as const;

/** An account's role. */
export type AccountRole = Exclude<Role, 'public'>;

/** Fewest and most characters of a password. */
const PASSWORD_LENGTH = { min: 10, max: 200 } as const;

/** Most counties a county scope lists. */
const MAX_COUNTIES = 10;

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;

/** What is wrong with an account: the field at fault (`scope.counties`) and why. */
export interface AccountProblem {
  field: string;
  reason: Message;
}

const problem = (field: string, reason: Message): AccountProblem => ({ field, reason });

/**
 * Why a username is refused, or null: 2–40 letters, digits, ".", "_" or "-", not starting with a
 * sign.
 * @example checkUsername('gaopu') // null
 */
export function checkUsername(username: string): Message | null {
  return USERNAME.test(username) ? null : msg('accounts.username.format');
}

/**
 * Why a password is refused, or null.
 * @example checkPassword('short') // msg('accounts.password.tooShort', { min: 10 })
 */
export function checkPassword(password: string): Message | null {
  if (password.length < PASSWORD_LENGTH.min)
    return msg('accounts.password.tooShort', { min: PASSWORD_LENGTH.min });
  if (password.length > PASSWORD_LENGTH.max)
    return msg('accounts.password.tooLong', { max: PASSWORD_LENGTH.max });
  return null;
}

/**
 * Why a role is refused, or null.
 * @example checkRole('boss') // msg('accounts.role.unknown')
 */
function checkRole(role: string): Message | null {
  return (ACCOUNT_ROLES as readonly string[]).includes(role) ? null : msg('accounts.role.unknown');
}

/**
 * The adcode of a county of Qinzhou named by adcode or name, or null.
 * @example countyCode('灵山县') // '450721'
 */
export function countyCode(county: string): string | null {
  return COUNTIES.find((c) => c.adcode === county || c.name === county)?.adcode ?? null;
}

/** The counties a scope may list, for a message. */
function countyChoices(): string {
  return COUNTIES.map((c) => `${c.adcode}/${c.name}`).join(', ');
}

/**
 * What is wrong with a planner's scope, or null: a county scope lists known counties (at most 10),
 * the others list none.
 * @example checkScope({ level: 'county', counties: [] }) // { field: 'counties', … }
 */
function checkScope(scope: Scope): AccountProblem | null {
  if ((scope.level === 'county') !== scope.counties.length > 0)
    return problem('counties', msg('accounts.scope.counties'));
  if (scope.counties.length > MAX_COUNTIES)
    return problem('counties', msg('accounts.scope.tooMany', { max: MAX_COUNTIES }));
  const unknown = scope.counties.find((c) => !COUNTIES.some((x) => x.adcode === c));
  return unknown === undefined
    ? null
    : problem(
        'counties',
        msg('accounts.county.unknown', { county: unknown, choices: countyChoices() }),
      );
}

/**
 * Why a county (adcode or name) is refused, or null.
 * @example checkCounty('450799') // msg('accounts.county.unknown', …)
 */
export function checkCounty(county: string): Message | null {
  return countyCode(county) === null
    ? msg('accounts.county.unknown', { county, choices: countyChoices() })
    : null;
}

/** The fields bound to a role; absent means not given. */
export interface RoleFields {
  /** for a chief: the person in the register (河长姓名) */
  person?: string;
  scope?: Scope;
  canPublish?: boolean;
  /** for a department: the organisation it speaks for, e.g. 市生态环境局 */
  organisation?: string | null;
}

/**
 * What is wrong with the fields bound to a role, or null: only a planner has a limited scope and the
 * publish right; a chief, and only a chief, is bound to a person named in the register's 河长姓名
 * (a field may name several: 高朴、王雄昌); a department, and only a department, to an organisation.
 * @example checkRoleFields('chief', { person: '王雄昌' }, ['高朴、王雄昌']) // null
 */
export function checkRoleFields(
  role: AccountRole,
  fields: RoleFields,
  registerChiefs: readonly string[],
): AccountProblem | null {
  if (role !== 'planner' && fields.scope && fields.scope.level !== 'all')
    return problem('scope', msg('accounts.scope.plannerOnly'));
  if (role !== 'planner' && fields.canPublish !== undefined)
    return problem('canPublish', msg('accounts.publish.plannerOnly'));
  if (fields.scope && role === 'planner') {
    const wrong = checkScope(fields.scope);
    if (wrong) return problem(`scope.${wrong.field}`, wrong.reason);
  }
  const organisation = fields.organisation?.trim() ?? '';
  if (role === 'department' && !organisation)
    return problem('organisation', msg('accounts.organisation.missing'));
  if (role !== 'department' && organisation)
    return problem('organisation', msg('accounts.organisation.departmentOnly'));
  const person = fields.person?.trim() ?? '';
  if (role !== 'chief') return person ? problem('person', msg('accounts.person.chiefOnly')) : null;
  if (!person) return problem('person', msg('accounts.person.missing'));
  const chiefs = new Set(registerChiefs.flatMap(chiefNames));
  return chiefs.has(person) ? null : problem('person', msg('accounts.person.notChief', { person }));
}

/** A new account as a front door (web form, command line) has it. */
export interface NewAccount extends RoleFields {
  username: string;
  role: string;
  /** absent when it is chosen later (the command line reads it from stdin or makes one) */
  password?: string;
}

/**
 * What is wrong with a new account, or null: its username, role, password and role-bound fields.
 * `registerChiefs` are the register's 河长姓名 fields.
 * @example checkNewAccount({ username: 'wang', role: 'chief', person: '王雄昌' }, ['高朴、王雄昌']) // null
 */
export function checkNewAccount(
  account: NewAccount,
  registerChiefs: readonly string[],
): AccountProblem | null {
  const username = checkUsername(account.username);
  if (username) return problem('username', username);
  const role = checkRole(account.role);
  if (role) return problem('role', role);
  const password = account.password === undefined ? null : checkPassword(account.password);
  if (password) return problem('password', password);
  return checkRoleFields(account.role as AccountRole, account, registerChiefs);
}
