/**
 * npx tsx scripts/judgement/add-families.ts DIR… — adds new source families
 * to corpus/families/ (see corpus/DATASHEET.md, "Adding families"):
 *
 * 1. every line of DIR/*.jsonl is checked against the corpus schema (a bad
 *    line is reported with its file and line, and stops the run);
 * 2. a line whose 5-letter shingles reach Jaccard ≥ 0.5 with ANY line already
 *    in the corpus — training, held-out and blind alike — or with a new line
 *    before it is dropped; only counts are printed, never a blind or held-out
 *    line, so the check reads nothing a developer could tune on;
 * 3. the kept lines are written as corpus/families/<family>.jsonl.
 *
 * New families train: the held-out families are frozen (HELD_OUT_FAMILIES).
 *
 * `--blind NAME DIR…` adds a new blind round instead, written by a helper who
 * read only the label guide: the same checks, and the kept lines go to
 * corpus/blind/NAME.jsonl (evaluation only; `npm run eval` prints each round).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CORPUS_DIR,
  type CorpusLine,
  HELD_OUT_FAMILIES,
  jaccard,
  loadDir,
  NEAR_DUPLICATE,
  shingles,
} from './corpus';

export interface AddReport {
  kept: CorpusLine[];
  /** Dropped new lines, counted by where their near-copy was. */
  dropped: { training: number; heldOut: number; blind: number; newLines: number };
}

/** Which new lines to keep: no near-copy anywhere in the corpus, the blind set or the new lines before them. */
export function screenNewLines(
  incoming: readonly CorpusLine[],
  existing: readonly CorpusLine[],
  blind: readonly CorpusLine[],
): AddReport {
  const old = [
    ...existing.map((l) => ({
      where: HELD_OUT_FAMILIES.has(l.family) ? 'heldOut' : 'training',
      s: shingles(l.text),
    })),
    ...blind.map((l) => ({ where: 'blind', s: shingles(l.text) })),
  ] as { where: 'training' | 'heldOut' | 'blind' | 'newLines'; s: Int32Array }[];
  const ids = new Set([...existing, ...blind].map((l) => l.id));
  const dropped = { training: 0, heldOut: 0, blind: 0, newLines: 0 };
  const kept: CorpusLine[] = [];
  for (const line of incoming) {
    if (ids.has(line.id)) throw new Error(`id ${line.id} is already in the corpus`);
    if (HELD_OUT_FAMILIES.has(line.family)) throw new Error(`${line.id}: family ${line.family} is held out`);
    const s = shingles(line.text);
    const copy = old.find((o) => jaccard(s, o.s) >= NEAR_DUPLICATE);
    if (copy) {
      dropped[copy.where]++;
      continue;
    }
    ids.add(line.id);
    old.push({ where: 'newLines', s });
    kept.push(line);
  }
  return { kept, dropped };
}

function main(): void {
  const args = process.argv.slice(2);
  const blindRound = args[0] === '--blind' ? args[1] : null;
  const dirs = blindRound ? args.slice(2) : args;
  if (dirs.length === 0 || (args[0] === '--blind' && !blindRound?.match(/^blind-[a-z0-9]+$/)))
    throw new Error('usage: add-families.ts DIR… | add-families.ts --blind blind-<round> DIR…');
  const incoming = dirs.flatMap((d) => loadDir(d));
  const familiesDir = join(CORPUS_DIR, 'families');
  const existing = loadDir(familiesDir);
  const blind = loadDir(join(CORPUS_DIR, 'blind'));
  const { kept, dropped } = screenNewLines(incoming, existing, blind);
  const counts = `read ${incoming.length}, kept ${kept.length}; near-copies dropped: of training lines ${dropped.training}, of held-out lines ${dropped.heldOut}, of blind lines ${dropped.blind}, of other new lines ${dropped.newLines}`;
  if (blindRound) {
    const file = join(CORPUS_DIR, 'blind', `${blindRound}.jsonl`);
    if (existsSync(file)) throw new Error(`${file} exists: a blind round is added once`);
    writeFileSync(file, `${kept.map((l) => JSON.stringify(l)).join('\n')}\n`);
    console.log(`${blindRound}: ${counts}`);
    return;
  }
  const byFamily = new Map<string, CorpusLine[]>();
  for (const l of kept) {
    if (!byFamily.has(l.family)) byFamily.set(l.family, []);
    byFamily.get(l.family)!.push(l);
  }
  for (const [family, lines] of [...byFamily].sort()) {
    const file = join(familiesDir, `${family}.jsonl`);
    if (existsSync(file)) throw new Error(`${file} exists: a family is added once`);
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    console.log(`${family}: ${lines.length} lines`);
  }
  console.log(counts);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
