import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import {
  FOLD,
  FOLD_IGNORABLE,
  FOLD_LAZY,
  FOLD_SEPARATOR,
  foldAt,
  foldWords,
  INVISIBLE_IN_WORD,
  isCombiningMark,
  LOOKALIKE_DIGITS,
  ONSET_SWAPS,
  TEENCODE,
  toneKey,
} from '../text';
import { EAGER_FOLD_RANGES } from '../text/fold';
import {
  type Automaton,
  buildAutomaton,
  buildSyllableTrie,
  COL_DIGIT_0,
  COL_OTHER_LETTER,
  COL_WORD,
  WordAutomaton,
  WordTrie,
} from './aho-corasick';
import { clauseAt, clauseEnds } from './clauses';
import { deniesWarning } from './denial';
import { type FlagHit, kindRank, type MatchKind, sortHits } from './hit';
import { literalProbe, requiredLiterals } from './regex-prefilter';
import { compileRuleRegex, type RuleRegex } from './rule-regex';
import type { Rule } from './schema';

/**
 * The compiled form of a rule pack. Built once per pack (`compileRules`), then
 * `scan` runs a single pass over each comment: characters are folded through
 * a table (case, diacritics, NFD marks, zero-width, look-alikes), spell out
 * syllables in a small trie of the pack's words, and each finished syllable
 * steps a word-level Aho–Corasick automaton over the phrases. Syllable
 * boundaries are explicit, so a phrase only matches whole syllables — no
 * `\b`, which is ASCII-only in JavaScript and splits "được" after "đ".
 *
 * Teencode is handled on the rule side: each phrase is also stored as the
 * spellings comments use ("không" → "ko", "k", "hok"; "phải" → "fải"), so the
 * hot loop never looks words up. Spaced-out words ("l.ừ.a đ.ả.o") are spotted
 * in the same pass (runs of one-letter pieces) and re-read without separators.
 */
export interface Matcher {
  /**
   * Every rule that fired, most severe first, then the most certain spelling.
   * `notes`, when given, receives what was set aside: the rules whose hit a
   * warning or negation in the same clause silenced (the judge keeps the model
   * from flagging what an explicit exception cleared), and weak hits — folded
   * matches whose typed diacritics disagree with the phrase's.
   */
  scan(text: string, notes?: ScanNotes): FlagHit[];
  readonly rules: readonly Rule[];
  /** Number of distinct strings matched (phrases × spellings, exceptions, joined spellings). */
  readonly patternCount: number;
  /** States of the syllable trie and of the word automaton. */
  readonly stateCount: number;
}

/** What a scan set aside (see `Matcher.scan`). The caller empties the lists between scans. */
export interface ScanNotes {
  silenced: number[];
  weak: FlagHit[];
}

/** How far (in syllables) a benign phrase reaches: "cảnh báo" before a hit, "là tin giả" after it. */
const EXCEPTION_SYLLABLES_BEFORE = 8;
const EXCEPTION_SYLLABLES_AFTER = 8;
/** Spellings per phrase, and how many words of one phrase may be respelled at once. */
const MAX_SPELLINGS = 40;
const MAX_EXCEPTION_SPELLINGS = 12;
const MAX_RESPELLED_WORDS = 2;
/** Shorter joined phrases would match by accident inside spaced-out runs. */
const MIN_DESPACED_LETTERS = 5;
/** Longer phrases are left out of the automaton (the schema caps phrases at 200 chars anyway). */
const MAX_PATTERN_CHARS = 1000;

/** A rule phrase as written; what "exact" compares against is worked out on first need. */
class Phrase {
  private lowerForm: string | null = null;
  private toneForm: string | null = null;
  readonly ascii: boolean;
  constructor(readonly text: string) {
    this.ascii = isAscii(text);
  }
  /** Lowercase NFC: most exact spellings equal it outright. */
  get lower(): string {
    this.lowerForm ??= this.text.normalize('NFC').toLowerCase();
    return this.lowerForm;
  }
  /** Tone key: letters and tone per syllable, whatever the tone mark's placement. */
  get key(): string {
    this.toneForm ??= toneKey(this.text);
    return this.toneForm;
  }

  /**
   * Comment spans already compared with this phrase, and the answers (both
   * questions depend on the span and the phrase alone). The same words recur
   * comment after comment — a concept's phrases match in most of them — and the
   * answer costs Unicode normalisation, regexes and tone keys.
   */
  private exactSpans: Map<string, boolean> | null = null;
  private disagreeingSpans: Map<string, boolean> | null = null;

  /** `isExactSpan(span, this)`, remembered. */
  exact(span: string): boolean {
    this.exactSpans ??= new Map();
    return remembered(this.exactSpans, span, this, isExactSpan);
  }

  /** `diacriticsDisagree(span, this)`, remembered. */
  disagrees(span: string): boolean {
    this.disagreeingSpans ??= new Map();
    return remembered(this.disagreeingSpans, span, this, diacriticsDisagree);
  }
}

/** `ask(span, phrase)`, asked once per span and kept in `answers` (emptied when full; no closure per call). */
function remembered(
  answers: Map<string, boolean>,
  span: string,
  phrase: Phrase,
  ask: (span: string, phrase: Phrase) => boolean,
): boolean {
  let answer = answers.get(span);
  if (answer === undefined) {
    answer = ask(span, phrase);
    if (answers.size >= REMEMBERED_SPANS) answers.clear();
    answers.set(span, answer);
  }
  return answer;
}

/** Spans remembered per phrase and question (a bound on the memory, not a cache policy). */
const REMEMBERED_SPANS = 256;

/** A rule phrase one pattern spells: the phrase itself or (teencode) another spelling of it. */
interface Owner {
  rule: number;
  phrase: Phrase;
  teencode: boolean;
}

/** An exception phrase found in the comment, and the rules it makes benign nearby. */
interface BenignContext {
  rules: Int32Array;
  tokStart: number;
  tokEnd: number;
}

interface Candidate {
  rule: number;
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  how: MatchKind;
  /** The rule phrase a folded match spelled (to compare diacritics). */
  phrase?: Phrase;
}

/** Teencode entries indexed by their first word, in the table's order. */
const TEENCODE_BY_FIRST_WORD: ReadonlyMap<
  string,
  readonly { words: string[]; spellings: readonly string[] }[]
> = (() => {
  const map = new Map<string, { words: string[]; spellings: readonly string[] }[]>();
  for (const [words, spellings] of Object.entries(TEENCODE)) {
    const entry = { words: words.split(' '), spellings };
    const list = map.get(entry.words[0]!);
    if (list) list.push(entry);
    else map.set(entry.words[0]!, [entry]);
  }
  return map;
})();

// Compiling runs once, on Facebook's page, mostly before the JIT has warmed up:
// the code from here to the end of the constructor uses plain indexed loops
// (no for-of, destructuring or spread, which are slow in V8's interpreter).

/** Every way to respell one place of a phrase, as parallel lists: position, words consumed, spelling. */
interface Alternatives {
  at: number[];
  length: number[];
  spelling: string[];
}

function alternativesOf(words: readonly string[]): Alternatives {
  const alts: Alternatives = { at: [], length: [], spelling: [] };
  for (let pos = 0; pos < words.length; pos++) {
    const w = words[pos]!;
    const entries = TEENCODE_BY_FIRST_WORD.get(w);
    if (entries !== undefined) {
      for (let e = 0; e < entries.length; e++) {
        const key = entries[e]!.words;
        if (pos + key.length > words.length) continue;
        let same = true;
        for (let i = 1; i < key.length && same; i++) same = words[pos + i] === key[i];
        if (!same) continue;
        const spellings = entries[e]!.spellings;
        for (let k = 0; k < spellings.length; k++) {
          alts.at.push(pos);
          alts.length.push(key.length);
          alts.spelling.push(spellings[k]!);
        }
      }
    }
    for (let o = 0; o < ONSET_SWAPS.length; o++) {
      const onset = ONSET_SWAPS[o]![0];
      if (w.length > onset.length && w.startsWith(onset)) {
        alts.at.push(pos);
        alts.length.push(1);
        alts.spelling.push(ONSET_SWAPS[o]![1] + w.slice(onset.length));
      }
    }
  }
  return alts;
}

/**
 * Offer respellings to `accept(first, second)` (indices into `alts`; second is
 * -1 for a single change), fewest changes first — every single change, then
 * pairs of changes that do not overlap — until `max` spellings are accepted
 * (the phrase itself is the first). `accept` returns false for a duplicate.
 */
function eachRespelling(
  alts: Alternatives,
  max: number,
  accept: (first: number, second: number) => boolean,
): void {
  let count = 1;
  const n = alts.at.length;
  for (let a = 0; a < n; a++) {
    if (count >= max) return;
    if (accept(a, -1)) count++;
  }
  if (MAX_RESPELLED_WORDS < 2) return;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (count >= max) return;
      if (alts.at[b]! >= alts.at[a]! + alts.length[a]! && accept(a, b)) count++;
    }
  }
}

/** Folded letter code → column of the syllable table; digits have fixed columns. */
class Columns {
  readonly of = new Uint16Array(65536);
  width = COL_OTHER_LETTER + 1;
  code(v: number): number {
    if (v >= 0x30 && v <= 0x39) return COL_DIGIT_0 + (v - 0x30);
    let k = this.of[v]!;
    if (k === 0) {
      k = this.width++;
      this.of[v] = k;
    }
    return k;
  }
  codes(word: string): number[] {
    const out = new Array<number>(word.length);
    for (let i = 0; i < word.length; i++) out[i] = this.code(word.charCodeAt(i));
    return out;
  }
}

function hasPlace(list: readonly Owner[], owner: Owner): boolean {
  for (let i = 0; i < list.length; i++) {
    const o = list[i]!;
    // The phrase counts too: two phrases of one rule that fold alike ("sỏi",
    // "sởi") each keep their owner, so a comment typing either one exactly is
    // an exact match, not the other phrase's diacritics disagreeing.
    if (o.rule === owner.rule && o.teencode === owner.teencode && o.phrase === owner.phrase) return true;
  }
  return false;
}

// Input classes of the hot loop's char table, then the syllable table's columns.
const CC_SEPARATOR = 0;
const CC_IGNORABLE = 1;
const CC_LAZY = 2;

class CompiledMatcher implements Matcher {
  readonly patternCount: number;
  readonly stateCount: number;
  private readonly words: WordAutomaton;
  /** Per pattern: the rule phrases it spells (with rule and teencode flag), in pack order. */
  private readonly owners: (Owner[] | undefined)[] = [];
  /** Exception phrases (benign context), each with its spellings' patterns and the rules listing it. */
  private readonly exceptionPhrases: { pids: number[]; rules: number[] }[] = [];
  /** Per pattern: the exception phrases it spells, if any. */
  private readonly exceptionsOf: (number[] | undefined)[] = [];
  /** Per pattern: the rules it is a benign context for (worked out on first match). */
  private readonly benignRules: (Int32Array | undefined)[] = [];
  /** Per pattern: how many syllables it spans. */
  private readonly patternWords: number[] = [];
  private readonly table: Int32Array | Uint16Array;
  private readonly trieRoot: number;
  private readonly literalBit: number;
  private readonly charClass: Uint16Array;
  private readonly columns: Uint16Array;
  private readonly digitAsLetter: Uint16Array;
  private readonly compactPatterns: string[] = [];
  private readonly compactOwners: Owner[][] = [];
  private compactAutomaton: Automaton | null = null;
  /** Regex rules; `probe` (a plain literal search) is built when first needed, `undefined` until then. */
  private readonly regexes: { rule: number; re: RuleRegex; literals: string[] | null; probe?: RegExp }[] = [];
  /** Some regex has no literal the pass can watch for: run the regex step on every comment. */
  private readonly regexAlways: boolean;
  /**
   * Every regex's literals in one probe, built on first need (when some regex
   * has none, `regexAlways` holds and it is not used). The syllable watch sees letter runs only ("ly" of "t.ly" is in
   * every "lý"), so most comments it passes hold no literal: one search then
   * rules out every regex, where each regex's own probe took one each.
   */
  private anyLiteral: RegExp | undefined;
  // Scratch reused across scans (a scan is synchronous).
  private text = '';
  private literalSeen = false;
  private tokStarts: Int32Array = new Int32Array(1024);
  /** Raw matches as (pattern, last syllable, end offset) triples. */
  private raw: Int32Array = new Int32Array(3 * 256);
  private rawLength = 0;
  /** Spaced-out runs as (start, end) pairs; emptied by resetting the count (`length = 0` on an array cost 1 % of a scan). */
  private suspects: number[] = [];
  private suspectCount = 0;

  /** Per rule: 1 when its ASCII phrases are words as written (`CompileOptions.asciiAsWritten`). */
  private readonly asciiAsWritten: Uint8Array;
  /** Per rule: what a hit reads of it, all of one shape (see `RuleFacts`). */
  private readonly facts: RuleFacts[];

  constructor(
    readonly rules: readonly Rule[],
    options: CompileOptions = {},
  ) {
    this.facts = rules.map(ruleFacts);
    this.asciiAsWritten = new Uint8Array(rules.length);
    const asWritten = options.asciiAsWritten;
    if (asWritten)
      for (let r = 0; r < rules.length; r++) if (asWritten(rules[r]!)) this.asciiAsWritten[r] = 1;
    const vocabulary = new Map<string, number>();
    const vocabularyWords: string[] = [];
    const idOf = (w: string): number => {
      let id = vocabulary.get(w);
      if (id === undefined) {
        id = vocabularyWords.length;
        vocabulary.set(w, id);
        vocabularyWords.push(w);
      }
      return id;
    };
    const trie = new WordTrie();
    const patternWords = this.patternWords;
    // The spelling being inserted: its word ids and its length in chars (" w1 w2 ").
    let ids = new Int32Array(64);
    let idCount = 0;
    let chars = 1;
    // Too long to keep (never for a valid pack): skipped, but still counted as a spelling.
    let tooLong: Set<string> | null = null;
    /** Insert the spelling in `ids`; false when this phrase already has it. */
    const insert = (pids: number[]): boolean => {
      if (chars > MAX_PATTERN_CHARS) {
        tooLong ??= new Set();
        const key = ids.subarray(0, idCount).join(',');
        if (tooLong.has(key)) return false;
        tooLong.add(key);
        pids.push(-1);
        return true;
      }
      const pid = trie.insert(ids, 0, idCount);
      if (pid === patternWords.length) patternWords.push(idCount);
      else if (pids.includes(pid)) return false;
      pids.push(pid);
      return true;
    };
    /** Pattern ids of a phrase's spellings (-1: too long), the phrase itself first, then teencode. */
    const spell = (words: readonly string[], max: number): number[] => {
      const pids: number[] = [];
      const n = words.length;
      if (n === 0) return pids;
      if (ids.length < n + 2) ids = new Int32Array(2 * n + 2);
      const wordIds: number[] = [];
      chars = 1;
      for (let i = 0; i < n; i++) {
        const id = idOf(words[i]!);
        wordIds.push(id);
        ids[i] = id;
        chars += words[i]!.length + 1;
      }
      idCount = n;
      insert(pids);
      const alts = alternativesOf(words);
      const altCount = alts.at.length;
      if (altCount === 0) return pids;
      const altIds: number[] = [];
      for (let c = 0; c < altCount; c++) altIds.push(idOf(alts.spelling[c]!));
      eachRespelling(alts, max, (a, b) => {
        // The phrase's word ids with one or two places respelled: the words up to each place, its spelling, then the rest.
        idCount = 0;
        chars = 1;
        let pos = 0;
        for (let c = a; c >= 0; c = c === a ? b : -1) {
          const at = alts.at[c]!;
          for (; pos < at; pos++) {
            ids[idCount++] = wordIds[pos]!;
            chars += words[pos]!.length + 1;
          }
          ids[idCount++] = altIds[c]!;
          chars += alts.spelling[c]!.length + 1;
          pos = at + alts.length[c]!;
        }
        for (; pos < n; pos++) {
          ids[idCount++] = wordIds[pos]!;
          chars += words[pos]!.length + 1;
        }
        return insert(pids);
      });
      return pids;
    };

    // Phrases and exception lists repeat across rules: fold, respell and insert each text once.
    const phrases = new Map<string, { pids: number[]; joined: string; phrase: Phrase }>();
    const exceptionIndex = new Map<string, number>();
    const compactIndex = new Map<string, number>();
    const literalRuns: string[] = [];
    let regexAlways = false;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      for (let p = 0; p < rule.phrases.length; p++) {
        const text = rule.phrases[p]!;
        let prepared = phrases.get(text);
        if (prepared === undefined) {
          const words = foldWords(text);
          prepared = { pids: spell(words, MAX_SPELLINGS), joined: words.join(''), phrase: new Phrase(text) };
          phrases.set(text, prepared);
        }
        const pids = prepared.pids;
        for (let i = 0; i < pids.length; i++) {
          const pid = pids[i]!;
          if (pid < 0) continue;
          const owner: Owner = { rule: r, phrase: prepared.phrase, teencode: i > 0 };
          const list = this.owners[pid];
          if (list === undefined) this.owners[pid] = [owner];
          // The same phrase listed twice in one rule needs one owner.
          else if (!hasPlace(list, owner)) list.push(owner);
        }
        const joined = prepared.joined;
        if (pids.length > 0 && joined.length >= MIN_DESPACED_LETTERS && joined.length <= MAX_PATTERN_CHARS) {
          const owner: Owner = { rule: r, phrase: prepared.phrase, teencode: false };
          const id = compactIndex.get(joined);
          if (id === undefined) {
            compactIndex.set(joined, this.compactPatterns.length);
            this.compactPatterns.push(joined);
            this.compactOwners.push([owner]);
          } else if (!hasPlace(this.compactOwners[id]!, owner)) {
            this.compactOwners[id]!.push(owner);
          }
        }
      }
      const exceptions = rule.exceptions ?? [];
      for (let e = 0; e < exceptions.length; e++) {
        const text = exceptions[e]!;
        let x = exceptionIndex.get(text);
        if (x === undefined) {
          x = this.exceptionPhrases.length;
          exceptionIndex.set(text, x);
          this.exceptionPhrases.push({ pids: spell(foldWords(text), MAX_EXCEPTION_SPELLINGS), rules: [] });
        }
        const rulesOfText = this.exceptionPhrases[x]!.rules;
        if (rulesOfText[rulesOfText.length - 1] !== r) rulesOfText.push(r);
      }
      if (rule.regex) {
        const literals = requiredLiterals(rule.regex);
        // Built here so a regex that does not compile fails the whole pack now, not on some comment later.
        this.regexes.push({ rule: r, re: compileRuleRegex(rule.regex), literals });
        // The pass watches for a run of letters from each literal; a literal without one
        // (digits and punctuation only) means this regex runs on every comment.
        if (literals === null) regexAlways = true;
        for (let i = 0; literals !== null && i < literals.length; i++) {
          const run = longestLetterRun(literals[i]!);
          if (run === null) regexAlways = true;
          else literalRuns.push(run);
        }
      }
    }
    this.regexAlways = regexAlways;
    for (let x = 0; x < this.exceptionPhrases.length; x++) {
      const pids = this.exceptionPhrases[x]!.pids;
      for (let i = 0; i < pids.length; i++) {
        const pid = pids[i]!;
        if (pid < 0) continue;
        const list = this.exceptionsOf[pid];
        if (list === undefined) this.exceptionsOf[pid] = [x];
        else if (!list.includes(x)) list.push(x);
      }
    }

    const columns = new Columns();
    const wordCodes: number[][] = new Array(vocabularyWords.length);
    for (let w = 0; w < vocabularyWords.length; w++) wordCodes[w] = columns.codes(vocabularyWords[w]!);
    const literalCodes: number[][] = [];
    if (!regexAlways) {
      for (let i = 0; i < literalRuns.length; i++) {
        if (literalRuns.indexOf(literalRuns[i]!) === i) literalCodes.push(columns.codes(literalRuns[i]!));
      }
    }
    if (columns.width > 65535) throw new Error(bilingual(CHECK_STRINGS, 'rulePack_tooManyLetters'));
    const trieTable = buildSyllableTrie(wordCodes, literalCodes, columns.width);
    this.table = trieTable.table;
    this.trieRoot = trieTable.root;
    this.literalBit = trieTable.literalBit;
    this.columns = columns.of;
    this.words = new WordAutomaton(trie, vocabularyWords.length);
    this.patternCount = trie.patternCount + this.compactPatterns.length;
    this.stateCount = trieTable.stateCount + this.words.stateCount;
    this.charClass = charClassTable(columns.of);
    this.digitAsLetter = new Uint16Array(10);
    for (let d = 0; d < 10; d++) {
      const letter = LOOKALIKE_DIGITS[0x30 + d];
      if (letter !== undefined) this.digitAsLetter[d] = columns.of[letter] || COL_OTHER_LETTER;
    }
  }

  scan(text: string, notes?: ScanNotes): FlagHit[] {
    this.rawLength = 0;
    this.suspectCount = 0;
    this.literalSeen = false;
    this.text = text;
    const tokCount = this.pass(text);
    this.text = '';
    let runRegexes = this.regexes.length > 0 && (this.regexAlways || this.literalSeen);
    if (runRegexes && this.regexes.length > 1 && !this.regexAlways) {
      this.anyLiteral ??= literalProbe(this.regexes.flatMap((r) => r.literals ?? []));
      if (!this.anyLiteral.test(text)) runRegexes = false;
    }
    if (this.rawLength === 0 && this.suspectCount === 0 && !runRegexes) return [];
    const candidates: Candidate[] = [];
    const exceptions: BenignContext[] = [];
    const raw = this.raw;
    for (let k = 0; k < this.rawLength; k += 3) {
      const pid = raw[k]!;
      const tokEnd = raw[k + 1]!;
      const end = raw[k + 2]!;
      const tokStart = tokEnd - this.patternWords[pid]! + 1;
      if (this.exceptionsOf[pid] !== undefined)
        exceptions.push({ rules: this.benignRulesOf(pid), tokStart, tokEnd });
      const owners = this.owners[pid];
      if (!owners) continue;
      const start = this.tokStarts[tokStart]!;
      for (let x = 0; x < owners.length; x++) {
        const o = owners[x]!;
        const how: MatchKind = o.teencode
          ? 'teencode'
          : isExact(text, start, end, o.phrase)
            ? 'exact'
            : 'folded';
        candidates.push({ rule: o.rule, start, end, tokStart, tokEnd, how, phrase: o.phrase });
      }
    }
    for (let k = 0; k < this.suspectCount; k += 2) {
      this.despaced(text, this.suspects[k]!, this.suspects[k + 1]!, tokCount, candidates);
    }
    for (let x = 0; runRegexes && x < this.regexes.length; x++) {
      const regex = this.regexes[x]!;
      // A plain literal scan first: the `u` regex itself is far slower.
      let near = 0;
      if (regex.literals !== null) {
        regex.probe ??= literalProbe(regex.literals);
        near = text.search(regex.probe);
        if (near < 0) continue;
      }
      const { rule, re } = regex;
      // Linear time (RE2): no rule regex can hold the page's thread on one comment.
      for (const { start, end } of re.matches(text, near)) {
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
    return this.finish(text, candidates, exceptions, notes);
  }

  /**
   * The hot loop: fold, spell syllables in the trie, step the word automaton
   * at each syllable's end, note spaced-out runs. Returns the syllable count.
   */
  private pass(text: string): number {
    const table = this.table;
    const charClass = this.charClass;
    const root = this.trieRoot;
    const words = this.words;
    const literalBit = this.literalBit;
    const filters = words.info;
    const rootNext = words.rootNext;
    const hasOutput = words.out;
    // The classes as locals: module constants are read from memory (and checked) on every use in V8's optimised code.
    const LETTER = COL_OTHER_LETTER;
    const SEPARATOR = CC_SEPARATOR;
    const IGNORABLE = CC_IGNORABLE;
    const LAZY = CC_LAZY;
    const DIGIT_0 = COL_DIGIT_0;
    const n = text.length;
    let tokStarts = this.tokStarts;
    let v = root; // syllable trie state
    let ps = 0; // word automaton state
    let kind = 0; // of the last folded char: 0 space, 1 letter, 2 digit
    let tok = 0; // syllables started so far
    let tokLen = 0; // letters in the current syllable
    let tokStartOrig = 0;
    let run = 0; // consecutive short syllables
    let singles = 0;
    let runStart = 0;
    for (let i = 0; i < n; i++) {
      const r = charClass[text.charCodeAt(i)]!;
      if (r >= LETTER) {
        // The common case: a letter. Past a digit it starts a new syllable ("5G").
        if (kind !== 1) {
          if (kind === 2) ps = this.endSyllable(ps, v, tok - 1, i);
          // Note the syllable that just ended: spaced-out words are runs of 1–2 letter pieces.
          if (tok > 0) {
            if (tokLen <= 2) {
              if (run === 0) runStart = tokStartOrig;
              run++;
              if (tokLen === 1) singles++;
            } else {
              if (run >= 3 && singles >= 2) this.suspect(runStart, tokStartOrig);
              run = 0;
              singles = 0;
            }
          }
          if (tok >= tokStarts.length) tokStarts = this.growTokStarts();
          tokStarts[tok++] = i;
          tokStartOrig = i;
          tokLen = 0;
          kind = 1;
          v = root;
        }
        // The rest of the word in a tight loop: letters, and the invisible chars
        // inside it (NFD marks, zero-width). Most of a comment's chars pass here.
        v = table[v + r]!;
        tokLen++;
        let next = SEPARATOR;
        while (++i < n) {
          next = charClass[text.charCodeAt(i)]!;
          if (next >= LETTER) {
            v = table[v + next]!;
            tokLen++;
          } else if (next !== IGNORABLE) break;
        }
        // Mostly a separator ended the word: the syllable ends here. Anything
        // else (a digit, a rare char) is read again by the outer loop.
        if (next === SEPARATOR) {
          // endSyllable's work, inlined at the site that ends most syllables
          // (measured: 1.06× on the flags bench). A word no phrase uses steps nothing.
          let word = table[v]!;
          if (word >= literalBit) {
            this.literalSeen = true;
            word -= literalBit;
          }
          if (word === 0) ps = 0;
          else {
            // `words.next`, its common answer read here from the tables held in locals.
            const w = word - 1;
            ps =
              ps !== 0 && (filters[8 * ps + ((w >>> 5) & 3)]! & (1 << (w & 31))) !== 0
                ? words.listed(ps, w)
                : rootNext[w]!;
            if (hasOutput[ps] === 1) this.collect(ps, tok - 1, i);
          }
          kind = 0;
        } else i--;
        continue;
      }
      if (r === SEPARATOR) {
        if (kind !== 0) {
          ps = this.endSyllable(ps, v, tok - 1, i);
          kind = 0;
        }
        continue;
      }
      if (r === IGNORABLE) continue; // invisible inside a word
      if (r === LAZY) {
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
        if (cls < LETTER) {
          if (kind !== 0 && cls === SEPARATOR) {
            ps = this.endSyllable(ps, v, tok - 1, i - 1);
            kind = 0;
          }
          continue;
        }
        if (kind !== 1) {
          if (kind === 2) ps = this.endSyllable(ps, v, tok - 1, i - 1);
          if (tok >= tokStarts.length) tokStarts = this.growTokStarts();
          tokStarts[tok++] = i - 1;
          tokStartOrig = i - 1;
          tokLen = 0;
          run = 0;
          singles = 0;
          kind = 1;
          v = root;
        }
        v = table[v + cls]!;
        tokLen++;
        continue;
      }
      // A digit.
      if (kind === 1) {
        // "l0i", "nhu4n": a digit between letters is read as the letter it imitates.
        const la = this.digitAsLetter[r - DIGIT_0]!;
        if (la !== 0 && nextIsLetter(text, i + 1)) {
          v = table[v + la]!;
          tokLen++;
          continue;
        }
        ps = this.endSyllable(ps, v, tok - 1, i);
      }
      if (kind !== 2) {
        if (tok > 0) {
          if (tokLen <= 2) {
            if (run === 0) runStart = tokStartOrig;
            run++;
            if (tokLen === 1) singles++;
          } else {
            if (run >= 3 && singles >= 2) this.suspect(runStart, tokStartOrig);
            run = 0;
            singles = 0;
          }
        }
        if (tok >= tokStarts.length) tokStarts = this.growTokStarts();
        tokStarts[tok++] = i;
        tokStartOrig = i;
        tokLen = 0;
        kind = 2;
        v = root;
      }
      v = table[v + r]!;
      tokLen++;
    }
    if (kind !== 0) this.endSyllable(ps, v, tok - 1, n);
    if (tok > 0 && tokLen <= 2) {
      if (run === 0) runStart = tokStartOrig;
      run++;
      if (tokLen === 1) singles++;
    }
    if (run >= 3 && singles >= 2) this.suspect(runStart, n);
    return tok;
  }

  /** A syllable ended at `boundary` in trie state `v`: step the word automaton, note any phrase ending here. */
  private endSyllable(ps: number, v: number, tok: number, boundary: number): number {
    let word = this.table[v + COL_WORD]!;
    if (word >= this.literalBit) {
      this.literalSeen = true;
      word -= this.literalBit;
    }
    // A word no phrase uses: no phrase spans it.
    if (word === 0) return 0;
    const next = this.words.next(ps, word - 1);
    if (this.words.hasOutput(next)) this.collect(next, tok, boundary);
    return next;
  }

  private benignRulesOf(pid: number): Int32Array {
    let rules = this.benignRules[pid];
    if (rules === undefined) {
      const all = new Set<number>();
      for (const x of this.exceptionsOf[pid]!) for (const r of this.exceptionPhrases[x]!.rules) all.add(r);
      rules = Int32Array.from(all);
      this.benignRules[pid] = rules;
    }
    return rules;
  }

  private suspect(start: number, end: number): void {
    this.suspects[this.suspectCount++] = start;
    this.suspects[this.suspectCount++] = end;
  }

  private growTokStarts(): Int32Array {
    const grown = new Int32Array(this.tokStarts.length * 2);
    grown.set(this.tokStarts);
    this.tokStarts = grown;
    return grown;
  }

  /** Class code for a folded char (slow path: first sight of a rare char, astral letters); caches BMP results. */
  private classOfFold(v: number, unit: number, cache: boolean): number {
    const r = v <= CC_IGNORABLE ? v : letterOrDigit(this.columns, v);
    if (cache) this.charClass[unit] = r;
    return r;
  }

  private collect(ps: number, tok: number, boundary: number): void {
    const a = this.words;
    // Patterns are whole syllables: a match starts where a syllable starts and
    // ends at this boundary, less any zero-width chars before it.
    let end = boundary;
    while (end > 0 && isZeroWidth(this.text.charCodeAt(end - 1))) end--;
    // Every pattern ending here, longest first: the state's own, then along its output links.
    for (let t = a.patternOf[ps]! >= 0 ? ps : a.dictOf(ps); t !== 0; t = a.dictOf(t)) {
      const k = this.rawLength;
      if (k + 3 > this.raw.length) {
        const grown = new Int32Array(this.raw.length * 2);
        grown.set(this.raw);
        this.raw = grown;
      }
      this.raw[k] = a.patternOf[t]!;
      this.raw[k + 1] = tok;
      this.raw[k + 2] = end;
      this.rawLength = k + 3;
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
    // Built on first need: most comments are never spaced out.
    this.compactAutomaton ??= buildAutomaton(this.compactPatterns);
    const first = Math.max(0, this.tokenAt(runStart, tokCount) - 4);
    const lastTok = Math.min(tokCount - 1, this.tokenAt(Math.max(runStart, runEnd - 1), tokCount) + 4);
    const from = this.tokStarts[first]!;
    const to = lastTok + 1 < tokCount ? this.tokStarts[lastTok + 1]! : text.length;
    const { delta, width, classOf, outStart, outIds } = this.compactAutomaton;
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
      if (v === FOLD_IGNORABLE) {
        i += w;
        continue;
      }
      if (v === FOLD_SEPARATOR) {
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
      const len = this.compactPatterns[m.pid]!.length;
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
    exceptions: BenignContext[],
    notes: ScanNotes | undefined,
  ): FlagHit[] {
    const kept: Candidate[] = [];
    // Clauses are worked out only when a warning or negation was seen (rare).
    const ends = exceptions.length > 0 ? clauseEnds(text) : null;
    for (const c of candidates) {
      if (this.facts[c.rule]!.accentSensitive && c.how !== 'exact') continue;
      // "phương tiện được" is not "tiên dược": a writer who typed diacritics meant them.
      if (ends !== null && isBenign(text, c, exceptions, ends, this.tokStarts)) {
        notes?.silenced.push(c.rule);
        continue;
      }
      if (isWeak(text, c, this.asciiAsWritten[c.rule] === 1)) {
        notes?.weak.push(this.toHit(text, c));
        continue;
      }
      // One hit per rule and span: keep the most certain spelling, then the longest.
      let clash = -1;
      for (let k = 0; k < kept.length && clash < 0; k++) {
        const other = kept[k]!;
        if (other.rule === c.rule && other.start < c.end && c.start < other.end) clash = k;
      }
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
    const hits = kept.map((c) => this.toHit(text, c));
    // A few hits a comment: sorted in place without V8's sort's work area (the same order).
    return sortHits(hits);
  }

  private toHit(text: string, c: Candidate): FlagHit {
    const rule = this.facts[c.rule]!;
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
  }
}

/**
 * What a hit reads of its rule, in objects of one shape: the pack's rules come
 * from zod with optional keys present or not, so reading a key such as
 * `correctionReplyId` on them went through V8's megamorphic property lookup.
 */
interface RuleFacts {
  id: string;
  category: Rule['category'];
  severity: Rule['severity'];
  note: string;
  correctionReplyId: string | undefined;
  accentSensitive: boolean;
}

function ruleFacts(rule: Rule): RuleFacts {
  return {
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    note: rule.note,
    correctionReplyId: rule.correctionReplyId,
    accentSensitive: rule.accentSensitive === true,
  };
}

/**
 * Inside the reach of an exception phrase listed by the candidate's rule
 * ("cảnh báo …", "… là tin giả"): near it, and in the same clause — unless the
 * writer denies it ("chứ không phải mê tín" is the believer's claim, not a
 * warning). The denial is read last, only for an exception that would
 * otherwise silence a hit: reading it for every exception phrase seen cost
 * the phrase layer ~3 % (`npm run bench -- flags`).
 */
function isBenign(
  text: string,
  c: Candidate,
  exceptions: readonly BenignContext[],
  ends: readonly number[],
  tokStarts: Int32Array,
): boolean {
  for (let k = 0; k < exceptions.length; k++) {
    const e = exceptions[k]!;
    if (
      e.tokStart <= c.tokEnd + EXCEPTION_SYLLABLES_AFTER &&
      e.tokEnd >= c.tokStart - EXCEPTION_SYLLABLES_BEFORE &&
      e.rules.includes(c.rule) &&
      sameClause(ends, tokStarts[e.tokStart]!, tokStarts[e.tokEnd]!, c.start, c.end) &&
      !deniesWarning(text, tokStarts[e.tokStart]!)
    )
      return true;
  }
  return false;
}

/** Do the exception (its first and last syllable's start) and the hit share a clause? */
function sameClause(
  ends: readonly number[],
  eFirst: number,
  eLast: number,
  start: number,
  end: number,
): boolean {
  const eFrom = clauseAt(ends, eFirst);
  const eTo = clauseAt(ends, eLast);
  const hFrom = clauseAt(ends, start);
  const hTo = clauseAt(ends, Math.max(start, end - 1));
  return eFrom <= hTo && hFrom <= eTo;
}

/** A syllable typed with Vietnamese marks ("tiện", "đào") and no digit standing in for a letter. */
function typedWithMarks(syllable: string): boolean {
  return /[\u0300-\u036f\u0111\u0110]/.test(syllable.normalize('NFD')) && !/[0-9]/.test(syllable);
}

/**
 * A folded match whose writer typed diacritics that differ from the phrase's
 * on some syllable: "phương tiện được" read as "tiên dược". Weak evidence, not
 * a flag. Syllables typed bare still match ("lua dao", "lừa dao").
 */
function diacriticsDisagree(span: string, phrase: Phrase): boolean {
  // An ASCII phrase is asked only when its rule reads it as written (`isWeak`).
  if (isAscii(span)) return false;
  const typed = span.split(/[^\p{L}\p{M}\p{N}]+/u).filter((s) => s !== '');
  const want = phrase.key.split(' ');
  if (typed.length !== want.length) return false;
  for (let i = 0; i < typed.length; i++) {
    if (typedWithMarks(typed[i]!) && toneKey(typed[i]!) !== want[i]) return true;
  }
  return false;
}

/**
 * A folded match whose typed diacritics disagree with its phrase's (see
 * `diacriticsDisagree`). An ASCII phrase disagrees only where its rule reads it
 * as written (`asciiAsWritten`: "tận" is not the concept word "tan").
 */
function isWeak(text: string, c: Candidate, asciiAsWritten: boolean): boolean {
  return (
    c.how === 'folded' &&
    c.phrase !== undefined &&
    (asciiAsWritten || !c.phrase.ascii) &&
    // Plain ASCII typed: no diacritics to disagree (`diacriticsDisagree`'s first answer, without a slice).
    !isAsciiRange(text, c.start, c.end) &&
    c.phrase.disagrees(text.slice(c.start, c.end))
  );
}

/** Offset just past the letter at `i`, with its combining marks (NFD) and astral width. */
function endOfLetter(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let end = i + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
  while (end < text.length && isCombiningMark(text.charCodeAt(end))) end++;
  return end;
}

function isAscii(s: string): boolean {
  return isAsciiRange(s, 0, s.length);
}

function isAsciiRange(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Same words with the same diacritics as the phrase (case, NFC/NFD and tone placement aside)? */
function isExact(text: string, start: number, end: number, phrase: Phrase): boolean {
  // Most exact spans are the phrase itself, code unit for code unit: no slice needed.
  const lower = phrase.lower;
  if (end - start === lower.length) {
    let k = 0;
    while (k < lower.length && text.charCodeAt(start + k) === lower.charCodeAt(k)) k++;
    if (k === lower.length) return true;
  }
  // Typed without diacritics (a quarter of comments): `isExactSpan`'s first answer, without a slice and a lookup.
  if (!phrase.ascii && isAsciiRange(text, start, end)) return false;
  return phrase.exact(text.slice(start, end));
}

function isExactSpan(span: string, phrase: Phrase): boolean {
  // Plain ASCII text cannot carry the diacritics of a Vietnamese phrase (checked
  // first: a quarter of comments are typed without diacritics).
  if (!phrase.ascii && isAscii(span)) return false;
  const lower = span.toLowerCase();
  if (lower === phrase.lower) return true;
  // Invisible characters inside a word are there to dodge filters: not "exact".
  if (INVISIBLE_IN_WORD.test(span)) return false;
  // NFD text (combining marks): composing it settles most cases without the tone key.
  if (lower.normalize('NFC') === phrase.lower) return true;
  return toneKey(span) === phrase.key;
}

/**
 * Raw UTF-16 unit → input class in one read: separator, invisible, lazy, or the
 * digit/letter column. Only the ranges Vietnamese comments are made of are
 * filled in here; any other char is "lazy" and classified on first sight.
 */
function charClassTable(columns: Uint16Array): Uint16Array {
  const table = new Uint16Array(65536).fill(CC_LAZY);
  // Surrogates: emoji are separators; only the math-alphabet block (U+1D400–1D7FF,
  // "fancy font" letters) needs a closer look.
  table.fill(CC_SEPARATOR, 0xd800, 0xe000);
  table[0xd835] = CC_LAZY;
  for (let k = 0; k < EAGER_FOLD_RANGES.length; k++) {
    for (let c = EAGER_FOLD_RANGES[k]![0], to = EAGER_FOLD_RANGES[k]![1]; c < to; c++) {
      const v = FOLD[c]!;
      if (v !== FOLD_LAZY) table[c] = v <= CC_IGNORABLE ? v : letterOrDigit(columns, v);
    }
  }
  return table;
}

/** Column of a folded letter or digit (letters no phrase uses share one). */
function letterOrDigit(columns: Uint16Array, v: number): number {
  if (v >= 0x30 && v <= 0x39) return COL_DIGIT_0 + (v - 0x30);
  return columns[v] || COL_OTHER_LETTER;
}

/**
 * The longest run of ASCII letters in a (lowercase) regex literal, or null. Any
 * text the regex matches holds the literal, so the folded syllables hold the
 * run: the regex (case-insensitive) reads the same letters the fold lowercases,
 * and only letters (never digits or punctuation) keep a syllable together.
 */
function longestLetterRun(literal: string): string | null {
  let best = '';
  let start = 0;
  for (let i = 0; i <= literal.length; i++) {
    const c = literal.charCodeAt(i); // NaN past the end
    if (c >= 0x61 && c <= 0x7a) continue;
    if (i - start > best.length) best = literal.slice(start, i);
    start = i + 1;
  }
  return best === '' ? null : best;
}

function isZeroWidth(c: number): boolean {
  return FOLD[c] === FOLD_IGNORABLE && !isCombiningMark(c);
}

function nextIsLetter(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const v = foldAt(text, i) & 0xffff;
  return v > 1 && !(v >= 0x30 && v <= 0x39);
}

/** How a pack's rules are compiled (see `compileRules`). */
export interface CompileOptions {
  /**
   * Rules whose plain-ASCII phrases are Vietnamese words written with level
   * tones, not folded spellings: the judge's concept words ("tan", "vay").
   * Typed with other marks ("tận", "vậy") they are weak, as a phrase with
   * diacritics is. A rule phrase in ASCII may be a folded spelling ("tieu
   * duong") or a name ("zalo"): any diacritics typed on it still match.
   */
  asciiAsWritten?: (rule: Rule) => boolean;
}

/** Compile a pack's rules once; reuse the matcher for every comment. */
export function compileRules(rules: readonly Rule[], options: CompileOptions = {}): Matcher {
  return new CompiledMatcher(rules, options);
}
