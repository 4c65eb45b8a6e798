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

/**
 * What a warning adds to "thanks" when nothing is flagged. Training-split CV
 * (3,034 lines): intent top-1 0.68 → 0.69 with 0.2 or 0.4; 0.2, the smaller.
 * (Scaling the flag intents down for an unflagged comment was tried: no gain.)
 */
const WARNING_THANKS = 0.2;
/**
 * …and what it leaves of the flag replies' cue words ("lừa đảo" in "mấy trang
 * đó đều là lừa đảo" is the citizen's word, not the scammer's). Neutral on the
 * same CV (0.2–1: top-1 0.69, top-3 0.89); 0.5 so the label guide's rule holds
 * without the model too.
 */
const WARNING_DAMPS = 0.5;
const FLAG_INTENTS: readonly Intent[] = ['misinfo-correction', 'scam-warning', 'impersonation-warning'];

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
 * What an unflagged comment is doing, as the judgement read it: warning or
 * refuting (`true` or 'warns'), telling the harm it suffered ('victim'), or
 * advertising something ordinary ('ad').
 */
export type Telling = boolean | 'warns' | 'victim' | 'ad';
/**
 * What a victim's story adds to "complaint" and a plain ad to "rules-reminder"
 * when nothing is flagged (the label guide: a victim telling their loss →
 * complaint; off-topic selling → rules reminder). Training-split CV: 520 →
 * 514 intent misses with 0.2 (0.4: 520, 0.8: 576).
 */
const VICTIM_COMPLAINT = 0.2;
const AD_REMINDER = 0.2;

/**
 * `intentProbabilities`: the model's softmax over INTENTS, or null. Flags score
 * 1 + confidence, above anything words alone can reach.
 */
export function rankIntents(
  text: string,
  intentProbabilities: ArrayLike<number> | null,
  categories: readonly Category[],
  confidence: ReadonlyMap<Category, number>,
  reports: Telling = false,
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
  // A citizen's warning or refutation (nothing flagged): thank them (the label guide's rule).
  if (categories.length === 0 && reports) {
    for (const intent of FLAG_INTENTS) scores.set(intent, scores.get(intent)! * WARNING_DAMPS);
    if (reports === 'victim') scores.set('complaint', scores.get('complaint')! + VICTIM_COMPLAINT);
    else if (reports === 'ad') scores.set('rules-reminder', scores.get('rules-reminder')! + AD_REMINDER);
    else scores.set('thanks', scores.get('thanks')! + WARNING_THANKS);
  }
  // The primary category's reply first: a later category's intent stays below it.
  let ceiling = Number.POSITIVE_INFINITY;
  for (const category of categories) {
    const intent = CATEGORY_INTENT[category];
    const flagScore = Math.min(1 + (confidence.get(category) ?? 0), ceiling);
    scores.set(intent, Math.max(scores.get(intent)!, flagScore));
    ceiling = Math.min(ceiling, scores.get(intent)! - 0.001);
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
