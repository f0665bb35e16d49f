import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

async function run(args: string[], now = '2020-06-01T12:00:00+08:00') {
  const out: string[] = [];
  const err: string[] = [];
  const env = {
    HEJIE_DATA: mkdtempSync(join(tmpdir(), 'hejie-cli-')),
    HEJIE_NOW: now,
    LANG: 'en_US.UTF-8',
  };
  const code = await runCli(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
    env,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('hejie command line', () => {
  it('lists plans of a county with their overdue status', async () => {
    const r = await run(['plans', '--county', '浦北县']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('武利江\t余镇\t浦北县水利局\t2019年10月\t未开始\t逾期 214 天');
    expect(r.out).toContain('2 / 36 项，逾期 2 项');
  });

  it('filters on-time plans and searches by alias, as JSON', async () => {
    const onTime = await run(['plans', '--on-time']);
    expect(onTime.out).toContain('21 / 36 项，逾期 0 项');
    const alias = await run(['plans', '--q', '武思江', '--json']);
    expect(JSON.parse(alias.out)).toMatchObject([{ id: 'city-03', name: '武惠江' }]);
  });

  it('searches the same text as the API: leader and county too', async () => {
    expect((await run(['plans', '--q', '刘佐'])).out).toContain('7 / 36 项');
    expect((await run(['plans', '--q', '钦南区'])).out).toContain('6 / 36 项');
  });

  it('lists rivers with their map status', async () => {
    const r = await run(['rivers']);
    expect(r.out).toMatch(/南流江\triver\t1 项计划\t浦北县\t已上图/);
    expect(r.out).toMatch(/钦江\triver\t1 项计划\t—\t未上图/);
  });

  it('explains bad input and exits non-zero', async () => {
    expect((await run(['plans', '--county', '南宁'])).code).toBe(2);
    expect((await run(['plans', '--county', '南宁'])).err).toContain('--county must be one of');
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command');
    await expect(run(['plans', '--colour'])).rejects.toThrow(/Unknown option/);
    expect((await run(['help'])).out).toContain('Usage: npm run -s hejie');
  });
});
