/**
 * The judgement of this checkout against another one, in one process, rounds
 * interleaved, timed in CPU time of the process (`process.cpuUsage`): on a
 * shared machine the wall-clock figures of two separate runs of
 * `npm run bench -- judgement` differ by 2× or more, so a change of speed is
 * read from this instead. The same corpus lines as that bench; the shipped
 * judge of each checkout (its own pack and model).
 *
 *   git worktree add --detach /tmp/base <commit>    (then link or install its node_modules)
 *   npx tsx scripts/bench/judgement-ab.ts /tmp/base
 */
import { join } from 'node:path';
import type { Judge } from '../../lib/judge';
import { defaultJudge } from '../../lib/judge/default';
import { CORPUS_DIR, loadDir } from '../judgement/corpus';
import { REFERENCE_FAMILIES } from './reference-families';
import { cpuMicros, median } from './stats';

const ROUNDS = 15;
const baseDir = process.argv[2];
if (!baseDir) throw new Error('usage: npx tsx scripts/bench/judgement-ab.ts <other checkout>');
const other = (await import(join(baseDir, 'lib/judge/default.ts'))) as { defaultJudge: () => Judge };

const lines = [...loadDir(join(CORPUS_DIR, 'families')), ...loadDir(join(CORPUS_DIR, 'blind'))];
const all = lines.map((l) => l.text);
const benign = lines.filter((l) => l.categories.length === 0).map((l) => l.text);
// The frozen reference set (the families of 2026-12-06, scripts/bench/reference-families.ts).
const reference = lines
  .filter((l) => l.categories.length === 0 && REFERENCE_FAMILIES.has(l.family))
  .map((l) => l.text);
const judges: Record<'base' | 'this', Judge> = { base: other.defaultJudge(), this: defaultJudge() };
for (let i = 0; i < 3; i++) for (const j of Object.values(judges)) for (const t of all) j.judge(t);

const cases: [string, string[], (j: Judge, t: string) => unknown][] = [
  ['typical (benign) comment → flags', benign, (j, t) => j.judge(t).hits],
  ['typical comment, reference set (2026-12-06 families) → flags', reference, (j, t) => j.judge(t).hits],
  ['all lines → flags', all, (j, t) => j.judge(t).hits],
  [
    'all lines → flags, intents, idea',
    all,
    (j, t) => {
      const x = j.judge(t);
      return [x.hits, x.intents, x.idea];
    },
  ],
];
console.log(`| What (µs of CPU per comment, median of ${ROUNDS} interleaved rounds) | ${baseDir} | this | |`);
console.log('|---|---|---|---|');
for (const [name, texts, f] of cases) {
  const us: Record<'base' | 'this', number[]> = { base: [], this: [] };
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so neither always runs right after a collection.
    for (const k of r % 2 === 0 ? (['base', 'this'] as const) : (['this', 'base'] as const)) {
      const spent = cpuMicros(() => {
        for (const t of texts) f(judges[k], t);
      });
      us[k].push(spent / texts.length);
    }
  }
  const b = median(us.base);
  const n = median(us.this);
  console.log(`| ${name} | ${b.toFixed(1)} | ${n.toFixed(1)} | ×${(b / n).toFixed(2)} |`);
}
