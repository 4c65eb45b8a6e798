/**
 * Aho–Corasick compiled to a dense DFA over folded characters: scanning costs
 * one table read per character, whatever the number of patterns. Patterns are
 * strings over folded text (lowercase ASCII letters, digits, single spaces, and
 * any other folded letter); characters no pattern uses share one class.
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
