// What a publication needs of the bureau's settings (issue 19): a 公告 names its issuing authority
// (发布机关) and a supervision phone (监督电话). Both are legal content the bureau sets; nothing is
// invented, so publishing waits until an admin has set them.
import { type Message, msg } from '../message';

/** The settings a publication prints, as they are in force (null: not set). */
export interface PublishSettings {
  noticeAuthority: string | null;
  supervisionPhone: string | null;
}

const isSet = (v: string | null): boolean => v !== null && v.trim() !== '';

/**
 * Why a plan may not be published with these settings, or null: the notice authority and the
 * supervision phone must both be set; the refusal names what is missing and where to set it.
 * @example checkPublishSettings({ noticeAuthority: '钦州市人民政府', supervisionPhone: null })
 * // msg('admin.publish.settingsMissing', { missing: msg('admin.publish.missingPhone') })
 */
export function checkPublishSettings(settings: PublishSettings): Message | null {
  const authority = isSet(settings.noticeAuthority);
  const phone = isSet(settings.supervisionPhone);
  if (authority && phone) return null;
  const missing =
    !authority && !phone
      ? msg('admin.publish.missingBoth')
      : authority
        ? msg('admin.publish.missingPhone')
        : msg('admin.publish.missingAuthority');
  return msg('admin.publish.settingsMissing', { missing });
}

const PHONE = /^[0-9+()\- ]{3,30}$/;

/**
 * Why a supervision phone is refused, or null: 3–30 digits, spaces, "+", "-", "(" or ")".
 * @example checkSupervisionPhone('请拨打水利局') // msg('admin.phone.format')
 */
export function checkSupervisionPhone(phone: string): Message | null {
  return PHONE.test(phone) ? null : msg('admin.phone.format');
}
