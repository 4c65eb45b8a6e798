/**
 * "Exact" for Vietnamese means same letters, same vowel marks, same tone — not
 * the same bytes: NFC and NFD differ, and the tone mark of "hoà"/"hòa",
 * "thuỷ"/"thủy", "khoẻ"/"khỏe" sits on either vowel depending on the writer's
 * keyboard (both are correct). This key keeps each syllable's letters (with
 * â ă ê ô ơ ư đ) and moves its tone to the end, so placement stops mattering.
 */

const TONE_MARKS: Readonly<Record<number, string>> = {
  768: '2', // huyền
  769: '1', // sắc
  771: '4', // ngã
  777: '3', // hỏi
  803: '5', // nặng
  // Old fonts and some keyboards produce these for sắc/huyền.
  832: '2',
  833: '1',
};

const LETTER_NUMBER_MARK = /[\p{L}\p{N}\p{M}]/u;
/** Zero-width characters and the soft hyphen: invisible inside a word, they split nothing. */
export const INVISIBLE_IN_WORD = /[\u00ad\u200b-\u200f\u2060-\u206f\ufeff]/;

/** Spaced-out key of `text`: one `letters+tone` per syllable, separated by spaces. */
export function toneKey(text: string): string {
  const d = text.normalize('NFD').toLowerCase();
  const out: string[] = [];
  let base = '';
  let tone = '';
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    // The ASCII letters, digits and separators that make up most of NFD
    // Vietnamese skip the two regexes below.
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      base += d[i];
      continue;
    }
    if (c >= 0x80) {
      const t = TONE_MARKS[c];
      if (t) {
        tone = t;
        continue;
      }
      const cp = d.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      if (LETTER_NUMBER_MARK.test(ch)) {
        base += ch === 'ð' ? 'đ' : ch;
        continue;
      }
      // Zero-width characters inside a word do not split it.
      if (INVISIBLE_IN_WORD.test(ch)) continue;
    }
    if (base) out.push(`${base.normalize('NFC')}${tone}`);
    base = '';
    tone = '';
  }
  if (base) out.push(`${base.normalize('NFC')}${tone}`);
  return out.join(' ');
}

/** True when `a` and `b` are the same words with the same diacritics (case, NFC/NFD, tone placement aside). */
export function sameWithDiacritics(a: string, b: string): boolean {
  return toneKey(a) === toneKey(b);
}
