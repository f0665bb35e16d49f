import { randomUUID } from 'node:crypto';
import type { Waterbody } from '../../domain/rivers/waterbody';
import { INITIAL_STAGE } from '../../domain/workflow/stages';
import {
  DEFAULT_SETTINGS,
  newUserDetail,
  settingsDetail,
  userPatchDetail,
  userTarget,
} from './audit-detail';
import { memoryCourses } from './memory-courses';
import { memoryImagery } from './memory-imagery';
import { memoryLogins } from './memory-logins';
import { memoryReports } from './memory-reports';
import { memoryReview } from './memory-review';
import { memoryWorkflow } from './memory-workflow';
import { SCHEMA_VERSION } from './sqlite-migrations';
import type {
  AuditEntry,
  PlanRow,
  SeedData,
  SessionRow,
  Settings,
  Store,
  StoreInfo,
  UserRow,
} from './store';

/** The in-memory twin of the SQLite store, for unit tests. Returns copies, never its own state. */
export function createMemoryStore(clock: () => Date = () => new Date()): Store {
  let plans: PlanRow[] = [];
  let waterbodies: Waterbody[] = [];
  const audit: AuditEntry[] = [];
  const users: UserRow[] = [];
  let sessions: SessionRow[] = [];
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let seededAt: string | null = null;
  const copy = <T>(v: T): T => structuredClone(v);
  const write = (at: string, actor: string, action: string, target: string, detail: unknown) => {
    audit.push({ id: audit.length + 1, at, actor, action, target, detail: copy(detail ?? null) });
  };
  const userById = (id: string) => users.find((u) => u.id === id) ?? null;
  return {
    async info(): Promise<StoreInfo> {
      return { kind: 'memory', location: null, schemaVersion: SCHEMA_VERSION, seededAt };
    },
    async seedIfEmpty(data: SeedData, actor: string) {
      if (plans.length > 0) return { seeded: false };
      const at = clock().toISOString();
      plans = data.plans.map((record) => ({
        record: copy(record),
        stage: INITIAL_STAGE,
        updatedAt: at,
      }));
      waterbodies = copy([...data.waterbodies]);
      seededAt = at;
      write(at, actor, 'seed', 'register', {
        source: data.source,
        plans: plans.length,
        waterbodies: waterbodies.length,
      });
      return { seeded: true };
    },
    async listPlans() {
      return copy(plans).sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
    },
    async getPlan(id: string) {
      return copy(plans.find((p) => p.record.id === id) ?? null);
    },
    async listWaterbodies() {
      return copy(waterbodies);
    },
    async listAudit(target?: string) {
      return copy(audit.filter((a) => target === undefined || a.target === target));
    },
    async revision() {
      return audit.length;
    },
    async auditSince(afterId, limit) {
      return copy(audit.filter((a) => a.id > afterId).slice(0, limit));
    },
    async searchAudit(q) {
      const has = (text: string, part: string | undefined) =>
        !part || text.toLowerCase().includes(part.toLowerCase());
      const found: AuditEntry[] = [];
      for (let i = audit.length - 1; i >= 0 && found.length < q.limit; i--) {
        const a = audit[i] as AuditEntry;
        if (q.beforeId !== undefined && a.id >= q.beforeId) continue;
        if (has(a.target, q.target) && has(a.actor, q.actor)) found.push(a);
      }
      return copy(found);
    },
    async appendAudit(actor, action, target, detail) {
      write(clock().toISOString(), actor, action, target, detail);
    },
    async createUser(user, actor) {
      if (users.some((u) => u.username === user.username)) return null;
      const at = clock().toISOString();
      const row: UserRow = {
        ...copy(user),
        organisation: user.organisation ?? null,
        id: randomUUID(),
        disabled: false,
        createdAt: at,
      };
      users.push(row);
      write(at, actor, 'user.create', userTarget(user.username), newUserDetail(user));
      return copy(row);
    },
    async getUser(id) {
      return copy(userById(id));
    },
    async getUserByUsername(username) {
      return copy(users.find((u) => u.username === username) ?? null);
    },
    async listUsers() {
      return copy(users).sort((a, b) => (a.username < b.username ? -1 : 1));
    },
    async updateUser(id, patch, actor, keepSession) {
      const user = userById(id);
      if (!user) return null;
      const defined = Object.fromEntries(
        Object.entries(patch).filter(([, v]) => v !== undefined),
      ) as typeof patch;
      Object.assign(user, copy(defined));
      if (patch.disabled === true) sessions = sessions.filter((s) => s.userId !== id);
      else if (patch.passwordHash !== undefined)
        sessions = sessions.filter((s) => s.userId !== id || s.id === keepSession);
      write(
        clock().toISOString(),
        actor,
        'user.update',
        userTarget(user.username),
        userPatchDetail(patch),
      );
      return copy(user);
    },
    async createSession(session) {
      if (!userById(session.userId)) throw new Error(`unknown user "${session.userId}"`);
      if (sessions.some((s) => s.id === session.id)) throw new Error('session id already exists');
      sessions.push({ ...session });
    },
    async getSession(id) {
      return copy(sessions.find((s) => s.id === id) ?? null);
    },
    async deleteSession(id) {
      sessions = sessions.filter((s) => s.id !== id);
    },
    async deleteExpiredSessions(now) {
      const before = sessions.length;
      sessions = sessions.filter((s) => s.expiresAt >= now);
      return before - sessions.length;
    },
    async getSettings() {
      return copy(settings);
    },
    async setSettings(patch, actor) {
      const defined = Object.fromEntries(
        Object.entries(patch).filter(([, v]) => v !== undefined),
      ) as Partial<Settings>;
      settings = { ...settings, ...copy(defined) };
      write(clock().toISOString(), actor, 'settings.update', 'settings', settingsDetail(patch));
      return copy(settings);
    },
    ...memoryWorkflow({ plans: () => plans, audit: write, clock }),
    ...memoryReview({ plans: () => plans, audit: write, clock }),
    ...memoryCourses({ audit: write, clock }),
    ...memoryImagery(write, clock),
    ...memoryLogins(),
    ...memoryReports(write),
    async backup() {
      throw new Error('the in-memory store has no file to back up');
    },
    async close() {},
  };
}
