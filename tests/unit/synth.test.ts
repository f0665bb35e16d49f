// The synthetic province (hejie synth): the same for a seed, the asked length, flagged in every record,
// written through the store's ordinary writes, and refused into a store that holds other data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { synthProvince } from '../../src/domain/synth/synth-province';
import { createComputePool } from '../../src/server/compute/compute-pool';
import { openPgStore } from '../../src/server/store/pg-store';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { writeSynthProvince } from '../../src/server/write-synth-province';
import { freshPgUrl } from '../helpers/pg-store';
import { bundledRegister } from '../helpers/register';

const dir = mkdtempSync(join(tmpdir(), 'hejie-synth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Great-circle length on a 6,371,008.8 m sphere (independent of the generator's flat metres). */
function haversineM(line: Position[]): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  let m = 0;
  for (let i = 1; i < line.length; i++) {
    const [lon1, lat1] = line[i - 1] as [number, number];
    const [lon2, lat2] = line[i] as [number, number];
    const a =
      Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
    m += 2 * R * Math.asin(Math.sqrt(a));
  }
  return m;
}

const run = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
    { LANG: 'zh_CN.UTF-8' },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('synthProvince', () => {
  it('is the same for a seed and differs for another', () => {
    const a = synthProvince({ plans: 40, km: 400, seed: 7 });
    const b = synthProvince({ plans: 40, km: 400, seed: 7 });
    const c = synthProvince({ plans: 40, km: 400, seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('lays out the asked kilometres within 1 % (mean of the two toe lines, great-circle)', () => {
    for (const [plans, km] of [
      [30, 300],
      [200, 5000],
    ] as const) {
      const r = synthProvince({ plans, km, seed: 1 });
      if (!r.ok) throw new Error(r.error.code);
      const total = r.province.plans.reduce((a, p) => {
        const [l, rt] = p.features.map((f) => haversineM(f.geometry.coordinates));
        return a + ((l as number) + (rt as number)) / 2;
      }, 0);
      expect(Math.abs(total / 1000 - km) / km).toBeLessThan(0.01);
    }
  });

  it('flags every record and keeps reaches in zones 36–37 without crossing 109.5°E', () => {
    const r = synthProvince({ plans: 300, km: 6000, seed: 2 });
    if (!r.ok) throw new Error(r.error.code);
    for (const p of r.province.plans) {
      expect(p.record.id).toMatch(/^synth-\d{5}$/);
      expect(p.record.name).toContain('合成');
      expect(p.record.note).toContain('synthetic');
      expect(p.record.riverId).toMatch(/^synth-river-/);
      for (const f of p.features) {
        expect(f.properties).toMatchObject({ synthetic: true, source: 'synthetic' });
        const lons = f.geometry.coordinates.map((c) => c[0] as number);
        const west = lons.reduce((a, x) => Math.min(a, x), 180);
        const east = lons.reduce((a, x) => Math.max(a, x), -180);
        expect(west).toBeGreaterThan(106.5);
        expect(east).toBeLessThan(112.5);
        expect(west < 109.5 && east > 109.5).toBe(false);
      }
    }
    expect(r.province.waterbodies.every((w) => w.name.startsWith('合成河流'))).toBe(true);
  });

  it('refuses impossible sizes with a reason', () => {
    expect(synthProvince({ plans: 0, km: 10, seed: 1 })).toMatchObject({
      ok: false,
      error: { code: 'synth.badPlans' },
    });
    expect(synthProvince({ plans: 10, km: 1, seed: 1 })).toMatchObject({
      ok: false,
      error: { code: 'synth.badKm' },
    });
  });
});

describe('hejie synth', () => {
  it('writes plans, saved versions, stage moves and real publications, the same for a seed', async () => {
    const files = [join(dir, 'a.sqlite'), join(dir, 'b.sqlite')];
    for (const f of files) {
      const r = await run(['synth', '--plans', '30', '--km', '300', '--seed', '5', '--out', f]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/30 项计划，共 300 km，其中 \d+ 项已公告/);
    }
    const [a, b] = files.map((f) => openSqliteStore(f)) as [
      ReturnType<typeof openSqliteStore>,
      ReturnType<typeof openSqliteStore>,
    ];
    try {
      const pubs = await a.listPublications();
      expect(pubs.length).toBeGreaterThan(3);
      expect(pubs.map((p) => p.etag)).toEqual((await b.listPublications()).map((p) => p.etag));
      for (const p of pubs) {
        expect(p.zones.features.some((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
        expect(p.markers.features.length).toBeGreaterThan(0);
        expect((await a.getPlan(p.planId))?.stage).toBe('published');
      }
      const plans = await a.listPlans();
      expect(plans).toHaveLength(30);
      const moved = await a.listStageEvents('synth-00001');
      expect(moved.length).toBeGreaterThan(0);
      const audit = await a.listAudit();
      expect(audit[0]).toMatchObject({ action: 'seed', detail: { source: 'synthetic' } });
      expect(audit.at(-1)).toMatchObject({ action: 'synth.province', detail: { synthetic: true } });
      expect(audit.map((e) => e.at)).toEqual(audit.map((e) => e.at).toSorted());
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);

  it('refuses a store with plans, and one with other records unless --force', async () => {
    const seeded = join(dir, 'seeded.sqlite');
    const s = openSqliteStore(seeded);
    const { geodata } = bundledRegister();
    await s.seedIfEmpty({ ...geodata, source: 'test' }, 'test');
    await s.close();
    const args = ['synth', '--plans', '5', '--km', '50', '--seed', '1', '--out'];
    const r1 = await run([...args, seeded, '--force']);
    expect(r1.code).toBe(1);
    expect(r1.err).toContain('目标库已有 36 项计划');

    const withAccount = join(dir, 'account.sqlite');
    const t = openSqliteStore(withAccount);
    await t.appendAudit('test', 'settings', 'settings', {});
    await t.close();
    const r2 = await run([...args, withAccount]);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('--force');
    expect((await run([...args, withAccount, '--force'])).code).toBe(0);
  }, 60_000);

  it('never prints a postgres password', async () => {
    const r = await run([
      'synth',
      '--plans',
      '5',
      '--km',
      '50',
      '--seed',
      '1',
      '--to',
      'postgres://hejie:s3cret@db.example:5432/hejie',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('s3cret');
    expect(r.err).toContain('db.example');
  }, 30_000);
});

it('writes into PostgreSQL with --to (the same publications as SQLite)', async () => {
  const url = await freshPgUrl();
  const r = await run(['synth', '--plans', '30', '--km', '300', '--seed', '5', '--to', url]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const pgStore = await openPgStore(url);
  const sqlite = openSqliteStore(join(dir, 'a.sqlite'));
  try {
    const tags = async (s: { listPublications(): Promise<{ etag: string }[]> }) =>
      (await s.listPublications()).map((p) => p.etag).sort();
    expect(await tags(pgStore)).toEqual(await tags(sqlite));
  } finally {
    await pgStore.close();
    await sqlite.close();
  }
}, 60_000);

it('writes through the store interface with a pool (no CLI)', async () => {
  const r = synthProvince({ plans: 12, km: 100, seed: 9 });
  if (!r.ok) throw new Error(r.error.code);
  let now = new Date();
  const store = openSqliteStore(':memory:', () => now);
  const compute = createComputePool({ size: 0 });
  const w = await writeSynthProvince(r.province, {
    store,
    compute,
    setNow: (at) => {
      now = at;
    },
    force: false,
  });
  expect(w).toMatchObject({ ok: true, plans: 12 });
  await store.close();
});
