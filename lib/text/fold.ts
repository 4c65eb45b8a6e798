/**
 * Character folding for Vietnamese comments: one table lookup per UTF-16 code
 * unit turns any spelling of a letter (NFC or NFD, upper or lower case, with or
 * without tone and vowel marks, a look-alike from another script) into its bare
 * lowercase base letter. The matcher's hot loop and `foldForSearch` share it,
 * so the idea log's search and the flags agree on what "the same word" means.
 */

/** Not a letter or digit: breaks a syllable (space, punctuation, emoji). */
export const FOLD_SEPARATOR = 0;
/** Invisible inside a word: combining marks (NFD diacritics), zero-width chars, soft hyphen. */
export const FOLD_IGNORABLE = 1;
/** Not classified yet: resolved on first sight (keeps start-up cheap). */
export const FOLD_LAZY = 2;

const COMBINING = /\p{M}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/**
 * Look-alikes from other scripts that scammers mix into Vietnamese words to slip
 * past exact-string blocklists. Cyrillic and Greek letters never occur inside a
 * Vietnamese word, so folding them adds no false positive here.
 */
const LOOKALIKE_LETTERS: Record<string, string> = {
  а: 'a',
  А: 'a',
  в: 'b',
  В: 'b',
  е: 'e',
  Е: 'e',
  ё: 'e',
  і: 'i',
  І: 'i',
  ј: 'j',
  к: 'k',
  К: 'k',
  м: 'm',
  М: 'm',
  н: 'h',
  Н: 'h',
  һ: 'h',
  о: 'o',
  О: 'o',
  р: 'p',
  Р: 'p',
  с: 'c',
  С: 'c',
  т: 't',
  Т: 't',
  у: 'y',
  У: 'y',
  х: 'x',
  Х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  Α: 'a',
  β: 'b',
  ε: 'e',
  Ε: 'e',
  ι: 'i',
  Ι: 'i',
  κ: 'k',
  Κ: 'k',
  ν: 'v',
  ο: 'o',
  Ο: 'o',
  ρ: 'p',
  Ρ: 'p',
  τ: 't',
  Τ: 't',
  υ: 'u',
  χ: 'x',
  Χ: 'x',
  // đ/Đ have no decomposition; Ð (Icelandic eth) and Ɖ/ɖ look the same as Đ.
  đ: 'd',
  Đ: 'd',
  Ð: 'd',
  ð: 'd',
  Ɖ: 'd',
  ɖ: 'd',
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  ı: 'i',
};

/** Zero-width and formatting characters people insert inside words to break keyword filters. */
const INVISIBLE = new Set([0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x3164, 0xfeff]);
for (let c = 0x200b; c <= 0x200f; c++) INVISIBLE.add(c);
for (let c = 0x202a; c <= 0x202e; c++) INVISIBLE.add(c);
for (let c = 0x2060; c <= 0x206f; c++) INVISIBLE.add(c);
for (let c = 0xfe00; c <= 0xfe0f; c++) INVISIBLE.add(c);

function classify(s: string): number {
  const cp = s.codePointAt(0) ?? 0;
  if (INVISIBLE.has(cp)) return FOLD_IGNORABLE;
  const look = LOOKALIKE_LETTERS[s];
  if (look) return look.charCodeAt(0);
  if (COMBINING.test(s)) return FOLD_IGNORABLE;
  if (DIGIT.test(s)) {
    // Full-width and other-script digits fold to ASCII (NFKD gives the value for most).
    const k = s.normalize('NFKD');
    return k.length === 1 && k >= '0' && k <= '9' ? k.charCodeAt(0) : s.charCodeAt(0);
  }
  if (!LETTER.test(s)) return FOLD_SEPARATOR;
  // NFKD: diacritics split off, full-width and "fancy font" letters become ASCII.
  const base = s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const first = base.codePointAt(0);
  if (first === undefined) return FOLD_IGNORABLE;
  const mapped = LOOKALIKE_LETTERS[String.fromCodePoint(first)];
  if (mapped) return mapped.charCodeAt(0);
  // A fold must be one UTF-16 unit; other scripts keep their own (lowercased) letter.
  if (first < 0x10000 && first > FOLD_LAZY) return first;
  const lower = s.toLowerCase();
  return lower.length === 1 && lower.charCodeAt(0) > FOLD_LAZY ? lower.charCodeAt(0) : s.charCodeAt(0);
}

/**
 * FOLD[c] for a UTF-16 code unit c: FOLD_SEPARATOR, FOLD_IGNORABLE, or the
 * folded lowercase letter/digit code. Surrogates are separators here; astral
 * letters (mathematical "fancy fonts") go through `foldCodePoint`.
 */
export const FOLD = new Uint16Array(65536).fill(FOLD_LAZY);

function resolve(c: number): number {
  // Surrogates stay lazy in the table so an astral letter always reaches `foldAt`.
  if (c >= 0xd800 && c <= 0xdfff) return FOLD_SEPARATOR;
  const v = classify(String.fromCharCode(c));
  FOLD[c] = v;
  return v;
}

/**
 * Resolved at start-up: what Vietnamese comments are made of (Latin with its
 * extensions, combining marks, Vietnamese precomposed letters, punctuation and
 * zero-width chars). The rest is resolved lazily.
 */
export const EAGER_FOLD_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 0x250],
  [0x300, 0x370],
  [0x1ea0, 0x1f00],
  [0x2000, 0x2070],
];
for (const [from, to] of EAGER_FOLD_RANGES) for (let c = from; c < to; c++) resolve(c);

const astral = new Map<number, number>();

/** Fold for one code point (astral ones included). */
export function foldCodePoint(cp: number): number {
  if (cp < 0xd800 || (cp > 0xdfff && cp < 0x10000)) {
    const v = FOLD[cp]!;
    return v === FOLD_LAZY ? resolve(cp) : v;
  }
  let v = astral.get(cp);
  if (v === undefined) {
    v = classify(String.fromCodePoint(cp));
    astral.set(cp, v);
  }
  return v;
}

/**
 * Fold the code point at `text[i]` and say how many code units it used.
 * Returns the fold in the low 16 bits and the width (1 or 2) above them.
 */
export function foldAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const v = FOLD[c]!;
  if (v !== FOLD_LAZY) return v | 0x10000;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const cp = text.codePointAt(i)!;
    return foldCodePoint(cp) | (cp > 0xffff ? 0x20000 : 0x10000);
  }
  return resolve(c) | 0x10000;
}

/** True for a folded code that is an ASCII digit. */
export function isDigitCode(v: number): boolean {
  return v >= 0x30 && v <= 0x39;
}

/**
 * Digits that stand in for letters inside a word ("l0i nhu4n", "th3"). Only
 * applied between two letters, so numbers ("1 được 3", "5G", "19") stay numbers.
 */
export const LOOKALIKE_DIGITS: Readonly<Record<number, number>> = {
  48: 0x6f, // 0 → o
  49: 0x69, // 1 → i
  51: 0x65, // 3 → e
  52: 0x61, // 4 → a
};

/** Combining marks (NFD diacritics) that belong to the preceding letter. */
export function isCombiningMark(c: number): boolean {
  return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff);
}

/**
 * Fold text for search boxes (the idea log): lowercase, diacritics removed
 * (đ → d), invisible characters dropped, whitespace collapsed. Punctuation is
 * kept, so a search for "1.000" still means 1.000.
 */
export function foldForSearch(text: string): string {
  // The judge asks for one comment's fold from several checks (a yes/no question, a body named,
  // a voice of authority): the last fold is kept, and the same text is folded once (issue 13,
  // eleventh round). A pure function's answer, so nothing else changes.
  if (text === lastText) return lastFolded;
  lastFolded = foldAnew(text);
  lastText = text;
  return lastFolded;
}

let lastText: string | undefined;
let lastFolded = '';

function foldAnew(text: string): string {
  // The folded code units go into a reused buffer and become one string at the end, not a slice,
  // a regex test and a concatenation per character: the judge folds most comments for a search
  // (a yes/no question, a denied warning, a body named), 2.8 → 1.8 µs for a benign comment of the
  // corpus (issue 13, ninth round). The same output (tests/lib/text/normalize.test.ts). Room for
  // every unit and a space before each is made once here, not checked per character.
  if (searchBuffer.length < 3 * text.length + 8) searchBuffer = new Uint16Array(3 * text.length + 64);
  let buf = searchBuffer;
  let n = 0;
  let pendingSpace = false;
  // Whether a surrogate went into the buffer: only then is the string built unit by unit.
  // A resolved table entry is never one (a surrogate's entry stays lazy, and a BMP
  // character folds to a BMP unit), so the two rare paths below are the only ones to watch.
  let surrogates = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let v = FOLD[c]!;
    if (v > FOLD_LAZY) {
      // A letter, a digit or punctuation the table resolved (most units): what the general
      // path below does for it, without its other tests.
      if (pendingSpace) {
        buf[n++] = 0x20;
        pendingSpace = false;
      }
      buf[n++] = v;
      i++;
      continue;
    }
    let w = 1;
    if (v === FOLD_LAZY) {
      const r = foldAt(text, i);
      v = r & 0xffff;
      w = r >>> 16;
      if (isSurrogate(v)) surrogates = true;
    }
    if (v === FOLD_IGNORABLE) {
      i += w;
      continue;
    }
    if (v === FOLD_SEPARATOR && (c === 0x20 || (w === 1 && isSpaceUnit(c)))) {
      pendingSpace = n > 0;
      i++;
      continue;
    }
    if (pendingSpace) buf[n++] = 0x20;
    pendingSpace = false;
    if (v !== FOLD_SEPARATOR) buf[n++] = v;
    else if (c < 0x80)
      buf[n++] = c; // an ASCII separator is no capital letter: its own lowercase
    else {
      const lower = text.slice(i, i + w).toLowerCase();
      if (n + lower.length > buf.length) buf = searchBuffer = growSearchBuffer(buf, n + lower.length);
      for (let k = 0; k < lower.length; k++) {
        const u = lower.charCodeAt(k);
        if (isSurrogate(u)) surrogates = true;
        buf[n++] = u;
      }
    }
    i += w;
  }
  return surrogates ? unitsToString(buf, n) : surrogateFreeString(buf, n);
}

/** UTF-16 code units as a string, each kept as it is (lone surrogates too). */
export function codeUnitsToString(buf: Uint16Array, n: number): string {
  for (let k = 0; k < n; k++) if (isSurrogate(buf[k]!)) return unitsToString(buf, n);
  return surrogateFreeString(buf, n);
}

function isSurrogate(u: number): boolean {
  return u >= 0xd800 && u <= 0xdfff;
}

/**
 * UTF-16 code units as they lie in memory: little-endian on every platform the extension runs
 * on, checked once. `ignoreBOM` keeps a leading U+FEFF as the text's own character.
 */
const UTF16_DECODER =
  new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
    ? new TextDecoder('utf-16le', { ignoreBOM: true })
    : null;
/** Shorter strings are built faster from a plain array than by the decoder, whose call costs more. */
const DECODE_FROM = 48;

/**
 * `unitsToString` for units holding no surrogate, where decoding them as UTF-16 gives every unit
 * back as it is (a lone surrogate would become U+FFFD): 2× faster from about 100 units than
 * `String.fromCharCode.apply` over a typed array, which V8 copies through a slow path (issue 13,
 * eleventh round: 2.7 % of a typical comment's judgement went there).
 */
function surrogateFreeString(buf: Uint16Array, n: number): string {
  if (n >= DECODE_FROM && UTF16_DECODER !== null) return UTF16_DECODER.decode(buf.subarray(0, n));
  if (n > 4096) return unitsToString(buf, n);
  const units: number[] = new Array(n);
  for (let k = 0; k < n; k++) units[k] = buf[k]!;
  return String.fromCharCode.apply(null, units);
}

/** `foldForSearch`'s scratch: the folded code units of the text being folded. */
let searchBuffer = new Uint16Array(512);

function growSearchBuffer(buf: Uint16Array, need: number): Uint16Array<ArrayBuffer> {
  const bigger = new Uint16Array(Math.max(buf.length * 2, need + 16));
  bigger.set(buf);
  return bigger;
}

/** `String.fromCharCode` over code units, in chunks (an argument list has a bound). */
function unitsToString(buf: Uint16Array, n: number): string {
  if (n <= 4096) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let k = 0; k < n; k += 4096)
    out += String.fromCharCode.apply(null, buf.subarray(k, Math.min(n, k + 4096)) as unknown as number[]);
  return out;
}

/** One UTF-16 code unit that `/\s/u` matches (no astral character does). */
export function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
