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

const OPENERS: Record<number, number> = {
  8220: 0x201d, // “ ”
  171: 0x00bb, // « »
  8216: 0x2019, // ‘ ’
  34: 0x22, // " "
  39: 0x27, // ' '
};

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
      const want = OPENERS[c];
      if (want === undefined) continue;
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

/** Does [start, end) lie inside one of the quoted stretches? */
export function insideQuotes(spans: readonly number[], start: number, end: number): boolean {
  for (let k = 0; k < spans.length; k += 2) if (spans[k]! < start && end <= spans[k + 1]! + 1) return true;
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

/** The clause's words, lowercased without diacritics (đ → d). */
function clauseWords(text: string, from: number, to: number): string[] {
  return text
    .slice(from, to)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Does clause `k` ask: a question mark, or a question word at its end (courtesy words aside)? */
export function asksAt(text: string, ends: readonly number[], k: number): boolean {
  if (k < ends.length && text.charCodeAt(ends[k]!) === 0x3f) return true;
  const from = k === 0 ? 0 : ends[k - 1]! + 1;
  const words = clauseWords(text, from, k < ends.length ? ends[k]! : text.length);
  for (let i = words.length - 1, courtesy = 0; i >= 0; i--) {
    if (QUESTION_WORDS.has(words[i]!)) return true;
    if (!AFTER_QUESTION.has(words[i]!) || ++courtesy > 2) return false;
  }
  return false;
}

/** Does the clause holding [start, end) ask (see `asksAt`)? */
export function inQuestion(text: string, ends: readonly number[], start: number, end: number): boolean {
  return asksAt(text, ends, clauseAt(ends, Math.max(start, end - 1)));
}
