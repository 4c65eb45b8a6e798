/**
 * The judgement bench's measure, shared by Node (`judgement.ts`) and the copy
 * bundled into Chromium (`judgement-in-chromium.ts`), so both engines time the
 * same loop: the median over rounds of the mean µs per comment, warm.
 * No Node modules here: it runs in a page.
 */
import { defaultRulePack } from '../../lib/flags';
import { compileRules } from '../../lib/flags/matcher';
import { compileJudge } from '../../lib/judge';
import { loadModel } from '../../lib/model/predict';
import { parseModel } from '../../lib/model/schema';

export interface Timing {
  /** Median over rounds of the mean µs per comment. */
  us: number;
  lo: number;
  hi: number;
}

export interface JudgeTimings {
  /** Benign lines → flags: the page's per-comment judgement. */
  typical: Timing;
  /** The frozen reference set's benign lines → flags, when given. */
  reference: Timing | null;
  /** Every line → flags (flagged lines build explanations). */
  all: Timing;
  /** Every line → flags, intents and idea. */
  full: Timing;
  /** The compiled phrase rules alone. */
  phrases: Timing;
  loadMs: number;
  compileMs: number;
  featureCount: number;
}

export interface JudgeLines {
  typical: readonly string[];
  reference: readonly string[] | null;
  all: readonly string[];
}

/** Median over `rounds` of the mean µs per text of `f`. */
export function timeRounds(texts: readonly string[], f: (text: string) => unknown, rounds: number): Timing {
  const means: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const t of texts) f(t);
    means.push(((performance.now() - start) * 1000) / texts.length);
  }
  const sorted = [...means].sort((a, b) => a - b);
  return { us: sorted[sorted.length >> 1]!, lo: sorted[0]!, hi: sorted[sorted.length - 1]! };
}

/**
 * Loads the model from its file's JSON, compiles the default judge, warms it
 * on every line three times, then times each set. Throws on a model the schema
 * refuses: a bench on a broken model would time the rules alone.
 */
export function timeJudge(modelJson: unknown, lines: JudgeLines, rounds: number): JudgeTimings {
  const t0 = performance.now();
  const parsed = parseModel(modelJson);
  if (!parsed.ok) throw new Error(parsed.error);
  const model = loadModel(parsed.model);
  const loadMs = performance.now() - t0;
  const pack = defaultRulePack();
  const t1 = performance.now();
  const judge = compileJudge({ ...pack, model });
  const compileMs = performance.now() - t1;
  const phrases = compileRules(pack.rules);
  for (let i = 0; i < 3; i++) for (const t of lines.all) judge.judge(t);
  const flags = (t: string) => judge.judge(t).hits;
  return {
    typical: timeRounds(lines.typical, flags, rounds),
    reference: lines.reference ? timeRounds(lines.reference, flags, rounds) : null,
    all: timeRounds(lines.all, flags, rounds),
    full: timeRounds(
      lines.all,
      (t) => {
        const j = judge.judge(t);
        return [j.hits, j.intents, j.idea];
      },
      rounds,
    ),
    phrases: timeRounds(lines.all, (t) => phrases.scan(t), rounds),
    loadMs,
    compileMs,
    featureCount: model.featureCount,
  };
}
