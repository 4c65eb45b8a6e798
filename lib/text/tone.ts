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

/** Spaced-out key of `text`: one `letters+tone` per syllable, separated by spaces. */
export function toneKey(text: string): string {
  const d = text.normalize('NFD').toLowerCase();
  const out: string[] = [];
  let base = '';
  let tone = '';
  const flush = () => {
    if (base) out.push(`${base.normalize('NFC')}${tone}`);
    base = '';
    tone = '';
  };
  for (const ch of d) {
    const cp = ch.codePointAt(0)!;
    const t = TONE_MARKS[cp];
    if (t) {
      tone = t;
      continue;
    }
    if (/[\p{L}\p{N}\p{M}]/u.test(ch)) {
      base += ch === 'ð' ? 'đ' : ch;
      continue;
    }
    // Zero-width characters inside a word do not split it.
    if (/[\u200b-\u200f\u2060-\u206f\ufeff\u00ad]/.test(ch)) continue;
    flush();
  }
  flush();
  return out.join(' ');
}

/** True when `a` and `b` are the same words with the same diacritics (case, NFC/NFD, tone placement aside). */
export function sameWithDiacritics(a: string, b: string): boolean {
  return toneKey(a) === toneKey(b);
}
