import { z } from 'zod';
import { JUDGEMENT_STRINGS } from '../i18n/judgement-strings';
import { translate } from '../i18n/translate';
import { CATEGORIES, Category, Severity } from './categories';

/**
 * Why a flag fired, best first: the spelling in the rule, then disguised
 * spellings; a combination of concepts and detectors; the trained model; a
 * weak match (diacritics typed differently from the phrase) the model confirmed.
 */
export const MATCH_KINDS = [
  'exact',
  'folded',
  'teencode',
  'despaced',
  'combined',
  'model',
  'weak',
  'moderator',
] as const;
export const MatchKind = z.enum(MATCH_KINDS);
export type MatchKind = z.infer<typeof MatchKind>;

/** One rule firing on one span of a comment. Offsets index the ORIGINAL comment text. */
export const FlagHit = z.object({
  ruleId: z.string(),
  category: Category,
  severity: Severity,
  /**
   * Exactly `text.slice(start, end)` of the scanned text; for a model flag, the
   * words that weighed most, joined by ", " (start–end then span them).
   */
  matched: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  how: MatchKind,
  note: z.string(),
  correctionReplyId: z.string().optional(),
  /** A combination's parts as found in the text ("lấy lại tiền", "ib"). */
  parts: z.array(z.string()).optional(),
});
export type FlagHit = z.infer<typeof FlagHit>;

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const KIND_RANK: Record<MatchKind, number> = {
  exact: 0,
  folded: 1,
  teencode: 2,
  despaced: 3,
  combined: 4,
  model: 5,
  weak: 6,
  moderator: 7,
};

/** Order for moderators: most severe first, then the most certain spelling, then reading order. */
export function compareHits(a: FlagHit, b: FlagHit): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    KIND_RANK[a.how] - KIND_RANK[b.how] ||
    a.start - b.start ||
    b.end - b.start - (a.end - a.start)
  );
}

/**
 * `hits.sort(compareHits)`, in place, with the same order: a stable insertion sort
 * for the few hits a comment has (3.2 on a benign one in the judge's matcher:
 * its concepts' words), where V8's sort set up its work area and called the
 * comparator through the builtin — 1 % of a typical comment's judgement
 * (issue 13, twelfth round). Both sorts are stable over the same comparator, so
 * the order is the same; long lists go to `Array.prototype.sort`.
 */
export function sortHits<H extends FlagHit>(hits: H[]): H[] {
  const n = hits.length;
  if (n > 16) return hits.sort(compareHits);
  for (let i = 1; i < n; i++) {
    const h = hits[i]!;
    let j = i - 1;
    // Strictly greater moves right: equal hits keep their order (stable).
    while (j >= 0 && compareHits(hits[j]!, h) > 0) {
      hits[j + 1] = hits[j]!;
      j--;
    }
    hits[j + 1] = h;
  }
  return hits;
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

/** How each kind of match reads in an explanation: its key in the string table. */
const HOW_LABEL = {
  exact: 'flagHow_exact',
  folded: 'flagHow_folded',
  teencode: 'flagHow_teencode',
  despaced: 'flagHow_despaced',
  combined: 'flagHow_combined',
  model: 'flagHow_model',
  weak: 'flagHow_weak',
  moderator: 'flagHow_moderator',
} as const satisfies Record<MatchKind, keyof typeof JUDGEMENT_STRINGS>;

/**
 * The explanation for the badge, the sidebar and Options, in the UI language:
 * which rule, how it matched, why it matters (the rule's note, in the pack's words).
 */
export function explain(hit: FlagHit): string {
  // The model's note already names its probability and the words that weighed most.
  if (hit.how === 'model') return translate(JUDGEMENT_STRINGS, 'flagExplain_model', [hit.note]);
  if (hit.how === 'moderator') return hit.note;
  const found = hit.parts ? hit.parts.map((p) => `«${p}»`).join(' + ') : `«${hit.matched}»`;
  const how = translate(JUDGEMENT_STRINGS, HOW_LABEL[hit.how], []);
  return translate(JUDGEMENT_STRINGS, 'flagExplain_rule', [hit.ruleId, how, found, hit.note]);
}

/** A flag as the page, the sidebar and the messages between them carry it: explained in the UI language. */
export const FlagSummary = z.object({
  ruleId: z.string(),
  category: Category,
  severity: Severity,
  matched: z.string(),
  explanation: z.string(),
  correctionReplyId: z.string().optional(),
});
export type FlagSummary = z.infer<typeof FlagSummary>;

/**
 * Flags for one comment, with their explanations: one flag per rule,
 * explained by its best match (`hits` as a scan or a judgement sorts them).
 * What the page shows and the sidebar lists.
 */
export function flagSummaries(hits: readonly FlagHit[]): FlagSummary[] {
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
