/**
 * A rule's regex runs on every comment in the moderator's browser: one that
 * backtracks catastrophically would freeze Facebook's tab. We reject the
 * classic shapes (a quantified group that itself contains a quantifier, like
 * `(a+)+`, `(\w*)*`, `(x+y?){2,}`), back-references, and overlong sources.
 * The matcher runs every rule regex on a linear-time engine (rule-regex.ts), so
 * none of these shapes can freeze the tab any more; the check still names them,
 * and then asks that engine whether it can run the pattern.
 * Returns a message in both languages (Vietnamese, then English), or null when
 * the regex is acceptable.
 */
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { MAX_REGEX_LENGTH, ruleRegexProblem } from './rule-regex';

export { MAX_REGEX_LENGTH };

export function checkRegex(source: string): string | null {
  if (source.length > MAX_REGEX_LENGTH)
    return bilingual(CHECK_STRINGS, 'regex_tooLong', String(MAX_REGEX_LENGTH));
  try {
    new RegExp(source, 'iu');
  } catch (e) {
    return `${bilingual(CHECK_STRINGS, 'regex_invalid')}: ${(e as Error).message}`;
  }
  if (/\\b|\\B/.test(stripEscapedBackslashes(source))) {
    return bilingual(CHECK_STRINGS, 'regex_wordBoundary');
  }
  if (/\\[1-9]|\\k</.test(stripEscapedBackslashes(source)))
    return bilingual(CHECK_STRINGS, 'regex_backReference');
  const nested = findNestedQuantifier(source);
  if (nested !== null) return bilingual(CHECK_STRINGS, 'regex_nestedQuantifier', String(nested));
  // What the linear-time engine the matcher runs it on cannot run (or would run too slowly).
  return ruleRegexProblem(source);
}

function stripEscapedBackslashes(source: string): string {
  return source.replace(/\\\\/g, '');
}

/** Position of a quantifier applied to a group that already contains one, or null. */
function findNestedQuantifier(source: string): number | null {
  // Stack of "does this open group contain a quantifier?"
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      continue;
    }
    if (c === ')') {
      const inner = stack.pop() ?? false;
      const q = quantifierAt(source, i + 1);
      if (q && inner) return i + 1;
      // The group itself counts as a quantified item for its parent.
      if ((q || inner) && stack.length > 0) stack[stack.length - 1] = true;
      continue;
    }
    if (quantifierAt(source, i) && stack.length > 0) stack[stack.length - 1] = true;
  }
  return null;
}

/** True when a repeating quantifier (*, +, {n,}, {n,m} with m > 1) starts at i. `?` alone does not repeat. */
function quantifierAt(source: string, i: number): boolean {
  const c = source[i];
  if (c === '*' || c === '+') return true;
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return false;
    if (m[2] === undefined) return Number(m[1]) > 1;
    return m[3] === '' || Number(m[3]) > 1;
  }
  return false;
}
