// What the browser tests of saving share: a server with the planner's and admin's sessions over
// HTTP, a page logged in as the planner, drafts seeded in localStorage as the app writes them.
import { rmSync } from 'node:fs';
import type { Feature } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { EditFeature } from '../../src/domain/editor/edit-types';
import { draftKey, writeDraft } from '../../src/ui/workspace/editor/local-draft';
import { login, type Session } from './accounts';
import { launchBrowser } from './browser';
import { DESKTOP, LONG, logIn, openPage } from './map-page';
import { editFeatures, saveVersion } from './plan-writes';
import { type RunningServer, startServer } from './server';

export { errorsOf, LONG, PHONE, textOf as text } from './map-page';

/** The saved features as the working copy names them (a feature saved without id: f1, f2, …). */
export function asEdit(features: Feature[], ids?: string[]): EditFeature[] {
  return features.map((f, i) => ({ ...f, id: ids?.[i] ?? f.id ?? `f${i + 1}` }) as EditFeature);
}

export const withProps = (f: EditFeature, p: Record<string, unknown>): EditFeature => ({
  ...f,
  properties: { ...f.properties, ...p },
});

/** Two more toe lines 1 km east of the `straight` reach: the reach 'east'. */
export function eastReach(ids: [string, string]): EditFeature[] {
  return asEdit(editFeatures(0), ids).map((f) => ({
    ...f,
    geometry: {
      type: 'LineString',
      coordinates: (f.geometry as { coordinates: number[][] }).coordinates.map(([x, y]) => [
        (x as number) + 0.01,
        y as number,
      ]),
    },
    properties: { ...f.properties, reach: 'east' },
  }));
}

/** The planner's draft as the app stores it (written by the app's own code), stored 2025-05-20 10:15 China time. */
export function draftText(planId: string, baseVersion: number, features: EditFeature[]): string {
  const store = new Map<string, string>();
  const storage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  writeDraft(storage, 'planner', planId, baseVersion, features, new Date('2025-05-20T02:15:00Z'));
  return store.get(draftKey('planner', planId)) ?? '';
}

/** The planner's stored draft of a plan, as text (null: none). */
export const stored = (page: Page, planId: string) =>
  page.evaluate((k) => localStorage.getItem(k), draftKey('planner', planId));
export const saveState = (page: Page) => page.locator('.save-bar').getAttribute('data-state', LONG);
/** How far the page is wider than the screen (≤ 0: no horizontal scrolling). */
export const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

/** A running server and browser, with the planner's and admin's sessions. */
export interface SaveKit {
  server: RunningServer;
  browser: Browser;
  planner: Session;
  admin: Session;
  api: (
    s: Session,
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<{ status: number; body: Record<string, unknown> }>;
  /** PUTs a version over HTTP, as another session would; the new version number */
  saveOverHttp: (
    s: Session,
    planId: string,
    features: Feature[],
    comment?: string,
  ) => Promise<number>;
  newest: (
    planId: string,
  ) => Promise<{ version: number; features: Feature[]; comment: string; author: string }>;
  /** a page logged in as the planner */
  open: (viewport?: { width: number; height: number }) => Promise<Page>;
  /** opens a plan by its URL, with a draft seeded in localStorage first (or none) */
  openPlan: (page: Page, planId: string, draft: string | null) => Promise<void>;
  /**
   * Restarts the server on the same database with `env` (e.g. a later HEJIE_NOW, once a 公示 must
   * be over), and logs the planner and admin in again; pages must be opened anew.
   */
  restart: (env: Record<string, string>) => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts the real server on a fresh database and the browser, and logs the planner and admin in. */
async function startSaveKit(): Promise<SaveKit> {
  const [first, browser] = await Promise.all([startServer(), launchBrowser()]);
  let server = first;
  const dataDir = server.dataDir;
  let restarted = false;
  const logInBoth = () =>
    Promise.all([
      login(server.url, { username: 'planner', password: 'demo-planner', role: 'planner' }),
      login(server.url, { username: 'admin', password: 'demo-admin', role: 'admin' }),
    ]);
  let [planner, admin] = await logInBoth();
  const api: SaveKit['api'] = async (s, method, path, body) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: s.headers(),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return {
    server,
    browser,
    planner,
    admin,
    api,
    saveOverHttp: (s, planId, features, comment = '') =>
      saveVersion(server.url, s, planId, features, comment),
    newest: async (planId) =>
      (await api(planner, 'GET', `/api/plans/${planId}/geometry`)).body as Awaited<
        ReturnType<SaveKit['newest']>
      >,
    async open(viewport = DESKTOP) {
      const { page } = await openPage(browser, server.url, { viewport });
      await logIn(page, 'planner', 'demo-planner');
      await page.locator('.work-list').waitFor(LONG);
      return page;
    },
    async openPlan(page, planId, draft) {
      if (draft !== null)
        await page.evaluate(
          ([k, v]) => localStorage.setItem(k as string, v as string),
          [draftKey('planner', planId), draft],
        );
      await page.goto(`${server.url}/plan/${planId}`);
      await page.locator(`.plan-panel[data-plan="${planId}"] .save-bar`).waitFor(LONG);
    },
    async restart(this: SaveKit, env) {
      await server.stop(true);
      server = await startServer(env, dataDir);
      restarted = true;
      [planner, admin] = await logInBoth();
      Object.assign(this, { server, planner, admin });
    },
    async stop() {
      await browser.close();
      await server.stop();
      // a server started on a given directory leaves it: this one is the kit's
      if (restarted) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A SaveKit for one test file: started before its tests and stopped after them; the object is
 * filled in once the tests run.
 */
export function saveKitForFile(): SaveKit {
  const kit = {} as SaveKit;
  beforeAll(async () => {
    Object.assign(kit, await startSaveKit());
  }, 120_000);
  afterAll(async () => {
    await kit.stop?.();
  });
  return kit;
}
