// The admin console's dictionary (src/ui/admin/messages-admin.ts): Chinese without English
// sentences, every key in both languages (the type of `en` enforces the keys; here, none is empty).
import { describe, expect, it } from 'vitest';
import { zh } from '../../src/ui/admin/messages-admin';
import { englishSentences } from '../helpers/english-sentences';

describe("the admin console's Chinese dictionary", () => {
  it('has no untranslated English sentence and no empty text', () => {
    const entries = Object.entries(zh as Record<string, string>);
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.filter(([, text]) => text.trim() === '').map(([k]) => k)).toEqual([]);
    const leaks = entries.flatMap(([key, text]) =>
      englishSentences(text).map((s) => `${key}: ${s}`),
    );
    expect(leaks).toEqual([]);
  });
});
