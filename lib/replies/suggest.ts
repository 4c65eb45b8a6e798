import type { Category, Severity } from '../flags/categories';
import { JUDGEMENT_STRINGS } from '../i18n/judgement-strings';
import { translate } from '../i18n/translate';
import { intentCues } from './cues';
import { CATEGORY_INTENT, FLAG_CONFIDENCE, type IntentRanking, rankIntents } from './intent-rank';
import type { Intent } from './intents';
import { compilePhrase, hasPhrase, toWords } from './phrases';
import type { Reply } from './schema';
import type { UsageStats } from './usage';

/**
 * The shape of a flag hit as lib/flags reports it. Declared here structurally
 * so ranking does not depend on the matcher's module.
 */
export interface FlagHitLike {
  ruleId: string;
  category: Category;
  severity: Severity;
  matched: string;
  correctionReplyId?: string;
}

export interface Suggestion {
  replyId: string;
  intent: Intent;
  /** 0..1, comparable within one call. */
  score: number;
  /** Why this reply, in the moderator's words (Vietnamese). */
  why: string;
}

export interface SuggestOptions {
  usage?: UsageStats;
  /** The judgement's intent ranking (lib/judge); without it, cue words and flags rank intents. */
  intents?: IntentRanking;
  /** At most this many suggestions; 5 by default. */
  limit?: number;
  now?: number;
}

export { CATEGORY_INTENT };

/** A "why this reply" line in the UI language, from the string table (lib/i18n/judgement-strings.ts). */
type WhyKey = keyof typeof JUDGEMENT_STRINGS & `why_${string}`;
function why(key: WhyKey, ...substitutions: string[]): string {
  return translate(JUDGEMENT_STRINGS, key, substitutions);
}

/** How a flag's category reads in a reason ("Bình luận bị gắn cờ lừa đảo"). */
function categoryLabel(category: Category): string {
  return why(`why_category_${category}`);
}

/** How an intent reads in a reason ("Có dấu hỏi → câu hỏi"). */
const INTENT_LABEL = {
  thanks: 'why_intent_thanks',
  'idea-received': 'why_intent_idea_received',
  question: 'why_intent_question',
  'misinfo-correction': 'why_intent_misinfo_correction',
  'scam-warning': 'why_intent_scam_warning',
  'impersonation-warning': 'why_intent_impersonation_warning',
  'rules-reminder': 'why_intent_rules_reminder',
  complaint: 'why_intent_complaint',
} as const satisfies Record<Intent, WhyKey>;
function intentLabel(intent: Intent): string {
  return why(INTENT_LABEL[intent]);
}

const SEVERITY_BONUS: Record<Severity, number> = { low: 0, medium: 0.02, high: 0.04 };

/**
 * How well a reply fits within its intent, in bands: the flag rule's own
 * correction reply (above anything cues and triggers reach), then any reply
 * for the flag's category, then replies the comment's words ask for. Triggers
 * and tags pick the best reply inside a band; usage only breaks near-ties.
 */
const EXACT_CORRECTION = 1.5;
const CATEGORY_BASE = 0.7;
const CUE_BASE = 0.3;
const CUE_SPAN = 0.3;
const TRIGGER_EACH = 0.08;
const TRIGGER_MAX = 0.3;
const TRIGGER_ONLY_BASE = 0.25;
const TAG_BONUS = 0.04;
const USAGE_MAX = 0.02;

const triggerCache = new Map<string, ReturnType<typeof compilePhrase>>();
function compiledTrigger(phrase: string) {
  let compiled = triggerCache.get(phrase);
  if (!compiled) {
    compiled = compilePhrase(phrase);
    if (triggerCache.size > 5000) triggerCache.clear();
    triggerCache.set(phrase, compiled);
  }
  return compiled;
}

function usageBonus(usage: UsageStats | undefined, replyId: string, now: number): number {
  const use = usage?.[replyId];
  if (!use || use.count <= 0) return 0;
  const often = Math.min(1, Math.log1p(use.count) / Math.log1p(50));
  const days = Math.max(0, now - use.lastUsed) / 86_400_000;
  const recent = Math.exp(-days / 14);
  return (USAGE_MAX / 2) * (often + recent);
}

/**
 * Ranks the reply library for the comment being answered, best first, each
 * with a one-line reason. Pure: the caller passes the flags, the replies,
 * this moderator's usage and — when it has one — the judgement's intent
 * ranking (lib/judge). Without it, the cue words and the flags rank intents.
 *
 * The first three suggestions cover three different intents, so one click
 * reaches the likely alternatives — unless one intent is certain (a comment
 * a rule flagged), when its replies come first. Within an intent, the flag's
 * own correction reply, then trigger phrases and tags, then usage decide.
 */
export function suggest(
  comment: { text: string; author?: string },
  hits: readonly FlagHitLike[],
  replies: readonly Reply[],
  opts: SuggestOptions = {},
): Suggestion[] {
  const limit = opts.limit ?? 5;
  const now = opts.now ?? Date.now();
  const text = comment.text ?? '';
  const fits = replyFits(text, hits, replies);
  const ranking = opts.intents ?? intentsFromFlags(text, hits);
  const intentScore = new Map(ranking.intents.map((r) => [r.intent, r.score]));
  // A reply's trigger phrase is evidence for its intent too ("tiền ảo" → a scam warning).
  for (const f of fits) {
    if (f.triggered && (intentScore.get(f.reply.intent) ?? 0) < TRIGGER_ONLY_BASE) {
      intentScore.set(f.reply.intent, TRIGGER_ONLY_BASE);
    }
  }
  const intentOrder = [...intentScore.entries()]
    .sort((a, b) => b[1] - a[1] || rankOf(ranking, a[0]) - rankOf(ranking, b[0]))
    .map(([intent]) => intent);
  const top = Math.max(1e-9, intentScore.get(intentOrder[0]!) ?? 0);

  // Replies of each intent, best fit first (usage only breaks near-ties).
  const byIntent = new Map<Intent, Array<(typeof fits)[number] & { fit: number; count: number }>>();
  for (const f of fits) {
    const use = opts.usage?.[f.reply.id];
    const entry = { ...f, fit: f.score + usageBonus(opts.usage, f.reply.id, now), count: use?.count ?? 0 };
    const list = byIntent.get(f.reply.intent);
    if (list) list.push(entry);
    else byIntent.set(f.reply.intent, [entry]);
  }
  for (const list of byIntent.values()) {
    list.sort((a, b) => b.fit - a.fit || b.count - a.count || a.order - b.order);
  }

  // Rounds: the best reply of each intent in order, then the second best of each, …
  const order = intentOrder.filter((i) => byIntent.has(i));
  const picked: Array<{ entry: (typeof fits)[number] & { fit: number; count: number }; intent: Intent }> = [];
  const taken = new Map<Intent, number>();
  const take = (intent: Intent): boolean => {
    const list = byIntent.get(intent)!;
    const k = taken.get(intent) ?? 0;
    if (k >= list.length) return false;
    taken.set(intent, k + 1);
    picked.push({ entry: list[k]!, intent });
    return true;
  };
  if (ranking.certain && order.length > 0) {
    while (picked.length < 3 && take(order[0]!)) {}
  }
  for (let round = 0; picked.length < limit && round < replies.length; round++) {
    let any = false;
    for (const intent of order) {
      if (picked.length >= limit) break;
      if ((taken.get(intent) ?? 0) > round) continue;
      if (take(intent)) any = true;
    }
    if (!any) break;
  }

  let previous = 1;
  return picked.slice(0, Math.max(0, limit)).map(({ entry, intent }, rank) => {
    const reasons = [...entry.why];
    if (reasons.length === 0) reasons.push(why('why_maybe', intentLabel(intent)));
    if (entry.count > 0) reasons.push(why('why_used', String(entry.count)));
    // Scores follow the order shown: the intent's weight, a little less for each later place.
    const raw = Math.max(0, Math.min(1, ((intentScore.get(intent) ?? 0) / top) * (1 - 0.02 * rank)));
    const score = Math.min(previous, Math.round(raw * 1000) / 1000);
    previous = score;
    return { replyId: entry.reply.id, intent, score, why: reasons.join(' · ') };
  });
}

/** How well each reply fits the comment within its intent, with the reasons. */
function replyFits(text: string, hits: readonly FlagHitLike[], replies: readonly Reply[]) {
  const words = toWords(text);
  const hitWords = hits.map((hit) => toWords(hit.matched));
  const found = intentCues(text, words);
  return replies.map((reply, order) => {
    let score = 0;
    const reasons: string[] = [];
    const exact = hits.find((hit) => hit.correctionReplyId === reply.id);
    if (exact) {
      score = EXACT_CORRECTION + SEVERITY_BONUS[exact.severity];
      reasons.push(
        exact.ruleId.startsWith('model:')
          ? why('why_flaggedByModel', categoryLabel(exact.category))
          : why('why_flaggedByRule', categoryLabel(exact.category), exact.ruleId),
      );
    } else {
      const categoryHits = hits.filter((hit) => CATEGORY_INTENT[hit.category] === reply.intent);
      if (categoryHits.length > 0) {
        score = CATEGORY_BASE + Math.max(...categoryHits.map((hit) => SEVERITY_BONUS[hit.severity]));
        const tagged = categoryHits.find((hit) => reply.tags.includes(hit.category));
        if (tagged) score += TAG_BONUS;
        reasons.push(why('why_flagged', categoryLabel((tagged ?? categoryHits[0]!).category)));
      }
    }
    const cue = found.find((c) => c.intent === reply.intent);
    if (cue) {
      score = Math.max(score, CUE_BASE + CUE_SPAN * cue.strength);
      const shown = cue.found[0] === '?' ? why('why_questionMark') : `"${cue.found[0]}"`;
      reasons.push(why('why_cue', shown, intentLabel(reply.intent)));
    }
    const matchedTriggers = reply.triggers.filter((trigger) => {
      const phrase = compiledTrigger(trigger);
      return hasPhrase(words, phrase) || hitWords.some((w) => hasPhrase(w, phrase));
    });
    // The rule already chose the exact reply; triggers only rank the others.
    if (matchedTriggers.length > 0 && !exact) {
      if (score === 0) score = TRIGGER_ONLY_BASE;
      // Longer trigger phrases are more specific ("sáng chế" over "đăng ký"): a hair more, for ties.
      const specificity = matchedTriggers.reduce((n, t) => n + t.length, 0) / 10_000;
      score += Math.min(TRIGGER_MAX, TRIGGER_EACH * matchedTriggers.length) + specificity;
      reasons.push(why('why_trigger', matchedTriggers[0]!));
    }
    return { reply, order, score, why: reasons, triggered: matchedTriggers.length > 0 };
  });
}

function rankOf(ranking: IntentRanking, intent: Intent): number {
  return ranking.intents.findIndex((r) => r.intent === intent);
}

/** Without a judgement: the cue words rank intents, flags lead (as lib/judge does without its model). */
function intentsFromFlags(text: string, hits: readonly FlagHitLike[]): IntentRanking {
  const confidence = new Map<Category, number>();
  for (const hit of hits) {
    confidence.set(hit.category, Math.max(confidence.get(hit.category) ?? 0, FLAG_CONFIDENCE[hit.severity]));
  }
  const categories = [...confidence.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  return rankIntents(text, null, categories, confidence);
}
