import type { FoldedText } from '../text/syllables';

export type { FoldedText };

/**
 * What the model reads of a comment: hashed features of its folded text, so
 * "lấy lại tiền", "lay lai tien" and "LẤY LẠI TIỀN" look the same, , syllable
 * pairs for short phrases ("lay lai" + "lai tien"), and spaced-out runs read
 * as one word with its letter n-grams ("n.ổ h.ũ" → "nohu").
 *
 * (Letter n-grams inside each syllable were tried and dropped: on the
 * training split's cross-validation they lowered every category's average
 * precision — Vietnamese syllables are short, so they mostly repeated the
 * syllables — and doubled the model's size. Tried again 2026-12-07 as 3-, 4-
 * and 5-letter pieces of the whole folded stream, across syllable edges:
 * flagged recall 0.50 → 0.48–0.51 at the same precision, intent top-1 0.62 →
 * 0.59–0.61 on the same cross-validation; not kept.)
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
 *   p  two named signals in one comment ("concept:disease" with "@phone")
 */

export const KIND_WORD = 0x77; // 'w'
export const KIND_BIGRAM = 0x62; // 'b'
export const KIND_CHARS = 0x63; // 'c'
export const KIND_JOINED = 0x6a; // 'j'
export const KIND_SIGNAL = 0x73; // 's'
export const KIND_PAIR = 0x70; // 'p'

/**
 * A named signal counts as this many features: one concept or detector says
 * more than one syllable, and among a hundred syllable features it would be
 * drowned out. Chosen on the training split's cross-validation (recall at
 * precision 0.95 of "needs a flag": 0.16 with 1, 0.25 with 3, 0.23 with 8).
 */
export const SIGNAL_REPEAT = 3;

/**
 * Signal pairs count once each: a pair ("a disease" with "a phone number")
 * is what a cure ad and a debunk differ by, where each signal alone is in
 * both, and concepts carry across writers where their words do not. On the
 * training split's cross-validation (with L2 3e-4), the model's own mean
 * average precision over the five categories rose 0.744 → 0.749 and
 * pseudoscience recall of the whole judgement 0.11 → 0.21 (docs/judgement.md).
 */
export const SIGNAL_PAIRS = true;

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

/** Receives each feature: its hash, and the syllables it came from (for explanations). */
export type FeatureSink = (hash: number, firstToken: number, lastToken: number) => void;

/**
 * A comment's features in reusable typed arrays: the page scores every comment,
 * so the hot path allocates nothing per feature. `hashes` are int32 (the
 * 32-bit FNV hash, signed), `first`/`last` the syllables each came from.
 */
export class FeatureBuffer {
  hashes = new Int32Array(512);
  first = new Int32Array(512);
  last = new Int32Array(512);
  n = 0;
  readonly padded = new Uint16Array(MAX_WORD_FOR_NGRAMS + 2);
  readonly joined = new Uint16Array(MAX_WORD_FOR_NGRAMS);

  push(hash: number, firstToken: number, lastToken: number): void {
    if (this.n === this.hashes.length) this.grow();
    this.hashes[this.n] = hash;
    this.first[this.n] = firstToken;
    this.last[this.n] = lastToken;
    this.n++;
  }

  private grow(): void {
    const size = this.hashes.length * 2;
    const h = new Int32Array(size);
    const f = new Int32Array(size);
    const l = new Int32Array(size);
    h.set(this.hashes);
    f.set(this.first);
    l.set(this.last);
    this.hashes = h;
    this.first = f;
    this.last = l;
  }
}

const MAX_WORD_FOR_NGRAMS = 24;
const BOUNDARY = 0x5f; // '_'
const DIGIT_BUCKETS: readonly number[] = Array.from({ length: 13 }, (_, len) =>
  hashName(KIND_WORD, `#${len}`),
);

/** The hash of syllable t as a word feature (numbers bucketed by digit count). */
function wordHash(f: FoldedText, t: number): number {
  if (f.digits[t] === 1) return DIGIT_BUCKETS[Math.min(f.to[t]! - f.from[t]!, 12)]!;
  return hashChars(KIND_WORD, f.chars, f.from[t]!, f.to[t]!);
}

/**
 * A comment's named signals (their hashes) into `out`: each SIGNAL_REPEAT
 * times, then each pair once, order-free (the pair of the smaller and the
 * larger hash). Training and the page both call this.
 */
export function pushSignals(out: FeatureBuffer, hashes: ArrayLike<number>, count = hashes.length): void {
  for (let a = 0; a < count; a++) {
    const h = hashes[a]!;
    for (let r = 0; r < SIGNAL_REPEAT; r++) out.push(h, -1, -1);
  }
  if (!SIGNAL_PAIRS) return;
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const x = hashes[a]!;
      const y = hashes[b]!;
      const lo = Math.min(x, y);
      const hi = Math.max(x, y);
      out.push(fnvStep(fnvStep(fnvStep(FNV_OFFSET, KIND_PAIR), lo >>> 0), hi >>> 0) | 0, -1, -1);
    }
  }
}

/** Every text feature of a folded comment, in reading order, into `out` (emptied first). */
export function extractTextFeatures(folded: FoldedText, out: FeatureBuffer): void {
  out.n = 0;
  let prev = 0;
  for (let t = 0; t < folded.count; t++) {
    const w = wordHash(folded, t);
    out.push(w | 0, t, t);
    if (t > 0) out.push(fnvStep(fnvStep(prev, KIND_BIGRAM), w) | 0, t - 1, t);
    prev = w;
  }
  joinedRuns(folded, out);
}

/** The same features through a callback (training, explanations). */
export function eachTextFeature(folded: FoldedText, sink: FeatureSink): void {
  const buf = new FeatureBuffer();
  extractTextFeatures(folded, buf);
  for (let i = 0; i < buf.n; i++) sink(buf.hashes[i]!, buf.first[i]!, buf.last[i]!);
}

/**
 * Runs of three or more one- or two-letter pieces with at least two single
 * letters ("n.ổ h.ũ", "l ừ a đ ả o"): read once more as one joined word, with
 * its 3- and 4-letter pieces. The same shape the rule matcher looks for, so
 * both see through the disguise.
 */
function joinedRuns(folded: FoldedText, out: FeatureBuffer): void {
  const { chars, count } = folded;
  let runStart = -1;
  let singles = 0;
  for (let t = 0; t <= count; t++) {
    const len = t < count ? folded.to[t]! - folded.from[t]! : 0;
    if (t < count && folded.digits[t] === 0 && len <= 2) {
      if (runStart < 0) runStart = t;
      if (len === 1) singles++;
      continue;
    }
    if (runStart >= 0 && t - runStart >= 3 && singles >= 2) {
      const joined = out.joined;
      let n = 0;
      for (let k = runStart; k < t && n < MAX_WORD_FOR_NGRAMS; k++) {
        for (let i = folded.from[k]!; i < folded.to[k]! && n < MAX_WORD_FOR_NGRAMS; i++)
          joined[n++] = chars[i]!;
      }
      out.push(hashChars(KIND_JOINED, joined, 0, n) | 0, runStart, t - 1);
      const padded = out.padded;
      padded[0] = BOUNDARY;
      for (let i = 0; i < n; i++) padded[i + 1] = joined[i]!;
      padded[n + 1] = BOUNDARY;
      for (let g = 3; g <= 4; g++) {
        for (let i = 0; i + g <= n + 2; i++)
          out.push(hashChars(KIND_CHARS, padded, i, i + g) | 0, runStart, t - 1);
      }
    }
    runStart = -1;
    singles = 0;
  }
}
