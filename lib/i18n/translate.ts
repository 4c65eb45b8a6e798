import { browser } from 'wxt/browser';

/**
 * A UI string in the browser's language (browser.i18n picks vi or en, from
 * public/_locales). Where browser.i18n is unavailable (unit tests, a content
 * script whose extension was reloaded), the Vietnamese text of `table` is
 * used: Vietnamese is our default locale.
 */
export function translate<K extends string>(
  table: Record<K, readonly [string, string]>,
  key: K,
  substitutions: readonly string[],
): string {
  // Outside an extension (the classify CLI, benchmarks) there is no `browser`:
  // asked first, not caught, since a thrown error costs ~30 µs a call in Node.
  if (browser?.i18n) {
    try {
      const message = browser.i18n.getMessage(key as never, [...substitutions]);
      if (message) return message;
    } catch {
      // Fall through to the built-in Vietnamese.
    }
  }
  return table[key][0].replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}
