import {
  FOLD_IGNORABLE,
  FOLD_SEPARATOR,
  foldAt,
  isCombiningMark,
  isDigitCode,
  LOOKALIKE_DIGITS,
} from './fold';
import { AFTER_NUMBER_ONLY, TEENCODE_EXPANSIONS } from './teencode';

/** What normalization did to a token; the matcher turns these into its "why". */
export type Transform =
  | 'case' // upper case letters lowered
  | 'diacritics' // tone or vowel marks removed, đ → d
  | 'nfd' // the original was decomposed (combining marks)
  | 'zero-width' // invisible characters dropped from inside the word
  | 'lookalike' // a digit or another script's letter standing in for a letter
  | 'teencode' // an abbreviation replaced by the words it stands for
  | 'despaced'; // letters spaced out with dots, spaces or underscores joined back

export interface NormalizedToken {
  /** The normalized form: folded, teencode expanded (may hold a space: "stk" → "so tai khoan"). */
  text: string;
  /** Offsets of the token in the original text (end exclusive). */
  start: number;
  end: number;
  /** Offsets of the token in the normalized text. */
  normStart: number;
  normEnd: number;
  transforms: Transform[];
}

export interface NormalizedText {
  original: string;
  /** Tokens joined by single spaces: lowercase, no diacritics, teencode expanded, spaced-out words joined. */
  text: string;
  tokens: NormalizedToken[];
  /** For each char of `text`: where its source starts and ends in `original`. */
  starts: Int32Array;
  ends: Int32Array;
}

interface RawToken {
  letters: string;
  start: number;
  end: number;
  transforms: Set<Transform>;
  /** Number of original chars between the previous token and this one; -1 for the first. */
  gapBefore: number;
  gapHasNewline: boolean;
  isNumber: boolean;
}

const MAX_DESPACED_GAP = 3;

function describeLetter(ch: string, folded: number, transforms: Set<Transform>): void {
  const lower = ch.toLowerCase();
  if (lower !== ch) transforms.add('case');
  const f = String.fromCharCode(folded);
  if (lower === f) return;
  const decomposed = lower.normalize('NFD');
  if (decomposed[0] === f || lower === 'đ') transforms.add('diacritics');
  else transforms.add('lookalike');
}

/** Split text into folded syllables (letters) and numbers, with their original spans. */
function tokenize(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  let cur: RawToken | null = null;
  let gapStart = 0;
  let gapHasNewline = false;
  let first = true;
  const close = () => {
    if (cur) tokens.push(cur);
    cur = null;
  };
  for (let i = 0; i < text.length; ) {
    const r = foldAt(text, i);
    let v = r & 0xffff;
    const w = r >>> 16;
    const ch = text.slice(i, i + w);
    if (v === FOLD_SEPARATOR) {
      if (cur) {
        close();
        gapStart = i;
        gapHasNewline = false;
      }
      if (ch === '\n' || ch === '\r') gapHasNewline = true;
      i += w;
      continue;
    }
    if (v === FOLD_IGNORABLE) {
      if (cur) {
        const c = text.charCodeAt(i);
        (cur as RawToken).transforms.add(isCombiningMark(c) ? 'nfd' : 'zero-width');
        if (isCombiningMark(c)) (cur as RawToken).transforms.add('diacritics');
        (cur as RawToken).end = i + w;
      }
      i += w;
      continue;
    }
    let digit = isDigitCode(v);
    const c0 = cur as RawToken | null;
    if (digit && c0 && !c0.isNumber && LOOKALIKE_DIGITS[v] !== undefined && i + w < text.length) {
      const next = foldAt(text, i + w) & 0xffff;
      if (next > FOLD_IGNORABLE && !isDigitCode(next)) {
        v = LOOKALIKE_DIGITS[v]!;
        digit = false;
        c0.transforms.add('lookalike');
      }
    }
    // A number glued to a word ("5G", "10tr") is two tokens: the number and the word.
    if (c0 && c0.isNumber !== digit) {
      close();
      gapStart = i;
      gapHasNewline = false;
    }
    if (!cur) {
      cur = {
        letters: '',
        start: i,
        end: i,
        transforms: new Set(),
        gapBefore: first ? -1 : i - gapStart,
        gapHasNewline,
        isNumber: digit,
      };
      first = false;
    }
    const t = cur as RawToken;
    if (!digit && !isDigitCode(text.charCodeAt(i))) describeLetter(ch, v, t.transforms);
    t.letters += String.fromCharCode(v);
    t.end = i + w;
    i += w;
  }
  close();
  return tokens;
}

/**
 * Runs of one- and two-letter pieces joined by short separators ("l.ừ.a đ.ả.o",
 * "l u a d a o", "l_u_a"): someone spaced a word out to dodge a filter. Plain
 * Vietnamese rarely strings together three such pieces with two single letters.
 */
export function isSpacedOutRun(lengths: readonly number[]): boolean {
  if (lengths.length < 3) return false;
  let singles = 0;
  for (const n of lengths) {
    if (n > 2) return false;
    if (n === 1) singles++;
  }
  return singles >= 2;
}

function joinSpacedOut(tokens: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    // Grow the run while pieces are short and the gaps small and on one line.
    while (
      j < tokens.length &&
      !tokens[j]!.isNumber &&
      tokens[j]!.letters.length <= 2 &&
      (j === i || (tokens[j]!.gapBefore <= MAX_DESPACED_GAP && !tokens[j]!.gapHasNewline))
    ) {
      j++;
    }
    const run = tokens.slice(i, j);
    if (isSpacedOutRun(run.map((t) => t.letters.length))) {
      const transforms = new Set<Transform>(['despaced']);
      for (const t of run) for (const x of t.transforms) transforms.add(x);
      out.push({
        letters: run.map((t) => t.letters).join(''),
        start: run[0]!.start,
        end: run[run.length - 1]!.end,
        transforms,
        gapBefore: run[0]!.gapBefore,
        gapHasNewline: run[0]!.gapHasNewline,
        isNumber: false,
      });
      i = j;
    } else {
      out.push(tokens[i]!);
      i++;
    }
  }
  return out;
}

function expandTeencode(token: RawToken, prev: RawToken | undefined, original: string): string | null {
  if (token.isNumber || token.transforms.has('despaced')) return null;
  // Teencode is typed without diacritics: "hồng" is a rose, "hong" may be "không".
  if (original.slice(token.start, token.end).toLowerCase() !== token.letters) return null;
  const words = TEENCODE_EXPANSIONS.get(token.letters);
  if (!words) return null;
  const afterNumber = prev?.isNumber === true && token.gapBefore <= 1;
  if (AFTER_NUMBER_ONLY.has(token.letters)) return afterNumber ? words : null;
  // "100k" is a hundred thousand, not "100 không".
  if (afterNumber && token.gapBefore === 0) return null;
  return words;
}

/**
 * Normalize a Vietnamese comment for matching: NFC/NFD alike, lowercase,
 * diacritics folded (đ/Đ/Ð → d), invisible characters dropped, look-alike
 * letters and in-word digits ("l0i") read as letters, teencode expanded
 * ("ko" → "khong"), spaced-out words joined ("l.ừ.a" → "lua"). Every char of
 * the result maps back to its span in the original, for highlighting.
 */
export function normalizeVietnamese(original: string): NormalizedText {
  const raw = joinSpacedOut(tokenize(original));
  const tokens: NormalizedToken[] = [];
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let prev: RawToken | undefined;
  for (const t of raw) {
    const expanded = expandTeencode(t, prev, original);
    const transforms = new Set(t.transforms);
    if (expanded) transforms.add('teencode');
    const form = expanded ?? t.letters;
    if (text.length > 0) {
      // The space stands for the gap between the two tokens.
      text += ' ';
      const gapStart = prev ? prev.end : t.start;
      starts.push(gapStart);
      ends.push(t.start);
    }
    const normStart = text.length;
    text += form;
    for (let k = 0; k < form.length; k++) {
      if (expanded) {
        // An expansion has no letter-by-letter source: every char maps to the whole abbreviation.
        starts.push(t.start);
        ends.push(t.end);
      } else {
        starts.push(-1);
        ends.push(-1);
      }
    }
    if (!expanded) mapLetters(original, t, normStart, starts, ends);
    tokens.push({
      text: form,
      start: t.start,
      end: t.end,
      normStart,
      normEnd: text.length,
      transforms: [...transforms],
    });
    prev = t;
  }
  return { original, text, tokens, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Map each folded letter of a token to the original chars it came from (marks and zero-width included). */
function mapLetters(
  original: string,
  t: RawToken,
  normStart: number,
  starts: number[],
  ends: number[],
): void {
  let k = normStart;
  let last = -1;
  for (let i = t.start; i < t.end; ) {
    const r = foldAt(original, i);
    const v = r & 0xffff;
    const w = r >>> 16;
    if (v === FOLD_SEPARATOR || v === FOLD_IGNORABLE) {
      if (last >= 0 && v === FOLD_IGNORABLE) ends[last] = i + w;
      i += w;
      continue;
    }
    starts[k] = i;
    ends[k] = i + w;
    last = k;
    k++;
    i += w;
  }
}

/** The original span covered by normalized text [normStart, normEnd). */
export function toOriginalSpan(
  n: NormalizedText,
  normStart: number,
  normEnd: number,
): { start: number; end: number } {
  const a = n.starts[normStart];
  const b = n.ends[normEnd - 1];
  if (a === undefined || b === undefined || normEnd <= normStart) return { start: 0, end: 0 };
  return { start: a, end: b };
}
