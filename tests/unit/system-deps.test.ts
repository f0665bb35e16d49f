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
  it('installs PostgreSQL 15 and PostGIS 3 for the PostgreSQL store tests', () => {
    const plan = planSystemDeps(['postgresql-15', 'postgresql-15-postgis-3'], 0);
    expect(plan.command).toBe(
      'apt-get update && apt-get install -y --no-install-recommends postgresql-15 postgresql-15-postgis-3',
    );
  });
  it('needs them, checked by the files the test cluster runs', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../scripts/system-deps.mjs', import.meta.url), 'utf8');
    expect(text).toContain(
      "pkg: 'postgresql-15', present: () => existsSync('/usr/lib/postgresql/15/bin/initdb')",
    );
    expect(text).toContain('/usr/share/postgresql/15/extension/postgis.control');
  });
  it('stops with the exact command otherwise', () => {
    const plan = planSystemDeps(['fonts-noto-cjk'], 1000);
    expect(plan.action).toBe('stop');
    expect(plan.message).toContain(
      "sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk'",
    );
  });
});
