import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import type { Actor, UserActor } from '../../src/domain/access/actor';
import { PUBLIC } from '../../src/domain/access/actor';
import {
  actsAsPlanner,
  canEditGeometry,
  canPublish,
  canReadAudit,
  canReadConsulted,
  canSeeConsultedCoordinates,
  canSeeCoordinates,
  canViewDraft,
  chiefNames,
  isChiefOf,
  isConsulted,
  type PlanAccess,
  type RoundAccess,
} from '../../src/domain/access/permissions';
import { msg } from '../../src/domain/message';
import { STAGES, type StageId, stageName } from '../../src/domain/workflow/stages';
import {
  checkPublish,
  checkStageMove,
  isSendBack,
  type StageMoveCheck,
} from '../../src/domain/workflow/transitions';
import { stageRefusalStatus } from '../../src/server/routes/workflow-routes';

function user(role: UserActor['role'], extra: Partial<UserActor> = {}): UserActor {
  return {
    kind: 'user',
    id: `u-${role}`,
    username: role,
    name: role,
    role,
    person: null,
    scope: { level: 'all', counties: [] },
    canPublish: false,
    ...extra,
  };
}

// Real rows of the register: 钦江 (city, 高朴), 陆屋河 (灵山县, 陈建军), 大风江 钦南段 (钦南区, 饶文勇)
const QINJIANG: PlanAccess = { chief: '高朴', level: '市级', unit: '市水利局' };
const LINGSHAN: PlanAccess = { chief: '陈建军', level: '县级', unit: '灵山县水利局' };
const QINNAN: PlanAccess = { chief: '饶文勇', level: '县级', unit: '钦南区水利局' };
const PLANS = { QINJIANG, LINGSHAN, QINNAN };

const gaoPu = user('chief', { person: '高朴', name: '高朴' });
const chenJianjun = user('chief', { person: '陈建军' });
const plannerAll = user('planner');
const plannerCity = user('planner', { scope: { level: 'city', counties: [] } });
const plannerLingshan = user('planner', { scope: { level: 'county', counties: ['450721'] } });
const publisher = user('planner', { canPublish: true });
const admin = user('admin');

/** Which of the three plans each actor works on as a planner or chief (what drafts they see). */
const SEES: [string, Actor, (keyof typeof PLANS)[]][] = [
  ['public', PUBLIC, []],
  ['chief 高朴', gaoPu, ['QINJIANG']],
  ['chief 陈建军', chenJianjun, ['LINGSHAN']],
  ['chief without person', user('chief'), []],
  ['planner (all)', plannerAll, ['QINJIANG', 'LINGSHAN', 'QINNAN']],
  ['planner (city)', plannerCity, ['QINJIANG']],
  ['planner (灵山县)', plannerLingshan, ['LINGSHAN']],
  ['planner (no counties)', user('planner', { scope: { level: 'county', counties: [] } }), []],
  ['admin', admin, ['QINJIANG', 'LINGSHAN', 'QINNAN']],
];

describe('who sees and edits what', () => {
  it.each(SEES)('%s: drafts, geometry edits, audit and coordinates', (_, actor, mine) => {
    for (const [key, plan] of Object.entries(PLANS)) {
      const own = mine.includes(key as keyof typeof PLANS);
      const planner = own && actor.kind === 'user' && actor.role !== 'chief';
      expect(canViewDraft(actor, plan), key).toBe(own);
      expect(canEditGeometry(actor, plan), key).toBe(planner);
      expect(canReadAudit(actor, plan), key).toBe(own);
      for (const published of [false, true]) {
        expect(canSeeCoordinates(actor, plan, { publicCoordinates: false, published })).toBe(own);
        // the setting opens published coordinates only, never a draft's
        expect(canSeeCoordinates(actor, plan, { publicCoordinates: true, published })).toBe(
          own || published,
        );
      }
    }
  });

  it('publishing needs the publish right (planners) or admin, in scope', () => {
    expect(canPublish(PUBLIC, QINJIANG)).toBe(false);
    expect(canPublish(gaoPu, QINJIANG)).toBe(false);
    expect(canPublish(plannerAll, QINJIANG)).toBe(false);
    expect(canPublish(publisher, QINJIANG)).toBe(true);
    expect(canPublish(admin, LINGSHAN)).toBe(true);
    const cityPublisher = { ...plannerCity, canPublish: true };
    expect(canPublish(cityPublisher, QINJIANG)).toBe(true);
    expect(canPublish(cityPublisher, LINGSHAN)).toBe(false);
  });

  it('the whole audit log is for admins only', () => {
    expect([PUBLIC, gaoPu, plannerAll, publisher, admin].map((a) => canReadAudit(a, null))).toEqual(
      [false, false, false, false, true],
    );
  });

  it('binds a chief to any of several names in one 河长姓名 field, never to a part of a name', () => {
    expect(chiefNames('高朴、王雄昌')).toEqual(['高朴', '王雄昌']);
    expect(chiefNames(' 李磊岩 , 黄毅;蒙启鹏 ')).toEqual(['李磊岩', '黄毅', '蒙启鹏']);
    const shared: PlanAccess = { ...QINJIANG, chief: '王雄昌、高朴' };
    expect(isChiefOf(gaoPu, shared)).toBe(true);
    expect(isChiefOf(user('chief', { person: '高' }), QINJIANG)).toBe(false);
    expect(isChiefOf(user('chief', { person: ' ' }), { ...QINJIANG, chief: ' ' })).toBe(false);
    // a planner named like a chief is still not the chief
    expect(isChiefOf(user('planner', { person: '高朴' }), QINJIANG)).toBe(false);
  });

  it('county scope reads the plan unit, and never opens a city-level plan', () => {
    const both = user('planner', { scope: { level: 'county', counties: ['450721', '450702'] } });
    expect([QINJIANG, LINGSHAN, QINNAN].map((p) => actsAsPlanner(both, p))).toEqual([
      false,
      true,
      true,
    ]);
    // a county planner listing the city's adcode still gets no city-level plan
    const city = user('planner', { scope: { level: 'county', counties: ['450700'] } });
    expect(actsAsPlanner(city, QINJIANG)).toBe(false);
  });

  it('never mutates the actor or the plan', () => {
    const a = structuredClone(plannerLingshan);
    const p = structuredClone(LINGSHAN);
    canViewDraft(Object.freeze(a), Object.freeze(p));
    checkStageMove(a, Object.freeze({ ...p, stage: 'draft' as StageId }), 'draft', 'consultation');
    expect(a).toEqual(plannerLingshan);
    expect(p).toEqual(LINGSHAN);
  });
});

const IDS = STAGES.map((s) => s.id);
const PLANNER_MOVES = [
  'not-started>base-map',
  'base-map>draft',
  'draft>consultation',
  'consultation>field-check',
  // send-backs, one stage
  'base-map>not-started',
  'draft>base-map',
  'consultation>draft',
  'field-check>consultation',
  'review>field-check',
  'deliverables>review',
  // a published plan goes back through review: to 现场复核, then the chief signs again (issue 17)
  'published>field-check',
];
const CHIEF_MOVES = [
  'field-check>review',
  'review>deliverables',
  'field-check>consultation',
  'review>consultation',
];

/** A refusal as the API answers it (status, English reason), or 'ok'. */
function outcome(check: StageMoveCheck): 'ok' | { status: number; reason: string } {
  if (check.ok) return 'ok';
  return { status: stageRefusalStatus(check.reason), reason: renderMessage(check.reason, 'en') };
}

/** Every (from, to) pair an actor may make on a plan that is in `from`. */
function allowedMoves(actor: Actor, plan: PlanAccess): string[] {
  return IDS.flatMap((from) =>
    IDS.filter((to) => checkStageMove(actor, { ...plan, stage: from }, from, to).ok).map(
      (to) => `${from}>${to}`,
    ),
  );
}

describe('stage moves (all 64 pairs for each actor)', () => {
  it('a planner in scope (and an admin) makes the planner steps, one-stage send-backs and 公告实施 → 现场复核', () => {
    for (const a of [plannerAll, plannerCity, publisher, admin]) {
      expect(allowedMoves(a, QINJIANG).sort()).toEqual([...PLANNER_MOVES].sort());
    }
    expect(allowedMoves(plannerLingshan, LINGSHAN).sort()).toEqual([...PLANNER_MOVES].sort());
  });

  it("the plan's chief signs off 现场复核 and 审核确定 and sends back to 意见征求", () => {
    expect(allowedMoves(gaoPu, QINJIANG).sort()).toEqual([...CHIEF_MOVES].sort());
    expect(allowedMoves(chenJianjun, LINGSHAN).sort()).toEqual([...CHIEF_MOVES].sort());
  });

  it('everyone else makes no move at all, with 403 for every pair', () => {
    const outsiders: [Actor, PlanAccess][] = [
      [PUBLIC, QINJIANG],
      [gaoPu, LINGSHAN], // a chief reaching for another river's plan
      [chenJianjun, QINJIANG],
      [plannerCity, LINGSHAN], // a planner outside scope
      [plannerLingshan, QINNAN],
      [plannerLingshan, QINJIANG],
    ];
    for (const [actor, plan] of outsiders) {
      for (const from of IDS) {
        for (const to of IDS) {
          expect(outcome(checkStageMove(actor, { ...plan, stage: from }, from, to))).toMatchObject({
            status: 403,
          });
        }
      }
    }
  });

  it('skipping a stage, staying put and publishing by a move are 400 with a reason', () => {
    const at = (stage: StageId) => ({ ...QINJIANG, stage });
    expect(outcome(checkStageMove(plannerAll, at('not-started'), 'not-started', 'draft'))).toEqual({
      status: 400,
      reason:
        'stages move one at a time: Not started → Draft delineation skips Base map collection',
    });
    expect(
      outcome(checkStageMove(gaoPu, at('field-check'), 'field-check', 'deliverables')),
    ).toMatchObject({
      status: 400,
    });
    expect(outcome(checkStageMove(plannerAll, at('draft'), 'draft', 'draft'))).toMatchObject({
      status: 400,
      reason: 'the plan is already in Draft delineation',
    });
    expect(
      outcome(checkStageMove(admin, at('deliverables'), 'deliverables', 'published')),
    ).toMatchObject({
      status: 400,
      reason: expect.stringContaining('publish'),
    });
    // a planner sends back one stage; two at once is a skip
    expect(
      outcome(checkStageMove(plannerAll, at('review'), 'review', 'consultation')),
    ).toMatchObject({
      status: 400,
    });
    // 400/409/403 counts for a planner in scope over the 64 pairs
    const statuses = IDS.flatMap((from) =>
      IDS.map((to) => {
        const r = outcome(checkStageMove(plannerAll, at(from), from, to));
        return r === 'ok' ? 'ok' : r.status;
      }),
    );
    const count = (s: string | number) => statuses.filter((x) => x === s).length;
    // 11 allowed; 2 chief sign-offs are 403; the rest (8 stay-put, 21 forward skips incl. published,
    // 1 deliverables → published, 21 backward skips) are 400
    expect([count('ok'), count(403), count(400), count(409)]).toEqual([11, 2, 51, 0]);
  });

  it('a planner doing a chief sign-off, or a chief doing a planner step, is 403', () => {
    const at = (stage: StageId) => ({ ...QINJIANG, stage });
    expect(
      outcome(checkStageMove(plannerAll, at('field-check'), 'field-check', 'review')),
    ).toMatchObject({
      status: 403,
      reason: "Field check → Review and approval is signed off by the plan's river chief",
    });
    expect(outcome(checkStageMove(admin, at('review'), 'review', 'deliverables'))).toMatchObject({
      status: 403,
    });
    expect(outcome(checkStageMove(gaoPu, at('draft'), 'draft', 'consultation'))).toMatchObject({
      status: 403,
      reason: "Draft delineation → Consultation is a planner's step",
    });
    expect(
      outcome(checkStageMove(gaoPu, at('deliverables'), 'deliverables', 'review')),
    ).toMatchObject({
      status: 403,
    });
  });

  it('a caller who saw an older stage gets 409', () => {
    expect(
      outcome(
        checkStageMove(plannerAll, { ...QINJIANG, stage: 'consultation' }, 'draft', 'consultation'),
      ),
    ).toEqual({ status: 409, reason: 'the plan is in Consultation now, not Draft delineation' });
  });

  it('a send-back needs a comment; asked without one, the move is open', () => {
    const at = (stage: StageId) => ({ ...QINJIANG, stage });
    expect(checkStageMove(gaoPu, at('review'), 'review', 'consultation').ok).toBe(true);
    expect(outcome(checkStageMove(gaoPu, at('review'), 'review', 'consultation', ' '))).toEqual({
      status: 400,
      reason: 'comment: say why the plan is sent back',
    });
    expect(checkStageMove(gaoPu, at('review'), 'review', 'consultation', '堤脚线不符').ok).toBe(
      true,
    );
    // a forward move needs none
    expect(checkStageMove(plannerAll, at('draft'), 'draft', 'consultation', '').ok).toBe(true);
  });

  it('publishes only from 成果文件制作与验收, and only with the publish right', () => {
    const at = (stage: StageId) => ({ ...QINJIANG, stage });
    expect(checkPublish(publisher, at('deliverables'))).toEqual({ ok: true });
    expect(checkPublish(admin, at('review'))).toEqual({
      ok: false,
      reason: msg('workflow.publish.wrongStage', {
        from: stageName('deliverables'),
        stage: stageName('review'),
      }),
    });
    expect(checkPublish(plannerAll, at('deliverables'))).toEqual({
      ok: false,
      reason: msg('workflow.publish.notAllowed'),
    });
  });

  it('tells send-backs from forward moves', () => {
    expect(isSendBack('review', 'consultation')).toBe(true);
    expect(isSendBack('review', 'deliverables')).toBe(false);
    expect(isSendBack('draft', 'draft')).toBe(false);
  });
});

describe('departments (issue 13): the rounds that consult them, read-only', () => {
  const sthj = user('department', { id: 'u-sthj', organisation: '市生态环境局' });
  const zrzy = user('department', { id: 'u-zrzy', organisation: '市自然资源局' });
  const department = (u: UserActor) => ({
    userId: u.id,
    username: u.username,
    name: u.name,
    organisation: u.organisation ?? '',
  });
  const round: RoundAccess = { departments: [department(sthj)] };

  it('see no draft, edit nothing, publish nothing, read no audit and no coordinates of any plan', () => {
    for (const d of [sthj, zrzy])
      for (const plan of Object.values(PLANS)) {
        expect(canViewDraft(d, plan)).toBe(false);
        expect(canEditGeometry(d, plan)).toBe(false);
        expect(actsAsPlanner(d, plan)).toBe(false);
        expect(canPublish({ ...d, canPublish: true }, plan)).toBe(false);
        expect(canReadAudit(d, plan)).toBe(false);
        expect(canSeeCoordinates(d, plan, { publicCoordinates: false, published: false })).toBe(
          false,
        );
      }
    expect(canReadAudit(sthj, null)).toBe(false);
  });

  it('read a round only when it names them; staff of the plan read it too, nobody else', () => {
    expect(isConsulted(sthj, round)).toBe(true);
    expect(isConsulted(zrzy, round)).toBe(false);
    // the same id with another role is not a department
    expect(isConsulted({ ...sthj, role: 'planner' }, round)).toBe(false);
    expect(isConsulted(PUBLIC, round)).toBe(false);
    expect(canReadConsulted(sthj, QINJIANG, round)).toBe(true);
    expect(canReadConsulted(zrzy, QINJIANG, round)).toBe(false);
    expect(canReadConsulted(gaoPu, QINJIANG, round)).toBe(true);
    expect(canReadConsulted(chenJianjun, QINJIANG, round)).toBe(false);
    expect(canReadConsulted(plannerLingshan, QINJIANG, round)).toBe(false);
    expect(canReadConsulted(plannerCity, QINJIANG, round)).toBe(true);
    expect(canReadConsulted(PUBLIC, QINJIANG, round)).toBe(false);
  });

  it("see a consulted version's coordinates only when the admin setting allows them", () => {
    expect(canSeeConsultedCoordinates(sthj, QINJIANG, round, false)).toBe(false);
    expect(canSeeConsultedCoordinates(sthj, QINJIANG, round, true)).toBe(true);
    expect(canSeeConsultedCoordinates(zrzy, QINJIANG, round, true)).toBe(false);
    expect(canSeeConsultedCoordinates(plannerAll, QINJIANG, round, false)).toBe(true);
    expect(canSeeConsultedCoordinates(PUBLIC, QINJIANG, round, true)).toBe(false);
  });
});
