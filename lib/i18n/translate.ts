import { browser } from 'wxt/browser';

/**
 * Slots handed to getMessage once per key: the message comes back with them
 * where its $1…$9 go, and each later call fills them itself. A Private Use
 * Area character cannot occur in our messages.
 */
const SLOT = '\uE000';
const SLOTS = Array.from({ length: 9 }, (_, i) => `${SLOT}${i + 1}`);
const FILL = /\uE000(\d)/g;

/**
 * Each message's template, read from browser.i18n once per key: a call into
 * the extension API costs ~40 µs in a content script, and every flag's
 * explanation asks for two or three messages (4–6 % of the content script's
 * time on the page benchmark). The browser's language cannot change while the
 * script lives; the cache is tied to the getMessage function it was read from,
 * so a test that swaps it (an English browser) reads afresh.
 */
let templates = new Map<string, string | null>();
let readFrom: unknown = null;

function template(key: string): string | null {
  const getMessage: unknown = browser?.i18n ? browser.i18n.getMessage : undefined;
  if (getMessage !== readFrom) {
    templates = new Map();
    readFrom = getMessage;
  }
  let t = templates.get(key);
  if (t === undefined) {
    t = null;
    // Outside an extension (the classify CLI, benchmarks) there is no `browser`:
    // asked first, not caught, since a thrown error costs ~30 µs a call in Node.
    if (getMessage) {
      try {
        t = browser.i18n.getMessage(key as never, SLOTS) || null;
      } catch {
        // A content script whose extension was reloaded: the built-in Vietnamese.
      }
    }
    templates.set(key, t);
  }
  return t;
}

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
  const t = template(key);
  if (t !== null) return t.replace(FILL, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return table[key][0].replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}
