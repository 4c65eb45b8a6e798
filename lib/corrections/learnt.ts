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
  if (corrections.length === 0 || !base) return compileJudge({ ...pack, model: base });
  // Signals (concepts, detectors) come from the rules alone, as in training.
  const rulesOnly = compileJudge({ ...pack, model: null });
  const delta = learnDelta(base, corrections, (text) => rulesOnly.judge(text).signals);
  return compileJudge({ ...pack, model: defaultModel(delta), moderator: verdicts(corrections) });
}
