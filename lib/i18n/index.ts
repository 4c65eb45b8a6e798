import { browser } from 'wxt/browser';
import { type MessageKey, STRINGS } from './strings';

export type { MessageKey } from './strings';

/**
 * A UI string in the browser's language (browser.i18n picks vi or en).
 * Where browser.i18n is unavailable (unit tests, a page outside the
 * extension), the Vietnamese text is used: Vietnamese is our default locale.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  try {
    const message = browser.i18n.getMessage(key, substitutions);
    if (message) return message;
  } catch {
    // Fall through to the built-in Vietnamese.
  }
  return STRINGS[key][0].replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

/** The UI language in use: 'vi' or 'en' (anything not Vietnamese gets English). */
export function uiLanguage(): 'vi' | 'en' {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('vi') ? 'vi' : 'en';
  } catch {
    return 'vi';
  }
}
