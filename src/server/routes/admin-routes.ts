// The admin's routes (issue 5): accounts, settings and the bureau's rule table. Every write is
// audited by the store; password hashes never leave the server.
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  type ApiSettings,
  type ApiUser,
  createUserBody,
  noQuery,
  patchUserBody,
  settingsBody,
} from '../../contract/accounts';
import {
  type AccountProblem,
  checkNewAccount,
  checkRoleFields,
} from '../../domain/access/account-rules';
import type { Scope } from '../../domain/access/actor';
import { msg } from '../../domain/message';
import { parseRuleTable } from '../../domain/zones/rules-schema';
import type { AppEnv, ServerDeps } from '../auth/context';
import { actorOf } from '../auth/context';
import { hashPassword } from '../auth/password';
import { settingsInForce } from '../settings-in-force';
import type { Settings, UserRow } from '../store/store';
import { actorName, fail, readBody, readQuery, refuse } from './route-kit';
import { ruleTableOf } from './rules-in-force';

type Ctx = Context<AppEnv>;
const ALL: Scope = { level: 'all', counties: [] };

/** An account as the API shows it: everything but the password hash. */
function viewUser(u: UserRow): ApiUser {
  const { passwordHash: _, ...rest } = u;
  return { ...rest, organisation: u.organisation ?? null };
}

/** The settings as an admin sees them (the rule table has routes of its own). */
function viewSettings(s: Settings): ApiSettings {
  return settingsInForce(s);
}

const isAdmin = (c: Ctx) => {
  const actor = actorOf(c);
  return actor.kind === 'user' && actor.role === 'admin';
};

/** The register's 河长姓名 fields, which chief accounts are bound to. */
async function registerChiefs(deps: ServerDeps): Promise<string[]> {
  return (await deps.store.listPlans()).map((p) => p.record.chief);
}

/** The 400 of an account rule's problem, naming the field. */
function refuseAccount(c: Ctx, { field, reason }: AccountProblem): Response {
  return fail(c, 400, msg('common.invalidField', { field, why: reason }), { field });
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
    const wrong = checkNewAccount(body.value, await registerChiefs(deps));
    if (wrong) return refuseAccount(c, wrong);
    const created = await deps.store.createUser(
      {
        ...rest,
        person: person ?? null,
        organisation: rest.organisation ?? null,
        scope: scope ?? ALL,
        canPublish: canPublish ?? false,
        passwordHash: await hashPassword(password),
      },
      actorName(c),
    );
    if (!created)
      return fail(c, 409, msg('accounts.username.taken', { username: rest.username }), {
        field: 'username',
      });
    return c.json(viewUser(created), 201);
  });

  app.patch('/api/users/:id', async (c) => {
    if (!isAdmin(c)) return refuse(c, msg('common.what.changeAccounts'));
    const body = await readBody(c, patchUserBody);
    if (!body.ok) return body.response;
    const id = c.req.param('id');
    const user = /^[0-9a-f-]{36}$/.test(id) ? await deps.store.getUser(id) : null;
    if (!user) return fail(c, 404, msg('accounts.noAccount', { id }));
    const { password, ...patch } = body.value;
    if (Object.keys(body.value).length === 0)
      return fail(c, 400, msg('accounts.nothingToChange'), { field: 'body' });
    const wrong = checkRoleFields(
      user.role,
      {
        ...(patch.scope === undefined ? {} : { scope: patch.scope }),
        ...(patch.canPublish === undefined ? {} : { canPublish: patch.canPublish }),
      },
      await registerChiefs(deps),
    );
    if (wrong) return refuseAccount(c, wrong);
    const self = actorOf(c);
    if (patch.disabled === true && self.kind === 'user' && self.id === user.id)
      return refuseAccount(c, { field: 'disabled', reason: msg('accounts.disableSelf') });
    const updated = await deps.store.updateUser(
      user.id,
      {
        ...patch,
        ...(password === undefined ? {} : { passwordHash: await hashPassword(password) }),
      },
      actorName(c),
    );
    if (!updated) return fail(c, 404, msg('accounts.noAccount', { id }));
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
    if (Object.keys(body.value).length === 0)
      return fail(c, 400, msg('accounts.nothingToChange'), { field: 'body' });
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
      return fail(c, 400, msg('common.bodyNotJson'), { field: 'body' });
    }
    const parsed = parseRuleTable(raw);
    if (!parsed.ok) {
      const [first] = parsed.errors;
      return fail(c, 400, first?.message ?? msg('common.invalid.value'), {
        field: first?.field ?? 'body',
        reasons: parsed.errors.map((p) => p.message),
      });
    }
    await deps.store.setSettings({ rules: parsed.rules }, actorName(c));
    return c.json(parsed.rules);
  });

  return app;
}
