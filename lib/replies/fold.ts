/**
 * A private stand-in for `foldForSearch` from lib/text (being written in
 * parallel). TODO(lead): switch callers to `foldForSearch` from lib/text once
 * it lands and delete this file; the behaviour below is the minimum we rely on.
 *
 * Folding lets "bao gio", "de xuat", "cam on" (typed without diacritics, as
 * many commenters do) meet the phrases a moderator writes with diacritics.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
