// The admin's routes (issues 5 and 19): accounts, settings, the bureau's rule table and the audit
// log, for the admin console (管理). Every write is audited by the store; password hashes never leave
// the server. Views carry a revision: an edit made from an older one is refused (409).
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  type ApiUser,
  adminAuditQuery,
  createUserBody,
  noQuery,
  patchUserBody,
  rulesQuery,
  settingsBody,
} from '../../contract/accounts';
import { langOfAcceptLanguage } from '../../contract/messages/lang';
import { renderMessage } from '../../contract/messages/render';
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

/** A short hash of a value's JSON: the revision an edit is checked against. */
function revisionOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
}

/** An account as the API shows it: everything but the password hash, and its revision. */
function viewUser(u: UserRow): ApiUser {
  const { passwordHash, ...rest } = u;
  const view = { ...rest, organisation: u.organisation ?? null };
  // a new password is a change of the account too (an edit made before it is stale)
  return { ...view, revision: revisionOf({ ...view, passwordHash }) };
}

/** The settings as an admin sees them (the rule table has routes of its own), with revisions. */
function viewSettings(s: Settings) {
  const inForce = settingsInForce(s);
  return { ...inForce, revision: revisionOf(inForce), rulesRevision: revisionOf(ruleTableOf(s)) };
}

/** A 409: the account, the settings or the rule table changed since the editor loaded them. */
function stale(c: Ctx, reason: ReturnType<typeof msg>, current: unknown): Response {
  return fail(c, 409, reason, { current });
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

/**
 * GET/POST /api/users, PATCH /api/users/:id, GET/PUT /api/settings, GET/PUT /api/rules,
 * GET /api/admin/audit.
 */
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
    const { password, base, ...patch } = body.value;
    if (Object.keys(patch).length === 0 && password === undefined)
      return fail(c, 400, msg('accounts.nothingToChange'), { field: 'body' });
    if (base !== undefined && base !== viewUser(user).revision)
      return stale(c, msg('admin.stale.account', { username: user.username }), viewUser(user));
    const wrong = checkRoleFields(
      user.role,
      {
        ...(patch.scope === undefined ? {} : { scope: patch.scope }),
        ...(patch.canPublish === undefined ? {} : { canPublish: patch.canPublish }),
        // the organisation a department keeps unless the patch changes it
        ...(user.role === 'department' || patch.organisation !== undefined
          ? { organisation: patch.organisation ?? user.organisation ?? null }
          : {}),
        ...(user.role === 'chief' ? { person: user.person ?? '' } : {}),
      },
      // a chief's binding is not changed here, so it is not checked against the register again
      [...(await registerChiefs(deps)), user.person ?? ''],
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
    const { base, ...patch } = body.value;
    if (Object.keys(patch).length === 0)
      return fail(c, 400, msg('accounts.nothingToChange'), { field: 'body' });
    const before = viewSettings(await deps.store.getSettings());
    if (base !== undefined && base !== before.revision)
      return stale(c, msg('admin.stale.settings'), before);
    return c.json(viewSettings(await deps.store.setSettings(patch, actorName(c))));
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
    const query = readQuery(c, rulesQuery);
    if (!query.ok) return query.response;
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
      const lang = langOfAcceptLanguage(c.req.header('accept-language'));
      return fail(c, 400, first?.message ?? msg('common.invalid.value'), {
        field: first?.field ?? 'body',
        reasons: parsed.errors.map((p) => p.message),
        // each problem at its cell (`toe.5`, `protection`, …) for the console's table
        problems: parsed.errors.map((p) => ({
          field: p.field,
          error: renderMessage(p.message, lang),
        })),
      });
    }
    const settings = await deps.store.getSettings();
    const { base } = query.value;
    if (base !== undefined && base !== revisionOf(ruleTableOf(settings)))
      return stale(c, msg('admin.stale.rules'), ruleTableOf(settings));
    await deps.store.setSettings({ rules: parsed.rules }, actorName(c));
    return c.json(parsed.rules);
  });

  app.get('/api/admin/audit', async (c) => {
    if (!isAdmin(c)) return refuse(c, msg('common.what.readAudit'));
    const query = readQuery(c, adminAuditQuery);
    if (!query.ok) return query.response;
    const { target, actor, limit = 100, before } = query.value;
    const entries = await deps.store.searchAudit({ target, actor, beforeId: before, limit });
    return c.json(entries, 200, { 'cache-control': 'no-store' });
  });

  return app;
}
