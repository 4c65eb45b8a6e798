/**
 * Clauses: where a warning or a negation stops reaching. "Cảnh báo: mấy trang
 * hứa lấy lại tiền là lừa đảo" — the warning covers its own sentence; a scam
 * pasted after "Cảnh báo lừa đảo." in the next sentence is still a scam.
 *
 * A clause ends at . ! ? ; … or a line break — a dot only when a space or the
 * end follows it, so "t.ly/abc", "2.000.000đ" and "TP.HCM" stay inside one.
 */
export function clauseEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a || c === 0x2026) ends.push(i);
    else if (c === 0x2e) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20;
      if (next === 0x20 || next === 0x0a || next === 0x09 || next === 0x2e) ends.push(i);
    }
  }
  return ends;
}

/** Index of the clause holding offset `off`: how many clause ends come before it. */
export function clauseAt(ends: readonly number[], off: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The closing mark of an opening quotation mark (“…”, «…», ‘…’, "…", '…'), or -1. A switch, not
 * a table keyed by code: the lookup runs for every character of a comment, and an object keyed
 * by five sparse numbers was most of `quotedSpans`' time (issue 13, ninth round).
 */
function closerOf(c: number): number {
  switch (c) {
    case 0x201c:
      return 0x201d;
    case 0x00ab:
      return 0x00bb;
    case 0x2018:
      return 0x2019;
    case 0x22:
      return 0x22;
    case 0x27:
      return 0x27;
    default:
      return -1;
  }
}

/** A letter or digit (an apostrophe between two of them is not a quote). */
function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0xc0;
}

/**
 * Quoted stretches: [open, close] offsets of each pair of quotation marks
 * (“…”, «…», ‘…’, "…", '…'). Someone who quotes a scam's words is usually
 * reporting them ("mấy tin 'trúng thưởng xe máy' là lừa đảo"). A straight
 * quote opens only after a space, a bracket or the start, and closes only
 * before a space, punctuation or the end, so "it's" stays a word.
 */
export function quotedSpans(text: string): number[] {
  const spans: number[] = [];
  let open = -1;
  let close = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (open < 0) {
      const want = closerOf(c);
      if (want < 0) continue;
      if ((c === 0x22 || c === 0x27) && i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
      open = i;
      close = want;
    } else if (c === close) {
      if ((c === 0x22 || c === 0x27) && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1))) continue;
      spans.push(open, i);
      open = -1;
    }
  }
  return spans;
}

/**
 * Does [start, end) reach into one of the quoted stretches — inside it, or a
 * span with one end in it ("tin lá vối là 'khỏi hẳn tiểu đường'": the claim
 * quoted, the remedy before the quote)?
 */
export function overlapsQuotes(spans: readonly number[], start: number, end: number): boolean {
  for (let k = 0; k < spans.length; k += 2) if (spans[k]! < end - 1 && start <= spans[k + 1]!) return true;
  return false;
}

/**
 * Words that end a Vietnamese question with no "?" typed ("uống nghệ có chữa
 * được không", "vay vậy dc ko", "có ai bị chưa ạ"), folded.
 */
const QUESTION_WORDS: ReadonlySet<string> = new Set([
  'khong',
  'ko',
  'k',
  'kg',
  'hong',
  'hok',
  'hk',
  'khum',
  'hem',
  'chua',
  'ha',
  'nhi',
  'sao',
]);
/** Courtesy words a question may end with after its question word ("… không ạ", "… ko vậy mn"). */
const AFTER_QUESTION: ReadonlySet<string> = new Set([
  'a',
  'ah',
  'vay',
  'the',
  'ta',
  'ad',
  'admin',
  'mn',
  'ae',
  'oi',
  'ban',
  'nguoi',
  'moi',
  'ca',
  'nha',
  'chi',
  'anh',
  'em',
  'e',
  'bac',
  'co',
  'chu',
  'troi',
  'page',
]);

/**
 * The words of text[from, to), lowercased without diacritics (đ → d): what
 * `clauseWordsByString` gives, read one code unit at a time through `wordCode`
 * instead of five passes over a slice (NFD, two replaces, lowercase, a match):
 * 2.4 → 1.0 µs for a clause of 60 characters, 2 % of a benign comment's
 * judgement before (issue 13, ninth round).
 */
export function clauseWords(text: string, from: number, to: number): string[] {
  const words: string[] = [];
  // A word that is its own text (ASCII lowercase letters and digits, the common case) is sliced;
  // one with marks or capitals is built from its letters.
  let start = -1;
  let plain = true;
  let word = '';
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const v = wordCode(c);
    if (v === WORD_BREAK) {
      if (start >= 0) words.push(plain ? text.slice(start, i) : word);
      start = -1;
      continue;
    }
    if (v === WORD_COMPLEX) return clauseWordsByString(text, from, to);
    if (v === WORD_IGNORED) {
      // A mark the definition drops: outside a word nothing, inside one the word is built.
      if (start >= 0 && plain) {
        plain = false;
        word = text.slice(start, i);
      }
      continue;
    }
    if (start < 0) {
      start = i;
      plain = true;
    }
    if (plain && v !== c) {
      plain = false;
      word = text.slice(start, i);
    }
    if (!plain) word += String.fromCharCode(v);
  }
  if (start >= 0) words.push(plain ? text.slice(start, to) : word);
  return words;
}

/** The definition `clauseWords` follows: the slice decomposed, marks dropped, đ → d, lowercased, [a-z0-9] runs. */
export function clauseWordsByString(text: string, from: number, to: number): string[] {
  return (
    text
      .slice(from, to)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  );
}

/** `wordCode`: not worked out yet, dropped (a mark the definition removes), a break, or more than one letter. */
const WORD_UNKNOWN = 0;
const WORD_IGNORED = 1;
const WORD_BREAK = 2;
const WORD_COMPLEX = 3;
/** Per UTF-16 code unit: its letter or digit in `clauseWordsByString`'s words, or one of the WORD_ marks above. */
const WORD_CODES = new Uint16Array(65536);

/**
 * What one code unit becomes in `clauseWordsByString`, worked out on first sight. Per unit is
 * the same as per slice: decomposition is per character, the reordering of marks it adds never
 * moves one past a letter, lowercasing is per character but for Greek's final sigma (no a–z),
 * and a surrogate (an astral character) decomposes and lowercases to no a–z.
 */
function wordCode(c: number): number {
  const v = WORD_CODES[c]!;
  if (v !== WORD_UNKNOWN) return v;
  let code = WORD_BREAK;
  if (c < 0xd800 || c > 0xdfff) {
    const s = String.fromCharCode(c)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    const word = /[a-z0-9]/.test(s);
    if (s === '') code = WORD_IGNORED;
    else if (word) code = s.length === 1 ? s.charCodeAt(0) : WORD_COMPLEX;
  }
  WORD_CODES[c] = code;
  return code;
}

/** Do these words end with a question word, or hold one followed by "hay" ("… ko hay quảng cáo thôi"), courtesy words aside? */
function wordsAsk(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!QUESTION_WORDS.has(words[i]!)) continue;
    let j = i + 1;
    while (j < words.length && j - i <= 2 && AFTER_QUESTION.has(words[j]!)) j++;
    if (j === words.length || words[j] === 'hay') return true;
  }
  return false;
}

/**
 * Does clause `k` ask: a question mark, or a question word at its end or
 * before "hay" ("có chữa ung thư ko hay quảng cáo thôi"), courtesy words aside?
 */
export function asksAt(text: string, ends: readonly number[], k: number): boolean {
  if (k < ends.length && text.charCodeAt(ends[k]!) === 0x3f) return true;
  const from = k === 0 ? 0 : ends[k - 1]! + 1;
  return wordsAsk(clauseWords(text, from, k < ends.length ? ends[k]! : text.length));
}

/**
 * Does the clause holding [start, end) ask (see `asksAt`), or the part of it
 * between commas that holds [start, end) ("vắc xin có chip ko mọi người, thấy
 * trên TikTok nói vậy")? Only the asking part: "Bạn bị đau dạ dày không, uống
 * lá này là khỏi hẳn" still makes its claim.
 */
export function inQuestion(text: string, ends: readonly number[], start: number, end: number): boolean {
  const k = clauseAt(ends, Math.max(start, end - 1));
  if (asksAt(text, ends, k)) return true;
  const from = k === 0 ? 0 : ends[k - 1]! + 1;
  const to = k < ends.length ? ends[k]! : text.length;
  const before = text.lastIndexOf(',', start);
  const after = text.indexOf(',', Math.max(start, end - 1));
  if (after < 0 || after >= to) return false; // the part ends the clause: asksAt has read it
  return wordsAsk(clauseWords(text, Math.max(from, before + 1), after));
}
