// Steps of issue 13's review path over HTTP, for browser tests that need a plan at a given point of
// 意见征求 or 公示 before the browser takes over (the whole path does every step in the browser).
import type { Session, TestAccount } from './accounts';
import { login } from './accounts';
import { editFeatures, saveVersion, send } from './plan-writes';

const demo = (username: string, role: TestAccount['role']): TestAccount => ({
  username,
  password: `demo-${username}`,
  role,
});

/** The demo accounts of the path. */
const PLANNER = demo('planner', 'planner');
const CHIEF = demo('gaopu', 'chief');
export const STHJ = demo('dept-sthj', 'department');

/** A JSON write that must succeed; throws with the server's answer otherwise. */
async function must(
  url: string,
  session: Session,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const r = await send(url, session, method, path, body);
  if (!r || r.status >= 300)
    throw new Error(`${method} ${path}: ${r?.status} ${JSON.stringify(r?.body)}`);
  return r.body;
}

/** Moves a plan one stage after the other, as `session`. */
async function moveThrough(url: string, session: Session, planId: string, to: string[]) {
  for (const stage of to)
    await must(url, session, 'POST', `/api/plans/${planId}/stage`, { to: stage });
}

/**
 * The planner saves version 1 of `planId` (the `straight` toe lines), moves it to 意见征求 and
 * opens a round for the named departments; resolves the round's id and the planner's session.
 */
export async function openRoundFor(
  url: string,
  planId: string,
  departments: string[],
  message = '请对钦江管理范围划定草案提出意见',
): Promise<{ round: number; planner: Session }> {
  const planner = await login(url, PLANNER);
  const version = await saveVersion(url, planner, planId, editFeatures(0), '图上初划');
  await moveThrough(url, planner, planId, ['base-map', 'draft', 'consultation']);
  const accounts = (await must(url, planner, 'GET', '/api/departments')) as {
    id: string;
    username: string;
  }[];
  const ids = departments.map((u) => accounts.find((a) => a.username === u)?.id);
  if (ids.some((id) => id === undefined)) throw new Error(`no department among ${departments}`);
  const round = (await must(url, planner, 'POST', `/api/plans/${planId}/consultations`, {
    version,
    departments: ids,
    message,
  })) as { id: number };
  return { round: round.id, planner };
}

/**
 * From a fresh database to an open 公示 of `planId`: a round whose one department replies 无意见,
 * 现场复核, the chief's two sign-offs, and the display started on version 1.
 */
export async function openDisplayFor(url: string, planId: string): Promise<Session> {
  const { round, planner } = await openRoundFor(url, planId, [STHJ.username]);
  const dept = await login(url, STHJ);
  await must(url, dept, 'POST', `/api/consultations/${round}/replies`, { verdict: 'no-objection' });
  await moveThrough(url, planner, planId, ['field-check']);
  const chief = await login(url, CHIEF);
  await moveThrough(url, chief, planId, ['review', 'deliverables']);
  await must(url, planner, 'POST', `/api/plans/${planId}/display`, { version: 1 });
  return planner;
}
