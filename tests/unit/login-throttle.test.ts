// The login throttle counts per (username, address), so a stranger cannot lock a user out of the
// user's usual address; a higher per-username ceiling still stops a guess spread over addresses.
// The counts live in the store, so the rule is checked on all three stores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../../src/server/auth/throttle';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { freshPgStore } from '../helpers/pg-store';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

let now = new Date('2026-12-03T08:00:00Z');
const clock = () => now;

const kinds: [string, () => Store | Promise<Store>][] = [
  ['memory', () => createMemoryStore(clock)],
  [
    'sqlite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'hejie-throttle-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      return openSqliteStore(join(dir, 'hejie.sqlite'), clock);
    },
  ],
  ['postgres', () => freshPgStore(clock)],
];

const fail = async (t: ReturnType<typeof createLoginThrottle>, user: string, addr: string) => {
  const a = await t.attempt(user, addr);
  return a.ok ? 'counted' : a.retryAfter;
};

describe.each(kinds)('login throttle on the %s store', (_kind, open) => {
  const throttle = async () => {
    now = new Date('2026-12-03T08:00:00Z');
    const store = await open();
    cleanup.push(() => store.close());
    return createLoginThrottle(store, clock);
  };

  it("a stranger's 5 wrong passwords lock out only the stranger's address", async () => {
    const t = await throttle();
    for (let i = 0; i < 5; i++) expect(await fail(t, 'gaopu', '203.0.113.9')).toBe('counted');
    expect(await fail(t, 'gaopu', '203.0.113.9')).toBe(900);
    const own = await t.attempt('gaopu', '10.1.2.3');
    expect(own.ok).toBe(true);
  });

  it('the name waits for everyone after 50 failures from many addresses within 15 minutes', async () => {
    const t = await throttle();
    for (let i = 0; i < 50; i++)
      expect(await fail(t, 'planner', `198.51.100.${i}`)).toBe('counted');
    expect(await fail(t, 'planner', '10.1.2.3')).toBe(900);
    expect((await t.attempt('admin', '10.1.2.3')).ok).toBe(true);
  });

  it('a success forgives its own pair, not the failures from elsewhere', async () => {
    const t = await throttle();
    for (let i = 0; i < 4; i++) await fail(t, 'gaopu', '10.1.2.3');
    const ok = await t.attempt('gaopu', '10.1.2.3');
    expect(ok.ok).toBe(true);
    if (ok.ok) await ok.succeed();
    for (let i = 0; i < 5; i++) expect(await fail(t, 'gaopu', '10.1.2.3')).toBe('counted');
    expect(await fail(t, 'gaopu', '10.1.2.3')).toBe(900);
  });

  it('the wait shrinks as the oldest failure ages, and the window forgets it', async () => {
    const t = await throttle();
    for (let i = 0; i < 5; i++) {
      expect(await fail(t, 'gaopu', '203.0.113.9')).toBe('counted');
      now = new Date(now.getTime() + 60_000);
    }
    // 5 failures at 0, 1, 2, 3, 4 min; now 5 min: the first leaves the window at 15 min
    expect(await fail(t, 'gaopu', '203.0.113.9')).toBe(600);
    now = new Date(now.getTime() + 600_000);
    expect(await fail(t, 'gaopu', '203.0.113.9')).toBe('counted');
    expect(await fail(t, 'gaopu', '203.0.113.9')).toBe(60);
  });
});
