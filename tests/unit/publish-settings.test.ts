import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import {
  checkPublishSettings,
  checkSupervisionPhone,
} from '../../src/domain/review/publish-settings';

describe('checkPublishSettings', () => {
  it('lets a plan be published once the authority and the phone are set', () => {
    expect(
      checkPublishSettings({ noticeAuthority: '钦州市人民政府', supervisionPhone: '0777-2820000' }),
    ).toBeNull();
  });

  it('names what is missing and where to set it', () => {
    const zh = (s: Parameters<typeof checkPublishSettings>[0]) => {
      const m = checkPublishSettings(s);
      return m ? renderMessage(m, 'zh') : null;
    };
    expect(zh({ noticeAuthority: null, supervisionPhone: null })).toBe(
      '尚未设置发布机关和监督电话，不能发布公告。请管理员在 管理 → 公告与公示 中设置发布机关和监督电话',
    );
    expect(zh({ noticeAuthority: '钦州市人民政府', supervisionPhone: ' ' })).toMatch(
      /^尚未设置监督电话，/,
    );
    expect(zh({ noticeAuthority: '', supervisionPhone: '0777-2820000' })).toMatch(
      /^尚未设置发布机关，/,
    );
  });

  it('does not change its input', () => {
    const s = Object.freeze({ noticeAuthority: null, supervisionPhone: '12345' });
    checkPublishSettings(s);
    expect(s).toEqual({ noticeAuthority: null, supervisionPhone: '12345' });
  });
});

describe('checkSupervisionPhone', () => {
  it('takes digits, spaces and + - ( ), 3–30 characters', () => {
    for (const ok of ['0777-2822222', '+86 (777) 2822222', '12345'])
      expect(checkSupervisionPhone(ok), ok).toBeNull();
    for (const bad of ['请拨打水利局', '12', '1'.repeat(31), '0777/282'])
      expect(checkSupervisionPhone(bad)?.code, bad).toBe('admin.phone.format');
  });
});
