// Issue 13's publish gate in tests: a version is published only after a finished 公示 with every
// opinion answered and a 合格 acceptance record (with its signed PDF). These helpers carry a plan
// through both, in process (an injectable clock moved past the display's end) or on a real server
// (restarted on the same data directory with a later HEJIE_NOW, since the display must end); and
// they set up the in-process app the review's API tests share (memory store, demo accounts, a plan
// carried to a stage).
import type { Feature } from 'geojson';
import { expect } from 'vitest';
import { addDays, endOfChinaDay } from '../../src/domain/review/review-dates';
import type { DisplayPeriod } from '../../src/domain/review/review-types';
import { type AppOptions, createApp } from '../../src/server/app';
import { seedDemoAccounts } from '../../src/server/auth/demo-accounts';
import type { ComputePool } from '../../src/server/compute/compute-pool';
import type { FileStore } from '../../src/server/files/file-store';
import { createMemoryStore } from '../../src/server/store/memory-store';
import type { Store } from '../../src/server/store/store';
import type { AccountServer } from './accounts';
import { setPublishSettings, setPublishSettingsOverHttp } from './publish-settings';
import { bundledRegister } from './register';

/**
 * A small valid PDF (one empty A4 page, a correct cross-reference table): what a scanner would
 * produce, only smaller. `note` goes into a comment so that different documents differ.
 */
export function tinyPdf(note = 'acceptance'): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>',
  ];
  let out = `%PDF-1.4\n%${note.replace(/[^\x20-\x7e]/g, '_')}\n`;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A clock the test moves: what `createApp({ clock })` reads. */
export interface TestClock {
  now: () => Date;
  set: (iso: string) => void;
}

/** A test clock starting at `iso`. */
export function testClock(iso: string): TestClock {
  let t = new Date(iso);
  return { now: () => new Date(t), set: (s) => (t = new Date(s)) };
}

/** The instant just after a display period ends (its last day's 24:00 China time, plus an hour). */
export function afterDisplay(period: Pick<DisplayPeriod, 'end'>): string {
  return new Date(Date.parse(endOfChinaDay(period.end)) + 3_600_000).toISOString();
}

/** A 合格 acceptance form of `version` with a tiny PDF. */
export function acceptanceForm(
  version: number,
  over: Partial<Record<'date' | 'body' | 'members' | 'conclusion' | 'remarks', string>> = {},
  file: { bytes: Uint8Array; name: string } = { bytes: tinyPdf(), name: '验收意见.pdf' },
): FormData {
  const form = new FormData();
  const fields = {
    version: String(version),
    date: '2026-12-01',
    body: '钦州市水利局',
    members: '张三、李四、王五',
    conclusion: 'pass',
    remarks: '',
    ...over,
  };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([file.bytes as BlobPart], { type: 'application/pdf' }), file.name);
  return form;
}

/** What the in-process variant needs: the app and the planner's session headers (JSON). */
interface InProcess {
  request: (path: string, init?: RequestInit) => Response | Promise<Response>;
}

/**
 * In process: starts a display of `version` (1 day), records a 合格 acceptance of the version, and
 * moves `clock` past the display's end; the plan must be at 成果文件制作与验收. `headers` are a
 * planner's (cookie, CSRF token, JSON content type); sessions last 8 hours, so log in again after.
 */
export async function displayAndAccept(
  app: InProcess,
  headers: Record<string, string>,
  plan: string,
  version: number,
  clock: TestClock,
): Promise<void> {
  const shown = await app.request(`/api/plans/${plan}/display`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ version, days: 1 }),
  });
  expect(shown.status, await shown.clone().text()).toBe(201);
  const { 'content-type': _json, ...form } = headers;
  const accepted = await app.request(`/api/plans/${plan}/acceptance`, {
    method: 'POST',
    headers: form,
    body: acceptanceForm(version),
  });
  expect(accepted.status, await accepted.clone().text()).toBe(201);
  clock.set(afterDisplay((await shown.json()) as DisplayPeriod));
}

/**
 * On a real server (`startWithAccounts`): starts a 1-day display of `version` as `who`, records a
 * 合格 acceptance, then restarts the server on the same data directory with HEJIE_NOW the day after
 * the display (every account logs in again). The server keeps that date until `restart({})`.
 */
export async function displayAndAcceptOnServer<K extends string>(
  app: AccountServer<K>,
  who: K,
  plan: string,
  version: number,
): Promise<void> {
  const shown = await app.call(who, 'POST', `/api/plans/${plan}/display`, { version, days: 1 });
  expect(shown.status, await shown.clone().text()).toBe(201);
  const period = (await shown.json()) as DisplayPeriod;
  const accepted = await app.upload(who, `/api/plans/${plan}/acceptance`, acceptanceForm(version));
  expect(accepted.status, await accepted.clone().text()).toBe(201);
  await app.restart({ HEJIE_NOW: dayAfterDisplay(period) });
}

/**
 * Over HTTP as a logged-in session: a 1-day display of `version` and a 合格 acceptance of it, and
 * the notice's authority and phone set by the demo admin (issue 19) unless `publishSettings` is
 * false; answers the HEJIE_NOW to restart the server with so that the display is over.
 */
export async function displayAndAcceptOverHttp(
  url: string,
  session: { headers: () => Record<string, string>; cookie: string; csrf: string },
  plan: string,
  version: number,
  { publishSettings = true }: { publishSettings?: boolean } = {},
): Promise<string> {
  const shown = await fetch(`${url}/api/plans/${plan}/display`, {
    method: 'POST',
    headers: session.headers(),
    body: JSON.stringify({ version, days: 1 }),
  });
  expect(shown.status, await shown.clone().text()).toBe(201);
  const accepted = await uploadAcceptance(url, session, plan, version);
  expect(accepted.status, await accepted.clone().text()).toBe(201);
  if (publishSettings) await setPublishSettingsOverHttp(url);
  return dayAfterDisplay((await shown.json()) as DisplayPeriod);
}

/** HEJIE_NOW for a server restarted after a display: the day after its last day, 10:00 China time. */
function dayAfterDisplay(period: Pick<DisplayPeriod, 'end'>): string {
  return `${addDays(period.end, 1)}T10:00:00+08:00`;
}

/** Records a 合格 acceptance of `version` over HTTP as a logged-in session (cookie and CSRF token). */
function uploadAcceptance(
  url: string,
  session: { cookie: string; csrf: string },
  plan: string,
  version: number,
): Promise<Response> {
  return fetch(`${url}/api/plans/${plan}/acceptance`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: acceptanceForm(version),
  });
}

/** The in-process app of an API test and its memory store (the bundled register, demo accounts). */
export interface InProcessApp {
  app: ReturnType<typeof createApp>;
  store: Store;
  /** another app over the same store and options (a restarted server: cold caches), `extra` added */
  another: (extra?: Partial<AppOptions>) => ReturnType<typeof createApp>;
}

/**
 * A memory store seeded with the bundled register and the demo accounts, and the app over it (demo
 * mode, no front end). `clock` is the app's; with `stamp` the store stamps its records on it too.
 * The notice's authority and phone are set (publishing needs them) unless `publishSettings` is false.
 * @example const { app, store } = await startInProcess({ clock: clock.now, compute })
 */
export async function startInProcess(
  opts: {
    clock?: () => Date;
    stamp?: boolean;
    compute?: ComputePool;
    files?: FileStore;
    publishSettings?: boolean;
  } = {},
): Promise<InProcessApp> {
  const { geodata } = bundledRegister();
  const { clock, stamp, publishSettings = true, ...deps } = opts;
  const store = createMemoryStore(stamp ? clock : undefined);
  await store.seedIfEmpty(
    { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' },
    'test',
  );
  await seedDemoAccounts(store, 'test');
  if (publishSettings) await setPublishSettings(store);
  const options: AppOptions = {
    store,
    geodata,
    distDir: null,
    demo: true,
    tiandituKey: null,
    ...(clock ? { clock } : {}),
    ...deps,
  };
  return {
    app: createApp(options),
    store,
    another: (extra = {}) => createApp({ ...options, ...extra }),
  };
}

/**
 * Logs `username` in on the in-process app: the session's cookie and CSRF token as request headers,
 * and the account's id. Throws with the server's answer when the login is refused.
 */
export async function logInProcess(
  app: InProcessApp['app'],
  username: string,
  password: string,
): Promise<{ headers: Record<string, string>; id: string }> {
  const res = await app.request('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = /hejie_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrf, actor } = (await res.json()) as { csrf: string; actor: { id: string } };
  return { headers: { cookie, 'x-csrf-token': csrf }, id: actor.id };
}

/**
 * Two class-2 toe lines ±40 m around a 1 km west → east reach of 钦江 near 钦州 (30 m of 护堤地),
 * moved north by `shift` degrees.
 */
export function straightToes(shift = 0): Feature[] {
  const toe = (role: string, dLat: number): Feature => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [0, 1, 2, 3, 4].map((i) => [108.6 + i * 0.0025, 21.95 + shift + dLat]),
    },
    properties: { reach: 'QJ-A', river: 'qinjiang', role, embankmentClass: 2, widthM: 30 },
  });
  return [toe('toe-left', 0.00036), toe('toe-right', -0.00036)];
}

/**
 * Straight into the store: saves version `version` of `plan` (the `straightToes`, or `features`)
 * and carries the plan from its stage to 现场复核, then with the chief's (gaopu's) sign-off to 审核确定
 * and, if `to` says so, 成果文件制作与验收.
 */
export async function carryTo(
  store: Store,
  plan: string,
  to: 'review' | 'deliverables',
  { version = 1, features = straightToes() }: { version?: number; features?: Feature[] } = {},
): Promise<void> {
  await store.saveGeometry(plan, version - 1, features, 'test', '');
  const stage = (await store.getPlan(plan))?.stage ?? 'not-started';
  if (stage !== 'field-check') await store.moveStage(plan, stage, 'field-check', 'test', 'test');
  await store.moveStage(plan, 'field-check', 'review', 'gaopu', 'signed');
  if (to === 'deliverables')
    await store.moveStage(plan, 'review', 'deliverables', 'gaopu', 'signed');
}
