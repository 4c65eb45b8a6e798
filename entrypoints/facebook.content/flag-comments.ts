import { flagSummaries } from '../../lib/flags/hit';
import { compileRules, type Matcher } from '../../lib/flags/matcher';
import type { Rule } from '../../lib/flags/schema';
import type { FlagSummary } from '../../lib/messages';
import { bundledRulePack } from '../../lib/packs/defaults';

let matcher: Matcher | null = null;
/** The rule list `matcher` was compiled from: a new session with the same list reuses it. */
let compiledFrom: readonly Rule[] | null = null;

/**
 * Uses the moderator's rules (options page) or the default pack. Compiled
 * once per rule list, not per comment nor per session: a session restarts
 * on every settings change, and the default list is one bundled object.
 */
export function setFlagRules(rules: readonly Rule[]): Matcher {
  if (!matcher || compiledFrom !== rules) {
    matcher = compileRules(rules);
    compiledFrom = rules;
  }
  return matcher;
}

/**
 * Flags for one comment's text, with their explanations. One flag per rule:
 * the best match of each rule explains it.
 */
export function flagsFor(text: string): FlagSummary[] {
  return flagSummaries(matcher ?? setFlagRules(bundledRulePack().rules), text);
}
