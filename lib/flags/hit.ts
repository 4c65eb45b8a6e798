import { z } from 'zod';
import type { FlagSummary } from '../messages';
import { CATEGORIES, Category, Severity } from './categories';
import type { Matcher } from './matcher';

/** Why a rule matched, best first: the spelling in the rule, then disguised spellings. */
export const MATCH_KINDS = ['exact', 'folded', 'teencode', 'despaced'] as const;
export const MatchKind = z.enum(MATCH_KINDS);
export type MatchKind = z.infer<typeof MatchKind>;

/** One rule firing on one span of a comment. Offsets index the ORIGINAL comment text. */
export const FlagHit = z.object({
  ruleId: z.string(),
  category: Category,
  severity: Severity,
  /** Exactly `text.slice(start, end)` of the scanned text. */
  matched: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  how: MatchKind,
  note: z.string(),
  correctionReplyId: z.string().optional(),
});
export type FlagHit = z.infer<typeof FlagHit>;

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const KIND_RANK: Record<MatchKind, number> = { exact: 0, folded: 1, teencode: 2, despaced: 3 };

/** Order for moderators: most severe first, then the most certain spelling, then reading order. */
export function compareHits(a: FlagHit, b: FlagHit): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    KIND_RANK[a.how] - KIND_RANK[b.how] ||
    a.start - b.start ||
    b.end - b.start - (a.end - a.start)
  );
}

export function kindRank(how: MatchKind): number {
  return KIND_RANK[how];
}

/** One hit per rule — its first, which is its best since `scan` sorts best first. */
export function bestHitPerRule<H extends Pick<FlagHit, 'ruleId'>>(hits: readonly H[]): H[] {
  const seen = new Set<string>();
  return hits.filter((hit) => {
    if (seen.has(hit.ruleId)) return false;
    seen.add(hit.ruleId);
    return true;
  });
}

/** Distinct categories that fired, in the fixed contract order (for `data-khcn-flags`). */
export function categoriesOf(hits: readonly Pick<FlagHit, 'category'>[]): Category[] {
  const fired = new Set(hits.map((h) => h.category));
  return CATEGORIES.filter((c) => fired.has(c));
}

const HOW_LABEL: Record<MatchKind, string> = {
  exact: 'đúng chính tả, có dấu', // exact spelling
  folded: 'không dấu', // without diacritics
  teencode: 'viết tắt / teencode', // teencode
  despaced: 'chữ bị tách rời', // letters spaced out
};

/** Vietnamese explanation for the badge and the sidebar: which rule, how it matched, why it matters. */
export function explain(hit: FlagHit): string {
  return `Khớp quy tắc "${hit.ruleId}" (${HOW_LABEL[hit.how]}): «${hit.matched}» — ${hit.note}`;
}

/**
 * Flags for one comment's text, with their explanations: one flag per rule,
 * explained by its best match. What the page shows and the sidebar lists.
 */
export function flagSummaries(matcher: Matcher, text: string): FlagSummary[] {
  const hits = matcher.scan(text);
  // Most comments: no hit, nothing to build.
  if (hits.length === 0) return [];
  return bestHitPerRule(hits).map((hit) => ({
    ruleId: hit.ruleId,
    category: hit.category,
    severity: hit.severity,
    matched: hit.matched,
    explanation: explain(hit),
    correctionReplyId: hit.correctionReplyId,
  }));
}
