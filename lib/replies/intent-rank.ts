import type { Category, Severity } from '../flags/categories';
import { intentCues } from './cues';
import { INTENTS, type Intent } from './intents';
import { toWords } from './phrases';

/**
 * Which reply intents fit a comment, best first: the judgement's model (when
 * there is one), the cue words, and the flags — a flagged comment's
 * correction or warning leads. Shared by lib/judge (with its model) and
 * `suggest` (without one), so both order intents the same way.
 */

export interface RankedIntent {
  intent: Intent;
  score: number;
}

export interface IntentRanking {
  /** All eight intents, best first. */
  intents: RankedIntent[];
  /** One intent so clearly right that the others would be noise (a comment a rule flagged). */
  certain: boolean;
}

/** Which intent answers a flag of each category. */
export const CATEGORY_INTENT: Record<Category, Intent> = {
  health: 'misinfo-correction',
  pseudoscience: 'misinfo-correction',
  scam: 'scam-warning',
  phishing: 'scam-warning',
  impersonation: 'impersonation-warning',
};

/** How sure a rule hit is, by severity. */
export const FLAG_CONFIDENCE: Record<Severity, number> = { high: 0.97, medium: 0.9, low: 0.75 };

/** How much each intent's cue words count beside the model's probability. */
const CUE_WEIGHT = 0.3;
/**
 * "Cảm ơn ad, cho em hỏi…": thanks that open a question or a proposal are
 * courtesy, so they weigh less when another intent is clearly cued.
 */
const COURTESY_FACTOR = 0.5;
/**
 * Equal evidence: the more pressing intent goes first (a complaint that also
 * thanks is a complaint; "hồ sơ đề xuất" in a complaint names a form).
 */
const PRIORITY: readonly Intent[] = [
  'complaint',
  'question',
  'idea-received',
  'rules-reminder',
  'thanks',
  'misinfo-correction',
  'scam-warning',
  'impersonation-warning',
];
/** A comment nothing recognises gets this order: a neutral set, never "thanks" first by default. */
const NEUTRAL_ORDER: readonly Intent[] = [
  'question',
  'idea-received',
  'complaint',
  'thanks',
  'rules-reminder',
  'misinfo-correction',
  'scam-warning',
  'impersonation-warning',
];
/** A flag at this confidence or more, far above the next intent, makes its intent certain. */
const CERTAIN = 1.85;
const CERTAIN_GAP = 0.5;

/**
 * `intentProbabilities`: the model's softmax over INTENTS, or null. Flags score
 * 1 + confidence, above anything words alone can reach.
 */
export function rankIntents(
  text: string,
  intentProbabilities: ArrayLike<number> | null,
  categories: readonly Category[],
  confidence: ReadonlyMap<Category, number>,
): IntentRanking {
  const scores = new Map<Intent, number>();
  INTENTS.forEach((intent, j) => {
    scores.set(intent, intentProbabilities ? intentProbabilities[j]! : 0);
  });
  const cues = intentCues(text, toWords(text));
  const courtesy = cues.some((cue) => cue.intent !== 'thanks' && cue.strength >= 0.5);
  for (const cue of cues) {
    const strength = cue.intent === 'thanks' && courtesy ? cue.strength * COURTESY_FACTOR : cue.strength;
    scores.set(cue.intent, scores.get(cue.intent)! + CUE_WEIGHT * strength);
  }
  for (const category of categories) {
    const intent = CATEGORY_INTENT[category];
    scores.set(intent, Math.max(scores.get(intent)!, 1 + (confidence.get(category) ?? 0)));
  }
  const intents = INTENTS.map((intent) => ({ intent, score: scores.get(intent)! })).sort(
    (a, b) =>
      b.score - a.score ||
      (a.score > 0
        ? PRIORITY.indexOf(a.intent) - PRIORITY.indexOf(b.intent)
        : NEUTRAL_ORDER.indexOf(a.intent) - NEUTRAL_ORDER.indexOf(b.intent)),
  );
  const certain = intents[0]!.score >= CERTAIN && intents[0]!.score - intents[1]!.score >= CERTAIN_GAP;
  return { intents: intents.map((i) => ({ ...i, score: Math.round(i.score * 1000) / 1000 })), certain };
}
