// Every message code has both catalogs, every code the sources use exists, and no Chinese string
// carries an untranslated English sentence.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/contract/messages/catalogs';
import { langOfAcceptLanguage, langOfEnv } from '../../src/contract/messages/lang';
import { renderMessage } from '../../src/contract/messages/render';
import { msg } from '../../src/domain/message';
import { checkDatabaseFile } from '../../src/server/store/sqlite-files';
import { StoreError } from '../../src/server/store/store-error';
import { zh as accessZh } from '../../src/ui/help/messages-access';
import { zh as appZh } from '../../src/ui/i18n';
import { zh as workspaceZh } from '../../src/ui/workspace/messages';
import { englishSentences } from '../helpers/english-sentences';

const SRC = join(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Every `msg('code'` literal in src/. */
function usedCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(SRC)) {
    const code = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .join('\n');
    for (const m of code.matchAll(/\bmsg\(\s*['"`]([^'"`]+)['"`]/g)) {
      found.set(m[1] as string, file.slice(SRC.length + 1));
    }
  }
  return found;
}

describe('message catalogs', () => {
  it('have the same codes in zh and en, none empty', () => {
    expect(Object.keys(CATALOGS.en).sort()).toEqual(Object.keys(CATALOGS.zh).sort());
    for (const lang of ['zh', 'en'] as const)
      for (const [code, text] of Object.entries(CATALOGS[lang]))
        expect(text.trim(), `${lang} ${code}`).not.toBe('');
  });

  it('name each code the sources use', () => {
    const missing = [...usedCodes()].filter(([code]) => !(code in CATALOGS.zh));
    expect(missing.map(([code, file]) => `${code} (${file})`)).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, zh] of Object.entries(CATALOGS.zh))
      expect(names(CATALOGS.en[code] ?? ''), code).toEqual(names(zh));
  });

  it('have no untranslated English sentence in Chinese', () => {
    const leaks = Object.entries(CATALOGS.zh).flatMap(([code, text]) =>
      englishSentences(text).map((s) => `${code}: ${s}`),
    );
    expect(leaks).toEqual([]);
  });
});

describe("the UI's Chinese dictionaries", () => {
  // the app's (src/ui/i18n.tsx) and the workspaces' (src/ui/workspace/messages.ts with the area
  // files messages-*.ts it merges)
  const dictionaries = { app: appZh, workspace: workspaceZh, access: accessZh } as const;

  it('have no untranslated English sentence', () => {
    // the area files are merged in: a lost spread would make this check pass on nothing
    expect(Object.keys(appZh).length).toBeGreaterThan(100);
    expect(Object.keys(workspaceZh)).toEqual(expect.arrayContaining(['saveRefused', 'importHint']));
    const leaks = Object.entries(dictionaries).flatMap(([name, dict]) =>
      Object.entries(dict as Record<string, string>).flatMap(([key, text]) =>
        englishSentences(text).map((s) => `${name}.${key}: ${s}`),
      ),
    );
    expect(leaks).toEqual([]);
  });
});

describe('englishSentences', () => {
  it('finds three English words in a row, not terms, placeholders or codes', () => {
    expect(englishSentences('河段 {reach} 的左岸线自相交')).toEqual([]);
    expect(englishSentences('按 EPSG:4545（CGCS2000 / 3-degree GK zone 36）输出')).toEqual([]);
    expect(englishSentences('GB 50286-2013 与 GB/T 13923')).toEqual([]);
    expect(englishSentences('河段 {r}: the left line crosses itself')).toEqual([
      'the left line crosses itself',
    ]);
  });
});

describe('renderMessage', () => {
  it('fills placeholders, nested messages first, in the language asked', () => {
    const m = msg('common.unknownMessage', { code: msg('common.unknownMessage', { code: 'x' }) });
    expect(renderMessage(m, 'zh')).toBe('（未翻译的消息 （未翻译的消息 x））');
    expect(renderMessage(m, 'en')).toBe('(untranslated message (untranslated message x))');
  });

  it('marks an unknown code instead of losing the message', () => {
    expect(renderMessage(msg('no.such.code'), 'zh')).toBe('（未翻译的消息 no.such.code）');
  });
});

describe('the language of a request or a command line', () => {
  it('reads Accept-Language by weight, Chinese by default', () => {
    expect(langOfAcceptLanguage(undefined)).toBe('zh');
    expect(langOfAcceptLanguage('en')).toBe('en');
    expect(langOfAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(langOfAcceptLanguage('fr-FR,en;q=0.5,zh;q=0.4')).toBe('en');
    expect(langOfAcceptLanguage('fr-FR')).toBe('zh');
    expect(langOfAcceptLanguage('en;q=0, zh-TW')).toBe('zh');
  });

  it('reads --lang, then LC_ALL / LC_MESSAGES / LANG', () => {
    expect(langOfEnv('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langOfEnv(undefined, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langOfEnv(undefined, { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(langOfEnv(undefined, {})).toBe('zh');
    expect(langOfEnv('fr', {})).toBeNull();
  });
});

describe('store errors that reach a user', () => {
  it('carry their message as data, English in `message` as before', () => {
    const check = checkDatabaseFile('/nonexistent/hejie.sqlite');
    expect(check).toEqual({
      ok: false,
      problem: '/nonexistent/hejie.sqlite does not exist',
      detail: msg('server.store.noFile', { path: '/nonexistent/hejie.sqlite' }),
    });
    if (check.ok) return;
    expect(renderMessage(check.detail, 'zh')).toBe('文件 /nonexistent/hejie.sqlite 不存在');
    const error = new StoreError(msg('server.store.lockFailed', { path: '/x/hejie.lock' }));
    expect(error.message).toBe('could not take the lock /x/hejie.lock');
    expect(renderMessage(error.detail, 'zh')).toBe('无法锁定数据目录（/x/hejie.lock）');
  });
});
