// `hejie user add|list|passwd|disable`: accounts, created on the command line (production seeds none).
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Lang, langOfEnv } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import {
  type AccountProblem,
  type AccountRole,
  checkCounty,
  checkNewAccount,
  checkPassword,
  countyCode,
} from '../domain/access/account-rules';
import type { Scope } from '../domain/access/actor';
import { type Message, msg } from '../domain/message';
import { hashPassword } from '../server/auth/password';
import { readEnv } from '../server/config';
import { openRegister } from '../server/open-register';
import type { NewUser, Store, UserRow } from '../server/store/store';

const ROOT = resolve(import.meta.dirname, '../..');

const USAGE = `usage: user add <username> --role planner|chief|admin|department [--name 姓名]
                [--person 高朴] [--organisation 市生态环境局] [--county 450721 …] [--city]
                [--publish] [--password-stdin]
       user list [--json]
       user passwd <username> [--password-stdin]
       user disable <username>
Passwords are read from stdin (--password-stdin, at least 10 characters); without it a random one
is made and printed once.`;

const SPEC = {
  role: { type: 'string' },
  name: { type: 'string' },
  person: { type: 'string' },
  organisation: { type: 'string' },
  county: { type: 'string', multiple: true },
  city: { type: 'boolean' },
  publish: { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** A message as a sentence in the command line's language. */
type Say = (m: Message) => string;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof SPEC; allowPositionals: true }>
>['values'];

/** What the user commands need from outside, so that tests can give their own. */
export interface UserIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** the language of the messages (`--lang`, else the locale) */
  lang?: Lang;
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
  const lang = io.lang ?? langOfEnv(undefined, io.env ?? process.env) ?? 'zh';
  const say = (m: Message) => renderMessage(m, lang);
  const { store } = await openRegister(ROOT, readEnv(io.env ?? process.env), 'cli');
  try {
    const actor = `cli:${userInfo().username}`;
    const readStdin = io.readStdin ?? readProcessStdin;
    if (sub === 'list') return await listUsers(store, parsed.values.json === true, out, say);
    if (sub === 'add')
      return await addUser(store, username as string, parsed.values, actor, readStdin, {
        ...io,
        say,
      });
    const user = await store.getUserByUsername(username as string);
    if (!user) {
      err(say(msg('accounts.noAccount', { id: username as string })));
      return 1;
    }
    if (sub === 'disable') {
      await store.updateUser(user.id, { disabled: true }, actor);
      out(say(msg('accounts.cli.disabled', { username: user.username })));
      return 0;
    }
    if (sub === 'passwd') {
      const password = await choosePassword(parsed.values, readStdin, io, say);
      if (password === null) return 1;
      await store.updateUser(user.id, { passwordHash: await hashPassword(password) }, actor);
      out(say(msg('accounts.cli.passwordChanged', { username: user.username })));
      return 0;
    }
    err(`${say(msg('accounts.cli.unknownCommand', { sub }))}\n${USAGE}`);
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
  say: Say,
): Promise<string | null> {
  if (!values['password-stdin']) {
    const made = randomBytes(12).toString('base64url');
    io.out(say(msg('accounts.cli.passwordShown', { password: made })));
    return made;
  }
  const text = (await readStdin()).replace(/\r?\n$/, '');
  const wrong = checkPassword(text);
  if (wrong) {
    io.err(say(refusal({ field: 'password', reason: wrong })));
    return null;
  }
  return text;
}

/** The command-line option each field of an account comes from. */
const OPTION_OF: Record<string, string> = {
  role: '--role',
  scope: '--county',
  'scope.counties': '--county',
  canPublish: '--publish',
  person: '--person',
  organisation: '--organisation',
  password: 'password',
};

/** A refusal of an account rule, naming the option at fault. */
function refusal({ field, reason }: AccountProblem): Message {
  return msg('common.invalidField', { field: OPTION_OF[field] ?? field, why: reason });
}

/** The new account from the options, or the reason it cannot be made. */
async function accountFrom(
  store: Store,
  username: string,
  values: Values,
): Promise<Omit<NewUser, 'passwordHash'> | Message> {
  const counties = values.county ?? [];
  if (values.city && counties.length > 0) return msg('accounts.cityOrCounty');
  const codes: string[] = [];
  for (const c of counties) {
    const code = countyCode(c);
    if (code === null)
      return refusal({ field: 'scope', reason: checkCounty(c) ?? msg('common.invalid.value') });
    if (!codes.includes(code)) codes.push(code);
  }
  const person = values.person?.trim() || null;
  const organisation = values.organisation?.trim() || null;
  const scope: Scope = values.city
    ? { level: 'city', counties: [] }
    : codes.length > 0
      ? { level: 'county', counties: codes }
      : { level: 'all', counties: [] };
  const role = values.role ?? '';
  const wrong = checkNewAccount(
    {
      username,
      role,
      ...(person === null ? {} : { person }),
      ...(organisation === null ? {} : { organisation }),
      scope,
      ...(values.publish ? { canPublish: true } : {}),
    },
    (await store.listPlans()).map((p) => p.record.chief),
  );
  if (wrong) return refusal(wrong);
  return {
    username,
    name: values.name?.trim() || person || organisation || username,
    role: role as AccountRole,
    person,
    organisation,
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
  io: Pick<UserIo, 'out' | 'err'> & { say: Say },
): Promise<number> {
  const { say } = io;
  const account = await accountFrom(store, username, values);
  if ('code' in account) {
    io.err(say(account));
    return 2;
  }
  const taken = msg('accounts.username.taken', { username: account.username });
  if (await store.getUserByUsername(account.username)) {
    io.err(say(taken));
    return 1;
  }
  const password = await choosePassword(values, readStdin, io, say);
  if (password === null) return 1;
  const made = await store.createUser(
    { ...account, passwordHash: await hashPassword(password) },
    actor,
  );
  if (!made) {
    io.err(say(taken));
    return 1;
  }
  io.out(say(msg('accounts.cli.added', { account: describeUser(made, say) })));
  return 0;
}

function describeScope(scope: Scope): Message {
  if (scope.level === 'all') return msg('accounts.cli.scopeAll');
  if (scope.level === 'city') return msg('accounts.cli.scopeCity');
  return msg('accounts.cli.scopeCounties', { counties: scope.counties.join(',') });
}

/** One line per account, tab-separated: username, role, name, then what the role binds. */
function describeUser(u: UserRow, say: Say): string {
  const parts = [u.username, u.role, u.name];
  if (u.person) parts.push(say(msg('accounts.cli.person', { person: u.person })));
  if (u.organisation)
    parts.push(say(msg('accounts.cli.organisation', { organisation: u.organisation })));
  if (u.role === 'planner')
    parts.push(
      say(describeScope(u.scope)),
      say(msg(u.canPublish ? 'accounts.cli.mayPublish' : 'accounts.cli.noPublish')),
    );
  if (u.disabled) parts.push(say(msg('accounts.cli.disabledMark')));
  return parts.join('\t');
}

async function listUsers(
  store: Store,
  json: boolean,
  out: (s: string) => void,
  say: Say,
): Promise<number> {
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
    for (const u of users) out(describeUser(u, say));
    out(say(msg('accounts.cli.count', { n: users.length })));
  }
  return 0;
}
