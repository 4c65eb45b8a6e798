import { flagsFor } from '../../lib/judge/active';
import {
  type FlagSummary,
  JUDGE_COMMENTS_MAX,
  JUDGE_TEXT_MAX,
  type JudgeOneResponse,
  packJudgeComments,
} from '../../lib/messages';
import { sendMessageWithin } from '../../lib/messaging';
import { countFlags } from './flag-stats';

/**
 * The page's comments are judged in the extension's background (issue 14,
 * fifth round): on Facebook's main thread the judge was ~40 % of our time per
 * batch. The page sends each batch's new comments (id and words, never HTML)
 * and writes the flags it gets back. When the background cannot answer — the
 * extension reloaded under the page, an error, no answer in time — the page
 * judges them itself: flags never silently disappear. The page's judge is the
 * rules only (the bundled or active rule pack, `model: null`): the model is
 * one file of the build that only the background loads, so the content
 * script carries no copy of it (issue 14).
 */

/** A comment to judge: its id and its words. */
export interface Asked {
  id: string;
  text: string;
}

/**
 * How long the background has to answer before the page judges for itself.
 * A sleeping service worker wakes and compiles its judge in well under a
 * second; the usual failures (no receiver, context invalidated) reject at once.
 */
export const JUDGE_TIMEOUT_MS = 4_000;

/** The background's judgement of one comment (`judge:one`), for the reply assistant. */
export type OneJudgement = Extract<JudgeOneResponse, { ok: true }>;

/**
 * The judgement of the comment the moderator is answering, from the
 * background (its judge has the model and this moderator's corrections); null
 * when it cannot answer, and the reply assistant then ranks with the page's
 * rules-only judge.
 */
export async function askJudgement(text: string, timeoutMs = JUDGE_TIMEOUT_MS): Promise<OneJudgement | null> {
  // Longer than any comment: the request would be refused; the page judges it.
  if (text.length > JUDGE_TEXT_MAX) return null;
  const answer = await sendMessageWithin({ type: 'judge:one', text }, timeoutMs);
  return answer?.ok ? answer : null;
}

/** A comment without flags: one shared array, never written to (judged, or while being judged). */
export const NO_FLAGS: FlagSummary[] = [];

/** Each comment's flags, in order, from the background; null when it could not answer. */
export async function askBackground(
  comments: readonly Asked[],
  count: boolean,
  timeoutMs = JUDGE_TIMEOUT_MS,
): Promise<FlagSummary[][] | null> {
  const answer = await sendMessageWithin(
    { type: 'judge:comments', comments: packJudgeComments(comments), count },
    timeoutMs,
  );
  if (!answer?.ok) return null;
  const flags: FlagSummary[][] = comments.map(() => NO_FLAGS);
  for (const [index, found] of answer.flagged) {
    // An answer naming a comment the request did not hold is no answer.
    if (index >= flags.length) return null;
    flags[index] = found;
  }
  return flags;
}

/**
 * The fallback: judged on the page with its own judge (the rules only,
 * compiled on first use). Counted here too, since the background did not see them.
 */
export function judgeHere(comments: readonly Asked[], count: boolean): FlagSummary[][] {
  return comments.map(({ id, text }) => {
    const flags = flagsFor(text);
    if (count) countFlags(id, flags);
    return flags;
  });
}

/**
 * Flags for each comment, in order: the background's, or the page's own for
 * any part the background did not answer. More than JUDGE_COMMENTS_MAX
 * comments (a re-judgement of a long session) go in several requests.
 */
export async function judgeComments(
  comments: readonly Asked[],
  count: boolean,
  ask: typeof askBackground = askBackground,
  here: typeof judgeHere = judgeHere,
): Promise<FlagSummary[][]> {
  const flags: FlagSummary[][] = [];
  for (let from = 0; from < comments.length; from += JUDGE_COMMENTS_MAX) {
    const part = comments.slice(from, from + JUDGE_COMMENTS_MAX);
    const answered = (await ask(part, count)) ?? here(part, count);
    for (const one of answered) flags.push(one);
  }
  return flags;
}
