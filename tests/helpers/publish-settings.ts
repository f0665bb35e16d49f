// Publishing needs the notice's issuing authority and supervision phone (issue 19): the test helpers
// that carry a plan to publication set them first, as an admin would in 管理 → 公告与公示.
import type { Store } from '../../src/server/store/store';

/** What the tests set: plainly test values, never printed by a real bureau. */
const PUBLISH_SETTINGS = {
  noticeAuthority: '测试发布机关',
  supervisionPhone: '0777-0000019',
} as const;

/** Sets the two settings straight in a store (in-process apps, provisioning before a start). */
export async function setPublishSettings(store: Store): Promise<void> {
  await store.setSettings({ ...PUBLISH_SETTINGS }, 'test:publish-settings');
}

/** Puts `body` to the settings over HTTP as the demo admin (a demo-mode server). */
async function putAsDemoAdmin(url: string, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo-admin' }),
  });
  if (res.status !== 200) throw new Error(`demo admin login: ${res.status} ${await res.text()}`);
  const cookie = /hejie_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrf } = (await res.json()) as { csrf: string };
  const put = await fetch(`${url}/api/settings`, {
    method: 'PUT',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (put.status !== 200) throw new Error(`settings: ${put.status} ${await put.text()}`);
  await fetch(`${url}/api/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
}

/** Sets the two settings over HTTP as the demo admin (a demo-mode server). */
export const setPublishSettingsOverHttp = (url: string): Promise<void> =>
  putAsDemoAdmin(url, PUBLISH_SETTINGS);

/**
 * Clears them again once published, for tests of what unset settings print (尚未设置): documents
 * read the settings per request.
 */
export const clearPublishSettingsOverHttp = (url: string): Promise<void> =>
  putAsDemoAdmin(url, { noticeAuthority: null, supervisionPhone: null });
