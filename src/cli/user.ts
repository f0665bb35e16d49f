// `hejie user add|list|passwd|disable`: accounts, created on the command line (production seeds none).
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Scope } from '../domain/access/actor';
import { COUNTIES } from '../domain/plans/counties';
import { hashPassword } from '../server/auth/password';
import { readEnv } from '../server/config';
import { openRegister } from '../server/open-register';
import type { NewUser, Store, UserRow } from '../server/store/store';

const ROOT = resolve(import.meta.dirname, '../..');

const USAGE = `usage: user add <username> --role planner|chief|admin [--name 姓名] [--person 高朴]
                [--county 450721 …] [--city] [--publish] [--password-stdin]
       user list [--json]
       user passwd <username> [--password-stdin]
       user disable <username>
Passwords are read from stdin (--password-stdin, at least 10 characters); without it a random one
is made and printed once.`;

const SPEC = {
  role: { type: 'string' },
  name: { type: 'string' },
  person: { type: 'string' },
  county: { type: 'string', multiple: true },
  city: { type: 'boolean' },
  publish: { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

const usernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, 'username: 2–40 letters, digits, ".", "_" or "-"');
const passwordSchema = z.string().min(10, 'password must be at least 10 characters').max(200);
const countySchema = z
  .string()
  .transform((c) => COUNTIES.find((x) => x.adcode === c || x.name === c)?.adcode ?? c)
  .refine((c) => COUNTIES.some((x) => x.adcode === c), {
    message: `--county must be one of ${COUNTIES.map((c) => `${c.adcode}/${c.name}`).join(', ')}`,
  });

type Values = ReturnType<
  typeof parseArgs<{ options: typeof SPEC; allowPositionals: true }>
>['values'];

/** What the user commands need from outside, so that tests can give their own. */
export interface UserIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** the whole of stdin */
  readStdin: () => Promise<string>;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs `user …`; returns the exit code. */
export async function runUser(
  args: string[],
  io: Partial<UserIo> & Pick<UserIo, 'out' | 'err'>,
): Promise<number> {
  const { out, err } = io;
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: SPEC });
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const [sub, username, ...extra] = parsed.positionals;
  const wantsName = sub === 'add' || sub === 'passwd' || sub === 'disable';
  if (!sub || (wantsName ? !username || extra.length > 0 : username !== undefined)) {
    err(USAGE);
    return 2;
  }
  const { store } = await openRegister(ROOT, readEnv(io.env ?? process.env).dataDir, 'cli');
  try {
    const actor = `cli:${userInfo().username}`;
    const readStdin = io.readStdin ?? readProcessStdin;
    if (sub === 'list') return await listUsers(store, parsed.values.json === true, out);
    if (sub === 'add')
      return await addUser(store, username as string, parsed.values, actor, readStdin, io);
    const user = await store.getUserByUsername(username as string);
    if (!user) {
      err(`no account "${username}"`);
      return 1;
    }
    if (sub === 'disable') {
      await store.updateUser(user.id, { disabled: true }, actor);
      out(`disabled ${user.username}; its sessions are ended`);
      return 0;
    }
    if (sub === 'passwd') {
      const password = await choosePassword(parsed.values, readStdin, io);
      if (password === null) return 1;
      await store.updateUser(user.id, { passwordHash: await hashPassword(password) }, actor);
      out(`password of ${user.username} changed`);
      return 0;
    }
    err(`unknown user command "${sub}"\n${USAGE}`);
    return 2;
  } finally {
    await store.close();
  }
}

/** The password from stdin (one trailing newline dropped), or a new random one printed once. */
async function choosePassword(
  values: Values,
  readStdin: () => Promise<string>,
  io: Pick<UserIo, 'out' | 'err'>,
): Promise<string | null> {
  if (!values['password-stdin']) {
    const made = randomBytes(12).toString('base64url');
    io.out(`password (shown once): ${made}`);
    return made;
  }
  const text = (await readStdin()).replace(/\r?\n$/, '');
  const checked = passwordSchema.safeParse(text);
  if (!checked.success) {
    io.err(checked.error.issues[0]?.message ?? 'invalid password');
    return null;
  }
  return checked.data;
}

/** The new account from the options, or the reason it cannot be made. */
async function accountFrom(
  store: Store,
  username: string,
  values: Values,
): Promise<Omit<NewUser, 'passwordHash'> | string> {
  const name = usernameSchema.safeParse(username);
  if (!name.success) return name.error.issues[0]?.message ?? 'invalid username';
  const role = z.enum(['planner', 'chief', 'admin']).safeParse(values.role);
  if (!role.success) return '--role must be planner, chief or admin';
  const counties = values.county ?? [];
  if (role.data !== 'planner' && (counties.length > 0 || values.city || values.publish))
    return '--county, --city and --publish are for planners';
  if (values.city && counties.length > 0) return 'give --city or --county, not both';
  const codes: string[] = [];
  for (const c of counties) {
    const code = countySchema.safeParse(c);
    if (!code.success) return code.error.issues[0]?.message ?? 'invalid county';
    if (!codes.includes(code.data)) codes.push(code.data);
  }
  const person = values.person?.trim() || null;
  if (role.data === 'chief') {
    if (!person) return 'a chief needs --person (the 河长姓名 in the register)';
    const plans = await store.listPlans();
    if (!plans.some((p) => p.record.chief === person))
      return `"${person}" is not a river chief in the register`;
  } else if (person) return '--person is for chiefs';
  const scope: Scope = values.city
    ? { level: 'city', counties: [] }
    : codes.length > 0
      ? { level: 'county', counties: codes }
      : { level: 'all', counties: [] };
  return {
    username: name.data,
    name: values.name?.trim() || person || name.data,
    role: role.data,
    person,
    scope,
    canPublish: values.publish === true,
  };
}

async function addUser(
  store: Store,
  username: string,
  values: Values,
  actor: string,
  readStdin: () => Promise<string>,
  io: Pick<UserIo, 'out' | 'err'>,
): Promise<number> {
  const account = await accountFrom(store, username, values);
  if (typeof account === 'string') {
    io.err(account);
    return 2;
  }
  if (await store.getUserByUsername(account.username)) {
    io.err(`the username "${account.username}" is taken`);
    return 1;
  }
  const password = await choosePassword(values, readStdin, io);
  if (password === null) return 1;
  const made = await store.createUser(
    { ...account, passwordHash: await hashPassword(password) },
    actor,
  );
  if (!made) {
    io.err(`the username "${account.username}" is taken`);
    return 1;
  }
  io.out(`added ${describeUser(made)}`);
  return 0;
}

function describeScope(scope: Scope): string {
  if (scope.level === 'all') return 'all plans';
  if (scope.level === 'city') return 'city-level plans';
  return `counties ${scope.counties.join(',')}`;
}

function describeUser(u: UserRow): string {
  const parts = [u.username, u.role, u.name];
  if (u.person) parts.push(`person ${u.person}`);
  if (u.role === 'planner')
    parts.push(describeScope(u.scope), u.canPublish ? 'may publish' : 'no publish');
  if (u.disabled) parts.push('DISABLED');
  return parts.join('\t');
}

async function listUsers(store: Store, json: boolean, out: (s: string) => void): Promise<number> {
  const users = await store.listUsers();
  if (json)
    out(
      JSON.stringify(
        users.map(({ passwordHash: _, ...u }) => u),
        null,
        2,
      ),
    );
  else {
    for (const u of users) out(describeUser(u));
    out(`${users.length} account(s)`);
  }
  return 0;
}
