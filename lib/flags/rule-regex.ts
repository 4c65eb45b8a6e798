import { RE2JS } from 're2js';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';

/**
 * A rule's regex runs on every comment in the moderator's browser, on the
 * page's main thread. A backtracking engine (the browser's RegExp) can take
 * exponential time on a crafted pattern — `(a|a)*$` froze a tab for a minute on
 * a 29-character comment — and no shape check catches them all. So rule
 * regexes run on RE2JS, a linear-time engine (a Pike VM / lazy DFA, no
 * backtracking): the time is bounded by the comment's length times the
 * pattern's size, both capped here.
 *
 * Rules are written in JavaScript syntax (the `iu` flags are implied). RE2 has
 * the same syntax for nearly everything a rule needs; the differences are
 * translated here so a pattern matches exactly what the browser's RegExp would:
 * - `\uXXXX` / `\u{…}` become `\x{…}`;
 * - `\s`, `\S` and `.` get JavaScript's meaning (Unicode spaces; `.` stops at
 *   every line terminator), RE2's are narrower or wider;
 * - a lookbehind runs on RE2JS's linear-time lookbehind automata;
 * - a lookahead of one character (`(?![\p{L}\p{N}])`, the usual word-end
 *   guard) is allowed as the pattern's last item: it becomes a consumed
 *   character (or the text's end) after a group that carries the match.
 * Anything else RE2 cannot run (back-references, other lookaheads, `\b`) is
 * rejected with a message naming it.
 */

/** Longest rule regex source accepted. */
export const MAX_REGEX_LENGTH = 500;
/** Largest compiled program accepted (RE2 instructions): the per-character cost of the linear engine. */
export const MAX_PROGRAM_SIZE = 600;
/**
 * The regex reads at most this much of a comment (Facebook's own limit on a
 * comment is 8,000 characters); a hostile page's "comment" of a megabyte does
 * not make the rule step slower than a real comment can.
 */
export const MAX_REGEX_INPUT = 8000;
/**
 * The linear engine's worst case is about (program size × characters read)
 * steps, some 20 ns each on a moderator's laptop. A regex reads at most
 * WORK_BUDGET / program size characters of a comment (a window around the
 * first place its literal text appears), so that no rule, however
 * written, takes more than ~5 ms on one comment (`npm run bench -- regex`).
 * The default pack's regexes (about 200 instructions and a lookbehind) read ~850 characters.
 */
export const WORK_BUDGET = 200_000;
/**
 * A lookbehind runs automata of its own beside the main program on every
 * character read: measured, one costs about as much as 30 instructions.
 */
export const LOOKBEHIND_WEIGHT = 30;
/**
 * Matches of one regex kept per comment. A flag needs one; the matcher's later
 * steps compare hits pairwise, and a comment of 8,000 digits matched by `[0-9]`
 * would otherwise hand it 8,000.
 */
export const MAX_MATCHES = 20;

export class RuleRegexError extends Error {}

/** A compiled rule regex: the first MAX_MATCHES matches, left to right, not overlapping, never empty. */
export interface RuleRegex {
  readonly source: string;
  /** How many characters of a comment it reads (the work budget over its size). */
  readonly window: number;
  /**
   * `near`: where in a comment longer than `window` to read — the caller's
   * first sighting of a literal every match contains. The window is centred
   * there, so a link after a long preamble is still found.
   */
  matches(text: string, near?: number): { start: number; end: number }[];
}

/** Characters read before a window's start, so a lookbehind there sees what precedes it. */
const CONTEXT = 32;

/** JavaScript's `\s` (ECMAScript WhiteSpace and LineTerminator), as the inside of an RE2 class. */
const JS_SPACE =
  '\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
/** JavaScript's `.` without the `s` flag. */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

interface Translated {
  re2: string;
  /** The pattern's last item was a one-character lookahead, now consumed after group 1. */
  tail: boolean;
}

/** Translate a JavaScript rule regex to RE2 syntax, or throw a RuleRegexError naming what cannot run. */
export function translateRuleRegex(source: string): Translated {
  let out = '';
  let depth = 0;
  let inClass = false;
  let topLevelBar = false;
  let tail: string | null = null;
  for (let i = 0; i < source.length; i++) {
    if (tail !== null) {
      throw new RuleRegexError(bilingual(CHECK_STRINGS, 'regex_lookaheadNotLast'));
    }
    const c = source[i]!;
    if (c === '\\') {
      const e = source[i + 1];
      if (e === undefined) throw new RuleRegexError(bilingual(CHECK_STRINGS, 'regex_trailingBackslash'));
      if (e === 'u') {
        const braced = /^\\u\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i));
        const plain = /^\\u([0-9a-fA-F]{4})/.exec(source.slice(i));
        const m = braced ?? plain;
        if (!m) throw new RuleRegexError(bilingual(CHECK_STRINGS, 'regex_badUnicodeEscape', String(i + 1)));
        out += `\\x{${m[1]}}`;
        i += m[0].length - 1;
        continue;
      }
      if (e === 's') {
        out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
        i++;
        continue;
      }
      if (e === 'S') {
        if (inClass) {
          throw new RuleRegexError(bilingual(CHECK_STRINGS, 'regex_spaceComplementInClass'));
        }
        out += `[^${JS_SPACE}]`;
        i++;
        continue;
      }
      if (/[1-9]/.test(e) || e === 'k')
        throw new RuleRegexError(bilingual(CHECK_STRINGS, 'regex_backReference'));
      if ((e === 'p' || e === 'P') && source[i + 2] === '{') {
        const close = source.indexOf('}', i);
        out += source.slice(i, close + 1);
        i = close;
        continue;
      }
      out += c + e;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
      // A `]` right after `[` or `[^` is a literal in RE2 but closes an empty class in JS.
      if (source[i + 1] === ']') throw new RuleRegexError(bilingual(CHECK_STRINGS, 'regex_emptyClass'));
      continue;
    }
    if (c === '.') {
      out += JS_DOT;
      continue;
    }
    if (c === '|' && depth === 0) topLevelBar = true;
    if (c === '(') {
      if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
        const look = oneCharLookahead(source, i);
        if (depth !== 0 || look === null || look.end !== source.length) {
          throw new RuleRegexError(bilingual(CHECK_STRINGS, 'regex_lookahead'));
        }
        tail = look.consumed;
        i = look.end - 1;
        continue;
      }
      depth++;
    }
    if (c === ')') depth--;
    out += c;
  }
  if (tail === null) return { re2: out, tail: false };
  if (topLevelBar) {
    throw new RuleRegexError(bilingual(CHECK_STRINGS, 'regex_lookaheadAfterAlternatives'));
  }
  return { re2: `(${out})${tail}`, tail: true };
}

/**
 * `(?!X)` or `(?=X)` at `i` where X is one character, one escape or one class:
 * its end, and the RE2 text that consumes one character the lookahead accepts
 * (or the text's end, for a negative one).
 */
function oneCharLookahead(source: string, i: number): { end: number; consumed: string } | null {
  const negative = source[i + 2] === '!';
  let j = i + 3;
  let item: string;
  let negated: string;
  if (source[j] === '[') {
    let k = j + 1;
    const caret = source[k] === '^';
    if (caret) k++;
    while (k < source.length && source[k] !== ']') k += source[k] === '\\' ? 2 : 1;
    if (k >= source.length) return null;
    const inside = source.slice(j + (caret ? 2 : 1), k);
    if (inside === '' || /\\S|\\s/.test(inside)) return null;
    const body = translateClassBody(inside);
    item = caret ? `[^${body}]` : `[${body}]`;
    negated = caret ? `[${body}]` : `[^${body}]`;
    j = k + 1;
  } else if (source[j] === '\\') {
    const e = source[j + 1] ?? '';
    if ((e === 'p' || e === 'P') && source[j + 2] === '{') {
      const close = source.indexOf('}', j);
      if (close < 0) return null;
      item = source.slice(j, close + 1);
      negated = (e === 'p' ? '\\P' : '\\p') + source.slice(j + 2, close + 1);
      j = close + 1;
    } else if ('dDwW'.includes(e) && e !== '') {
      item = `\\${e}`;
      negated = `\\${e === e.toLowerCase() ? e.toUpperCase() : e.toLowerCase()}`;
      j += 2;
    } else if (e !== '' && !/[0-9a-zA-Z]/.test(e)) {
      item = `\\${e}`;
      negated = `[^\\${e}]`;
      j += 2;
    } else {
      return null;
    }
  } else if (j < source.length && !'()|[]{}*+?.^$'.includes(source[j]!)) {
    item = source[j]!;
    negated = `[^${source[j]}]`;
    j++;
  } else {
    return null;
  }
  if (source[j] !== ')') return null;
  return { end: j + 1, consumed: negative ? `(?:$|${negated})` : item };
}

function translateClassBody(inside: string): string {
  return inside.replace(/\\u\{([0-9a-fA-F]{1,6})\}/g, '\\x{$1}').replace(/\\u([0-9a-fA-F]{4})/g, '\\x{$1}');
}

/** Compile a rule regex for the linear-time engine, or throw a RuleRegexError (Vietnamese, then English). */
export function compileRuleRegex(source: string): RuleRegex {
  if (source.length > MAX_REGEX_LENGTH) {
    throw new RuleRegexError(bilingual(CHECK_STRINGS, 'regex_tooLong', String(MAX_REGEX_LENGTH)));
  }
  if (source === '') throw new RuleRegexError(bilingual(CHECK_STRINGS, 'regex_empty'));
  const { re2, tail } = translateRuleRegex(source);
  let pattern: RE2JS;
  try {
    pattern = RE2JS.compile(re2, RE2JS.CASE_INSENSITIVE | RE2JS.LOOKBEHINDS);
  } catch (e) {
    throw new RuleRegexError(`${bilingual(CHECK_STRINGS, 'regex_unsupported')}: ${(e as Error).message}`);
  }
  if (pattern.programSize() > MAX_PROGRAM_SIZE) {
    throw new RuleRegexError(
      bilingual(CHECK_STRINGS, 'regex_tooComplex', String(pattern.programSize()), String(MAX_PROGRAM_SIZE)),
    );
  }
  const group = tail ? 1 : 0;
  const lookbehinds = (re2.match(/\(\?<[=!]/g) ?? []).length;
  const weight = pattern.programSize() + LOOKBEHIND_WEIGHT * lookbehinds;
  const window = Math.min(MAX_REGEX_INPUT, Math.floor(WORK_BUDGET / weight));
  return {
    source,
    window,
    matches(text: string, near = 0) {
      // A long comment is read in one window of `window` characters (around
      // `near`), plus a little context before it for lookbehinds.
      let offset = 0;
      let from = 0;
      let input = text;
      if (text.length > window) {
        const start = Math.max(0, Math.min(near - (window >> 1), text.length - window));
        offset = Math.max(0, start - CONTEXT);
        from = start - offset;
        input = text.slice(offset, start + window);
      }
      const found: { start: number; end: number }[] = [];
      const m = pattern.matcher(input);
      while (from <= input.length && found.length < MAX_MATCHES && m.find(from)) {
        const start = m.start(group);
        const end = m.end(group);
        if (end > start) found.push({ start: start + offset, end: end + offset });
        // After an empty match move on one character, as RegExp's lastIndex++ does.
        from = end > start ? end : start + 1;
      }
      return found;
    },
  };
}

/** Why `source` cannot be a rule regex (Vietnamese, then English), or null when it can. */
export function ruleRegexProblem(source: string): string | null {
  try {
    compileRuleRegex(source);
    return null;
  } catch (e) {
    if (e instanceof RuleRegexError) return e.message;
    return `${bilingual(CHECK_STRINGS, 'regex_invalid')}: ${(e as Error).message}`;
  }
}
