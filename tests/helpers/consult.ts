// 意见征求 for tests that carry a plan past it (issue 13): a plan leaves 意见征求 for 现场复核 only
// after a round in which every department replied (or lapsed) and every objection was answered. The
// shortest such round: one department, which replies 无意见.
import { type AccountServer, type Session, type TestAccount, testAccount } from './accounts';

/** A department account for tests that provision their own accounts. */
export const TEST_DEPARTMENT: TestAccount = testAccount('test-dept-sthj', {
  role: 'department',
  organisation: '市生态环境局',
});

/** The demo department 市生态环境局 (demo mode seeds it). */
export const DEMO_DEPARTMENT: TestAccount = {
  username: 'dept-sthj',
  password: 'demo-dept-sthj',
  role: 'department',
  organisation: '市生态环境局',
};

/** A request as the plan's planner or as the department. */
export type ConsultCall = (
  as: 'planner' | 'department',
  method: string,
  path: string,
  body?: unknown,
) => Promise<Response>;

async function expectOk<T>(res: Promise<Response>, status: number, what: string): Promise<T> {
  const r = await res;
  const text = await r.text();
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Opens a round on the plan's newest version (at 意见征求) consulting the department named
 * `department`, which replies 无意见: the plan may then move on to 现场复核. Resolves the round's id;
 * throws with the server's answer when a step fails.
 * @example await consultThrough(call, 'city-01', 'dept-sthj')
 */
export async function consultThrough(
  call: ConsultCall,
  planId: string,
  department: string,
): Promise<number> {
  const departments = await expectOk<{ id: string; username: string }[]>(
    call('planner', 'GET', '/api/departments'),
    200,
    'GET /api/departments',
  );
  const dept = departments.find((d) => d.username === department);
  if (!dept) throw new Error(`no enabled department account "${department}"`);
  const { versions } = await expectOk<{ versions: { version: number }[] }>(
    call('planner', 'GET', `/api/plans/${planId}/versions`),
    200,
    `versions of ${planId}`,
  );
  const version = versions[0]?.version;
  if (version === undefined) throw new Error(`${planId} has no saved version to consult on`);
  const round = await expectOk<{ id: number }>(
    call('planner', 'POST', `/api/plans/${planId}/consultations`, {
      version,
      departments: [dept.id],
      message: `请审阅 ${planId} 第 ${version} 版划界成果`,
    }),
    201,
    `round on ${planId}`,
  );
  await expectOk(
    call('department', 'POST', `/api/consultations/${round.id}/replies`, {
      verdict: 'no-objection',
    }),
    201,
    `reply of ${department} on ${planId}`,
  );
  return round.id;
}

/**
 * `consultThrough` against a server process: the planner's and the department's sessions (see
 * `login` in ./accounts).
 */
export function consultOverHttp(
  url: string,
  sessions: { planner: Session; department: Session },
  planId: string,
  department: string,
): Promise<number> {
  const call: ConsultCall = (as, method, path, body) =>
    fetch(`${url}${path}`, {
      method,
      headers: sessions[as].headers(),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return consultThrough(call, planId, department);
}

/**
 * `consultThrough` on a server started by `startWithAccounts` (./accounts), as two of its accounts:
 * a planner of the plan and a department (e.g. `TEST_DEPARTMENT`).
 */
export function consultOn<K extends string>(
  server: Pick<AccountServer<K>, 'call'>,
  as: { planner: K; department: K },
  planId: string,
  department: string,
): Promise<number> {
  return consultThrough(
    (who, method, path, body) => server.call(as[who], method, path, body),
    planId,
    department,
  );
}
