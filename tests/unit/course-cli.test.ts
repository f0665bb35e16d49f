// `hejie course import` against a temporary HEJIE_DATA folder: the synthetic course becomes 钦江's
// version 1 and its map status 已上图（局数据）; refusals exit 1 (2 for usage) and keep nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { syntheticCourseFile } from '../helpers/synthetic-course';

const dir = mkdtempSync(join(tmpdir(), 'hejie-course-cli-'));
const file = join(dir, 'synthetic-course.geojson');
writeFileSync(file, syntheticCourseFile());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
    {
      HEJIE_DATA: join(dir, 'data'),
      LANG: 'zh_CN.UTF-8',
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const versions = async () => {
  const store = openSqliteStore(join(dir, 'data', 'hejie.sqlite'));
  const list = await store.listCourses();
  await store.close();
  return list;
};

describe('hejie course import', () => {
  it('imports the synthetic course and prints the features added and the new map status', async () => {
    const r = await cli(
      'course',
      'import',
      '钦江',
      file,
      '--source',
      '合成测试数据',
      '--date',
      '2021-06',
      '--declassified',
      'no',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已导入钦江河道底图第 1 版：4 个要素（中心线 1、岸线 2、水面 1）');
    expect(r.out).toContain('仅工作人员可见');
    expect(r.out).toContain('钦江的上图状态：已上图（局数据）');
    const rivers = await cli('rivers');
    expect(rivers.out).toMatch(/钦江\t.*已上图（局数据）/);
  });

  it('refuses an unknown river, public while not declassified, a bad option; keeps nothing', async () => {
    const unknown = await cli('course', 'import', '不存在河', file);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('计划表中没有名为“不存在河”的河流或水库');
    const pub = await cli('course', 'import', 'qinjiang', file, '--public');
    expect(pub.code).toBe(1);
    expect(pub.err).toContain('不能向公众公开');
    expect((await cli('course', 'import', 'qinjiang', file, '--declassified', 'maybe')).code).toBe(
      2,
    );
    expect((await cli('course', 'import', 'qinjiang')).code).toBe(2);
    expect((await versions()).map((v) => v.version)).toEqual([1]);
  });

  it('a declassified course may be imported public', async () => {
    const r = await cli(
      'course',
      'import',
      'qinjiang',
      file,
      '--declassified',
      'yes',
      '--public',
      '--unit',
      '合成测绘队',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('第 2 版');
    expect(r.out).toContain('公众可见');
    expect((await versions())[0]).toMatchObject({ version: 2, public: true, unit: '合成测绘队' });
  });
});
