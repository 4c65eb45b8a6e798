import { judgeWithCorrections } from '../../lib/corrections/learnt';
import type { Correction } from '../../lib/corrections/schema';
import { flagSummaries } from '../../lib/flags/hit';
import type { RulePack } from '../../lib/flags/schema';
import { compileJudge, type Judge, type Judgement } from '../../lib/judge';
import { shippedModel } from '../../lib/judge/default';
import type { FlagSummary } from '../../lib/messages';
import { bundledRulePack } from '../../lib/packs/defaults';

let judge: Judge | null = null;
/** The pack compiled without a model: kept across corrections, which change only the model. */
let compiledPack: { pack: RulePack; rulesOnly: Judge } | null = null;
/** The pack and corrections `judge` was compiled from: a new session with the same ones reuses it. */
let compiledFrom: { pack: RulePack; corrections: readonly Correction[] } | null = null;

/**
 * Uses the moderator's rule pack (options page) or the default one, with the
 * shipped model and what this moderator's corrections taught it. Compiled
 * once per pack, not per comment nor per session: a session restarts on every
 * settings change, and the default pack is one bundled object.
 */
export function setFlagRules(
  pack: RulePack,
  corrections: readonly Correction[] = compiledFrom?.corrections ?? [],
): Judge {
  if (!judge || compiledFrom?.pack !== pack || compiledFrom.corrections !== corrections) {
    const shipped = shippedModel();
    // A broken model file is a build bug: say so once; the rules still flag.
    if (!shipped.ok && !judge) console.warn(`[khcn] ${shipped.error}`);
    if (compiledPack?.pack !== pack)
      compiledPack = { pack, rulesOnly: compileJudge({ ...pack, model: null }) };
    judge = judgeWithCorrections(pack, corrections, compiledPack.rulesOnly);
    compiledFrom = { pack, corrections };
  }
  return judge;
}

/** The whole judgement of one comment: flags, ranked reply intents, idea. */
export function judgeComment(text: string): Judgement {
  return (judge ?? setFlagRules(bundledRulePack())).judge(text);
}

/**
 * Flags for one comment's text, with their explanations. One flag per rule:
 * the best match of each rule explains it.
 */
export function flagsFor(text: string): FlagSummary[] {
  return flagSummaries(judgeComment(text).hits);
}
