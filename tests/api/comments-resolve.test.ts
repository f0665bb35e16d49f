// Comments can be resolved (issue 19): a chief's pinned comment is an objection on the version it
// was made on; publishing that version is refused (409) naming it until a planner resolves it with
// a reply, once. In process, on the memory store with the demo accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComputePool } from '../../src/server/compute/compute-pool';
import type { Store } from '../../src/server/store/store';
import {
  carryTo,
  displayAndAccept,
  type InProcessApp,
  logInProcess,
  startInProcess,
  testClock,
} from '../helpers/display-accept';

const clock = testClock('2026-12-03T02:00:00Z');
const compute = createComputePool({ size: 1 });
let app: InProcessApp['app'];
let store: Store;
type Headers = Record<string, string>;
let planner: Headers;
let gaopu: Headers;

const login = async (u: string) => {
  const { headers } = await logInProcess(app, u, `demo-${u}`);
  return { ...headers, 'content-type': 'application/json' };
};
const call = (h: Headers, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: h,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  ({ app, store } = await startInProcess({ clock: clock.now, stamp: true, compute }));
  [planner, gaopu] = await Promise.all([login('planner'), login('gaopu')]);
  await carryTo(store, 'city-01', 'deliverables');
});
afterAll(() => compute.close());

describe('objections block publishing until resolved', () => {
  it('records the version and marks a chief’s pinned comment as an objection', async () => {
    const pinned = await call(gaopu, 'POST', '/api/plans/city-01/comments', {
      text: '城区段左岸堤脚线偏离实际堤防约 5 米，请核实后修改',
      lon: 108.605,
      lat: 21.95,
    });
    expect(pinned.status).toBe(201);
    expect(await pinned.json()).toMatchObject({
      author: 'gaopu',
      authorName: '高朴',
      version: 1,
      objection: true,
      resolution: null,
    });
    const remark = await call(planner, 'POST', '/api/plans/city-01/comments', { text: '已收到' });
    expect(await remark.json()).toMatchObject({ objection: false, version: 1 });
    const marked = await call(planner, 'POST', '/api/plans/city-01/comments', {
      text: '界桩 K3 位置存疑',
      objection: true,
    });
    expect(await marked.json()).toMatchObject({ objection: true });
  });

  it('refuses publishing (409) naming the first open objection, then publishes once resolved', async () => {
    await displayAndAccept(app, planner, 'city-01', 1, clock);
    [planner, gaopu] = await Promise.all([login('planner'), login('gaopu')]);
    const refused = await call(planner, 'POST', '/api/plans/city-01/publish', {});
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { code: string; error: string };
    expect(body.code).toBe('live.publish.openObjection');
    expect(body.error).toBe(
      '第 1 版仍有 2 条未处理的异议，不能公告：高朴（2026-12-03）“城区段左岸堤脚线偏离实际堤防约 5 米，请核实后…”。请先在“意见”中答复并处理',
    );
    // the panel's publish gate says the same before anyone presses the button
    const gate = async () =>
      (
        (await (await call(planner, 'GET', '/api/plans/city-01/review')).json()) as {
          publish: { code: string } | null;
        }
      ).publish;
    expect((await gate())?.code).toBe('live.publish.openObjection');
    const comments = (await (await call(planner, 'GET', '/api/plans/city-01/comments')).json()) as {
      id: number;
      objection: boolean;
    }[];
    // a chief may not resolve; an empty reply is refused
    const first = comments[0]?.id;
    expect(
      (await call(gaopu, 'POST', `/api/plans/city-01/comments/${first}/resolve`, { reply: '好' }))
        .status,
    ).toBe(403);
    expect(
      (await call(planner, 'POST', `/api/plans/city-01/comments/${first}/resolve`, { reply: ' ' }))
        .status,
    ).toBe(400);
    expect(
      (await call(planner, 'POST', '/api/plans/city-01/comments/999/resolve', { reply: '好' }))
        .status,
    ).toBe(404);
    for (const c of comments.filter((x) => x.objection)) {
      const done = await call(planner, 'POST', `/api/plans/city-01/comments/${c.id}/resolve`, {
        reply: '已按现场复核结果修正',
      });
      expect(done.status).toBe(200);
      expect(await done.json()).toMatchObject({
        resolution: { reply: '已按现场复核结果修正', by: 'planner', byName: expect.any(String) },
      });
    }
    const again = await call(planner, 'POST', `/api/plans/city-01/comments/${first}/resolve`, {
      reply: '再次',
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('live.comment.alreadyResolved');
    expect(await gate()).toBeNull();
    const published = await call(planner, 'POST', '/api/plans/city-01/publish', {});
    expect(published.status, await published.clone().text()).toBe(201);
    const audit = (await store.listAudit('city-01')).map((a) => a.action);
    expect(audit.filter((a) => a === 'comment.resolve')).toHaveLength(2);
  }, 60_000);

  it('lists the stage history with display names, versions and notes', async () => {
    const res = await call(gaopu, 'GET', '/api/plans/city-01/history');
    expect(res.status).toBe(200);
    const history = (await res.json()) as {
      from: string;
      to: string;
      by: string;
      comment: string;
    }[];
    expect(history.find((h) => h.to === 'review')).toMatchObject({ by: '高朴', comment: 'signed' });
    expect(history.at(-1)).toMatchObject({ to: 'published', comment: '' });
    expect((await app.request('/api/plans/city-01/history')).status).toBe(401);
  });
});
