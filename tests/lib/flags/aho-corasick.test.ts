import { describe, expect, it } from 'vitest';
import { WordAutomaton, WordTrie } from '../../../lib/flags/aho-corasick';

/** Small deterministic PRNG: each case is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Every (end, pattern) pair the automaton reports, as the matcher's `collect` walks them. */
function automatonMatches(patterns: number[][], vocabulary: number, text: number[]): string[] {
  const trie = new WordTrie();
  const ids = patterns.map((p) => trie.insert(p, 0, p.length));
  const a = new WordAutomaton(trie, vocabulary);
  const out: string[] = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    s = a.next(s, text[i]!);
    if (!a.hasOutput(s)) continue;
    for (let t = a.patternOf[s]! >= 0 ? s : a.dictOf(s); t !== 0; t = a.dictOf(t)) {
      for (let p = 0; p < patterns.length; p++) if (ids[p] === a.patternOf[t]) out.push(`${i}:${p}`);
    }
  }
  return out.sort();
}

/** The same pairs by comparing every pattern at every end. */
function naiveMatches(patterns: number[][], text: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    for (let p = 0; p < patterns.length; p++) {
      const pat = patterns[p]!;
      if (pat.length > i + 1) continue;
      let same = true;
      for (let k = 0; k < pat.length && same; k++) same = text[i + 1 - pat.length + k] === pat[k];
      if (same) out.push(`${i}:${p}`);
    }
  }
  return out.sort();
}

describe('WordAutomaton: mọi cụm từ kết thúc ở mỗi âm tiết, như dò từng cụm một', () => {
  // Few words: long suffix chains, states whose suffix is their own parent ("a a");
  // many words: the 128-bit filter's buckets shared, the exception list grown.
  const cases: { name: string; vocabulary: number; patterns: number; maxLength: number; seed: number }[] = [
    {
      name: 'ít từ, cụm dài (chuỗi hậu tố sâu, "a a a")',
      vocabulary: 3,
      patterns: 12,
      maxLength: 5,
      seed: 1,
    },
    { name: 'bốn từ, nhiều cụm chồng lên nhau', vocabulary: 4, patterns: 40, maxLength: 4, seed: 2 },
    {
      name: 'nhiều từ (quá 128: các bit lọc dùng chung)',
      vocabulary: 200,
      patterns: 300,
      maxLength: 4,
      seed: 3,
    },
    { name: 'từ vựng lớn, cụm ngắn', vocabulary: 1000, patterns: 500, maxLength: 2, seed: 4 },
    // Dozens of exceptions per state: the list is halved before it is scanned.
    {
      name: 'mỗi trạng thái nhiều nhánh (danh sách dài)',
      vocabulary: 40,
      patterns: 900,
      maxLength: 3,
      seed: 5,
    },
  ];
  it.each(cases)('$name', ({ vocabulary, patterns, maxLength, seed }) => {
    const rand = rng(seed);
    const word = () => Math.floor(rand() * vocabulary);
    const list: number[][] = [];
    for (let p = 0; p < patterns; p++)
      list.push(Array.from({ length: 1 + Math.floor(rand() * maxLength) }, word));
    // Texts stitched from the patterns and random words, so long matches happen.
    for (let t = 0; t < 20; t++) {
      const text: number[] = [];
      while (text.length < 200) {
        if (rand() < 0.5) text.push(...list[Math.floor(rand() * list.length)]!);
        else text.push(word());
      }
      expect(automatonMatches(list, vocabulary, text)).toEqual(naiveMatches(list, text));
    }
  });
});
