// The login throttle counts per (username, address), so a stranger cannot lock a user out of the
// user's usual address; a higher per-username ceiling still stops a guess spread over addresses.
import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../../src/server/auth/throttle';

const fail = (t: ReturnType<typeof createLoginThrottle>, user: string, addr: string) => {
  const a = t.attempt(user, addr);
  return a.ok ? 'counted' : a.retryAfter;
};

describe('login throttle', () => {
  const clock = () => new Date('2026-12-03T08:00:00Z');

  it("a stranger's 5 wrong passwords lock out only the stranger's address", () => {
    const t = createLoginThrottle(clock);
    for (let i = 0; i < 5; i++) expect(fail(t, 'gaopu', '203.0.113.9')).toBe('counted');
    expect(fail(t, 'gaopu', '203.0.113.9')).toBe(900);
    const own = t.attempt('gaopu', '10.1.2.3');
    expect(own.ok).toBe(true);
  });

  it('the name waits for everyone after 50 failures from many addresses within 15 minutes', () => {
    const t = createLoginThrottle(clock);
    for (let i = 0; i < 50; i++) expect(fail(t, 'planner', `198.51.100.${i}`)).toBe('counted');
    expect(fail(t, 'planner', '10.1.2.3')).toBe(900);
    expect(t.attempt('admin', '10.1.2.3').ok).toBe(true);
  });

  it('a success forgives its own pair, not the failures from elsewhere', () => {
    const t = createLoginThrottle(clock);
    for (let i = 0; i < 4; i++) fail(t, 'gaopu', '10.1.2.3');
    const ok = t.attempt('gaopu', '10.1.2.3');
    expect(ok.ok).toBe(true);
    if (ok.ok) ok.succeed();
    for (let i = 0; i < 5; i++) expect(fail(t, 'gaopu', '10.1.2.3')).toBe('counted');
    expect(fail(t, 'gaopu', '10.1.2.3')).toBe(900);
  });
});
