/**
 * The active judge: the moderator's rule pack and corrections, compiled once.
 * Shared by the background (which judges the page's comments with the model,
 * entrypoints/background/judge.ts) and the content script (whose fallback
 * judge is the rules only); pure, no DOM — each bundle has its own copy.
 */
import { judgeWithCorrections } from '../corrections/learnt';
import type { Correction } from '../corrections/schema';
import { flagSummaries } from '../flags/hit';
import type { RulePack } from '../flags/schema';
import type { FlagSummary, JudgeOneResponse } from '../messages';
import { bundledRulePack } from '../packs/defaults';
import { compileJudge, type Judge, type Judgement } from './index';

let judge: Judge | null = null;
/** The pack compiled without a model: kept across corrections, which change only the model. */
let compiledPack: { pack: RulePack; rulesOnly: Judge } | null = null;
/** The pack and corrections `judge` was compiled from: a new session with the same ones reuses it. */
let compiledFrom: { pack: RulePack; corrections: readonly Correction[] } | null = null;

/**
 * Uses the moderator's rule pack (options page) or the default one, with the
 * shipped model and what this moderator's corrections taught it — when the
 * model is loaded: the background loads it before compiling
 * (entrypoints/background/judge.ts); the content script never does (no copy
 * of the model in its bundle, issue 14), so the page's own judge, the
 * fallback when the background cannot answer, is the rules only (`model:
 * null`: judgeWithCorrections then leaves the corrections out too). Compiled
 * once per pack, not per comment nor per session: a session restarts on every
 * settings change, and the default pack is one bundled object.
 */
export function setFlagRules(
  pack: RulePack,
  corrections: readonly Correction[] = compiledFrom?.corrections ?? [],
): Judge {
  if (!judge || compiledFrom?.pack !== pack || compiledFrom.corrections !== corrections) {
    if (compiledPack?.pack !== pack)
      compiledPack = {
        pack,
        rulesOnly: compileJudge({ ...pack, model: null, signsAloneWithoutModel: true }),
      };
    judge = judgeWithCorrections(pack, corrections, compiledPack.rulesOnly);
    compiledFrom = { pack, corrections };
  }
  return judge;
}

/** The pack and corrections the page's judge is to use, compiled on its first judgement. */
let wanted: { pack: RulePack; corrections: readonly Correction[] } | null = null;

/**
 * Names the pack and corrections the page's own judge will use, without
 * compiling it (issue 14, fifth round): the page's comments are judged in the
 * background, and the page's judge (the rules only: the page has no model)
 * serves only as the fallback, for flags and for the reply assistant, when
 * the background cannot answer. Compiling it and warming it up
 * at every session start was tens of milliseconds of the page's time that the
 * usual session never needs; it is compiled when first used.
 */
export function useFlagRules(pack: RulePack, corrections: readonly Correction[]): void {
  wanted = { pack, corrections };
}

/** The whole judgement of one comment: flags, ranked reply intents, idea. */
export function judgeComment(text: string): Judgement {
  const use = wanted ?? { pack: bundledRulePack(), corrections: compiledFrom?.corrections ?? [] };
  return setFlagRules(use.pack, use.corrections).judge(text);
}

/**
 * What the reply assistant needs of a judgement, in `judge:one`'s answer
 * shape: the flags explained, the reply intents ranked, the idea score. The
 * background answers with it; the page's rules-only judge gives the same
 * when the background cannot.
 */
export function replyJudgement(judgement: Judgement): Omit<Extract<JudgeOneResponse, { ok: true }>, 'ok'> {
  return {
    flags: flagSummaries(judgement.hits),
    intents: judgement.intents.map(({ intent, score }) => ({ intent, score })),
    intentCertain: judgement.intentCertain,
    idea: { score: judgement.idea.score, isIdea: judgement.idea.isIdea },
  };
}

/**
 * Flags for one comment's text, with their explanations. One flag per rule:
 * the best match of each rule explains it.
 */
export function flagsFor(text: string): FlagSummary[] {
  return flagSummaries(judgeComment(text).hits);
}

/**
 * Comments of each kind the judge reads differently (a thank-you, a cure sold
 * with a phone number, a look-alike bank link, a gambling ad in teencode with a
 * short link, a fake official, a pseudoscience claim, a proposal). Written for
 * the warm-up, not taken from the corpus. The first judgements of a judge are
 * cold (the automaton's states and the rule regexes are built on first use,
 * the JIT has not seen the code: one call of ~30 ms on the page): the
 * background judges these as soon as it has compiled its judge
 * (entrypoints/background/judge.ts), before the page's comments come.
 */
export const WARM_UP_TEXTS = [
  'Cảm ơn Bộ đã chia sẻ thông tin rất hữu ích ạ',
  'Uống nước lá ổi mỗi sáng chữa khỏi tiểu đường, ai cần ib zalo 0912 345 678',
  'Ngan hang thong bao tai khoan tam khoa, xac thuc tai vcb-online.top',
  'nạp 100k nhận 288k n.ổ h.ũ rút liền tay, link t.ly/abc',
  'Mình là cán bộ của Bộ, ai muốn duyệt đề tài nhanh thì kb zalo',
  'Máy phát điện vĩnh cửu chạy bằng nam châm, các nhà khoa học giấu không công bố',
  'Đề xuất Bộ mở cổng dữ liệu cho sinh viên nghiên cứu, có hướng dẫn cụ thể',
];
