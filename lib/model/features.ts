import { FOLD, FOLD_IGNORABLE, FOLD_LAZY, FOLD_SEPARATOR, foldAt, LOOKALIKE_DIGITS } from '../text/fold';

/**
 * What the model reads of a comment: hashed features of its folded text, so
 * "lấy lại tiền", "lay lai tien" and "LẤY LẠI TIỀN" look the same, , syllable
 * pairs for short phrases ("lay lai" + "lai tien"), and spaced-out runs read
 * as one word with its letter n-grams ("n.ổ h.ũ" → "nohu").
 *
 * (Letter n-grams inside each syllable were tried and dropped: on the
 * training split's cross-validation they lowered every category's average
 * precision — Vietnamese syllables are short, so they mostly repeated the
 * syllables — and doubled the model's size.)
 *
 * Features are 32-bit FNV-1a hashes computed straight from the folded char
 * codes: no string is built per feature, which keeps a comment's whole
 * extraction to a few microseconds on the page. The same function runs in
 * training (scripts/train.ts) and on the page, so they cannot disagree.
 *
 * Kinds (the hash is seeded with the kind, so a syllable and a 3-gram of the
 * same letters differ):
 *   w  a syllable ("tien"); numbers are bucketed by length ("#3", "#10")
 *   b  two syllables in a row ("lay lai")
 *   c  3- and 4-letter pieces of a joined run, with its edges ("_no", "hu_")
 *   j  a spaced-out run read as one word ("n.ổ h.ũ" → "nohu"), with its pieces
 *   s  a named signal the caller adds (a phone number, a link, a concept)
 */

export const KIND_WORD = 0x77; // 'w'
export const KIND_BIGRAM = 0x62; // 'b'
export const KIND_CHARS = 0x63; // 'c'
export const KIND_JOINED = 0x6a; // 'j'
export const KIND_SIGNAL = 0x73; // 's'

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME) >>> 0;
}

/** Hash of a string of char codes, seeded with the kind. */
export function hashChars(kind: number, codes: ArrayLike<number>, from = 0, to = codes.length): number {
  let h = fnvStep(FNV_OFFSET, kind);
  for (let i = from; i < to; i++) h = fnvStep(h, codes[i]!);
  return h;
}

/** Hash of a named feature (signals, concepts): same scheme as the text features. */
export function hashName(kind: number, name: string): number {
  let h = fnvStep(FNV_OFFSET, kind);
  for (let i = 0; i < name.length; i++) h = fnvStep(h, name.charCodeAt(i));
  return h;
}

/** A syllable of the comment: folded letters in `chars[from, to)`, original text in `[start, end)`. */
export interface Token {
  from: number;
  to: number;
  start: number;
  end: number;
  digits: boolean;
}

/** The folded form of a comment, tokenised; scratch buffers are reused by the caller. */
export interface FoldedText {
  chars: Uint16Array;
  tokens: Token[];
}

const BOUNDARY = 0x5f; // '_'

/**
 * Fold and split into syllables, keeping where each one stands in the original
 * text (for explanations). Letters and digits are separate syllables ("100k" →
 * "100", "k"), as the rule matcher splits them.
 */
export function foldText(text: string): FoldedText {
  const chars = new Uint16Array(text.length + 1);
  const tokens: Token[] = [];
  let n = 0;
  let kind = 0; // 0 between syllables, 1 letters, 2 digits
  let cur: Token | null = null;
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
      if (cur) cur.end = i;
      continue;
    }
    if (v === FOLD_SEPARATOR) {
      kind = 0;
      cur = null;
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
    if (kind !== k || cur === null) {
      cur = { from: n, to: n, start: at, end: i, digits: k === 2 };
      tokens.push(cur);
      kind = k;
    }
    chars[n++] = v;
    cur.to = n;
    cur.end = i;
  }
  return { chars, tokens };
}

/** Receives each feature: its hash, and the syllables it came from (for explanations). */
export type FeatureSink = (hash: number, firstToken: number, lastToken: number) => void;

const MAX_WORD_FOR_NGRAMS = 24;

/** The hash of a syllable as a word feature (numbers bucketed by digit count). */
function wordHash(chars: Uint16Array, t: Token): number {
  if (t.digits) {
    const len = Math.min(t.to - t.from, 12);
    return hashName(KIND_WORD, `#${len}`);
  }
  return hashChars(KIND_WORD, chars, t.from, t.to);
}

/** Every text feature of a folded comment, in reading order. */
export function eachTextFeature(folded: FoldedText, sink: FeatureSink): void {
  const { chars, tokens } = folded;
  const padded = new Uint16Array(MAX_WORD_FOR_NGRAMS + 2);
  let prev = 0;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    const w = wordHash(chars, tok);
    sink(w, t, t);
    if (t > 0) sink(fnvStep(fnvStep(prev, KIND_BIGRAM), w), t - 1, t);
    prev = w;
  }
  joinedRuns(folded, padded, sink);
}

function charGrams(
  chars: Uint16Array,
  from: number,
  to: number,
  kind: number,
  padded: Uint16Array,
  firstToken: number,
  lastToken: number,
  sink: FeatureSink,
): void {
  const len = Math.min(to - from, MAX_WORD_FOR_NGRAMS);
  padded[0] = BOUNDARY;
  for (let i = 0; i < len; i++) padded[i + 1] = chars[from + i]!;
  padded[len + 1] = BOUNDARY;
  const m = len + 2;
  for (let n = 3; n <= 4; n++) {
    for (let i = 0; i + n <= m; i++) sink(hashChars(kind, padded, i, i + n), firstToken, lastToken);
  }
}

/**
 * Runs of three or more one- or two-letter pieces with at least two single
 * letters ("n.ổ h.ũ", "l ừ a đ ả o"): read once more as one joined word. The
 * same shape the rule matcher looks for, so both see through the disguise.
 */
function joinedRuns(folded: FoldedText, padded: Uint16Array, sink: FeatureSink): void {
  const { chars, tokens } = folded;
  let runStart = -1;
  let singles = 0;
  const flush = (end: number) => {
    if (runStart >= 0 && end - runStart >= 3 && singles >= 2) {
      const joined = new Uint16Array(MAX_WORD_FOR_NGRAMS);
      let n = 0;
      for (let t = runStart; t < end && n < MAX_WORD_FOR_NGRAMS; t++) {
        const tok = tokens[t]!;
        for (let i = tok.from; i < tok.to && n < MAX_WORD_FOR_NGRAMS; i++) joined[n++] = chars[i]!;
      }
      sink(hashChars(KIND_JOINED, joined, 0, n), runStart, end - 1);
      charGrams(joined, 0, n, KIND_CHARS, padded, runStart, end - 1, sink);
    }
    runStart = -1;
    singles = 0;
  };
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    const len = tok.to - tok.from;
    if (!tok.digits && len <= 2) {
      if (runStart < 0) runStart = t;
      if (len === 1) singles++;
    } else {
      flush(t);
    }
  }
  flush(tokens.length);
}
