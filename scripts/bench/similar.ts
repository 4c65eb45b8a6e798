// Benchmark of issue 17: "similar ideas" over a log of 50,000 ideas, in Node
// (the index is plain JavaScript; the sidebar runs the same code). Prints the
// build time, the median and p95 time of one query (goal ≤ 50 ms) and of one
// add + remove. Not a test: figures vary with the machine's load.
//
// The log is generated, deterministically: each idea strings together 3–6
// fragments of 3–9 words cut from the hand-written paraphrase set
// (tests/fixtures/ideas/paraphrases.jsonl) with a few words drawn from its
// whole vocabulary, and a third of the ideas lose their diacritics, as on the
// fanpage. Fragments shared by hundreds of ideas make the postings long, which
// is the hard case for an inverted index (random words would make it easy).
// Queries: every paraphrase of the set, which are not in the log as such.
//
// Run alone: `npx tsx scripts/bench/similar.ts` (BENCH_IDEAS=… for another size).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimilarIndex } from '../../lib/ideas/similar';

const TOTAL = Number(process.env.BENCH_IDEAS ?? 50_000);
const GOAL_MS = 50;
const FIXTURE = join(import.meta.dirname, '../../tests/fixtures/ideas/paraphrases.jsonl');

/** Deterministic 32-bit generator (mulberry32): the same log on every run. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stripMarks = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));

export function generateIdeas(total: number, sentences: readonly string[]): string[] {
  const random = generator(17);
  const split = sentences.map((s) => s.split(/\s+/));
  const vocabulary = split.flat();
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const ideas: string[] = [];
  for (let i = 0; i < total; i++) {
    const parts: string[] = [];
    const fragments = 3 + Math.floor(random() * 4);
    for (let f = 0; f < fragments; f++) {
      const words = pick(split);
      const length = Math.min(words.length, 3 + Math.floor(random() * 7));
      const from = Math.floor(random() * (words.length - length + 1));
      parts.push(...words.slice(from, from + length));
      if (random() < 0.5) parts.push(pick(vocabulary));
    }
    const text = parts.join(' ');
    ideas.push(random() < 1 / 3 ? stripMarks(text) : text);
  }
  return ideas;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export async function run() {
  const sentences = readFileSync(FIXTURE, 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const ideas = generateIdeas(TOTAL, sentences);
  const syllables = ideas.reduce((n, text) => n + text.split(/\s+/).length, 0);

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  const index = createSimilarIndex();
  ideas.forEach((text, i) => {
    index.add(`idea-${i}`, text);
  });
  const buildMs = performance.now() - buildStart;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  // Warm-up round (JIT), then the timed round.
  for (const q of sentences.slice(0, 50)) index.query(q, { limit: 5 });
  const times: number[] = [];
  let hits = 0;
  for (const q of sentences) {
    const start = performance.now();
    hits += index.query(q, { limit: 5 }).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);

  // What the pruning costs in quality: the same queries scored against every
  // idea that shares a word with them (no pruning), top-5 ids compared.
  const exact = createSimilarIndex({ commonShare: 1, candidates: Number.POSITIVE_INFINITY });
  ideas.forEach((text, i) => {
    exact.add(`idea-${i}`, text);
  });
  const exactTimes: number[] = [];
  let same = 0;
  let compared = 0;
  for (const q of sentences) {
    const start = performance.now();
    const want = exact.query(q, { limit: 5 }).map((h) => h.id);
    exactTimes.push(performance.now() - start);
    const got = new Set(index.query(q, { limit: 5 }).map((h) => h.id));
    same += want.filter((id) => got.has(id)).length;
    compared += want.length;
  }
  exactTimes.sort((a, b) => a - b);

  const churn: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    index.add('churn', sentences[i % sentences.length]!);
    index.remove(`idea-${i}`);
    churn.push(performance.now() - start);
  }
  churn.sort((a, b) => a - b);

  const fmt = (ms: number) => ms.toFixed(2);
  const median = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  const lines = [
    `Log: ${TOTAL.toLocaleString('en')} generated ideas, ${(syllables / TOTAL).toFixed(1)} words each on average; ${sentences.length} queries (the paraphrase set), limit 5, ${(hits / sentences.length).toFixed(1)} hits per query.`,
    '',
    '| measure | figure | goal | |',
    '|---|---:|---|---|',
    `| one query, median | ${fmt(median)} ms | ≤ ${GOAL_MS} ms | ${median <= GOAL_MS ? 'met' : 'not met'} |`,
    `| one query, p95 | ${fmt(p95)} ms | ≤ ${GOAL_MS} ms | ${p95 <= GOAL_MS ? 'met' : 'not met'} |`,
    `| one query, worst | ${fmt(times[times.length - 1]!)} ms | — | |`,
    `| top 5 shared with scoring every candidate (recall of the pruning) | ${((100 * same) / compared).toFixed(1)} % | — | |`,
    `| baseline: the same query without pruning, median / p95 | ${fmt(percentile(exactTimes, 0.5))} / ${fmt(percentile(exactTimes, 0.95))} ms | — | |`,
    `| build (${TOTAL.toLocaleString('en')} × add) | ${fmt(buildMs)} ms | — | |`,
    `| one add + one remove, median / p95 | ${fmt(percentile(churn, 0.5))} / ${fmt(percentile(churn, 0.95))} ms | — | |`,
    `| heap of the index | ${global.gc ? `${heapMb.toFixed(0)} MiB` : `~${heapMb.toFixed(0)} MiB (no --expose-gc: rough)`} | — | |`,
  ];
  return { title: 'Similar ideas: one query over 50,000 ideas (issue 17)', lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { title, lines } = await run();
  console.log(`## ${title}\n`);
  console.log(lines.join('\n'));
}
