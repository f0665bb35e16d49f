// The admin's routes (issue 5): accounts, settings and the bureau's rule table. Every write is
// audited by the store; password hashes never leave the server.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Scope } from '../../domain/access/actor';
import { chiefNames } from '../../domain/access/permissions';
import { msg } from '../../domain/message';
import { parseRuleTable } from '../../domain/zones/rules-schema';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { hashPassword } from '../auth/password';
import type { Settings, UserRow } from '../store/store';
import { createUserBody, noQuery, patchUserBody, settingsBody } from './admin-schemas';
import { actorName, failText, readBody, readQuery, refuse } from './route-kit';
import { ruleTableOf } from './rules-in-force';

type Ctx = Context<AppEnv>;
const ALL: Scope = { level: 'all', counties: [] };

/** An account as the API shows it: everything but the password hash. */
function viewUser(u: UserRow): Omit<UserRow, 'passwordHash'> {
  const { passwordHash: _, ...rest } = u;
  return rest;
}

/** The settings as an admin sees them (the rule table has routes of its own). */
function viewSettings(s: Settings) {
  return {
    publicCoordinates: s.publicCoordinates,
    tiandituKey: s.tiandituKey,
    noticeAuthority: s.noticeAuthority ?? null,
    supervisionPhone: s.supervisionPhone ?? null,
  };
}

const isAdmin = (c: Ctx) => {
  const actor = actorOf(c);
  return actor.kind === 'user' && actor.role === 'admin';
};

/** The body field a rule-table problem is about (`parseRuleTable` names it in its message). */
function ruleField(problem: string): string {
  const path = /^rules ([^:]+):/.exec(problem)?.[1];
  if (path && path !== '(root)') return path;
  const toe = /^toe class (\d)/.exec(problem);
  if (toe) return `toe.${toe[1]}`;
  const override = /^override (\d+)/.exec(problem);
  if (override) return `overrides.${Number(override[1]) - 1}`;
  return /^(protection|bank)\b/.exec(problem)?.[1] ?? 'body';
}

/** What is wrong with an account's role-bound fields, as [field, reason], or null. */
async function checkRole(
  deps: ServerDeps,
  role: UserRow['role'],
  fields: { person?: string; scope?: Scope; canPublish?: boolean },
): Promise<[string, string] | null> {
  if (role !== 'planner' && fields.scope && fields.scope.level !== 'all')
    return ['scope', 'only a planner has a limited scope'];
  if (role !== 'planner' && fields.canPublish !== undefined)
    return ['canPublish', 'only a planner has the publish right (an admin may always publish)'];
  if (role !== 'chief')
    return fields.person ? ['person', 'only a chief is bound to a person'] : null;
  if (!fields.person)
    return ['person', 'a chief is bound to a person: the 河长姓名 in the register'];
  const chiefs = new Set((await deps.store.listPlans()).flatMap((p) => chiefNames(p.record.chief)));
  return chiefs.has(fields.person)
    ? null
    : ['person', `"${fields.person}" is not a river chief in the register`];
}

/** GET/POST /api/users, PATCH /api/users/:id, GET/PUT /api/settings, GET/PUT /api/rules. */
export function adminRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/users', async (c) => {
    if (!isAdmin(c)) return refuse(c, msg('common.what.listAccounts'));
    const query = readQuery(c, noQuery);
    if (!query.ok) return query.response;
    const users = await deps.store.listUsers();
    return c.json(users.map(viewUser), 200, { 'cache-control': 'no-store' });
  });

  app.post('/api/users', async (c) => {
    if (!isAdmin(c)) return refuse(c, msg('common.what.createAccounts'));
    const body = await readBody(c, createUserBody);
    if (!body.ok) return body.response;
    const { password, person, scope, canPublish, ...rest } = body.value;
    const wrong = await checkRole(deps, rest.role, {
      ...(person === undefined ? {} : { person }),
      ...(scope === undefined ? {} : { scope }),
      ...(canPublish === undefined ? {} : { canPublish }),
    });
    if (wrong) return failText(c, 400, `${wrong[0]}: ${wrong[1]}`, wrong[0]);
    const created = await deps.store.createUser(
      {
        ...rest,
        person: person ?? null,
        scope: scope ?? ALL,
        canPublish: canPublish ?? false,
        passwordHash: await hashPassword(password),
      },
      actorName(c),
    );
    if (!created) return failText(c, 409, `the username "${rest.username}" is taken`, 'username');
    return c.json(viewUser(created), 201);
  });

  app.patch('/api/users/:id', async (c) => {
    if (!isAdmin(c)) return refuse(c, msg('common.what.changeAccounts'));
    const body = await readBody(c, patchUserBody);
    if (!body.ok) return body.response;
    const id = c.req.param('id');
    const user = /^[0-9a-f-]{36}$/.test(id) ? await deps.store.getUser(id) : null;
    if (!user) return failText(c, 404, `no account "${id}"`);
    const { password, ...patch } = body.value;
    if (Object.keys(body.value).length === 0) return failText(c, 400, 'nothing to change', 'body');
    const wrong = await checkRole(deps, user.role, {
      ...(patch.scope === undefined ? {} : { scope: patch.scope }),
      ...(patch.canPublish === undefined ? {} : { canPublish: patch.canPublish }),
    });
    if (wrong) return failText(c, 400, `${wrong[0]}: ${wrong[1]}`, wrong[0]);
    const self = actorOf(c);
    if (patch.disabled === true && self.kind === 'user' && self.id === user.id)
      return failText(c, 400, 'disabled: an admin may not disable their own account', 'disabled');
    const updated = await deps.store.updateUser(
      user.id,
      {
        ...patch,
        ...(password === undefined ? {} : { passwordHash: await hashPassword(password) }),
      },
      actorName(c),
    );
    if (!updated) return failText(c, 404, `no account "${id}"`);
    return c.json(viewUser(updated));
  });

  app.get('/api/settings', async (c) => {
    if (!isAdmin(c)) return refuse(c, msg('common.what.readSettings'));
    const query = readQuery(c, noQuery);
    if (!query.ok) return query.response;
    return c.json(viewSettings(await deps.store.getSettings()), 200, {
      'cache-control': 'no-store',
    });
  });

  app.put('/api/settings', async (c) => {
    if (!isAdmin(c)) return refuse(c, msg('common.what.changeSettings'));
    const body = await readBody(c, settingsBody);
    if (!body.ok) return body.response;
    if (Object.keys(body.value).length === 0) return failText(c, 400, 'nothing to change', 'body');
    return c.json(viewSettings(await deps.store.setSettings(body.value, actorName(c))));
  });

  app.get('/api/rules', async (c) => {
    const query = readQuery(c, noQuery);
    if (!query.ok) return query.response;
    return c.json(ruleTableOf(await deps.store.getSettings()), 200, {
      'cache-control': 'no-cache',
    });
  });

  app.put('/api/rules', async (c) => {
    if (!isAdmin(c)) return refuse(c, msg('common.what.changeRules'));
    const text = await c.req.text();
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return failText(c, 400, 'the body is not valid JSON', 'body');
    }
    const parsed = parseRuleTable(raw);
    if (!parsed.ok) {
      const first = parsed.errors[0] ?? 'rules: invalid';
      return c.json({ error: first, field: ruleField(first), reasons: parsed.errors }, 400);
    }
    await deps.store.setSettings({ rules: parsed.rules }, actorName(c));
    return c.json(parsed.rules);
  });

  return app;
}
