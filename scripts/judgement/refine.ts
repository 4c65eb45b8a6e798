/**
 * The thresholds, checked against the judge itself. `chooseThresholds` picks
 * them from the model's out-of-fold scores and the rules' flags alone; the
 * judge then gates the model's readings (an impersonation needs a body the
 * guide names, a silenced category stays silent, a weak rule hit needs the
 * model half-way, a flagged comment's other categories need it part-way), so
 * the scores' best point is not always the judgement's. From that point, each
 * category's threshold in turn moves one or two grid steps either way while
 * the judge's own out-of-fold flags score better by the same measure —
 * right − FLAG_COST × wrong over whole comments.
 */
import { defaultRulePack } from '../../lib/flags';
import { CATEGORIES } from '../../lib/flags/categories';
import { compileJudge, type Judge } from '../../lib/judge';
import { loadModel } from '../../lib/model/predict';
import { type RawModel, toModelFile } from '../../lib/model/train';
import type { CorpusLine } from './corpus';
import { FLAG_COST, plateauThreshold } from './thresholds';

const STEPS = [-0.05, -0.025, 0.025, 0.05] as const;
const LOWEST = 0.3;
const HIGHEST = 0.95;

export interface Thresholds {
  categories: number[];
  idea: number;
}

/**
 * The fold models' judges, for any thresholds: the rule pack compiled once and each
 * fold's model quantised once (its bytes do not depend on the thresholds), then one
 * judge per fold through `withModel` — no recompiling per try.
 */
export function foldJudges(models: readonly RawModel[]): (thresholds: Thresholds) => Judge[] {
  const base = compileJudge({ ...defaultRulePack(), model: null });
  const files = models.map((raw) =>
    toModelFile(
      raw,
      { lines: 0, families: 0, corpusHash: '', seed: 0, epochs: 1, l2: 0 },
      { categories: [], idea: 0 },
    ),
  );
  return (thresholds) => files.map((file) => base.withModel(loadModel({ ...file, thresholds })));
}

/** right − FLAG_COST × wrong flagged comments, judged out of fold by `judges` (one per fold). */
export function judgedValue(
  train: readonly CorpusLine[],
  judges: readonly Judge[],
  foldOf: ReadonlyMap<string, number>,
): number {
  let value = 0;
  for (const line of train) {
    if (judges[foldOf.get(line.family)!]!.judge(line.text).categories.length === 0) continue;
    value += line.categories.length > 0 ? 1 : -FLAG_COST;
  }
  return value;
}

/**
 * `start`, with each category's threshold in turn moved by one of STEPS while
 * `value` says the judgement is better (one pass; ties keep the threshold).
 */
export function refineThresholds(
  start: Thresholds,
  value: (t: Thresholds) => number,
  progress?: (message: string) => void,
): Thresholds {
  const best: Thresholds = { categories: [...start.categories], idea: start.idea };
  let bestValue = value(best);
  progress?.(`start ${best.categories.join(' ')} (${bestValue})`);
  for (let j = 0; j < start.categories.length; j++) {
    for (const step of STEPS) {
      const t = Number((start.categories[j]! + step).toFixed(3));
      if (t < LOWEST || t > HIGHEST) continue;
      const trial = { ...best, categories: best.categories.map((v, i) => (i === j ? t : v)) };
      const v = value(trial);
      if (v > bestValue) {
        bestValue = v;
        best.categories = trial.categories;
      }
    }
    progress?.(`${CATEGORIES[j] ?? j} ${best.categories[j]} (${bestValue})`);
  }
  return best;
}

/**
 * The idea threshold, from the judge's own out-of-fold idea scores (the cue with the
 * comment's hits, the model, ×0.2 on a flagged comment — what `isIdea` compares),
 * not the scores before the judge: a flagged comment's idea score is a fifth of
 * what the chooser saw. By F1, at the middle of its plateau (`plateauThreshold`).
 */
export function judgedIdeaThreshold(
  train: readonly CorpusLine[],
  judges: readonly Judge[],
  foldOf: ReadonlyMap<string, number>,
): number {
  const scores = train.map((line) => judges[foldOf.get(line.family)!]!.judge(line.text).idea.score);
  return plateauThreshold(
    scores,
    train.map((l) => l.idea),
    0.2,
    0.8,
  );
}

/**
 * The thresholds `start`, refined against the judge's out-of-fold flags (`judgedValue`);
 * the idea's chosen on the judge's out-of-fold idea scores with those flags.
 */
export function refineWithJudge(
  train: readonly CorpusLine[],
  models: readonly RawModel[],
  foldOf: ReadonlyMap<string, number>,
  start: Thresholds,
  progress?: (message: string) => void,
): Thresholds {
  const judgesFor = foldJudges(models);
  const refined = refineThresholds(start, (t) => judgedValue(train, judgesFor(t), foldOf), progress);
  const idea = judgedIdeaThreshold(train, judgesFor(refined), foldOf);
  progress?.(`idea ${start.idea} → ${idea} (F1's plateau over the judge's idea scores)`);
  return { ...refined, idea };
}
