/**
 * npm run eval -- --cv: the development loop. Family-wise 4-fold
 * cross-validation over the TRAINING split only: each fold's model is trained
 * on the other folds, and the whole judgement (rules, concepts, detectors,
 * model) is scored on the fold. This is what rules and settings are tuned
 * against; the held-out split and the blind set are only reported.
 * `--errors` lists the misjudged training lines.
 */
import { join } from 'node:path';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from '../../lib/model/train';
import { defaultReplyPack } from '../../lib/replies/default-pack';
import { suggest } from '../../lib/replies/suggest';
import { type Prediction, score, table } from '../eval';
import { examplesOf } from '../train';
import { CORPUS_DIR, type CorpusLine, loadDir, splitCorpus } from './corpus';
import { foldJudges, refineWithJudge } from './refine';
import { chooseThresholds, FOLDS, outOfFold } from './thresholds';

/**
 * Each fold's model judges its fold, with the thresholds `npm run train` would
 * choose from these same out-of-fold scores: a change of features or settings
 * is measured as it would ship.
 */
export function crossValidate(
  train: readonly CorpusLine[],
  opts: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): Map<string, Prediction> {
  const library = defaultReplyPack().replies;
  const examples = examplesOf(train);
  const oof = outOfFold(train, examples, opts);
  const chosen = chooseThresholds(
    train,
    oof.scores,
    examples.map((e) => e.ruleFlagged),
  );
  // --no-refine: the scores' thresholds alone, as before the eighth round (for comparison).
  const thresholds = process.argv.includes('--no-refine')
    ? chosen
    : refineWithJudge(train, oof.models, oof.foldOf, chosen, (m) => process.stderr.write(`refine: ${m}\n`));
  process.stderr.write(`thresholds: ${JSON.stringify(thresholds)}\n`);
  const out = new Map<string, Prediction>();
  const judges = foldJudges(oof.models)(thresholds);
  for (let k = 0; k < FOLDS; k++) {
    const judge = judges[k]!;
    for (const line of train) {
      if (oof.foldOf.get(line.family) !== k) continue;
      const j = judge.judge(line.text);
      const ranked = suggest({ text: line.text }, j.hits, library, {
        limit: 5,
        intents: { intents: j.intents, certain: j.intentCertain },
      });
      out.set(line.id, {
        categories: j.categories,
        intents: ranked.map((s) => s.intent),
        idea: j.idea.isIdea,
        why: j.hits.map((h) => `${h.ruleId}«${h.matched}»`).join(' '),
      } as Prediction & { why: string });
    }
  }
  return out;
}

function main(): void {
  const train = splitCorpus(loadDir(join(CORPUS_DIR, 'families'))).train;
  // --set key=value (e.g. --set l2=3e-4): try a training setting without editing the defaults.
  const opts = { ...DEFAULT_TRAIN_OPTIONS };
  process.argv.forEach((a, i) => {
    if (a !== '--set') return;
    const [key, value] = process.argv[i + 1]!.split('=');
    (opts as unknown as Record<string, number>)[key!] = Number(value);
  });
  const predictions = crossValidate(train, opts);
  console.log(
    table('TRAINING SPLIT, 4-fold cross-validation by family', [
      ['judgement', score(train, (_text, line) => predictions.get(line.id)!)],
    ]),
  );
  if (process.argv.includes('--errors')) {
    for (const line of train) {
      const p = predictions.get(line.id)! as Prediction & { why: string };
      const flagWrong = (p.categories[0] ?? '') !== (line.categories[0] ?? '');
      if (flagWrong)
        console.log(
          `FLAG ${line.id} gold=[${line.categories}] got=[${p.categories}] ${p.why} :: ${line.text.slice(0, 160)}`,
        );
      else if (p.intents[0] !== line.intent)
        console.log(
          `INTENT ${line.id} gold=${line.intent} got=${p.intents.slice(0, 3)} :: ${line.text.slice(0, 120)}`,
        );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
