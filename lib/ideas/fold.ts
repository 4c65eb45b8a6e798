/**
 * Diacritic-insensitive folding for the idea search: "Đề xuất" and "de xuat"
 * must find each other, because citizens often type without diacritics.
 *
 * lib/text (being written alongside) will own Vietnamese normalization with
 * `foldForSearch`; this local copy exists so the idea log does not wait for it.
 * Swap the import in lib/ideas/filter.ts once lib/text lands.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
