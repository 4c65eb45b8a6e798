import type { Category, Severity } from '../flags/categories';
import { INTENT_LABEL, intentCues } from './cues';
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
  /** At most this many suggestions; 5 by default. */
  limit?: number;
  now?: number;
}

/** Which kind of reply answers each flag category. */
export const CATEGORY_INTENT: Record<Category, Intent> = {
  health: 'misinfo-correction',
  pseudoscience: 'misinfo-correction',
  scam: 'scam-warning',
  phishing: 'scam-warning',
  impersonation: 'impersonation-warning',
};

const CATEGORY_LABEL: Record<Category, string> = {
  health: 'thông tin sức khỏe sai lệch',
  pseudoscience: 'giả khoa học',
  scam: 'lừa đảo',
  phishing: 'lừa đảo qua liên kết, mã OTP',
  impersonation: 'mạo danh',
};

const SEVERITY_BONUS: Record<Severity, number> = { low: 0, medium: 0.02, high: 0.04 };

/**
 * Score bands keep the order the moderator expects: the flag rule's own
 * correction reply, then any reply for the flag's category, then replies the
 * comment's words ask for. Triggers and tags pick the best reply inside a band;
 * usage only breaks near-ties (at most USAGE_MAX).
 */
const EXACT_CORRECTION = 0.93;
const CATEGORY_BASE = 0.7;
const CUE_BASE = 0.3;
const CUE_SPAN = 0.3;
const TRIGGER_EACH = 0.08;
const TRIGGER_MAX = 0.15;
const TRIGGER_ONLY_BASE = 0.25;
const TAG_BONUS = 0.04;
const UNFLAGGED_ON_FLAGGED = 0.6;
const FALLBACK = 0.05;
const USAGE_MAX = 0.02;

/** When cues tie, the more pressing intent goes first (a complaint with thanks is a complaint). */
/**
 * "Cảm ơn ad, cho em hỏi…": thanks that open a question or a proposal are
 * courtesy, so they weigh less when another intent is clearly cued.
 */
const COURTESY_FACTOR = 0.5;

const INTENT_PRIORITY: Partial<Record<Intent, number>> = {
  complaint: 0.012,
  question: 0.008,
  'idea-received': 0.004,
};

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
 * with a one-line reason. Pure: the caller passes the flags, the replies and
 * this moderator's usage.
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
  const words = toWords(text);
  const found = intentCues(text, words);
  const courtesy = found.some((cue) => cue.intent !== 'thanks' && cue.strength >= 0.5);
  const cues = found.map((cue) =>
    cue.intent === 'thanks' && courtesy ? { ...cue, strength: cue.strength * COURTESY_FACTOR } : cue,
  );
  const hitIntents = new Set(hits.map((hit) => CATEGORY_INTENT[hit.category]));
  const hitWords = hits.map((hit) => toWords(hit.matched));

  const scored = replies.map((reply, order) => {
    let base = 0;
    const why: string[] = [];

    const exact = hits.find((hit) => hit.correctionReplyId === reply.id);
    if (exact) {
      base = EXACT_CORRECTION + SEVERITY_BONUS[exact.severity];
      why.push(`Bình luận bị gắn cờ ${CATEGORY_LABEL[exact.category]} (quy tắc "${exact.ruleId}")`);
    } else {
      const categoryHits = hits.filter((hit) => CATEGORY_INTENT[hit.category] === reply.intent);
      if (categoryHits.length > 0) {
        const top = Math.max(...categoryHits.map((hit) => SEVERITY_BONUS[hit.severity]));
        base = CATEGORY_BASE + top;
        const tagged = categoryHits.find((hit) => reply.tags.includes(hit.category));
        if (tagged) base += TAG_BONUS;
        why.push(`Bình luận bị gắn cờ ${CATEGORY_LABEL[(tagged ?? categoryHits[0]!).category]}`);
      }
    }

    const cue = cues.find((c) => c.intent === reply.intent);
    if (cue) {
      const cueScore = CUE_BASE + CUE_SPAN * cue.strength + (INTENT_PRIORITY[reply.intent] ?? 0);
      if (cueScore > base) base = cueScore;
      const shown = cue.found[0] === '?' ? 'dấu hỏi' : `"${cue.found[0]}"`;
      why.push(`Có ${shown} → ${INTENT_LABEL[reply.intent]}`);
    }

    const matchedTriggers = reply.triggers.filter((trigger) => {
      const phrase = compiledTrigger(trigger);
      return hasPhrase(words, phrase) || hitWords.some((w) => hasPhrase(w, phrase));
    });
    let bonus = 0;
    // The rule already chose the exact reply; triggers only rank the others.
    if (matchedTriggers.length > 0 && !exact) {
      if (base === 0) base = TRIGGER_ONLY_BASE;
      bonus = Math.min(TRIGGER_MAX, TRIGGER_EACH * matchedTriggers.length);
      why.push(`Khớp cụm từ "${matchedTriggers[0]}"`);
    }

    let score = base + bonus;
    // On a flagged comment a cheerful "thank you" must not outrank the warning.
    if (hits.length > 0 && !hitIntents.has(reply.intent)) score *= UNFLAGGED_ON_FLAGGED;
    return { reply, order, score, why };
  });

  let ranked = scored.filter((s) => s.score > 0);
  if (ranked.length === 0) {
    ranked = scored
      .filter((s) => s.reply.intent === 'thanks')
      .map((s) => ({ ...s, score: FALLBACK, why: ['Không có dấu hiệu rõ ràng → lời cảm ơn chung'] }));
  }

  return ranked
    .map((s) => {
      const use = opts.usage?.[s.reply.id];
      const why = [...s.why];
      if (use && use.count > 0) why.push(`đã dùng ${use.count} lần`);
      const score = Math.min(1, s.score + usageBonus(opts.usage, s.reply.id, now));
      return { ...s, score, why, count: use?.count ?? 0 };
    })
    .sort((a, b) => b.score - a.score || b.count - a.count || a.order - b.order)
    .slice(0, Math.max(0, limit))
    .map((s) => ({
      replyId: s.reply.id,
      intent: s.reply.intent,
      score: Math.round(s.score * 1000) / 1000,
      why: s.why.join(' · '),
    }));
}
