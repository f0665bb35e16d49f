// Reports, reminders, measured draft lengths and the plans' history (issue 14) in both stores: the
// same answers, revisions numbered per unit and month, every write audited, and in SQLite the
// triggers that keep reports and reminders append-only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { NewReport, Store } from '../../src/server/store/store';
import { straightToes } from '../helpers/display-accept';
import { rawSql } from '../helpers/pg-cluster';
import { freshPgStore } from '../helpers/pg-store';
import { bundledRegister } from '../helpers/register';

const { geodata } = bundledRegister();
const seed = { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' };
const clock = () => new Date('2019-12-20T02:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'hejie-reports-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = (over: Partial<NewReport> = {}): NewReport => ({
  unit: '450721',
  month: '2019-12',
  figures: { plans: 8 },
  problems: '底图待补测',
  nextSteps: '意见征求',
  submittedBy: 'planner-lingshan',
  submittedAt: '2019-12-31T15:59:59.000Z',
  late: false,
  ...over,
});

const pgUrls = new Map<string, string>();
const kinds: [string, (name: string) => Store | Promise<Store>][] = [
  ['memory', () => createMemoryStore(clock)],
  ['sqlite', (name) => openSqliteStore(join(dir, `${name}.sqlite`), clock)],
  [
    'postgres',
    async (name) => {
      const s = await freshPgStore(clock);
      pgUrls.set(name, s.url);
      return s;
    },
  ],
];

describe.each(kinds)('%s store', (kind, open) => {
  it('numbers revisions per unit and month, keeps every one, and audits report.submit', async () => {
    const s = await open('revisions');
    await s.seedIfEmpty(seed, 'test');
    const first = await s.addReport(report(), 'planner-lingshan');
    const second = await s.addReport(
      report({ problems: '更正', submittedAt: '2019-12-31T16:00:00.000Z', late: true }),
      'planner-lingshan',
    );
    const other = await s.addReport(report({ unit: '450702' }), 'admin');
    expect([first.revision, second.revision, other.revision]).toEqual([1, 2, 1]);
    expect(second).toMatchObject({ late: true, problems: '更正', figures: { plans: 8 } });
    expect(await s.getReport(first.id)).toEqual(first);
    expect(await s.getReport(9999)).toBeNull();
    expect((await s.listReports('2019-12')).map((r) => r.problems)).toEqual([
      '底图待补测',
      '更正',
      '底图待补测',
    ]);
    expect(await s.listReports('2020-01')).toEqual([]);
    const audit = await s.listAudit('report:450721:2019-12');
    expect(audit.map((a) => [a.action, a.actor, a.detail])).toEqual([
      ['report.submit', 'planner-lingshan', { id: first.id, revision: 1, late: false }],
      ['report.submit', 'planner-lingshan', { id: second.id, revision: 2, late: true }],
    ]);
    await s.close();
  });

  it('records reminders (audited report.remind) and the first measured length of a version', async () => {
    const s = await open('reminders');
    await s.seedIfEmpty(seed, 'test');
    const r = await s.addReminder(
      { unit: '450722', month: '2019-12', by: 'admin', at: '2020-01-02T01:00:00.000Z' },
      'admin',
    );
    expect(await s.listReminders('2019-12')).toEqual([r]);
    expect((await s.listAudit('report:450722:2019-12')).map((a) => a.action)).toEqual([
      'report.remind',
    ]);
    await s.moveStage('county-01', 'not-started', 'draft', 'planner', '');
    await s.saveGeometry('county-01', 0, straightToes(), 'planner', '');
    await s.recordDraftLength('county-01', 1, 1234.5);
    await s.recordDraftLength('county-01', 1, 99); // a later measurement never replaces the first
    expect(await s.listDraftLengths()).toEqual([
      { planId: 'county-01', version: 1, lengthM: 1234.5 },
    ]);
    await s.close();
  });

  it('reads the history: moves, versions and every publication with its figures', async () => {
    const s = await open('history');
    await s.seedIfEmpty(seed, 'test');
    await s.moveStage('county-02', 'not-started', 'draft', 'planner', '');
    await s.saveGeometry('county-02', 0, straightToes(), 'planner', '');
    const line = {
      type: 'Feature' as const,
      geometry: { type: 'LineString' as const, coordinates: [] },
      properties: { kind: 'management-line', lengthM: 700 },
    };
    const board = {
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [108.6, 21.95] },
      properties: { markerType: 'notice-board' },
    };
    const published = await s.publish(
      {
        planId: 'county-02',
        version: 1,
        zones: { type: 'FeatureCollection', features: [line, line] },
        markers: { type: 'FeatureCollection', features: [board] },
        rules: {},
        etag: '"x"',
        publishedAt: '2019-12-20T02:00:00.000Z',
        publishedBy: 'planner',
      },
      'draft',
      'planner',
    );
    expect(published).toBe(true);
    const h = await s.listHistory();
    expect(h.events).toEqual([
      { planId: 'county-02', from: 'not-started', to: 'draft', at: '2019-12-20T02:00:00.000Z' },
      { planId: 'county-02', from: 'draft', to: 'published', at: '2019-12-20T02:00:00.000Z' },
    ]);
    expect(h.versions).toEqual([
      { planId: 'county-02', version: 1, at: '2019-12-20T02:00:00.000Z' },
    ]);
    expect(h.publications).toEqual([
      {
        planId: 'county-02',
        version: 1,
        at: '2019-12-20T02:00:00.000Z',
        lengthM: 1400,
        boundary: 0,
        noticeBoards: 1,
      },
    ]);
    await s.close();
    if (kind === 'postgres') {
      const revisions = pgUrls.get('revisions') as string;
      const reminders = pgUrls.get('reminders') as string;
      await expect(rawSql(revisions, "UPDATE reports SET problems = 'x'")).rejects.toThrow(
        /append-only/,
      );
      await expect(rawSql(revisions, 'DELETE FROM reports')).rejects.toThrow(/append-only/);
      await expect(rawSql(reminders, "UPDATE reminders SET unit = 'x'")).rejects.toThrow(
        /append-only/,
      );
      await expect(rawSql(reminders, 'DELETE FROM reminders')).rejects.toThrow(/append-only/);
      await expect(rawSql(reminders, 'UPDATE draft_lengths SET length_m = 1')).rejects.toThrow(
        /written once/,
      );
      return;
    }
    if (kind !== 'sqlite') return;
    // the database refuses to rewrite history, whoever asks
    const raw = new Database(join(dir, 'revisions.sqlite'));
    expect(() => raw.prepare("UPDATE reports SET problems = 'x'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM reports').run()).toThrow(/append-only/);
    const db = new Database(join(dir, 'reminders.sqlite'));
    expect(() => db.prepare("UPDATE reminders SET unit = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM reminders').run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE draft_lengths SET length_m = 1').run()).toThrow(/written once/);
    raw.close();
    db.close();
  });
});
