// The review records (意见征求, 公示, 验收) in both stores: written once, answered once, audited in
// the same transaction, refused at the wrong stage; the SQLite tables refuse updates and deletes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Feature } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { INITIAL_STAGE, STAGES, type StageId, stageIndex } from '../../src/domain/workflow/stages';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { NewUser, Store } from '../../src/server/store/store';
import { rawSql } from '../helpers/pg-cluster';
import { freshPgStore } from '../helpers/pg-store';
import { bundledRegister } from '../helpers/register';

const { geodata } = bundledRegister();
const seed = { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' };
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 11, 3, 0, 0, tick++));
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

function sqlitePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hejie-review-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'hejie.sqlite');
}

const line: Feature = {
  type: 'Feature',
  properties: { role: 'toe' },
  geometry: {
    type: 'LineString',
    coordinates: [
      [109.1, 21.9],
      [109.2, 22],
    ],
  },
};
/** A week's 公示 of version 1 of city-01, from Thursday 3 December 2026. */
const WEEK = {
  planId: 'city-01',
  version: 1,
  start: '2026-12-03',
  end: '2026-12-09',
  days: 7,
  startedBy: 'p',
};

const department: NewUser = {
  username: 'sthj',
  name: '生态环境局联络员',
  role: 'department',
  organisation: '市生态环境局',
  person: null,
  scope: { level: 'all', counties: [] },
  canPublish: false,
  passwordHash: 'scrypt$x',
};

async function atStage(store: Store, stage: 'consultation' | 'deliverables'): Promise<void> {
  await store.seedIfEmpty(seed, 'test');
  await store.saveGeometry('city-01', 0, [line], 'planner', 'v1');
  // from 未开始 through every stage up to `stage`, one move at a time
  let from: StageId = INITIAL_STAGE;
  for (const { id: to } of STAGES.slice(1, stageIndex(stage) + 1)) {
    await store.moveStage('city-01', from, to, 'planner', '');
    from = to;
  }
}

type Made = { store: Store; path: string | null; url: string | null };
describe.each([
  [
    'memory',
    async (): Promise<Made> => ({ store: createMemoryStore(clock), path: null, url: null }),
  ],
  [
    'sqlite',
    async (): Promise<Made> => {
      const path = sqlitePath();
      return { store: openSqliteStore(path, clock), path, url: null };
    },
  ],
  [
    'postgres',
    async (): Promise<Made> => {
      const store = await freshPgStore(clock);
      cleanup.push(() => void store.close());
      return { store, path: null, url: store.url };
    },
  ],
] as const)('review records (%s)', (_kind, make) => {
  it('opens a round, takes one reply per department and one answer per objection', async () => {
    const { store } = await make();
    await atStage(store, 'consultation');
    const user = await store.createUser(department, 'admin');
    if (!user) throw new Error('no account');
    expect(user?.organisation).toBe('市生态环境局');
    const dept = {
      userId: user.id,
      username: 'sthj',
      name: user.name,
      organisation: '市生态环境局',
    };
    const round = {
      planId: 'city-01',
      version: 1,
      departments: [dept],
      due: '2026-12-17',
      message: '请提意见',
      openedBy: 'planner',
    };
    const opened = await store.openConsultation(round, 'planner');
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(await store.consultationsOf(user.id)).toEqual([opened.value]);
    const reply = {
      consultationId: opened.value.id,
      planId: 'city-01',
      userId: user.id,
      organisation: '市生态环境局',
      verdict: 'objection' as const,
      text: '注意保护区',
      lon: 108.6,
      lat: 22.0,
      by: 'sthj',
    };
    const first = await store.addReply(reply, 'sthj');
    expect(first.ok).toBe(true);
    const again = await store.addReply(reply, 'sthj');
    expect(again).toEqual({ ok: false, refused: { code: 'review.reply.already' } });
    if (!first.ok) return;
    const answered = await store.answerReply(
      first.value.id,
      { decision: 'partly', reason: '已调整', version: 1, by: 'planner' },
      'planner',
    );
    expect(answered.ok && answered.value.answer?.decision).toBe('partly');
    expect(
      (
        await store.answerReply(
          first.value.id,
          { decision: 'adopted', reason: 'x', version: null, by: 'planner' },
          'planner',
        )
      ).ok,
    ).toBe(false);
    expect((await store.listReplies('city-01'))[0]?.answer?.reason).toBe('已调整');
    const actions = (await store.listAudit('city-01')).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['consultation.open', 'consultation.reply', 'consultation.answer']),
    );
  });

  it('refuses a round outside 意见征求 and a display outside 成果文件制作与验收', async () => {
    const { store } = await make();
    await atStage(store, 'deliverables');
    const round = {
      planId: 'city-01',
      version: 1,
      departments: [],
      due: '2026-12-17',
      message: 'm',
      openedBy: 'p',
    };
    expect(await store.openConsultation(round, 'p')).toEqual({
      ok: false,
      refused: { code: 'review.consultation.wrongStage' },
    });
    const display = await store.startDisplay(WEEK, 'p');
    expect(display.ok).toBe(true);
    if (!display.ok) return;
    const opinion = await store.addPublicOpinion(
      {
        planId: 'city-01',
        displayId: display.value.id,
        text: '<b>界桩太近</b>',
        name: null,
        contact: '138',
      },
      'public',
    );
    expect(opinion.text).toBe('<b>界桩太近</b>');
    const answer = await store.answerPublicOpinion(
      opinion.id,
      { decision: 'rejected', reason: '符合标准', version: null, by: 'p' },
      'p',
    );
    expect(answer.ok).toBe(true);
    const file = {
      sha256: 'a'.repeat(64),
      size: 10,
      name: '验收.pdf',
      mediaType: 'application/pdf' as const,
    };
    const acceptance = await store.addAcceptance(
      {
        planId: 'city-01',
        version: 1,
        date: '2026-12-10',
        body: '钦州市水利局',
        members: '甲、乙',
        conclusion: 'pass',
        remarks: '',
        file,
        recordedBy: 'p',
      },
      'p',
    );
    expect(await store.listAcceptances('city-01')).toEqual([acceptance]);
    expect(await store.getAcceptance(acceptance.id)).toEqual(acceptance);
    expect(await store.getAcceptance(acceptance.id + 1)).toBeNull();
    expect(await store.listDisplays('city-01')).toEqual([display.value]);
    const detail = (await store.listAudit('city-01')).find(
      (a) => a.action === 'display.opinion',
    )?.detail;
    expect(JSON.stringify(detail)).not.toContain('138');
  });

  it('keeps the records append-only in the database itself', async () => {
    const { store, path, url } = await make();
    if (path === null && url === null) return;
    await atStage(store, 'deliverables');
    const display = await store.startDisplay(WEEK, 'p');
    if (!display.ok) throw new Error('display');
    const opinion = await store.addPublicOpinion(
      { planId: 'city-01', displayId: display.value.id, text: 'x', name: null, contact: null },
      'public',
    );
    await store.answerPublicOpinion(
      opinion.id,
      { decision: 'adopted', reason: 'r', version: null, by: 'p' },
      'p',
    );
    if (url !== null) {
      // PostgreSQL: the same refusals from plpgsql triggers
      await expect(rawSql(url, 'UPDATE displays SET days = 1')).rejects.toThrow(/immutable/);
      await expect(rawSql(url, 'DELETE FROM public_opinions')).rejects.toThrow(/immutable/);
      await expect(rawSql(url, "UPDATE public_opinions SET text = 'y'")).rejects.toThrow(/once/);
      await expect(rawSql(url, 'UPDATE public_opinions SET answer = NULL')).rejects.toThrow(/once/);
      return;
    }
    const db = new Database(path as string);
    cleanup.push(() => db.close());
    expect(() => db.prepare('UPDATE displays SET days = 1').run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM public_opinions').run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE public_opinions SET text = 'y'").run()).toThrow(/once/);
    expect(() => db.prepare('UPDATE public_opinions SET answer = NULL').run()).toThrow(/once/);
  });
});

describe('schema 5', () => {
  it('upgrades a schema-4 database: accounts kept (sessions end), departments allowed', async () => {
    const { migrationsUpTo } = await import('../../src/server/store/sqlite-migrations');
    const path = sqlitePath();
    const db = new Database(path);
    db.pragma('foreign_keys = ON');
    db.transaction(() => {
      for (const [i, sql] of migrationsUpTo(4).entries()) {
        db.exec(sql);
        db.pragma(`user_version = ${i + 1}`);
      }
    })();
    db.prepare(
      `INSERT INTO users (id, username, name, role, person, scope, can_publish, password_hash, created_at)
       VALUES ('u1', 'gaopu', '高朴', 'chief', '高朴', '{"level":"all","counties":[]}', 0, 'h', 'now')`,
    ).run();
    db.prepare("INSERT INTO sessions VALUES ('s1', 'u1', 'c', 'now', '2099-01-01')").run();
    db.close();
    const store = openSqliteStore(path, clock);
    cleanup.push(() => void store.close());
    expect((await store.getUserByUsername('gaopu'))?.organisation).toBeNull();
    expect(await store.getSession('s1')).toBeNull();
    expect((await store.createUser(department, 'admin'))?.role).toBe('department');
    expect(
      await store
        .createUser({ ...department, username: 'x', organisation: null }, 'admin')
        .catch((e: Error) => e.message),
    ).toMatch(/CHECK/);
  });
});
