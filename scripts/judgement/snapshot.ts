/**
 * Snapshot of the judgement's outputs, to prove a speed change behaves the
 * same: every corpus and blind line is judged and only a digest of each output
 * is written (no line's words are read out or printed). Three judges: the
 * shipped one (pack + model, as the page runs it), the same with a moderator's
 * corrections (learnt weights and verdicts, from a fixed pick of lines), and
 * the rules alone. The shipped judge runs a second time in reverse order, each
 * judgement's intents and idea read only after the next comment was judged, so
 * a scratch buffer that leaks from one comment into another shows up too.
 *
 * Digest of a line: every hit (all fields: rule, category, severity, matched
 * words, offsets, how, note — the explanation —, parts, correction reply),
 * the categories (primary first), the signals, the intents in order with their
 * scores, intentCertain, the idea score and isIdea; numbers rounded to 1e-9.
 *
 *   npx tsx scripts/judgement/snapshot.ts > /tmp/before.txt
 *   npx tsx scripts/judgement/snapshot.ts --compare /tmp/before.txt
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeWithCorrections } from '../../lib/corrections/learnt';
import type { Correction } from '../../lib/corrections/schema';
import { defaultRulePack } from '../../lib/flags';
import { CATEGORIES } from '../../lib/flags/categories';
import { compileJudge, type Judge, type Judgement } from '../../lib/judge';
import { defaultJudge } from '../../lib/judge/default';
import { CORPUS_DIR, type CorpusLine, loadDir } from './corpus';

const round = (x: number): number => Math.round(x * 1e9) / 1e9;

function digest(judge: Judge, text: string, j: Judgement = judge.judge(text)): string {
  // The page reads the flags first; intents and idea are read later, on demand.
  const hits = j.hits.map((h) => [
    h.ruleId,
    h.category,
    h.severity,
    h.matched,
    h.start,
    h.end,
    h.how,
    h.note,
    h.parts ?? null,
    h.correctionReplyId ?? null,
  ]);
  const out = {
    hits,
    categories: j.categories,
    signals: j.signals,
    intents: j.intents.map((i) => [i.intent, round(i.score)]),
    certain: j.intentCertain,
    idea: [round(j.idea.score), j.idea.isIdea],
    scan: judge.scan(text).length,
  };
  return createHash('sha256').update(JSON.stringify(out)).digest('hex').slice(0, 16);
}

/** A fixed, label-driven pick of corrections: every 37th line, each kind in turn. */
function corrections(lines: readonly CorpusLine[]): Correction[] {
  const out: Correction[] = [];
  for (let i = 0; i < lines.length; i += 37) {
    const l = lines[i]!;
    const kind = (['not-a-problem', 'flag-as', 'reply-chosen'] as const)[out.length % 3]!;
    const at = `2026-12-0${1 + (out.length % 7)}T0${out.length % 10}:00:00.000Z`;
    const base = { id: `c${i}`, commentId: String(1000 + i), text: l.text, at };
    if (kind === 'reply-chosen') out.push({ ...base, kind, categories: [], intent: l.intent });
    else if (kind === 'not-a-problem')
      out.push({ ...base, kind, categories: l.categories.length > 0 ? l.categories : ['scam'] });
    else out.push({ ...base, kind, categories: [CATEGORIES[i % CATEGORIES.length]!] });
  }
  return out;
}

const lines = [...loadDir(join(CORPUS_DIR, 'families')), ...loadDir(join(CORPUS_DIR, 'blind'))];
const pack = defaultRulePack();
const judges: [string, Judge][] = [
  ['shipped', defaultJudge()],
  ['corrections', judgeWithCorrections(pack, corrections(lines))],
  ['rules-only', compileJudge({ ...pack, model: null })],
];
const rows: string[] = [];
for (const [name, judge] of judges) {
  for (const l of lines) rows.push(`${name}\t${l.id}\t${digest(judge, l.text)}`);
}
// Again in reverse order, each judgement's intents and idea read only after the next
// comment was judged (as the page does when a reply box opens later).
const shipped = defaultJudge();
const reversed: string[] = [];
let pending: { line: CorpusLine; j: Judgement } | null = null;
for (let i = lines.length - 1; i >= -1; i--) {
  const next = i >= 0 ? { line: lines[i]!, j: shipped.judge(lines[i]!.text) } : null;
  if (pending) reversed.push(`shipped\t${pending.line.id}\t${digest(shipped, pending.line.text, pending.j)}`);
  pending = next;
}
reversed.reverse();
let leaks = 0;
for (let i = 0; i < lines.length; i++) if (reversed[i] !== rows[i]) leaks++;

const compareAt = process.argv.indexOf('--compare');
if (compareAt < 0) {
  console.log(rows.join('\n'));
  const all = createHash('sha256').update(rows.join('\n')).digest('hex');
  console.error(
    `${rows.length} digests (${lines.length} lines × ${judges.length} judges); all: ${all}; order-dependent: ${leaks}`,
  );
} else {
  const before = readFileSync(process.argv[compareAt + 1]!, 'utf8')
    .trim()
    .split('\n');
  let diffs = 0;
  const shown: string[] = [];
  for (let i = 0; i < Math.max(before.length, rows.length); i++) {
    if (before[i] === rows[i]) continue;
    diffs++;
    if (shown.length < 20) shown.push((rows[i] ?? before[i]!).split('\t').slice(0, 2).join(' '));
  }
  console.log(
    `${rows.length} digests compared with ${before.length}: ${diffs} differences; order-dependent: ${leaks}`,
  );
  if (shown.length > 0) console.log(`first differing (judge, line id): ${shown.join(', ')}`);
  process.exitCode = diffs === 0 && leaks === 0 ? 0 : 1;
}
