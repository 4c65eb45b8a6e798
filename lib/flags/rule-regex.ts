import { RE2JS } from 're2js';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { isSpaceUnit } from '../text/fold';
import { literalAlternation, requiredLiterals } from './regex-prefilter';

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
/**
 * Code units read before a word (`spaceFree` regexes: lookbehinds of one
 * character, astral ones two units). Not CONTEXT: a comment of 4,000 one-letter
 * words would have the engine read 8 times its length.
 */
const LOOKBEHIND_CONTEXT = 2;
/** Words read one by one before the rest of a comment is read in one go. */
const MAX_WORD_READS = 16;

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
  // Where no match can cross a space and each holds a known literal, only the
  // words (runs between spaces) holding that literal need the engine.
  const literals = spaceFree(source) ? requiredLiterals(source) : null;
  const occurrence = literals === null ? null : literalSearch(literals);

  /** Matches from `from` in `input` (which starts at `offset` in the comment), appended to `found`. */
  const run = (
    input: string,
    from: number,
    offset: number,
    found: { start: number; end: number }[],
  ): void => {
    const m = pattern.matcher(input);
    while (from <= input.length && found.length < MAX_MATCHES && m.find(from)) {
      const start = m.start(group);
      const end = m.end(group);
      if (end > start) found.push({ start: start + offset, end: end + offset });
      // After an empty match move on one character, as RegExp's lastIndex++ does.
      from = end > start ? end : start + 1;
    }
  };

  return {
    source,
    window,
    matches(text: string, near = 0) {
      const found: { start: number; end: number }[] = [];
      if (text.length <= window && occurrence !== null) {
        // Each word holding a literal, read alone (with the characters before it
        // for a lookbehind, and the one after it for the final lookahead): the
        // engine's search from the comment's start finds the same matches, as
        // none starts or ends in a space, and it costs the whole comment's length
        // (a gov.vn address in a 300-character comment: ~100 µs).
        let pos = 0;
        for (let words = 0; found.length < MAX_MATCHES; words++) {
          if (words === MAX_WORD_READS) {
            // Many such words (a crafted comment): the rest in one reading, as
            // before, so the engine's setup per word cannot add up past it.
            run(text, pos, 0, found);
            break;
          }
          occurrence.lastIndex = pos;
          const o = occurrence.exec(text);
          if (o === null) break;
          let wordStart = o.index;
          while (wordStart > 0 && !isSpaceUnit(text.charCodeAt(wordStart - 1))) wordStart--;
          let wordEnd = o.index + o[0].length;
          while (wordEnd < text.length && !isSpaceUnit(text.charCodeAt(wordEnd))) wordEnd++;
          const offset = Math.max(0, wordStart - LOOKBEHIND_CONTEXT);
          run(text.slice(offset, Math.min(text.length, wordEnd + 1)), wordStart - offset, offset, found);
          pos = wordEnd;
        }
        return found;
      }
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
      run(input, from, offset, found);
      return found;
    },
  };
}

/**
 * Every occurrence of any literal, with the engine's case folding (the `u` flag
 * folds as RE2 does: "ſ" is an "s", "K" (Kelvin) a "k").
 */
function literalSearch(literals: readonly string[]): RegExp {
  return new RegExp(literalAlternation(literals), 'giu');
}

/** General categories with no space in them: letters, marks, numbers, punctuation, symbols. */
const SPACELESS_PROPERTY =
  /^(?:L[ultmo]?|M[nce]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Letter|Mark|Number|Punctuation|Symbol)$/;

/**
 * Can no match of `source` (a JavaScript rule regex) hold a JavaScript space,
 * whatever the comment? True only when every character it consumes comes from
 * a literal, escape or class that holds no space: no `.`, no negated class, no
 * `\s \S \W \D \P{…}`, no `^`/`$` (they would see the word's edges). Only
 * one-character lookbehinds (the usual word-start guard: the context kept
 * before a word covers them); the final one-character lookahead consumes one
 * character after the match, which the word's reading includes.
 */
export function spaceFree(source: string): boolean {
  let i = 0;
  /** One escape at i (past the backslash's position), as an item; false when it may be a space. */
  const escapeItem = (): boolean => {
    const e = source[i + 1] ?? '';
    if ((e === 'p' || e === 'P') && source[i + 2] === '{') {
      const close = source.indexOf('}', i);
      const name = source.slice(i + 3, close);
      i = close + 1;
      return e === 'p' && SPACELESS_PROPERTY.test(name);
    }
    if (e === 'u') {
      const m = /^\\u(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/.exec(source.slice(i));
      if (!m) return false;
      i += m[0].length;
      return !isSpaceUnit(Number.parseInt(m[1] ?? m[2]!, 16));
    }
    if (e === 'x') {
      const m = /^\\x([0-9a-fA-F]{2})/.exec(source.slice(i));
      if (!m) return false;
      i += m[0].length;
      return !isSpaceUnit(Number.parseInt(m[1]!, 16));
    }
    i += 2;
    // \w, \d and escaped punctuation hold no space; \s, \S, \W, \D, \t, \n, \b, \0, \c… may or do.
    return e === 'w' || e === 'd' || (e !== '' && !/[0-9A-Za-z]/.test(e));
  };
  /** A class at i: false when it is negated or may hold a space. */
  const klass = (): boolean => {
    i++;
    if (source[i] === '^') return false;
    let prev = -1;
    while (i < source.length && source[i] !== ']') {
      if (source[i] === '-' && prev >= 0 && source[i + 1] !== ']' && source[i + 1] !== undefined) {
        // A range prev-next: no space code point inside.
        i++;
        let hi: number;
        if (source[i] === '\\') {
          const at = i;
          if (!escapeItem()) return false;
          const e = source[at + 1]!;
          if (e === 'u' || e === 'x') {
            const m = /^\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/.exec(
              source.slice(at),
            );
            hi = Number.parseInt(m![1] ?? m![2] ?? m![3]!, 16);
          } else if (!/[0-9A-Za-z]/.test(e)) hi = e.charCodeAt(0);
          else return false;
        } else {
          hi = source.codePointAt(i)!;
          i += hi > 0xffff ? 2 : 1;
        }
        for (let c = prev; c <= hi; c++) if (isSpaceUnit(c)) return false;
        prev = -1;
        continue;
      }
      if (source[i] === '\\') {
        const at = i;
        if (!escapeItem()) return false;
        const e = source[at + 1]!;
        const m = /^\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/.exec(source.slice(at));
        prev = m ? Number.parseInt(m[1] ?? m[2] ?? m[3]!, 16) : /[0-9A-Za-z]/.test(e) ? -1 : e.charCodeAt(0);
        continue;
      }
      const c = source.codePointAt(i)!;
      if (isSpaceUnit(c)) return false;
      prev = c;
      i += c > 0xffff ? 2 : 1;
    }
    i++;
    return true;
  };
  /** One atom at i (a char, escape or class) for a lookbehind's or lookahead's body, then `)`. */
  const oneCharGroup = (): boolean => {
    if (source[i] === '[') {
      klass();
    } else if (source[i] === '\\') {
      escapeItem();
    } else if (i < source.length && !'()|[]{}*+?.^$'.includes(source[i]!)) {
      i += source.codePointAt(i)! > 0xffff ? 2 : 1;
    } else return false;
    if (source[i] !== ')') return false;
    i++;
    return true;
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      if (!escapeItem()) return false;
    } else if (c === '[') {
      if (!klass()) return false;
    } else if (c === '(') {
      if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) {
        i += 4;
        if (!oneCharGroup()) return false;
      } else if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
        // Only the final one-character lookahead compiles (translateRuleRegex).
        i += 3;
        if (!oneCharGroup() || i !== source.length) return false;
      } else if (source.startsWith('(?<', i)) {
        i = source.indexOf('>', i) + 1;
        if (i === 0) return false;
      } else {
        i += source.startsWith('(?:', i) ? 3 : 1;
      }
    } else if (c === '.' || c === '^' || c === '$') {
      return false;
    } else if (c === '{') {
      // A quantifier {n}, {n,}, {n,m}.
      const m = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i));
      if (!m) return false;
      i += m[0].length;
    } else if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?') {
      i++;
    } else {
      const cp = source.codePointAt(i)!;
      if (isSpaceUnit(cp)) return false;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return true;
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
