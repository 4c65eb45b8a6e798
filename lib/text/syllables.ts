import {
  codeUnitsToString,
  FOLD,
  FOLD_IGNORABLE,
  FOLD_LAZY,
  FOLD_SEPARATOR,
  foldAt,
  LOOKALIKE_DIGITS,
} from './fold';

/**
 * The folded form of a comment, tokenised into syllables: syllable t's folded
 * letters are `chars[from[t], to[t])`, its original text `[start[t], end[t])`.
 * Parallel typed arrays, not an object per syllable: the page folds every comment.
 */
export interface FoldedText {
  chars: Uint16Array;
  count: number;
  from: Int32Array;
  to: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** 1 for a run of digits. */
  digits: Uint8Array;
}

/**
 * Fold and split into syllables, keeping where each one stands in the original
 * text (for explanations). Letters and digits are separate syllables ("100k" →
 * "100", "k"), as the rule matcher splits them.
 *
 * `reuse`: a FoldedText from an earlier call whose arrays are filled again when
 * they are long enough (the judge folds every comment on the page: six typed
 * arrays per comment were a tenth of its time, with the garbage they left).
 * The result is `reuse` itself or, for a longer comment, a new one; either way
 * only `[0, count)` of it (and the chars its syllables span) is meaningful.
 */
export function foldText(text: string, reuse?: FoldedText): FoldedText {
  // A syllable takes at least one code unit: "a5a5a5" is six (digits and letters
  // alternate). The bound used to be half the length, which lost the syllables
  // past it (left undefined) on such text.
  const cap = text.length + 1;
  // A reused buffer that is too short is replaced by one twice the size, so that
  // an occasional longer comment does not reallocate every time.
  const grow = reuse === undefined ? 1 : 2;
  const out: FoldedText =
    reuse !== undefined && reuse.chars.length >= cap && reuse.from.length >= cap
      ? reuse
      : {
          chars: new Uint16Array(grow * cap),
          count: 0,
          from: new Int32Array(grow * cap),
          to: new Int32Array(grow * cap),
          start: new Int32Array(grow * cap),
          end: new Int32Array(grow * cap),
          digits: new Uint8Array(grow * cap),
        };
  const { chars, from, to, start, end, digits } = out;
  let n = 0;
  let kind = 0; // 0 between syllables, 1 letters, 2 digits
  let t = -1;
  for (let i = 0; i < text.length; ) {
    const at = i;
    let v = FOLD[text.charCodeAt(i)]!;
    if (v === FOLD_LAZY) {
      const r = foldAt(text, i);
      v = r & 0xffff;
      i += r >>> 16;
    } else {
      i++;
    }
    if (v === FOLD_IGNORABLE) {
      if (kind !== 0) end[t] = i;
      continue;
    }
    if (v === FOLD_SEPARATOR) {
      kind = 0;
      continue;
    }
    let k = v >= 0x30 && v <= 0x39 ? 2 : 1;
    // "l0i nhu4n": a digit between two letters is the letter it imitates (as the matcher reads it).
    if (k === 2 && kind === 1 && LOOKALIKE_DIGITS[v] !== undefined && i < text.length) {
      const next = foldAt(text, i) & 0xffff;
      if (next > FOLD_IGNORABLE && !(next >= 0x30 && next <= 0x39)) {
        v = LOOKALIKE_DIGITS[v]!;
        k = 1;
      }
    }
    if (kind !== k) {
      t++;
      from[t] = n;
      start[t] = at;
      digits[t] = k === 2 ? 1 : 0;
      kind = k;
    }
    chars[n++] = v;
    to[t] = n;
    end[t] = i;
  }
  out.count = t + 1;
  return out;
}

/**
 * Every folded letter and digit of the comment run together, its separators (spaces,
 * punctuation) taken out: `foldForSearch`'s text without them, but for a digit read as the
 * letter it imitates ("l0i" → "loi"). For tests that a word sequence may appear, before the
 * costlier fold.
 */
export function foldedLetters(f: FoldedText): string {
  return codeUnitsToString(f.chars, f.count > 0 ? f.to[f.count - 1]! : 0);
}

/**
 * The folded syllables of a phrase, split exactly as the matcher splits a
 * comment (no teencode expansion, no joining): "Đầu tư 1 được 3" → dau tu 1 duoc 3.
 */
export function foldWords(text: string): string[] {
  const f = foldText(text);
  const words: string[] = new Array(f.count);
  for (let t = 0; t < f.count; t++) words[t] = String.fromCharCode(...f.chars.subarray(f.from[t]!, f.to[t]!));
  return words;
}
