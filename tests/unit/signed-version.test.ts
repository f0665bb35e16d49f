// Publishing publishes exactly the version the river chief signed at 审核确定 and at 验收.
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { type SignedMove, signedVersion, signOffs } from '../../src/domain/workflow/signed-version';
import type { StageId } from '../../src/domain/workflow/stages';

let t = 0;
const move = (from: StageId, to: StageId, actor: string, version: number | null): SignedMove => ({
  from,
  to,
  actor,
  version,
  at: new Date(Date.UTC(2026, 11, 1, 0, 0, t++)).toISOString(),
});
const signedPath = (v: number): SignedMove[] => [
  move('consultation', 'field-check', 'planner', v),
  move('field-check', 'review', 'gaopu', v),
  move('review', 'deliverables', 'gaopu', v),
];

describe('signedVersion', () => {
  it('is the version signed at both steps when nothing was saved since', () => {
    const r = signedVersion(signedPath(3), 3);
    expect(r).toMatchObject({
      ok: true,
      version: 3,
      review: { by: 'gaopu' },
      acceptance: { by: 'gaopu' },
    });
  });

  it('refuses a version saved after the sign-off, naming both versions', () => {
    const r = signedVersion(signedPath(3), 4);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toEqual({
      code: 'signoff.newerVersion',
      params: { signed: 3, latest: 4, by: 'gaopu' },
    });
    expect(renderMessage(r.reason, 'zh')).toContain('第 4 版是在 gaopu 签认第 3 版之后保存的');
  });

  it('after a send-back from 公告实施 the chief signs again, at both steps', () => {
    const history = [
      ...signedPath(3),
      move('deliverables', 'published', 'planner', 3),
      move('published', 'deliverables', 'planner', 3),
    ];
    expect(signedVersion(history, 4)).toMatchObject({
      ok: false,
      reason: { code: 'signoff.acceptanceMissing' },
    });
    const backToReview = [...history, move('deliverables', 'review', 'planner', 4)];
    expect(
      signedVersion([...backToReview, move('review', 'deliverables', 'gaopu', 4)], 4),
    ).toMatchObject({
      ok: false,
      reason: { code: 'signoff.reviewMissing' },
    });
    const again = [
      ...backToReview,
      move('review', 'field-check', 'planner', 4),
      move('field-check', 'review', 'gaopu', 4),
      move('review', 'deliverables', 'gaopu', 4),
    ];
    expect(signedVersion(again, 4)).toMatchObject({ ok: true, version: 4 });
  });

  it('refuses sign-offs of two different versions, and moves recorded without a version', () => {
    const mixed = [
      move('field-check', 'review', 'gaopu', 3),
      move('review', 'deliverables', 'gaopu', 4),
    ];
    expect(signedVersion(mixed, 4)).toMatchObject({
      ok: false,
      reason: { code: 'signoff.mismatch' },
    });
    const legacy = [
      move('field-check', 'review', 'gaopu', null),
      move('review', 'deliverables', 'gaopu', null),
    ];
    expect(signedVersion(legacy, 2)).toMatchObject({
      ok: false,
      reason: { code: 'signoff.reviewMissing' },
    });
    expect(signedVersion([], null)).toMatchObject({
      ok: false,
      reason: { code: 'signoff.noVersion' },
    });
  });
});

describe('signOffs', () => {
  it('gives the standing sign-offs; a send-back from 公告实施 to 现场复核 undoes both', () => {
    const path = signedPath(3);
    expect(signOffs(path)).toMatchObject({
      review: { version: 3, by: 'gaopu' },
      acceptance: { version: 3, by: 'gaopu' },
    });
    const back = [
      ...path,
      move('deliverables', 'published', 'planner', 3),
      move('published', 'field-check', 'planner', 3),
    ];
    expect(signOffs(back)).toEqual({ review: null, acceptance: null });
    const again = [...back, move('field-check', 'review', 'gaopu', 4)];
    expect(signOffs(again)).toMatchObject({ review: { version: 4 }, acceptance: null });
  });
});
