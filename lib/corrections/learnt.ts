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
export function judgeWithCorrections(pack: RulePack, corrections: readonly Correction[]): Judge {
  const base = defaultModel();
  // Signals (concepts, detectors) come from the rules alone, as in training; the
  // pack is compiled once and the judge with the learnt model shares it.
  const rulesOnly = compileJudge({ ...pack, model: null });
  if (corrections.length === 0 || !base) return rulesOnly.withModel(base);
  const delta = learnDelta(base, corrections, (text) => rulesOnly.judge(text).signals);
  return rulesOnly.withModel(defaultModel(delta), verdicts(corrections));
}
