import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { planSystemDeps } from '../../scripts/system-deps.mjs';

describe('npm test on a fresh Debian machine', () => {
  it('does nothing when chromium and the CJK fonts are there', () => {
    expect(planSystemDeps([], 1000)).toEqual({ action: 'none' });
  });
  it('installs them with apt-get as root (as CI runs)', () => {
    expect(planSystemDeps(['chromium', 'fonts-noto-cjk'], 0)).toEqual({
      action: 'install',
      command:
        'apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk',
    });
  });
  it('stops with the exact command otherwise', () => {
    const plan = planSystemDeps(['fonts-noto-cjk'], 1000);
    expect(plan.action).toBe('stop');
    expect(plan.message).toContain(
      "sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk'",
    );
  });
});
