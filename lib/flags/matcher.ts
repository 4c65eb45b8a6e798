import {
  FOLD,
  FOLD_IGNORABLE,
  FOLD_LAZY,
  FOLD_SEPARATOR,
  foldAt,
  foldWords,
  isCombiningMark,
  LOOKALIKE_DIGITS,
  ONSET_SWAPS,
  TEENCODE,
  toneKey,
} from '../text';
import { type Automaton, buildAutomaton } from './aho-corasick';
import { compareHits, type FlagHit, kindRank, type MatchKind } from './hit';
import { literalProbe, requiredLiterals } from './regex-prefilter';
import type { Rule } from './schema';

/**
 * The compiled form of a rule pack. Built once per pack (`compileRules`), then
 * `scan` runs a single pass over each comment: characters are folded through
 * a table (case, diacritics, NFD marks, zero-width, look-alikes) and fed
 * straight into an Aho–Corasick DFA. Syllable boundaries are explicit: the
 * folded stream separates syllables by one space and every phrase is stored as
 * " words ", so a phrase only matches whole syllables — no `\b`, which is
 * ASCII-only in JavaScript and splits "được" after "đ".
 *
 * Teencode is handled on the rule side: each phrase is also stored as the
 * spellings comments use ("không" → "ko", "k", "hok"; "phải" → "fải"), so the
 * hot loop never looks words up. Spaced-out words ("l.ừ.a đ.ả.o") are spotted
 * in the same pass (runs of one-letter pieces) and re-read without separators.
 */
export interface Matcher {
  /** Every rule that fired, most severe first, then the most certain spelling. */
  scan(text: string): FlagHit[];
  readonly rules: readonly Rule[];
  /** Number of distinct strings in the automata (phrases × spellings, exceptions). */
  readonly patternCount: number;
  readonly stateCount: number;
}

/** How far (in syllables) a benign phrase reaches: "cảnh báo" before a hit, "là tin giả" after it. */
const EXCEPTION_SYLLABLES_BEFORE = 8;
const EXCEPTION_SYLLABLES_AFTER = 8;
/** Spellings per phrase, and how many words of one phrase may be respelled at once. */
const MAX_SPELLINGS = 40;
const MAX_RESPELLED_WORDS = 2;
/** Shorter joined phrases would match by accident inside spaced-out runs. */
const MIN_DESPACED_LETTERS = 5;
/** Longer phrases are left out of the automaton (the schema caps phrases at 200 chars anyway). */
const MAX_PATTERN_CHARS = 1000;

interface Owner {
  rule: number;
  exception: boolean;
  /** Tone key of the phrase as written: a plain-spelling hit with the same key is "exact". */
  phraseKey: string;
  /** The phrase lowercased (NFC), and whether it has any non-ASCII letter: fast paths for `isExact`. */
  phraseLower: string;
  phraseAscii: boolean;
  teencode: boolean;
  words: number;
}

interface Candidate {
  rule: number;
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  how: MatchKind;
}

const MULTI_WORD_TEENCODE: ReadonlyArray<readonly [readonly string[], readonly string[]]> = Object.entries(
  TEENCODE,
).map(([words, spellings]) => [words.split(' '), spellings] as const);

/** The phrase's folded words and the teencode spellings of them, fewest changes first. */
export function spellingsOf(words: readonly string[], maxSpellings = MAX_SPELLINGS): string[][] {
  // Every way to respell one place in the phrase: [position, words consumed, spelling].
  const alts: [number, number, string][] = [];
  for (let pos = 0; pos < words.length; pos++) {
    for (const [key, spellings] of MULTI_WORD_TEENCODE) {
      if (pos + key.length > words.length) continue;
      if (!key.every((k, i) => words[pos + i] === k)) continue;
      for (const sp of spellings) alts.push([pos, key.length, sp]);
    }
    const w = words[pos]!;
    for (const [onset, swap] of ONSET_SWAPS) {
      if (w.length > onset.length && w.startsWith(onset)) alts.push([pos, 1, swap + w.slice(onset.length)]);
    }
  }
  const out: string[][] = [words.slice()];
  const seen = new Set<string>([words.join(' ')]);
  const apply = (changes: (readonly [number, number, string])[]) => {
    const result: string[] = [];
    let pos = 0;
    for (const [at, len, sp] of changes) {
      result.push(...words.slice(pos, at), sp);
      pos = at + len;
    }
    result.push(...words.slice(pos));
    const key = result.join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(result);
    }
  };
  // One respelled place first (all of them when they fit), then pairs.
  for (const a of alts) {
    if (out.length >= maxSpellings) return out;
    apply([a]);
  }
  if (MAX_RESPELLED_WORDS < 2) return out;
  for (let i = 0; i < alts.length; i++) {
    for (let j = i + 1; j < alts.length; j++) {
      if (out.length >= maxSpellings) return out;
      const a = alts[i]!;
      const b = alts[j]!;
      if (b[0] >= a[0] + a[1]) apply([a, b]);
    }
  }
  return out;
}

class PatternTable {
  readonly patterns: string[] = [];
  readonly owners: Owner[][] = [];
  private readonly index = new Map<string, number>();
  add(pattern: string, owner: Owner): void {
    if (pattern.length > MAX_PATTERN_CHARS) return;
    let id = this.index.get(pattern);
    if (id === undefined) {
      id = this.patterns.length;
      this.index.set(pattern, id);
      this.patterns.push(pattern);
      this.owners.push([]);
    }
    const list = this.owners[id]!;
    // The same phrase listed twice in one rule needs one owner.
    if (
      !list.some(
        (o) => o.rule === owner.rule && o.exception === owner.exception && o.teencode === owner.teencode,
      )
    ) {
      list.push(owner);
    }
  }
}

interface RawMatch {
  pid: number;
  /** Index of the match's last syllable. */
  tok: number;
  /** Offset just past the match in the original text. */
  end: number;
}

// Input classes of the hot loop's char table.
const CC_SEPARATOR = 0;
const CC_IGNORABLE = 1;
const CC_LAZY = 2;
/**
 * Automaton classes start here: CC_FIRST + class. Reserved classes: 1 the
 * space, 2–11 the digits 0–9, 12 "a letter no pattern uses" (U+E000 stands
 * for it and never occurs in a pattern); pattern letters come after.
 */
const CC_FIRST = 3;
// A private-use character, not U+FFFF: bundlers write escapes out raw, and
// Chrome refuses to load a content script holding a noncharacter ("It isn't
// UTF-8 encoded"). tests/e2e/build.e2e.ts checks the built files.
const RESERVED_CLASSES = ' 0123456789\ue000';
const RESERVED_OTHER_LETTER = 12;
const CC_DIGIT_0 = CC_FIRST + 2;
const CC_LETTER = CC_FIRST + RESERVED_OTHER_LETTER;

class CompiledMatcher implements Matcher {
  readonly patternCount: number;
  readonly stateCount: number;
  private readonly main: Automaton;
  private readonly mainOwners: Owner[][];
  private readonly hasOut: Uint8Array;
  private readonly spaceClass: number;
  private readonly startState: number;
  private readonly compact: Automaton;
  private readonly compactOwners: Owner[][];
  private readonly compactLen: Int32Array;
  private readonly regexes: { rule: number; re: RegExp; probe: RegExp | null }[];
  private readonly regexProbe: RegExp | null;
  private readonly delta: Int32Array;
  private readonly charClass: Uint16Array;
  private readonly digitAsLetter: Uint16Array;
  // Scratch reused across scans (a scan is synchronous).
  private text = '';
  private tokStarts: Int32Array = new Int32Array(1024);
  private raw: RawMatch[] = [];
  private suspects: number[] = [];

  constructor(readonly rules: readonly Rule[]) {
    const main = new PatternTable();
    const compact = new PatternTable();
    // Exception lists repeat across rules: fold and respell each phrase once.
    const cache = new Map<
      string,
      { words: string[]; key: string; lower: string; ascii: boolean; spellings: string[][] }
    >();
    const prepare = (phrase: string, max: number) => {
      const id = `${max}|${phrase}`;
      let hit = cache.get(id);
      if (!hit) {
        const words = foldWords(phrase);
        hit = {
          words,
          key: max === MAX_SPELLINGS ? toneKey(phrase) : '',
          lower: phrase.normalize('NFC').toLowerCase(),
          ascii: isAscii(phrase),
          spellings: spellingsOf(words, max),
        };
        cache.set(id, hit);
      }
      return hit;
    };
    this.regexes = [];
    rules.forEach((rule, r) => {
      for (const phrase of rule.phrases) {
        const {
          words,
          key: phraseKey,
          lower: phraseLower,
          ascii: phraseAscii,
          spellings,
        } = prepare(phrase, MAX_SPELLINGS);
        if (words.length === 0) continue;
        spellings.forEach((spelling, i) => {
          main.add(` ${spelling.join(' ')} `, {
            rule: r,
            exception: false,
            phraseKey,
            phraseLower,
            phraseAscii,
            teencode: i > 0,
            words: spelling.length,
          });
        });
        const joined = words.join('');
        if (joined.length >= MIN_DESPACED_LETTERS) {
          compact.add(joined, {
            rule: r,
            exception: false,
            phraseKey,
            phraseLower,
            phraseAscii,
            teencode: false,
            words: 1,
          });
        }
      }
      for (const phrase of rule.exceptions ?? []) {
        const { words, spellings } = prepare(phrase, 12);
        if (words.length === 0) continue;
        spellings.forEach((spelling) => {
          main.add(` ${spelling.join(' ')} `, {
            rule: r,
            exception: true,
            phraseKey: '',
            phraseLower: '',
            phraseAscii: true,
            teencode: false,
            words: spelling.length,
          });
        });
      }
      if (rule.regex) {
        const literals = requiredLiterals(rule.regex);
        this.regexes.push({
          rule: r,
          re: new RegExp(rule.regex, 'giu'),
          probe: literals ? literalProbe(literals) : null,
        });
      }
    });
    const allLiterals = this.regexes.map((x) => (x.probe ? requiredLiterals(rules[x.rule]!.regex!) : null));
    this.regexProbe = allLiterals.every((l) => l !== null)
      ? literalProbe(allLiterals.flat() as string[])
      : null;
    this.main = buildAutomaton(main.patterns, RESERVED_CLASSES);
    this.mainOwners = main.owners;
    this.compact = buildAutomaton(compact.patterns);
    this.compactOwners = compact.owners;
    this.compactLen = Int32Array.from(compact.patterns, (p) => p.length);
    this.patternCount = main.patterns.length + compact.patterns.length;
    this.stateCount = this.main.stateCount + this.compact.stateCount;
    const { width, stateCount, outStart } = this.main;
    // Premultiplied DFA (next state × width): one add and one read per character.
    this.delta = new Int32Array(this.main.delta.length);
    for (let j = 0; j < this.delta.length; j++) this.delta[j] = this.main.delta[j]! * width;
    this.hasOut = new Uint8Array(stateCount * width);
    for (let s = 0; s < stateCount; s++) this.hasOut[s * width] = outStart[s + 1]! > outStart[s]! ? 1 : 0;
    this.spaceClass = this.main.classOf[0x20]!;
    // The comment starts as if after a space, so a phrase can match at offset 0.
    this.startState = this.delta[this.spaceClass]!;
    // Raw UTF-16 unit → input class in one read: separator, invisible, or CC_FIRST + automaton class.
    this.charClass = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) {
      const v = FOLD[c]!;
      this.charClass[c] = v === FOLD_LAZY ? CC_LAZY : this.classOfFold(v, c, false);
    }
    // Surrogates: emoji are separators; only the math-alphabet block (U+1D400–1D7FF,
    // "fancy font" letters) needs a closer look.
    for (let c = 0xd800; c <= 0xdfff; c++) this.charClass[c] = CC_SEPARATOR;
    this.charClass[0xd835] = CC_LAZY;
    this.digitAsLetter = new Uint16Array(10);
    for (const [digit, letter] of Object.entries(LOOKALIKE_DIGITS)) {
      this.digitAsLetter[Number(digit) - 0x30] = this.letterClass(letter);
    }
  }

  scan(text: string): FlagHit[] {
    this.raw.length = 0;
    this.suspects.length = 0;
    this.text = text;
    const tokCount = this.pass(text);
    this.text = '';
    const candidates: Candidate[] = [];
    const exceptions: { rule: number; tokStart: number; tokEnd: number }[] = [];
    for (const m of this.raw) {
      const tokEnd = m.tok;
      const end = m.end;
      for (const o of this.mainOwners[m.pid]!) {
        const tokStart = tokEnd - o.words + 1;
        const start = this.tokStarts[tokStart]!;
        if (o.exception) {
          exceptions.push({ rule: o.rule, tokStart, tokEnd });
          continue;
        }
        const how: MatchKind = o.teencode
          ? 'teencode'
          : isExact(text.slice(start, end), o)
            ? 'exact'
            : 'folded';
        candidates.push({ rule: o.rule, start, end, tokStart, tokEnd, how });
      }
    }
    for (let k = 0; k < this.suspects.length; k += 2) {
      this.despaced(text, this.suspects[k]!, this.suspects[k + 1]!, tokCount, candidates);
    }
    // One literal scan decides whether any regex needs to run at all.
    const anyRegex = this.regexes.length > 0 && (this.regexProbe === null || this.regexProbe.test(text));
    for (const { rule, re, probe } of anyRegex ? this.regexes : []) {
      if (probe && !probe.test(text)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        candidates.push({
          rule,
          start,
          end,
          tokStart: this.tokenAt(start, tokCount),
          tokEnd: this.tokenAt(end - 1, tokCount),
          how: 'exact',
        });
      }
    }
    if (candidates.length === 0) return [];
    return this.finish(text, candidates, exceptions);
  }

  /** The hot loop: fold, split syllables, run the DFA, note spaced-out runs. Returns the syllable count. */
  private pass(text: string): number {
    const delta = this.delta;
    const hasOut = this.hasOut;
    const charClass = this.charClass;
    const space = this.spaceClass;
    const n = text.length;
    let tokStarts = this.tokStarts;
    let s = this.startState;
    let kind = 0; // of the last folded char: 0 space, 1 letter, 2 digit
    let tok = 0; // syllables started so far
    let tokLen = 0; // letters in the current syllable
    let tokStartOrig = 0;
    let run = 0; // consecutive short syllables
    let singles = 0;
    let runStart = 0;
    for (let i = 0; i < n; i++) {
      const r = charClass[text.charCodeAt(i)]!;
      if (r >= CC_LETTER) {
        // The common case: a letter. Past a digit it starts a new syllable ("5G").
        if (kind !== 1) {
          if (kind === 2) {
            s = delta[s + space]!;
            if (hasOut[s] === 1) this.collect(s, tok - 1, i);
          }
          // Note the syllable that just ended: spaced-out words are runs of 1–2 letter pieces.
          if (tok > 0) {
            if (tokLen <= 2) {
              if (run === 0) runStart = tokStartOrig;
              run++;
              if (tokLen === 1) singles++;
            } else {
              if (run >= 3 && singles >= 2) this.suspects.push(runStart, tokStartOrig);
              run = 0;
              singles = 0;
            }
          }
          if (tok >= tokStarts.length) tokStarts = this.growTokStarts();
          tokStarts[tok++] = i;
          tokStartOrig = i;
          tokLen = 0;
          kind = 1;
        }
        s = delta[s + r - CC_FIRST]!;
        tokLen++;
        continue;
      }
      if (r === CC_SEPARATOR) {
        if (kind !== 0) {
          s = delta[s + space]!;
          if (hasOut[s] === 1) this.collect(s, tok - 1, i);
          kind = 0;
        }
        continue;
      }
      if (r === CC_IGNORABLE) continue; // invisible inside a word
      if (r === CC_LAZY) {
        const c = text.charCodeAt(i);
        if (c < 0xd800 || c > 0xdfff) {
          // First sight of this char: classify it once, then read it again.
          this.classOfFold(foldAt(text, i) & 0xffff, c, true);
          i--;
          continue;
        }
        // An astral letter ("𝐥𝐮𝐚" in a math font): one letter from two code units.
        const f = foldAt(text, i);
        const cls = this.classOfFold(f & 0xffff, c, false);
        if (f >>> 16 === 2) i++;
        if (cls < CC_LETTER) {
          if (kind !== 0 && cls === CC_SEPARATOR) {
            s = delta[s + space]!;
            if (hasOut[s] === 1) this.collect(s, tok - 1, i - 1);
            kind = 0;
          }
          continue;
        }
        if (kind !== 1) {
          if (kind === 2) {
            s = delta[s + space]!;
            if (hasOut[s] === 1) this.collect(s, tok - 1, i - 1);
          }
          if (tok >= tokStarts.length) tokStarts = this.growTokStarts();
          tokStarts[tok++] = i - 1;
          tokStartOrig = i - 1;
          tokLen = 0;
          run = 0;
          singles = 0;
          kind = 1;
        }
        s = delta[s + cls - CC_FIRST]!;
        tokLen++;
        continue;
      }
      // A digit.
      if (kind === 1) {
        // "l0i", "nhu4n": a digit between letters is read as the letter it imitates.
        const la = this.digitAsLetter[r - CC_DIGIT_0]!;
        if (la !== 0 && nextIsLetter(text, i + 1)) {
          s = delta[s + la - CC_FIRST]!;
          tokLen++;
          continue;
        }
        s = delta[s + space]!;
        if (hasOut[s] === 1) this.collect(s, tok - 1, i);
      }
      if (kind !== 2) {
        if (tok > 0) {
          if (tokLen <= 2) {
            if (run === 0) runStart = tokStartOrig;
            run++;
            if (tokLen === 1) singles++;
          } else {
            if (run >= 3 && singles >= 2) this.suspects.push(runStart, tokStartOrig);
            run = 0;
            singles = 0;
          }
        }
        if (tok >= tokStarts.length) tokStarts = this.growTokStarts();
        tokStarts[tok++] = i;
        tokStartOrig = i;
        tokLen = 0;
        kind = 2;
      }
      s = delta[s + r - CC_FIRST]!;
      tokLen++;
    }
    if (kind !== 0) {
      s = delta[s + space]!;
      if (hasOut[s] === 1) this.collect(s, tok - 1, n);
    }
    if (tok > 0 && tokLen <= 2) {
      if (run === 0) runStart = tokStartOrig;
      run++;
      if (tokLen === 1) singles++;
    }
    if (run >= 3 && singles >= 2) this.suspects.push(runStart, n);
    return tok;
  }

  private growTokStarts(): Int32Array {
    const grown = new Int32Array(this.tokStarts.length * 2);
    grown.set(this.tokStarts);
    this.tokStarts = grown;
    return grown;
  }

  /** Class code for a folded char (slow path: first sight of a rare char, astral letters); caches BMP results. */
  private classOfFold(v: number, unit: number, cache: boolean): number {
    let r: number;
    if (v === FOLD_SEPARATOR) r = CC_SEPARATOR;
    else if (v === FOLD_IGNORABLE) r = CC_IGNORABLE;
    else if (v >= 0x30 && v <= 0x39) r = CC_DIGIT_0 + (v - 0x30);
    else r = this.letterClass(v);
    if (cache) this.charClass[unit] = r;
    return r;
  }

  /** Letters no pattern uses share one class, placed after the digits so `r >= CC_LETTER` means "letter". */
  private letterClass(v: number): number {
    const k = this.main.classOf[v]!;
    return CC_FIRST + (k === 0 ? RESERVED_OTHER_LETTER : k);
  }

  private collect(s: number, tok: number, boundary: number): void {
    const { outStart, outIds } = this.main;
    const state = s / this.main.width;
    // Patterns are whole syllables: a match starts where a syllable starts and
    // ends at this boundary, less any zero-width chars before it.
    let end = boundary;
    while (end > 0 && isZeroWidth(this.text.charCodeAt(end - 1))) end--;
    for (let j = outStart[state]!; j < outStart[state + 1]!; j++) {
      const pid = outIds[j]!;
      this.raw.push({ pid, tok, end });
    }
  }

  /** Index of the syllable that contains (or precedes) original offset `off`. */
  private tokenAt(off: number, tokCount: number): number {
    let lo = 0;
    let hi = tokCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.tokStarts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Re-read a spaced-out run and its neighbours with separators removed, and
   * match whole-piece spans against the joined phrases ("luadao").
   */
  private despaced(text: string, runStart: number, runEnd: number, tokCount: number, out: Candidate[]): void {
    const first = Math.max(0, this.tokenAt(runStart, tokCount) - 4);
    const lastTok = Math.min(tokCount - 1, this.tokenAt(Math.max(runStart, runEnd - 1), tokCount) + 4);
    const from = this.tokStarts[first]!;
    const to = lastTok + 1 < tokCount ? this.tokStarts[lastTok + 1]! : text.length;
    const { delta, width, classOf, outStart, outIds } = this.compact;
    const starts: number[] = [];
    const pieceStart: boolean[] = [];
    let s = 0;
    let prevSep = true;
    let prevKind = 0;
    const matches: { pid: number; endLetter: number }[] = [];
    for (let i = from; i < to; ) {
      const r = foldAt(text, i);
      const v = r & 0xffff;
      const w = r >>> 16;
      if (v === 1) {
        i += w;
        continue;
      }
      if (v === 0) {
        prevSep = true;
        i += w;
        continue;
      }
      const k = v >= 0x30 && v <= 0x39 ? 2 : 1;
      pieceStart.push(prevSep || k !== prevKind);
      starts.push(i);
      prevSep = false;
      prevKind = k;
      s = delta[s * width + classOf[v]!]!;
      for (let j = outStart[s]!; j < outStart[s + 1]!; j++) {
        matches.push({ pid: outIds[j]!, endLetter: starts.length - 1 });
      }
      i += w;
    }
    pieceStart.push(true);
    for (const m of matches) {
      const len = this.compactLen[m.pid]!;
      const firstLetter = m.endLetter - len + 1;
      // Whole pieces only, and the match must touch the spaced-out run.
      if (!pieceStart[firstLetter] || !pieceStart[m.endLetter + 1]) continue;
      const start = starts[firstLetter]!;
      const end = endOfLetter(text, starts[m.endLetter]!);
      if (end <= runStart || start >= runEnd) continue;
      for (const o of this.compactOwners[m.pid]!) {
        out.push({
          rule: o.rule,
          start,
          end,
          tokStart: this.tokenAt(start, tokCount),
          tokEnd: this.tokenAt(end - 1, tokCount),
          how: 'despaced',
        });
      }
    }
  }

  private finish(
    text: string,
    candidates: Candidate[],
    exceptions: { rule: number; tokStart: number; tokEnd: number }[],
  ): FlagHit[] {
    const kept: Candidate[] = [];
    for (const c of candidates) {
      const rule = this.rules[c.rule]!;
      if (rule.accentSensitive && c.how !== 'exact') continue;
      const benign = exceptions.some(
        (e) =>
          e.rule === c.rule &&
          e.tokStart <= c.tokEnd + EXCEPTION_SYLLABLES_AFTER &&
          e.tokEnd >= c.tokStart - EXCEPTION_SYLLABLES_BEFORE,
      );
      if (benign) continue;
      // One hit per rule and span: keep the most certain spelling, then the longest.
      const clash = kept.findIndex((k) => k.rule === c.rule && k.start < c.end && c.start < k.end);
      if (clash < 0) {
        kept.push(c);
        continue;
      }
      const other = kept[clash]!;
      const better =
        kindRank(c.how) - kindRank(other.how) ||
        other.end - other.start - (c.end - c.start) ||
        c.start - other.start;
      if (better < 0) kept[clash] = c;
    }
    const hits = kept.map((c): FlagHit => {
      const rule = this.rules[c.rule]!;
      const hit: FlagHit = {
        ruleId: rule.id,
        category: rule.category,
        severity: rule.severity,
        matched: text.slice(c.start, c.end),
        start: c.start,
        end: c.end,
        how: c.how,
        note: rule.note,
      };
      if (rule.correctionReplyId) hit.correctionReplyId = rule.correctionReplyId;
      return hit;
    });
    return hits.sort(compareHits);
  }
}

/** Offset just past the letter at `i`, with its combining marks (NFD) and astral width. */
function endOfLetter(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let end = i + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
  while (end < text.length && isCombiningMark(text.charCodeAt(end))) end++;
  return end;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Same words with the same diacritics as the phrase (case, NFC/NFD and tone placement aside)? */
function isExact(span: string, o: Owner): boolean {
  const lower = span.toLowerCase();
  if (lower === o.phraseLower) return true;
  // Plain ASCII text cannot carry the diacritics of a Vietnamese phrase.
  if (!o.phraseAscii && isAscii(span)) return false;
  // Invisible characters inside a word are there to dodge filters: not "exact".
  if (/[\u00ad\u200b-\u200f\u2060-\u206f\ufeff]/.test(span)) return false;
  return toneKey(span) === o.phraseKey;
}

function isZeroWidth(c: number): boolean {
  return FOLD[c] === FOLD_IGNORABLE && !isCombiningMark(c);
}

function nextIsLetter(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const v = foldAt(text, i) & 0xffff;
  return v > 1 && !(v >= 0x30 && v <= 0x39);
}

/** Compile a pack's rules once; reuse the matcher for every comment. */
export function compileRules(rules: readonly Rule[]): Matcher {
  return new CompiledMatcher(rules);
}
