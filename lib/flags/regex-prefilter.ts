/**
 * A rule's regex needs the `u` flag (for \p{L}), and V8 runs `u` regexes that
 * start with a character class several times slower than a plain literal
 * search. Most rule regexes contain literal text every match must include
 * ("gov", ".apk", "bit.ly"): we extract such a set of literals and test for
 * any of them with a plain case-insensitive regex first, which V8 scans at
 * gigabytes per second. The full regex runs only on comments that pass.
 */

interface Parsed {
  /** Any match contains at least one of these (lowercase), or null when unknown. */
  req: string[] | null;
}

const MIN_LITERAL = 2;

function score(req: string[] | null): number {
  if (!req || req.length === 0) return 0;
  return Math.min(...req.map((s) => s.length));
}

function better(a: string[] | null, b: string[] | null): string[] | null {
  return score(b) > score(a) ? b : a;
}

/** Literals required by `source` (a regex validated by `checkRegex`), or null when none can be found. */
export function requiredLiterals(source: string): string[] | null {
  let i = 0;
  const src = source;

  /** Min repeat of a quantifier at i (consuming it); 1 when there is none. */
  const quantifier = (): number => {
    const c = src[i];
    let min = 1;
    if (c === '*' || c === '?') {
      min = 0;
      i++;
    } else if (c === '+') {
      i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(src.slice(i));
      if (!m) return 1;
      min = Number(m[1]);
      i += m[0].length;
    } else {
      return 1;
    }
    if (src[i] === '?') i++; // lazy
    return min;
  };

  const alternation = (): Parsed => {
    const branches: Parsed[] = [sequence()];
    while (src[i] === '|') {
      i++;
      branches.push(sequence());
    }
    if (branches.some((b) => b.req === null)) return { req: null };
    return { req: [...new Set(branches.flatMap((b) => b.req!))] };
  };

  const sequence = (): Parsed => {
    let best: string[] | null = null;
    let run = '';
    const endRun = () => {
      if (run.length >= MIN_LITERAL) best = better(best, [run]);
      run = '';
    };
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const c = src[i]!;
      let literal: string | null = null;
      if (c === '\\') {
        const e = src[i + 1] ?? '';
        i += 2;
        if ((e === 'p' || e === 'P' || e === 'u') && src[i] === '{') {
          i = src.indexOf('}', i) + 1;
        } else if (e === 'x') {
          i += 2;
        } else if (e === 'u') {
          i += 4;
        } else if (e !== '' && !isAsciiLetterOrDigit(e.charCodeAt(0))) {
          // Escaped punctuation: \. \/ \- (with the `u` flag only syntax characters may be escaped).
          literal = e;
        } else if (e === 'n' || e === 't') {
          literal = e === 'n' ? '\n' : '\t';
        }
      } else if (c === '[') {
        i++;
        if (src[i] === '^') i++;
        if (src[i] === ']') i++;
        while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
        i++;
      } else if (c === '(') {
        i++;
        let look = false;
        if (src[i] === '?') {
          if (src[i + 1] === ':') i += 2;
          else if (src[i + 1] === '=' || src[i + 1] === '!') {
            look = true;
            i += 2;
          } else if (src[i + 1] === '<' && (src[i + 2] === '=' || src[i + 2] === '!')) {
            look = true;
            i += 3;
          } else if (src[i + 1] === '<') {
            i = src.indexOf('>', i) + 1;
          }
        }
        const inner = alternation();
        i++; // ')'
        const min = quantifier();
        endRun();
        if (!look && min > 0) best = better(best, inner.req);
        continue;
      } else if (c === '.' || c === '^' || c === '$') {
        i++;
      } else {
        literal = c;
        i++;
      }
      if (literal === null) {
        quantifier();
        endRun();
        continue;
      }
      const before = i;
      const min = quantifier();
      if (min === 0) {
        endRun();
      } else if (i === before) {
        run += literal.toLowerCase();
      } else {
        run += literal.toLowerCase();
        endRun();
      }
    }
    endRun();
    return { req: best };
  };

  try {
    const parsed = alternation();
    if (i < src.length) return null;
    return parsed.req && score(parsed.req) >= MIN_LITERAL ? parsed.req : null;
  } catch {
    return null;
  }
}

function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Letters the rule regexes' engine (case-insensitive, Unicode) reads as an
 * ASCII letter but a plain `i` regex does not: "\u017F" (long s) is an "s",
 * the Kelvin sign "\u212A" a "k". Without them a comment spelling "ſ" for "s" would
 * skip a regex the engine itself would match.
 */
const UNICODE_FOLDS: Readonly<Record<string, string>> = { s: '[s\u017F]', k: '[k\u212A]' };

/** Regex source matching any of the literals as typed: valid with and without the `u` flag. */
export function literalAlternation(literals: readonly string[]): string {
  return literals.map((l) => l.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|');
}

/** A fast case-insensitive test for any of the literals (no `u` flag: V8's literal scan stays fast). */
export function literalProbe(literals: readonly string[]): RegExp {
  // Escapes hold punctuation only, so every "s" and "k" left is a letter of a literal.
  const source = literalAlternation(literals).replace(/[sk]/gi, (c) => UNICODE_FOLDS[c.toLowerCase()]!);
  return new RegExp(source, 'i');
}
