/**
 * The automata behind the matcher. A comment is read once, character by
 * character, through two small machines instead of one big one:
 *
 * 1. a syllable trie (`buildSyllableTrie`): a dense table over folded letter
 *    classes that spells out the current syllable and says, at its end, which
 *    phrase word it is (if any). It holds only the distinct words of the pack
 *    (a few thousand states), so it stays in cache, and it is built with one
 *    typed-array copy per state;
 * 2. a word-level Aho–Corasick automaton (`WordAutomaton`) over those word
 *    ids, stepped once per syllable. A character-level automaton over whole
 *    phrases needed ~27,000 states × every letter for the default pack (over
 *    100 ms to build on the page, megabytes of table); over words it has one
 *    state per distinct phrase prefix, and its links are filled in lazily.
 *
 * `buildAutomaton` (characters, dense) remains for the joined spellings of
 * spaced-out words, which are few and built only when first needed.
 */

import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
export interface Automaton {
  /** Folded char code → input class (0 = a char no pattern uses). */
  classOf: Uint8Array;
  /** Number of input classes: the row width of `delta`. */
  width: number;
  /** delta[state * width + class] → next state. State 0 is the root. */
  delta: Int32Array | Uint16Array;
  /** Patterns ending in a state (its own and via suffix links): outIds[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  outIds: Int32Array;
  stateCount: number;
}

/**
 * `reserved` chars get classes 1, 2, … in order whether or not a pattern uses
 * them, so the caller can recognise them by class (e.g. digits).
 */
export function buildAutomaton(patterns: readonly string[], reserved = ''): Automaton {
  // Input classes: every distinct char used by a pattern, plus 0 for the rest.
  const classOf = new Uint8Array(65536);
  let width = 1;
  for (let i = 0; i < reserved.length; i++) classOf[reserved.charCodeAt(i)] = width++;
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (classOf[c] === 0) {
        if (width === 255) throw new Error(bilingual(CHECK_STRINGS, 'rulePack_tooManyCharacters'));
        classOf[c] = width++;
      }
    }
  }

  // Trie built straight into the dense table: 0 means "no child yet" (the
  // root is never a child), which the breadth-first pass below fills in.
  let cap = 1;
  for (const p of patterns) cap += p.length;
  const goto = new Int32Array(cap * width);
  const ownOut: number[][] = [[]];
  let n = 1;
  patterns.forEach((p, id) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const k = classOf[p.charCodeAt(i)]!;
      let next = goto[s * width + k]!;
      if (next === 0) {
        next = n++;
        ownOut.push([]);
        goto[s * width + k] = next;
      }
      s = next;
    }
    ownOut[s]!.push(id);
  });

  const delta = n < 65536 ? new Uint16Array(n * width) : new Int32Array(n * width);
  const isChild = (s: number, k: number) => goto[s * width + k]! !== 0;
  const fail = new Int32Array(n);
  const order: number[] = [];
  // Breadth-first: a state's suffix link is complete before its children need it.
  for (let k = 0; k < width; k++) {
    if (isChild(0, k)) {
      const next = goto[k]!;
      delta[k] = next;
      fail[next] = 0;
      order.push(next);
    }
  }
  for (let q = 0; q < order.length; q++) {
    const s = order[q]!;
    const f = fail[s]!;
    for (let k = 0; k < width; k++) {
      if (isChild(s, k)) {
        const next = goto[s * width + k]!;
        delta[s * width + k] = next;
        fail[next] = delta[f * width + k]!;
        order.push(next);
      } else {
        delta[s * width + k] = delta[f * width + k]!;
      }
    }
  }

  // Merge outputs along suffix links (BFS order: the link's list is final).
  const merged: number[][] = new Array(n);
  merged[0] = ownOut[0]!;
  for (const s of order) {
    const own = ownOut[s]!;
    const inherited = merged[fail[s]!]!;
    merged[s] = inherited.length === 0 ? own : own.concat(inherited);
  }
  const outStart = new Int32Array(n + 1);
  let total = 0;
  for (let s = 0; s < n; s++) {
    outStart[s] = total;
    total += merged[s]!.length;
  }
  outStart[n] = total;
  const outIds = new Int32Array(total);
  for (let s = 0; s < n; s++) outIds.set(merged[s]!, outStart[s]!);

  return { classOf, width, delta, outStart, outIds, stateCount: n };
}

/**
 * A trie of word-id sequences, filled one pattern at a time. State 0 is the
 * root; a pattern is identified by the state where it ends, so inserting the
 * same sequence twice costs nothing and yields the same id.
 */
export class WordTrie {
  /** Children of the root, by word id (-1: none); the root has hundreds. */
  readonly rootChild: number[] = [];
  // Other states have few children: a linked list of siblings is enough.
  readonly firstChild: number[] = [-1];
  readonly sibling: number[] = [-1];
  readonly label: number[] = [-1];
  readonly parent: number[] = [-1];
  /** Pattern id ending in each state, or -1. */
  readonly patternOf: number[] = [-1];
  patternCount = 0;

  get stateCount(): number {
    return this.label.length;
  }

  /** Insert `words[from..to)`; returns the pattern id (new ids count up from 0). */
  insert(words: ArrayLike<number>, from: number, to: number): number {
    const { rootChild, firstChild, sibling, label, parent, patternOf } = this;
    let s = 0;
    for (let i = from; i < to; i++) {
      const w = words[i]!;
      let next = -1;
      if (s === 0) {
        while (rootChild.length <= w) rootChild.push(-1);
        next = rootChild[w]!;
      } else {
        for (let c = firstChild[s]!; c >= 0; c = sibling[c]!) {
          if (label[c] === w) {
            next = c;
            break;
          }
        }
      }
      if (next < 0) {
        next = label.length;
        label.push(w);
        parent.push(s);
        firstChild.push(-1);
        patternOf.push(-1);
        if (s === 0) {
          sibling.push(-1);
          rootChild[w] = next;
        } else {
          sibling.push(firstChild[s]!);
          firstChild[s] = next;
        }
      }
      s = next;
    }
    let id = patternOf[s]!;
    if (id < 0) {
      id = this.patternCount++;
      patternOf[s] = id;
    }
    return id;
  }
}

/**
 * Aho–Corasick over word ids, stepped once per syllable, as a deterministic
 * automaton stored sparsely. From any state a word leads where it leads from
 * the root (`rootNext`) unless the state, or a state on its suffix chain, has a
 * child for it; those exceptions are kept per state, sorted by word, in one
 * array, and a 128-bit filter per state says which words may have one. A step
 * is one read of the state's filter and, for a word in six or so, a short scan
 * of its exceptions (next to each other: the states common words reach stay in
 * cache) — no walk along suffix links, no hash probe. Both cost over a quarter
 * of the phrase layer's time on the flags benchmark. A state's exceptions — its
 * children, plus those of its suffix link's state that it lacks — are worked
 * out the first time a step reaches it and remembered: working them out for
 * every state up front cost several milliseconds on the page, for the
 * thousands of states (teencode spellings, exception phrases) most comments
 * never reach. A state one word deep has only the root as its suffix: its
 * exceptions are its children, listed when the automaton is built.
 */
export class WordAutomaton {
  readonly stateCount: number;
  /** Next state from the root for each word id (0: the word starts no pattern). */
  readonly rootNext: Int32Array;
  private readonly label: readonly number[];
  private readonly parent: readonly number[];
  private readonly firstChild: readonly number[];
  private readonly sibling: readonly number[];
  /** Pattern id ending in each state, or -1. */
  readonly patternOf: readonly number[];
  /** Suffix link (the longest proper suffix that is a pattern prefix); -1 until needed. */
  private readonly fail: Int32Array;
  /** Output link (the longest proper suffix that is a whole pattern, 0: none); -1 until needed. */
  private readonly dict: Int32Array;
  /** 1 when a pattern ends in the state (its own or a suffix's), else 0; set once the state is complete. */
  readonly out: Int8Array;
  /** 1 once the state's exceptions are listed. */
  private readonly complete: Uint8Array;
  /**
   * Eight Int32 per state (32 bytes, one read from memory): the filter's four
   * words (bit w mod 128 set when word w may have an exception; 64 bits let about
   * one word in nine through for nothing on the flags benchmark), where its
   * exceptions start in `exceptions`, how many there are, and two unused.
   */
  readonly info: Int32Array;
  /** (word, next state) pairs, each state's sorted by word; a next state not yet complete is stored as ~state. */
  private exceptions: Int32Array;
  private exceptionsEnd = 0;

  constructor(trie: WordTrie, vocabularySize: number) {
    const n = trie.stateCount;
    this.stateCount = n;
    this.label = trie.label;
    this.parent = trie.parent;
    this.firstChild = trie.firstChild;
    this.sibling = trie.sibling;
    this.patternOf = trie.patternOf;
    this.rootNext = new Int32Array(Math.max(1, vocabularySize));
    this.info = new Int32Array(8 * n);
    this.exceptions = new Int32Array(2 * n + 2);
    this.fail = new Int32Array(n).fill(-1);
    this.dict = new Int32Array(n).fill(-1);
    this.out = new Int8Array(n);
    this.complete = new Uint8Array(n);
    this.fail[0] = 0;
    this.dict[0] = 0;
    this.complete[0] = 1;
    const rootChild = trie.rootChild;
    const pairs: number[] = [];
    for (let w = 0; w < rootChild.length; w++) {
      const c = rootChild[w]!;
      if (c <= 0) continue;
      this.rootNext[w] = c;
      this.fail[c] = 0;
      this.dict[c] = 0;
      this.out[c] = this.patternOf[c]! >= 0 ? 1 : 0;
      pairs.length = 0;
      this.childrenOf(c, pairs);
      this.store(c, pairs);
      this.complete[c] = 1;
    }
  }

  /** The state after word `w` (a word id) in state `s`. */
  next(s: number, w: number): number {
    if (s !== 0 && (this.info[8 * s + ((w >>> 5) & 3)]! & (1 << (w & 31))) !== 0) return this.listed(s, w);
    return this.rootNext[w]!;
  }

  /**
   * `next(s, w)` for a word the filter of `s` lets through: its exception if
   * it has one, else where the word leads from the root. The caller stepping
   * once per syllable reads the filter itself (`info`, fixed once built).
   */
  listed(s: number, w: number): number {
    const info = this.info;
    const at = 8 * s;
    const exceptions = this.exceptions;
    let lo = info[at + 4]!;
    let hi = lo + 2 * info[at + 5]!;
    // A long list (a common word's state): halve it first.
    while (hi - lo > 16) {
      const mid = lo + ((hi - lo) >> 2) * 2;
      if (exceptions[mid]! <= w) lo = mid;
      else hi = mid;
    }
    for (let k = lo; k < hi; k += 2) {
      const x = exceptions[k]!;
      if (x < w) continue;
      if (x === w) {
        let t = exceptions[k + 1]!;
        if (t < 0) {
          // Not known to be complete when listed (see `store`): make sure, once per entry.
          t = ~t;
          if (this.complete[t] === 0) this.completeState(t);
          this.exceptions[k + 1] = t;
        }
        return t;
      }
      break;
    }
    return this.rootNext[w]!;
  }

  /** True when some pattern ends in state `s` (a state `next` returned). */
  hasOutput(s: number): boolean {
    return this.out[s] === 1;
  }

  /** The next state after `s` on the suffix chain where a pattern ends (0: none). */
  dictOf(s: number): number {
    let d = this.dict[s]!;
    if (d < 0) {
      const f = this.failOf(s);
      d = f === 0 ? 0 : this.patternOf[f]! >= 0 ? f : this.dictOf(f);
      this.dict[s] = d;
    }
    return d;
  }

  /** Every state `next` returns is complete, so the suffix link's state is too. */
  private failOf(s: number): number {
    let f = this.fail[s]!;
    if (f < 0) {
      const p = this.parent[s]!;
      f = p === 0 ? 0 : this.next(this.failOf(p), this.label[s]!);
      this.fail[s] = f;
    }
    return f;
  }

  /**
   * List the exceptions of `t` (deeper than one word): its children, then each
   * exception of its suffix link's state (complete, shallower) for a word it
   * has no child for, with that state's next state.
   */
  private completeState(t: number): void {
    const f = this.failOf(t);
    const pairs: number[] = [];
    this.childrenOf(t, pairs);
    const own = pairs.length;
    if (f !== 0) {
      const exceptions = this.exceptions;
      const from = this.info[8 * f + 4]!;
      const to = from + 2 * this.info[8 * f + 5]!;
      for (let k = from; k < to; k += 2) {
        const w = exceptions[k]!;
        let child = false;
        for (let j = 0; j < own && !child; j += 2) child = pairs[j] === w;
        if (!child) pairs.push(w, exceptions[k + 1]!);
      }
    }
    this.store(t, pairs);
    this.out[t] = this.patternOf[t]! >= 0 || this.dictOf(t) !== 0 ? 1 : 0;
    this.complete[t] = 1;
  }

  /** Append (word, child) pairs of the trie's children of `s`. */
  private childrenOf(s: number, pairs: number[]): void {
    for (let c = this.firstChild[s]!; c >= 0; c = this.sibling[c]!) pairs.push(this.label[c]!, c);
  }

  /** Keep `s`'s exceptions, sorted by word, and set its filter. */
  private store(s: number, pairs: number[]): void {
    const count = pairs.length >> 1;
    const order: number[] = [];
    for (let k = 0; k < count; k++) order.push(k);
    order.sort((a, b) => pairs[2 * a]! - pairs[2 * b]!);
    if (this.exceptionsEnd + 2 * count > this.exceptions.length) {
      const grown = new Int32Array(Math.max(2 * this.exceptions.length, this.exceptionsEnd + 2 * count));
      grown.set(this.exceptions);
      this.exceptions = grown;
    }
    const info = this.info;
    const at = 8 * s;
    info[at + 4] = this.exceptionsEnd;
    info[at + 5] = count;
    for (let k = 0; k < count; k++) {
      const w = pairs[2 * order[k]!]!;
      const t = pairs[2 * order[k]! + 1]!;
      this.exceptions[this.exceptionsEnd++] = w;
      this.exceptions[this.exceptionsEnd++] = t >= 0 && this.complete[t] === 0 ? ~t : t;
      const half = at + ((w >>> 5) & 3);
      info[half] = info[half]! | (1 << (w & 31));
    }
  }
}

/** Column codes of the syllable table (see `SyllableTrie.table`). */
export const COL_WORD = 0;
/** Flag added to the word column once a watched literal occurred (Uint16 and Int32 tables). */
const LITERAL_BIT_16 = 0x8000;
const LITERAL_BIT_32 = 0x40000000;
/** Digits 0–9 are columns 3–12; a letter no word uses is column 13; word letters follow. */
export const COL_DIGIT_0 = 3;
export const COL_OTHER_LETTER = 13;

export interface SyllableTrie {
  /**
   * Premultiplied dense table, one row of `width` Int32 per state:
   * table[state + code] is the next state for a digit or letter code;
   * table[state + COL_WORD] is the id + 1 of the word spelled so far (0: none),
   * plus `literalBit` once a watched literal occurred in the syllable.
   */
  table: Int32Array | Uint16Array;
  literalBit: number;
  width: number;
  /** The state at the start of every syllable (premultiplied). */
  root: number;
  stateCount: number;
}

/**
 * A trie of the pack's distinct words over column codes, merged with a small
 * Aho–Corasick automaton that spots `literals` (letter runs that regex rules
 * need) anywhere inside a syllable. Off the trie (an unknown word), the state
 * only tracks the literal search; once a literal is seen the syllable stays
 * marked. Words and literals are arrays of codes ≥ COL_DIGIT_0.
 */
export function buildSyllableTrie(
  words: readonly (readonly number[])[],
  literals: readonly (readonly number[])[],
  width: number,
): SyllableTrie {
  // The literal automaton: dense over codes, small (letters of a few short runs).
  let litCap = 2;
  for (let i = 0; i < literals.length; i++) litCap += literals[i]!.length;
  const litGoto = new Int32Array(litCap * width).fill(-1);
  const litOut = new Uint8Array(litCap);
  let litN = 1;
  for (let i = 0; i < literals.length; i++) {
    const literal = literals[i]!;
    let q = 0;
    for (let j = 0; j < literal.length; j++) {
      const code = literal[j]!;
      let next = litGoto[q * width + code]!;
      if (next < 0) {
        next = litN++;
        litGoto[q * width + code] = next;
      }
      q = next;
    }
    litOut[q] = 1;
  }
  // One more state, FOUND: absorbing, reached as soon as any literal ends.
  const found = literals.length > 0 ? litN++ : -1;
  if (found >= 0) litOut[found] = 1;
  const litDelta = new Int32Array(litN * width);
  const litFail = new Int32Array(litN);
  const queue: number[] = [0];
  for (let head = 0; head < queue.length; head++) {
    const q = queue[head]!;
    if (q === found) continue;
    for (let k = COL_DIGIT_0; k < width; k++) {
      const child = litGoto[q * width + k]!;
      if (child >= 0) {
        litFail[child] = q === 0 ? 0 : litDelta[litFail[q]! * width + k]!;
        if (litOut[litFail[child]!]) litOut[child] = 1;
        litDelta[q * width + k] = litOut[child] ? found : child;
        if (!litOut[child]) queue.push(child);
      } else {
        litDelta[q * width + k] = q === 0 ? 0 : litDelta[litFail[q]! * width + k]!;
      }
    }
  }
  if (found >= 0) for (let k = COL_DIGIT_0; k < width; k++) litDelta[found * width + k] = found;

  // Rows 0 … litN-1: "no word", tracking literal state q. Row litN: the root.
  let cap = litN + 1;
  for (let i = 0; i < words.length; i++) cap += words[i]!.length;
  const table = new Int32Array(cap * width);
  // Off-trie rows: premultiplied targets of the literal automaton.
  for (let q = 0; q < litN; q++) {
    for (let k = COL_DIGIT_0; k < width; k++) table[q * width + k] = litDelta[q * width + k]! * width;
  }
  if (found >= 0) table[found * width + COL_WORD] = LITERAL_BIT_32;
  const litOf: number[] = [];
  const root = litN;
  let n = litN + 1;
  litOf[root] = 0;
  // A new trie state starts as a copy of the off-trie row of its literal state.
  if (litN > 1) table.copyWithin(root * width, 0, width);
  for (let id = 0; id < words.length; id++) {
    const word = words[id]!;
    let s = root;
    for (let j = 0; j < word.length; j++) {
      const code = word[j]!;
      const at = s * width + code;
      let next = table[at]! / width;
      // A target below the root is an off-trie row: this prefix is new.
      if (next <= root) {
        next = n++;
        const q = litDelta[litOf[s]! * width + code]!;
        litOf[next] = q;
        if (litN > 1) table.copyWithin(next * width, q * width, q * width + width);
        table[at] = next * width;
      }
      s = next;
    }
    // Keeps the literal bit the state may have copied from its off-trie row.
    table[s * width + COL_WORD] = table[s * width + COL_WORD]! + id + 1;
  }
  // Premultiplied states fit in 16 bits for any realistic pack: half the table, more of it in cache.
  if (n * width <= 65536 && words.length < LITERAL_BIT_16 - 1) {
    const small = new Uint16Array(table.subarray(0, n * width));
    for (let at = 0; at < small.length; at += width) {
      const word = table[at]!;
      small[at] = word >= LITERAL_BIT_32 ? word - LITERAL_BIT_32 + LITERAL_BIT_16 : word;
    }
    return { table: small, width, root: root * width, stateCount: n, literalBit: LITERAL_BIT_16 };
  }
  return {
    table: table.slice(0, n * width),
    width,
    root: root * width,
    stateCount: n,
    literalBit: LITERAL_BIT_32,
  };
}
