import { defaultMatcher } from '../../lib/flags';
import { bestHitPerRule, explain } from '../../lib/flags/hit';
import { compileRules, type Matcher } from '../../lib/flags/matcher';
import type { Rule } from '../../lib/flags/schema';
import type { FlagSummary } from '../../lib/messages';

let matcher: Matcher | null = null;

/**
 * Uses the moderator's rules (options page) or, for the default pack, the
 * shared compiled default. Compiled once per session, not per comment.
 */
export function useRules(rules: readonly Rule[], isDefault: boolean): void {
  matcher = isDefault ? defaultMatcher() : compileRules(rules);
}

/**
 * Flags for one comment's text, with their explanations. One flag per rule:
 * the best match of each rule explains it.
 */
export function scanComment(text: string): FlagSummary[] {
  matcher ??= defaultMatcher();
  return bestHitPerRule(matcher.scan(text)).map((hit) => ({
    ruleId: hit.ruleId,
    category: hit.category,
    severity: hit.severity,
    matched: hit.matched,
    explanation: explain(hit),
    correctionReplyId: hit.correctionReplyId,
  }));
}
