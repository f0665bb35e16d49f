/**
 * The roles of Hejie (issues 5 and 13): the public sees what is published; the others log in. A
 * department (部门, e.g. 市生态环境局) reads the plans it is consulted on and replies.
 */
export type Role = 'public' | 'chief' | 'planner' | 'admin' | 'department';

/**
 * Where a planner may work: every plan, the city-level plans (市级), or the county-level plans of
 * some counties (adcodes like 450721). Chiefs and admins have `{ level: 'all', counties: [] }`.
 */
export interface Scope {
  level: 'all' | 'city' | 'county';
  counties: string[];
}

/** A logged-in account as the rules see it. */
export interface UserActor {
  kind: 'user';
  id: string;
  username: string;
  /** display name, e.g. 高朴 */
  name: string;
  role: Exclude<Role, 'public'>;
  /** for a chief: the person in the register (河长姓名) the account belongs to */
  person: string | null;
  scope: Scope;
  /** a planner who may publish (公告实施) */
  canPublish: boolean;
  /** for a department: the organisation it speaks for, e.g. 市生态环境局 */
  organisation?: string | null;
}

/** Whoever is asking: nobody logged in, or an account. */
export type Actor = { kind: 'public' } | UserActor;

/** The one public actor. */
export const PUBLIC: Actor = { kind: 'public' };
