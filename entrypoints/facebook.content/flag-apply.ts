import type { FlagSummary } from '../../lib/messages';
import type { Asked } from './judge-requests';

/** What the page session keeps of a comment for its flags. */
export interface JudgedComment {
  seen: { text: string };
  /** Its flags; null while the background judges it. */
  flags: FlagSummary[] | null;
  /** The request whose answer is this comment's flags (a later one supersedes it). */
  asked: number;
}

/**
 * Writes the judge's answer to request `ticket` into the session's comments,
 * and calls `show` for each comment it changes (to count and decorate it).
 * An answer is dropped for a comment that is no longer known, whose words
 * changed since it was asked, or that a later request (a re-judgement after a
 * correction) asked again: each comment shows the last judgement asked for.
 * A comment whose node is gone keeps its flags for when Facebook shows it
 * again (same id, same words). Returns how many comments changed.
 */
export function applyJudged<C extends JudgedComment>(
  comments: ReadonlyMap<string, C>,
  asked: readonly Asked[],
  ticket: number,
  flags: readonly FlagSummary[][],
  show: (id: string, comment: C, before: FlagSummary[] | null) => void,
): number {
  let changed = 0;
  for (let i = 0; i < asked.length; i++) {
    const { id, text } = asked[i]!;
    const comment = comments.get(id);
    if (!comment || comment.asked !== ticket || comment.seen.text !== text) continue;
    const before = comment.flags;
    comment.flags = flags[i] ?? [];
    show(id, comment, before);
    changed++;
  }
  return changed;
}
