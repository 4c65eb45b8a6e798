import rulesJson from '../../public/packs/rules.vi.json';
import { compileRules, type Matcher } from './matcher';
import { parseRulePack, type RulePack } from './schema';

export type { Category, Severity } from './categories';
export { CATEGORIES, SEVERITIES } from './categories';
export type { FlagHit, MatchKind } from './hit';
export { bestHitPerRule, categoriesOf, compareHits, explain, MATCH_KINDS } from './hit';
export type { Matcher } from './matcher';
export { compileRules } from './matcher';
export type { ParsedRulePack } from './schema';
export { parseRulePack, Rule, RulePack } from './schema';

let pack: RulePack | undefined;
let matcher: Matcher | undefined;

/**
 * The default pack shipped in public/packs/rules.vi.json, validated. It is
 * bundled (Vite and tsx both import JSON), so the content script needs no fetch.
 * An invalid default pack is a build bug: fail loudly, naming the problem.
 */
export function defaultRulePack(): RulePack {
  if (!pack) {
    const parsed = parseRulePack(rulesJson);
    if (!parsed.ok) throw new Error(`public/packs/rules.vi.json: ${parsed.error}`);
    pack = parsed.pack;
  }
  return pack;
}

/** The compiled default matcher, built on first use and shared afterwards. */
export function defaultMatcher(): Matcher {
  matcher ??= compileRules(defaultRulePack().rules);
  return matcher;
}
