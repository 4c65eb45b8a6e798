import type { HistoryEntry, Idea } from './schema';

/** The part of an idea its history follows (issue 17: who changed what, when). */
export type Tracked = Pick<Idea, 'status' | 'unit' | 'topic' | 'answer' | 'groupId'>;

/**
 * The history entry for a change from `before` to `after`: who and when, and
 * only the fields that changed (as they are after the change). null when none
 * of the followed fields changed (a tag or note edit is not follow-up).
 * `answered` is true when the official answer was set or changed, false when
 * it was removed.
 */
export function historyEntryFor(
  before: Tracked,
  after: Tracked,
  at: string,
  by: string,
): HistoryEntry | null {
  const entry: HistoryEntry = { at, by };
  let changed = false;
  if (after.status !== before.status) {
    entry.status = after.status;
    changed = true;
  }
  if (after.unit !== before.unit) {
    entry.unit = after.unit;
    changed = true;
  }
  if (after.topic !== before.topic) {
    entry.topic = after.topic;
    changed = true;
  }
  if (!sameAnswer(before.answer, after.answer)) {
    entry.answered = after.answer !== null;
    changed = true;
  }
  if (after.groupId !== before.groupId) {
    entry.groupId = after.groupId;
    changed = true;
  }
  return changed ? entry : null;
}

function sameAnswer(a: Idea['answer'], b: Idea['answer']): boolean {
  if (a === null || b === null) return a === b;
  return a.text === b.text && a.answeredAt === b.answeredAt && a.permalink === b.permalink;
}

/** The moderator chose the topic at some point (even "none"): a re-save must not suggest over it. */
export function topicWasChosen(history: readonly HistoryEntry[]): boolean {
  return history.some((entry) => entry.topic !== undefined);
}
