/**
 * The phrase layer of this checkout against another one's, in one process:
 * both matchers compiled from the same rules (`npm run bench -- flags`'s pack
 * and corpus), checked to give the same hits and notes on every comment, then
 * timed in CPU time of the process on chunks of 4,000 comments in ABBA order.
 * On the shared machine separate runs of the flags bench differ by more than
 * a change of a few per cent; the median ratio of the chunk pairs does not
 * (two copies of the same matcher read ×0.97–1.02).
 *
 *   git worktree add --detach /tmp/base <commit>    (then link or install its node_modules)
 *   npx tsx scripts/bench/flags-ab.ts /tmp/base [rounds]
 */
import { join } from 'node:path';
import { defaultRulePack } from '../../lib/flags';
import { compileRules, type Matcher, type ScanNotes } from '../../lib/flags/matcher';
import { generateCorpus, generatedRules } from './flags';
import { cpuMicros, median } from './stats';

const baseDir = process.argv[2];
if (!baseDir) throw new Error('usage: npx tsx scripts/bench/flags-ab.ts <other checkout> [rounds]');
const rounds = Number(process.argv[3] ?? 4);
const other = (await import(join(baseDir, 'lib/flags/matcher.ts'))) as { compileRules: typeof compileRules };

const pack = defaultRulePack();
const rules = [...pack.rules, ...generatedRules()];
const { comments, bytes } = generateCorpus(pack.rules.flatMap((r) => r.phrases));
const matchers: Record<'base' | 'this', Matcher> = {
  base: other.compileRules(rules),
  this: compileRules(rules),
};

const digest = (m: Matcher, text: string) => {
  const notes: ScanNotes = { silenced: [], weak: [] };
  return JSON.stringify([m.scan(text, notes), notes]);
};
let differences = 0;
for (const c of comments) if (digest(matchers.base, c) !== digest(matchers.this, c)) differences++;

const CHUNK = 4000;
const cpu = (m: Matcher, from: number, to: number) =>
  cpuMicros(() => {
    for (let i = from; i < to; i++) m.scan(comments[i]!);
  });
const ratios: number[] = [];
const total = { base: 0, this: 0 };
for (let r = 0; r < rounds; r++) {
  for (let from = 0; from < comments.length; from += CHUNK) {
    const to = Math.min(comments.length, from + CHUNK);
    const order =
      (from / CHUNK + r) % 2 === 0
        ? (['base', 'this', 'this', 'base'] as const)
        : (['this', 'base', 'base', 'this'] as const);
    const us = { base: 0, this: 0 };
    for (const k of order) us[k] += cpu(matchers[k], from, to);
    total.base += us.base;
    total.this += us.this;
    ratios.push(us.base / us.this);
  }
}
const mbs = (us: number) => ((2 * rounds * bytes) / 1e6 / (us / 1e6)).toFixed(1);
console.log(`${comments.length.toLocaleString('en')} comments, ${differences} with different hits or notes`);
console.log(
  `${baseDir} ${mbs(total.base)} MB/s, this ${mbs(total.this)} MB/s of CPU; this is ×${median(ratios).toFixed(3)} as fast (median of ${ratios.length} chunk pairs)`,
);
