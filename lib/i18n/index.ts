import { browser } from 'wxt/browser';
import { type MessageKey, STRINGS } from './strings';
import { translate } from './translate';

export type { MessageKey } from './strings';

/** A UI string in the browser's language; Vietnamese where browser.i18n is unavailable (lib/i18n/translate.ts). */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return translate(STRINGS, key, substitutions);
}

/** The UI language in use: 'vi' or 'en' (anything not Vietnamese gets English). */
export function uiLanguage(): 'vi' | 'en' {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('vi') ? 'vi' : 'en';
  } catch {
    return 'vi';
  }
}
