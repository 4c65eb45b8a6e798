/**
 * npm run train — trains the judgement's model from the labelled corpus and
 * writes lib/model/judge.vi.json (see corpus/DATASHEET.md).
 *
 * 1. Loads corpus/families/*.jsonl and splits it by source family (held-out
 *    families never train; a held-out line with a near-copy in training is
 *    dropped from the test side, and counted).
 * 2. Chooses the decision thresholds by 4-fold cross-validation over the
 *    TRAINING families only — the held-out split and the blind set are never
 *    read here — from the model's out-of-fold scores, then checked against
 *    the judge's own out-of-fold flags (scripts/judgement/refine.ts).
 * 3. Trains on all training lines with a fixed seed and writes the model.
 * Deterministic: the same corpus gives the same file, byte for byte.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultRulePack } from '../lib/flags';
import { CATEGORIES } from '../lib/flags/categories';
import { compileJudge } from '../lib/judge';
import { categorySteps } from '../lib/model/predict';
import { CATEGORY_COLUMNS, parseModel } from '../lib/model/schema';
import { DEFAULT_TRAIN_OPTIONS, type Example, toModelFile, trainRaw } from '../lib/model/train';
import { decodeWeightChars } from '../lib/model/weight-chars';
import { CORPUS_DIR, type CorpusLine, corpusHash, loadDir, splitCorpus } from './judgement/corpus';
import { refineWithJudge } from './judgement/refine';
import { chooseThresholds, FOLDS, outOfFold } from './judgement/thresholds';

export const MODEL_PATH = join(import.meta.dirname, '../lib/model/judge.vi.json');

/** The signals the judge feeds the model for a line (concepts, detectors), computed without a model. */
export function examplesOf(lines: readonly CorpusLine[]): CorpusExample[] {
  const pack = defaultRulePack();
  const judge = compileJudge({ ...pack, model: null });
  return lines.map((l) => {
    const j = judge.judge(l.text);
    return {
      text: l.text,
      signals: j.signals,
      categories: l.categories,
      intent: l.intent,
      idea: l.idea,
      ruleFlagged: j.categories.length > 0,
    };
  });
}

/** A training example, and whether the rules alone flag its comment (for the thresholds). */
export interface CorpusExample extends Example {
  ruleFlagged: boolean;
}

function main(): void {
  const lines = loadDir(join(CORPUS_DIR, 'families'));
  const split = splitCorpus(lines);
  const train = split.train;
  const examples = examplesOf(train);
  process.stderr.write(
    `corpus: ${lines.length} lines, ${new Set(lines.map((l) => l.family)).size} families; train ${train.length}, held out ${split.test.length} (${split.heldOut.length} families, ${split.dropped.length} near-copies dropped)\n`,
  );

  // Out-of-fold probabilities over the training families, for the thresholds.
  const families = [...new Set(train.map((l) => l.family))].sort();
  const oof = outOfFold(train, examples, DEFAULT_TRAIN_OPTIONS, (k) =>
    process.stderr.write(`fold ${k + 1}/${FOLDS} done\n`),
  );
  const { categories, idea } = refineWithJudge(
    train,
    oof.models,
    oof.foldOf,
    chooseThresholds(
      train,
      oof.scores,
      examples.map((e) => e.ruleFlagged),
    ),
    (m) => process.stderr.write(`thresholds, checked against the judge: ${m}\n`),
  );

  const raw = trainRaw(examples, DEFAULT_TRAIN_OPTIONS);
  const file = toModelFile(
    raw,
    {
      lines: train.length,
      families: families.length,
      corpusHash: corpusHash(train),
      seed: DEFAULT_TRAIN_OPTIONS.seed,
      epochs: DEFAULT_TRAIN_OPTIONS.epochs,
      l2: DEFAULT_TRAIN_OPTIONS.l2,
    },
    { categories, idea },
  );
  const parsed = parseModel(file);
  if (!parsed.ok) throw new Error(parsed.error);
  mkdirSync(dirname(MODEL_PATH), { recursive: true });
  const json = `${JSON.stringify(file)}\n`;
  writeFileSync(MODEL_PATH, json);
  const featureCount = file.featureCount;
  process.stderr.write(
    `model: ${featureCount} features × ${file.labels.length} labels, ${(json.length / 1024).toFixed(0)} KB; thresholds ${CATEGORIES.slice(
      0,
      CATEGORY_COLUMNS,
    )
      .map((c, j) => `${c} ${categories[j]}`)
      .join(', ')}, idea ${idea}\n→ ${MODEL_PATH}\n`,
  );
  // A model whose category steps pass the page's packed table still scores the same, from the
  // wide table, ~1 µs slower per comment (lib/model/predict.ts, HotTable).
  const { lo, hi, packed } = categorySteps(decodeWeightChars(file.weights));
  process.stderr.write(
    `category steps ${lo} … ${hi}: ${packed ? 'the page scores from the packed table' : 'past −32 … 31, the page scores from the wide table (~1 µs slower)'}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
