// Import and export refusals and the CLI speak the user's language: Chinese first, English second.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { exportFeatures } from '../../src/domain/formats/export/export-features';
import { importFile } from '../../src/domain/formats/import/import-file';
import { englishSentences } from '../helpers/english-sentences';
import { inChinese, inEnglish } from '../helpers/messages';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** A point near 钦州 whose name GBK cannot hold. */
const odd = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [108.6, 21.95] },
      properties: { 名称: '𠮷野家' },
    },
  ],
};

describe('format messages in both languages', () => {
  it('an import refusal: points outside Qinzhou', () => {
    const r = importFile({ name: 'far.csv', bytes: utf8('点号,X,Y\nJ1,2428385.29,36161979.81\n') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [zh] = inChinese(r.errors);
    const [en] = inEnglish(r.errors);
    expect(zh).toMatch(/^按 EPSG:4524 换算，共 1 个要素位于钦州市范围（东经 .*）之外：第 2 行/);
    expect(zh).toContain('请检查坐标系/带号');
    expect(englishSentences(zh as string)).toEqual([]);
    expect(en).toMatch(
      /^1 feature\(s\) fall outside Qinzhou \(.*°E, .*°N\) in EPSG:4524: row 2 at/,
    );
  });

  it('an export refusal: a name GBK cannot encode', () => {
    const r = exportFeatures(odd, {
      format: 'shp',
      crs: 'auto',
      encoding: 'gbk',
      baseName: 'x',
      schema: 'en',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [zh] = inChinese(r.errors);
    expect(zh).toBe(
      '第 0 个要素，属性“名称”：“𠮷”（U+20BB7，“𠮷野家”的第 1 个字符）无法用 GBK 编码，请改用 UTF-8',
    );
    expect(englishSentences(zh as string)).toEqual([]);
    expect(inEnglish(r.errors)).toEqual([
      'feature 0, property "名称": "𠮷" (U+20BB7, character 1 of "𠮷野家") cannot be written in GBK; choose UTF-8',
    ]);
  });

  it('the export warning on crossing 109.5°E reads as a Chinese product would', () => {
    const line = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [109.4, 21.9],
              [109.6, 21.9],
            ],
          },
          properties: {},
        },
      ],
    };
    const r = exportFeatures(line, {
      format: 'shp',
      crs: 'auto',
      encoding: 'utf-8',
      baseName: 'x',
      schema: 'en',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(inChinese(r.warnings)[0]).toMatch(/^要素跨越 109\.5°E（高斯-克吕格 36\/37 带分界/);
  });
});

describe('the CLI follows --lang, then LANG', () => {
  const run = async (args: string[], env: Record<string, string>) => {
    const err: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'hejie-lang-'));
    const input = join(dir, 'odd.geojson');
    writeFileSync(input, JSON.stringify(odd));
    const argv = [
      'export',
      input,
      '--format',
      'shp',
      '--encoding',
      'gbk',
      '-o',
      join(dir, 'o.zip'),
    ];
    const code = await runCli(
      [...argv, ...args],
      () => {},
      (s) => err.push(s),
      { HEJIE_DATA: dir, ...env },
    );
    return { code, err: err.join('\n') };
  };

  it('one refusal: English with --lang en, Chinese under LANG=zh_CN.UTF-8', async () => {
    const en = await run(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' });
    expect(en.code).toBe(1);
    expect(en.err).toContain('cannot be written in GBK; choose UTF-8');
    expect(en.err).toContain('nothing written');
    const zh = await run([], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(1);
    expect(zh.err).toContain('无法用 GBK 编码，请改用 UTF-8');
    expect(zh.err).toContain('未写出任何文件');
    expect(englishSentences(zh.err)).toEqual([]);
    const lcAll = await run([], { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' });
    expect(lcAll.err).toContain('nothing written');
  });

  it('a bad --lang is a clear usage error; help in both languages', async () => {
    const bad = await run(['--lang', 'fr'], { LANG: 'en_US.UTF-8' });
    expect(bad).toEqual({ code: 2, err: '--lang must be zh or en (got "fr")' });
    const out: string[] = [];
    await runCli(
      ['help', '--lang=zh'],
      (s) => out.push(s),
      () => {},
      {},
    );
    expect(out.join()).toMatch(/^河界 Hejie 命令行\n\n用法：/);
    expect(englishSentences(out.join())).toEqual([]);
  });
});
