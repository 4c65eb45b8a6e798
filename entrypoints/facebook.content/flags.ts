import { defaultMatcher } from '../../lib/flags';
import { explain } from '../../lib/flags/hit';
import type { FlagSummary } from '../../lib/messages';

/**
 * Flags for one comment's text, with their explanations, from the default
 * rule pack (compiled once per page load). One flag per rule: the best match
 * of each rule explains it.
 */
export function scanComment(text: string): FlagSummary[] {
  const seen = new Set<string>();
  const flags: FlagSummary[] = [];
  for (const hit of defaultMatcher().scan(text)) {
    if (seen.has(hit.ruleId)) continue;
    seen.add(hit.ruleId);
    flags.push({
      ruleId: hit.ruleId,
      category: hit.category,
      severity: hit.severity,
      matched: hit.matched,
      explanation: explain(hit),
      correctionReplyId: hit.correctionReplyId,
    });
  }
  return flags;
}
