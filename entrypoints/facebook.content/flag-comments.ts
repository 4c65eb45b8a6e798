import { judgeWithCorrections } from '../../lib/corrections/learnt';
import type { Correction } from '../../lib/corrections/schema';
import { flagSummaries } from '../../lib/flags/hit';
import type { RulePack } from '../../lib/flags/schema';
import { compileJudge, type Judge, type Judgement } from '../../lib/judge';
import { shippedModel } from '../../lib/judge/default';
import type { FlagSummary } from '../../lib/messages';
import { bundledRulePack } from '../../lib/packs/defaults';
import { nextTask } from './next-task';

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

/**
 * Comments of each kind the judge reads differently (a thank-you, a cure sold
 * with a phone number, a look-alike bank link, a gambling ad in teencode with a
 * short link, a fake official, a pseudoscience claim, a proposal). Written for
 * this warm-up, not taken from the corpus.
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

/**
 * Judges a few sample comments, each in a task of its own, before the page's
 * comments are read. The first judgements of a page are cold (the automaton's
 * states and the rule regexes are built on first use, the JIT has not seen
 * the code): read from the page's first comments they made one call of ~30 ms
 * and, on the page benchmark, a long task in two runs of three. Here that cost
 * is paid between the page's tasks, in pieces of a few milliseconds.
 */
export async function warmUpJudge(
  signal: AbortSignal,
  judgeOne: (text: string) => unknown = flagsFor,
): Promise<void> {
  for (const text of WARM_UP_TEXTS) {
    if (signal.aborted) return;
    judgeOne(text);
    await nextTask();
  }
}
