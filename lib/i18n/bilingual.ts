/**
 * A string-table entry in both languages at once, Vietnamese first. For what a
 * check of a file, a pack or stored data tells the moderator: that text is
 * passed on (pasted into a chat to whoever sent the file, or read in the
 * console), so it reads in both languages whatever the browser's language is.
 * Everything else follows the UI language through `t()` (README,
 * "Where user text lives").
 *
 * A substitution is one text for both languages, or a `[vi, en]` pair (a
 * table entry itself) when it has to be translated too.
 */
export type Substitution = string | readonly [vi: string, en: string];

export function bothLanguages<K extends string>(
  table: Record<K, readonly [string, string]>,
  key: K,
  ...substitutions: readonly Substitution[]
): [vi: string, en: string] {
  const fill = (text: string, lang: 0 | 1) =>
    text.replace(/\$(\d)/g, (_, n: string) => {
      const sub = substitutions[Number(n) - 1];
      return sub === undefined ? '' : typeof sub === 'string' ? sub : sub[lang];
    });
  const [vi, en] = table[key];
  return [fill(vi, 0), fill(en, 1)];
}

/** `bothLanguages` on one line: "Vietnamese / English". */
export function bilingual<K extends string>(
  table: Record<K, readonly [string, string]>,
  key: K,
  ...substitutions: readonly Substitution[]
): string {
  return bothLanguages(table, key, ...substitutions).join(' / ');
}
