// What waits for whom (issue 19), the objection rule, and which live events a reader receives.
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import type { UserActor } from '../../src/domain/access/actor';
import { PUBLIC } from '../../src/domain/access/actor';
import type { PlanRecord } from '../../src/domain/plans/plan';
import type { Consultation, DisplayPeriod, Reply } from '../../src/domain/review/review-types';
import { eventFor, type LiveEvent, liveEventOf } from '../../src/domain/workflow/live-events';
import {
  type CommentFacts,
  checkOpenObjections,
  isObjection,
  quote,
} from '../../src/domain/workflow/objections';
import { type TodoPlan, todosFor } from '../../src/domain/workflow/todos';
import { bundledRegister } from '../helpers/register';

const { geodata } = bundledRegister();
const record = (id: string) => geodata.plans.find((p) => p.id === id) as PlanRecord;
const user = (over: Partial<UserActor>): UserActor => ({
  kind: 'user',
  id: 'u',
  username: 'u',
  name: 'U',
  role: 'planner',
  person: null,
  scope: { level: 'all', counties: [] },
  canPublish: true,
  ...over,
});
const gaopu = user({ id: 'g', username: 'gaopu', name: '高朴', role: 'chief', person: '高朴' });
const planner = user({ id: 'p', username: 'planner', name: '规划员' });
const lingshan = user({ username: 'ls', scope: { level: 'county', counties: ['450721'] } });
const sthj = user({
  id: 'd1',
  username: 'dept-sthj',
  role: 'department',
  organisation: '市生态环境局',
});
const admin = user({ username: 'admin', role: 'admin' });
const NOW = new Date('2026-12-21T02:00:00Z');
const zh = (m: { code: string }) => renderMessage(m as never, 'zh');

const comment = (over: Partial<CommentFacts>): CommentFacts => ({
  id: 1,
  author: '高朴',
  text: '城区段左岸堤脚线偏离实际堤防约 5 米',
  at: '2026-12-03T02:00:00Z',
  version: 3,
  objection: true,
  resolution: null,
  ...over,
});
const plan = (id: string, over: Partial<TodoPlan> = {}): TodoPlan => ({
  record: record(id),
  stage: 'not-started',
  overdue: false,
  latest: null,
  comments: [],
  commentAuthors: [],
  rounds: [],
  replies: [],
  displays: [],
  opinions: [],
  ...over,
});
const round: Consultation = {
  id: 1,
  planId: 'city-01',
  version: 3,
  departments: [
    { userId: 'd1', username: 'dept-sthj', name: '生态', organisation: '市生态环境局' },
  ],
  due: '2026-12-17',
  message: '',
  openedBy: 'planner',
  openedAt: '2026-12-03T02:00:00Z',
};

describe('todosFor', () => {
  it('gives the chief the sign-off waiting: 钦江 待您签署：现场复核 → 审核确定（第 3 版）', () => {
    const plans = [
      plan('city-01', { stage: 'field-check', latest: 3 }),
      plan('city-02', { stage: 'field-check', latest: 1 }),
    ];
    const todos = todosFor(gaopu, plans, {}, NOW);
    expect(todos.map((t) => zh(t.message))).toEqual([
      '钦江 待您签署：现场复核 → 审核确定（第 3 版）',
    ]);
    expect(todos[0]?.link).toEqual({ kind: 'plan', planId: 'city-01' });
    const review = todosFor(gaopu, [plan('city-01', { stage: 'review', latest: 3 })], {}, NOW);
    expect(zh(review[0]?.message ?? { code: '' })).toBe(
      '钦江 待您签署：审核确定 → 成果文件制作与验收（第 3 版）',
    );
    expect(
      todosFor(gaopu, [plan('city-01', { stage: 'consultation', latest: 3 })], {}, NOW),
    ).toEqual([]);
  });

  it('gives a planner open comments of others, objections, replies, opinions after the period, lapsed rounds and one overdue item', () => {
    const reply: Reply = {
      id: 7,
      consultationId: 1,
      planId: 'city-01',
      userId: 'd1',
      organisation: '市生态环境局',
      verdict: 'objection',
      text: '',
      lon: null,
      lat: null,
      by: 'dept-sthj',
      at: '2026-12-10T02:00:00Z',
      answer: null,
    };
    const display: DisplayPeriod = {
      id: 4,
      planId: 'city-01',
      version: 3,
      start: '2026-12-10',
      end: '2026-12-16',
      days: 7,
      startedBy: 'planner',
      startedAt: '2026-12-10T02:00:00Z',
    };
    const p = plan('city-01', {
      stage: 'consultation',
      overdue: true,
      comments: [
        comment({}),
        comment({ id: 2, objection: false, text: '同意' }),
        comment({ id: 3, author: '规划员', objection: false }),
        comment({ id: 4, resolution: { reply: '已改', by: 'planner', at: 'x' } }),
      ],
      commentAuthors: ['gaopu', 'gaopu', 'planner', 'gaopu'],
      rounds: [round],
      replies: [reply],
      displays: [display],
      opinions: [
        {
          id: 1,
          planId: 'city-01',
          displayId: 4,
          text: '意见',
          name: null,
          contact: null,
          at: 'x',
          answer: null,
        },
      ],
    });
    const texts = todosFor(planner, [p, plan('city-02', { overdue: true })], {}, NOW).map((t) =>
      zh(t.message),
    );
    expect(texts).toEqual([
      '钦江：高朴 的异议待处理：“城区段左岸堤脚线偏离实际堤防约 5 米”',
      '钦江：高朴 的意见待处理：“同意”',
      '钦江：市生态环境局 的反馈意见待答复',
      '钦江：公示期已结束，1 条公众意见待答复',
      '钦江：征求意见第 1 轮已于 2026-12-17 截止，可推进到现场复核',
      '2 个计划已逾期',
    ]);
    // a county planner's scope holds no city plan
    expect(todosFor(lingshan, [p], {}, NOW)).toEqual([]);
  });

  it('gives a department the rounds waiting for its reply, with the deadline', () => {
    const early = new Date('2026-12-05T02:00:00Z');
    const todos = todosFor(
      sthj,
      [plan('city-01', { stage: 'consultation', rounds: [round] })],
      {},
      early,
    );
    expect(todos.map((t) => [zh(t.message), t.due, t.link])).toEqual([
      [
        '钦江：请于 2026-12-17 前答复征求意见（第 1 轮）',
        '2026-12-17',
        { kind: 'round', planId: 'city-01', round: 1 },
      ],
    ]);
    expect(todosFor(sthj, [plan('city-01', { rounds: [round] })], {}, NOW)).toEqual([]);
  });

  it('gives an admin the unset settings a notice prints', () => {
    expect(todosFor(admin, [], {}, NOW).map((t) => zh(t.message))).toEqual([
      '发布机关尚未设置（公告需要）',
      '监督电话尚未设置（公告需要）',
    ]);
    expect(
      todosFor(admin, [], { noticeAuthority: '钦州市人民政府', supervisionPhone: '0777-1' }, NOW),
    ).toEqual([]);
  });

  it('never mutates its input', () => {
    const plans = [
      plan('city-01', {
        stage: 'field-check',
        latest: 3,
        comments: [comment({})],
        commentAuthors: ['gaopu'],
      }),
    ];
    const copy = structuredClone(plans);
    todosFor(gaopu, plans, {}, NOW);
    todosFor(planner, plans, {}, NOW);
    expect(plans).toEqual(copy);
  });
});

describe('objections', () => {
  it('are marked by the author or are a chief’s pin on the chief’s plan', () => {
    const city01 = record('city-01');
    expect(isObjection(gaopu, city01, { pinned: true, marked: false })).toBe(true);
    expect(isObjection(gaopu, city01, { pinned: false, marked: false })).toBe(false);
    expect(isObjection(planner, city01, { pinned: true, marked: false })).toBe(false);
    expect(isObjection(planner, city01, { pinned: false, marked: true })).toBe(true);
  });

  it('refuse publishing the version they were made on, naming the first', () => {
    const m = checkOpenObjections([comment({}), comment({ id: 2, version: 2 })], 3);
    expect(m && zh(m)).toBe(
      '第 3 版仍有 1 条未处理的异议，不能公告：高朴（2026-12-03）“城区段左岸堤脚线偏离实际堤防约 5 米”。请先在“意见”中答复并处理',
    );
    expect(checkOpenObjections([comment({ version: 2 })], 3)).toBeNull();
    expect(
      checkOpenObjections([comment({ resolution: { reply: 'ok', by: 'p', at: 'x' } })], 3),
    ).toBeNull();
    expect(quote('一二三四五六七八九十一二三四五六七八九十一二三四五\n第二行')).toBe(
      '一二三四五六七八九十一二三四五六七八九十一二三四…',
    );
  });
});

describe('live events', () => {
  const names = (u: string) => ({ gaopu: '高朴', planner: '规划员' })[u] ?? u;
  const entry = (action: string, detail: unknown, target = 'city-01') => ({
    id: 9,
    at: '2026-12-03T02:00:00Z',
    actor: 'gaopu',
    action,
    target,
    detail,
  });
  const move = liveEventOf(
    entry('stage.move', { from: 'field-check', to: 'review', comment: '现场已核', version: 3 }),
    names,
  ) as LiveEvent;

  it('read an audit entry as a small event without private text', () => {
    expect(move).toEqual({
      id: 9,
      change: 'stage',
      planId: 'city-01',
      at: '2026-12-03T02:00:00Z',
      by: '高朴',
      from: 'field-check',
      to: 'review',
      version: 3,
      report: null,
    });
    expect(JSON.stringify(move)).not.toContain('现场已核');
    expect(liveEventOf(entry('user.login', {}), names)).toBeNull();
    expect(
      liveEventOf(entry('publish', { version: 3, fromStage: 'deliverables' }), names),
    ).toMatchObject({ from: 'deliverables', to: 'published' });
  });

  it('reach those who may read the plan; the public hears only of publications and 公示, without who', () => {
    const city01 = record('city-01');
    expect(eventFor(gaopu, move, city01, false)).toBe(move);
    expect(eventFor(lingshan, move, city01, false)).toBeNull();
    expect(eventFor(PUBLIC, move, city01, false)).toBeNull();
    expect(eventFor(sthj, move, city01, true)).toBe(move);
    expect(eventFor(sthj, { ...move, change: 'comment' }, city01, true)).toBeNull();
    expect(eventFor(PUBLIC, { ...move, change: 'published' }, city01, false)).toMatchObject({
      by: null,
    });
    expect(
      eventFor(planner, { ...move, change: 'settings', planId: null }, null, false),
    ).toBeNull();
    expect(
      eventFor(admin, { ...move, change: 'settings', planId: null }, null, false),
    ).not.toBeNull();
  });

  it('tell staff of the bureau’s base data (courses, imagery), not departments or the public', () => {
    const imported = liveEventOf(
      entry('course.import', { version: 2 }, 'river:qinjiang'),
      names,
    ) as LiveEvent;
    expect(imported).toMatchObject({ change: 'basedata', planId: null, version: 2 });
    expect(
      liveEventOf(entry('imagery.public', { public: true }, 'imagery:img-1'), names),
    ).toMatchObject({ change: 'basedata', planId: null });
    expect(eventFor(planner, imported, null, false)).toBe(imported);
    expect(eventFor(gaopu, imported, null, false)).toBe(imported);
    expect(eventFor(sthj, imported, null, false)).toBeNull();
    expect(eventFor(PUBLIC, imported, null, false)).toBeNull();
  });

  it('tell those who see a unit’s row of the matrix of its reports and reminders, no one else', () => {
    const submitted = liveEventOf(
      entry('report.submit', { id: 4, revision: 2, late: false }, 'report:450721:2026-11'),
      names,
    ) as LiveEvent;
    expect(submitted).toMatchObject({
      change: 'report',
      planId: null,
      by: '高朴',
      report: { unit: '450721', month: '2026-11' },
    });
    const reminded = liveEventOf(
      entry('report.remind', { id: 1 }, 'report:450702:2026-11'),
      names,
    ) as LiveEvent;
    expect(reminded).toMatchObject({
      change: 'reminder',
      planId: null,
      report: { unit: '450702', month: '2026-11' },
    });
    // a target that is not a unit's month is no event
    expect(liveEventOf(entry('report.submit', {}, 'report:450721'), names)).toBeNull();
    // the city's supervisors and the chiefs see every row; a county's planner its own
    for (const e of [submitted, reminded]) {
      expect(eventFor(planner, e, null, false)).toBe(e);
      expect(eventFor(admin, e, null, false)).toBe(e);
      expect(eventFor(gaopu, e, null, false)).toBe(e);
      expect(eventFor(sthj, e, null, false)).toBeNull();
      expect(eventFor(PUBLIC, e, null, false)).toBeNull();
    }
    expect(eventFor(lingshan, submitted, null, false)).toBe(submitted);
    expect(eventFor(lingshan, reminded, null, false)).toBeNull();
  });
});
