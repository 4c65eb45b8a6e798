/**
 * The automata behind the matcher. A comment is read once, character by
 * character, through two small machines instead of one big one:
 *
 * 1. a syllable trie (`buildSyllableTrie`): a dense table over folded letter
 *    classes that spells out the current syllable and says, at its end, which
 *    phrase word it is (if any). It holds only the distinct words of the pack
 *    (a few thousand states), so it stays in cache, and it is built with one
 *    typed-array copy per state;
 * 2. a word-level Aho–Corasick automaton (`buildWordAutomaton`) over those word
 *    ids, stepped once per syllable. A character-level automaton over whole
 *    phrases needed ~27,000 states × every letter for the default pack (tens
 *    of milliseconds to build, megabytes of table); over words it has one
 *    state per distinct phrase prefix.
 *
 * `buildAutomaton` (characters, dense) remains for the joined spellings of
 * spaced-out words, which are few and built only when first needed.
 */
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
        if (width === 255) throw new Error('too many distinct characters in patterns');
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
  /** Pattern id ending in each state, or -1. */
  readonly patternOf: number[] = [-1];
  patternCount = 0;

  get stateCount(): number {
    return this.label.length;
  }

  /** Insert `words[from..to)`; returns the pattern id (new ids count up from 0). */
  insert(words: ArrayLike<number>, from: number, to: number): number {
    const { rootChild, firstChild, sibling, label, patternOf } = this;
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

/** Aho–Corasick over word ids, stepped once per syllable with `stepWord`. */
export interface WordAutomaton {
  /** Next state from the root for each word id (0: the word starts no pattern). */
  rootNext: Int32Array;
  /** Children of state s: childWord/childNext[childStart[s] .. childStart[s + 1]). */
  childStart: Int32Array;
  childWord: Int32Array;
  childNext: Int32Array;
  /** Suffix link: the longest proper suffix of the state's words that is a pattern prefix. */
  fail: Int32Array;
  /** Patterns recognised in state s, longest first: outIds[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  outIds: Int32Array;
  /** 1 when outStart[s] < outStart[s + 1]. */
  hasOut: Uint8Array;
  stateCount: number;
}

export function buildWordAutomaton(trie: WordTrie, vocabularySize: number): WordAutomaton {
  const n = trie.stateCount;
  const { rootChild, firstChild, sibling, label, patternOf } = trie;
  const rootNext = new Int32Array(Math.max(1, vocabularySize));
  const order = new Int32Array(n);
  let tail = 0;
  for (let w = 0; w < rootChild.length; w++) {
    if (rootChild[w]! >= 0) {
      rootNext[w] = rootChild[w]!;
      order[tail++] = rootChild[w]!;
    }
  }

  // Children laid out contiguously per state (CSR); the order within a state does not matter.
  const childStart = new Int32Array(n + 1);
  for (let s = 1; s < n; s++) {
    let k = 0;
    for (let c = firstChild[s]!; c >= 0; c = sibling[c]!) k++;
    childStart[s + 1] = childStart[s]! + k;
  }
  const childWord = new Int32Array(childStart[n]!);
  const childNext = new Int32Array(childStart[n]!);
  for (let s = 1; s < n; s++) {
    let j = childStart[s]!;
    for (let c = firstChild[s]!; c >= 0; c = sibling[c]!) {
      childWord[j] = label[c]!;
      childNext[j] = c;
      j++;
    }
  }

  // Breadth-first: a state's suffix link is final before its children need it.
  const fail = new Int32Array(n);
  for (let head = 0; head < tail; head++) {
    const s = order[head]!;
    for (let j = childStart[s]!; j < childStart[s + 1]!; j++) {
      const c = childNext[j]!;
      fail[c] = step(rootNext, childStart, childWord, childNext, fail, fail[s]!, childWord[j]!);
      order[tail++] = c;
    }
  }

  // Outputs: the state's own pattern, then its suffix link's (longest first).
  // outCount first (a link is counted before the states that point to it), then the ids.
  const outCount = new Int32Array(n);
  for (let q = 0; q < tail; q++) {
    const s = order[q]!;
    outCount[s] = (patternOf[s]! >= 0 ? 1 : 0) + outCount[fail[s]!]!;
  }
  const outStart = new Int32Array(n + 1);
  const hasOut = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    outStart[s + 1] = outStart[s]! + outCount[s]!;
    if (outCount[s]! > 0) hasOut[s] = 1;
  }
  const outIds = new Int32Array(outStart[n]!);
  for (let s = 1; s < n; s++) {
    let j = outStart[s]!;
    for (let t = s; j < outStart[s + 1]!; t = fail[t]!) if (patternOf[t]! >= 0) outIds[j++] = patternOf[t]!;
  }
  return { rootNext, childStart, childWord, childNext, fail, outStart, outIds, hasOut, stateCount: n };
}

function step(
  rootNext: Int32Array,
  childStart: Int32Array,
  childWord: Int32Array,
  childNext: Int32Array,
  fail: Int32Array,
  s: number,
  w: number,
): number {
  while (s !== 0) {
    for (let j = childStart[s]!, end = childStart[s + 1]!; j < end; j++) {
      if (childWord[j] === w) return childNext[j]!;
    }
    s = fail[s]!;
  }
  return rootNext[w]!;
}

/** Next state of the word automaton after word `w` (a known word id). */
export function stepWord(a: WordAutomaton, s: number, w: number): number {
  return step(a.rootNext, a.childStart, a.childWord, a.childNext, a.fail, s, w);
}

/** Column codes of the syllable table (see `SyllableTrie.table`). */
export const COL_WORD = 0;
export const COL_LITERAL = 1;
/** Digits 0–9 are columns 3–12; a letter no word uses is column 13; word letters follow. */
export const COL_DIGIT_0 = 3;
export const COL_OTHER_LETTER = 13;

export interface SyllableTrie {
  /**
   * Premultiplied dense table, one row of `width` Int32 per state:
   * table[state + code] is the next state for a digit or letter code;
   * table[state + COL_WORD] is the id + 1 of the word spelled so far (0: none);
   * table[state + COL_LITERAL] is 1 once a watched literal occurred in the syllable.
   */
  table: Int32Array;
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
  // The image of an off-trie row for literal state q (premultiplied targets).
  const image = new Int32Array(litN * width);
  for (let q = 0; q < litN; q++) {
    for (let k = COL_DIGIT_0; k < width; k++) image[q * width + k] = litDelta[q * width + k]! * width;
  }
  if (found >= 0) image[found * width + COL_LITERAL] = 1;
  table.set(image);
  const litOf: number[] = [];
  const root = litN;
  let n = litN + 1;
  litOf[root] = 0;
  if (litN > 1) table.set(image.subarray(0, width), root * width);
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
        if (litN > 1) table.set(image.subarray(q * width, q * width + width), next * width);
        table[at] = next * width;
      }
      s = next;
    }
    table[s * width + COL_WORD] = id + 1;
  }
  return { table: n === cap ? table : table.slice(0, n * width), width, root: root * width, stateCount: n };
}
