import type { RulePack } from '../flags/schema';
import { compileJudge, type Judge } from '../judge';
import { defaultModel } from '../judge/default';
import { learnDelta, verdicts } from '../model/learn';
import type { Correction } from './schema';

/**
 * The judgement with this moderator's corrections applied: the shipped model
 * plus the weights learnt from them, and the moderator's own verdicts on the
 * corrected comments. Without corrections, the plain judgement.
 */
export function judgeWithCorrections(
  pack: RulePack,
  corrections: readonly Correction[],
  /** The pack compiled without a model, when the caller keeps one (the page does, across corrections). */
  rulesOnly: Judge = compileJudge({ ...pack, model: null }),
): Judge {
  const base = defaultModel();
  // Signals (concepts, detectors) come from the rules alone, as in training; the
  // judge with the learnt model shares the compiled pack.
  if (corrections.length === 0 || !base) return rulesOnly.withModel(base);
  const delta = learnDelta(base, corrections, (text) => rulesOnly.judge(text).signals);
  return rulesOnly.withModel(defaultModel(delta), verdicts(corrections));
}
