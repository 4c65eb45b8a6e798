import { compareCodePoints, type Idea } from './schema';

/**
 * Groups of similar ideas (issue 17): ideas that share a `groupId` are one
 * group. A group has no record of its own — its members are its data — so
 * these functions only decide which ideas get which groupId. They are pure:
 * db.ts applies their answer in one transaction and keeps the history.
 */

/** One idea's new group: a group id, or null when it leaves its group. */
export interface GroupChange {
  id: string;
  groupId: string | null;
}

/** Oldest capture first, then by id: a group's lead and every choice below are stable across machines. */
export function byCapture(a: Idea, b: Idea): number {
  return compareCodePoints(a.capturedAt, b.capturedAt) || compareCodePoints(a.id, b.id);
}

/** Only the ideas whose group actually changes: grouping what is already together writes nothing. */
function changed(ideas: readonly Idea[], groupId: string | null): GroupChange[] {
  return ideas.filter((idea) => idea.groupId !== groupId).map((idea) => ({ id: idea.id, groupId }));
}

function uniqueById(ideas: readonly Idea[]): Idea[] {
  return [...new Map(ideas.map((idea) => [idea.id, idea])).values()];
}

/**
 * Makes the chosen ideas one group. `members` are every idea of the groups the
 * chosen ones are in (the chosen may be among them). The group kept is the one
 * of the earliest-captured chosen idea that has a group — "join the target's
 * group"; when none has one, `newGroupId`. Any other group a chosen idea is in
 * is merged whole into it: the moderator said these ideas are the same, so
 * their supporters are the same cause. Fewer than two ideas: nothing to group.
 */
export function groupIdeas(
  chosen: readonly Idea[],
  members: readonly Idea[],
  newGroupId: string,
): GroupChange[] {
  const picked = uniqueById(chosen).sort(byCapture);
  if (picked.length < 2) return [];
  const target = picked.find((idea) => idea.groupId !== null)?.groupId ?? newGroupId;
  const mergedGroups = new Set(picked.map((idea) => idea.groupId).filter((g): g is string => g !== null));
  const everyone = uniqueById([
    ...picked,
    ...members.filter((idea) => idea.groupId !== null && mergedGroups.has(idea.groupId)),
  ]);
  return changed(everyone, target);
}

/**
 * Merges group B into group A: every member of B takes A's id. Merging a
 * group with itself, or an empty side, changes nothing.
 */
export function mergeGroups(a: readonly Idea[], b: readonly Idea[]): GroupChange[] {
  const target = a[0]?.groupId;
  if (!target || b.length === 0) return [];
  if (a.some((idea) => idea.groupId !== target)) throw new Error('mergeGroups: A is not one group');
  const source = b[0]!.groupId;
  if (!source || b.some((idea) => idea.groupId !== source))
    throw new Error('mergeGroups: B is not one group');
  return changed(b, target);
}

/**
 * Takes these ideas out of their group (`members`: the whole group). A group
 * left with one idea is no group: that last idea leaves too, so no idea shows
 * a group badge for a "group" of itself.
 */
export function splitFromGroup(leaving: readonly Idea[], members: readonly Idea[]): GroupChange[] {
  const out = new Set(leaving.filter((idea) => idea.groupId !== null).map((idea) => idea.id));
  if (out.size === 0) return [];
  const rest = members.filter((idea) => !out.has(idea.id) && idea.groupId !== null);
  const leavers = uniqueById([
    ...leaving.filter((idea) => out.has(idea.id)),
    ...(rest.length === 1 ? rest : []),
  ]);
  return changed(leavers, null);
}

/**
 * Who supports an idea or a group: distinct commenters, counted once however
 * many comments they wrote. A commenter is their profile link (a
 * profile.php?id= keeps its id, any other query is noise); without one
 * (privacy setting off), their name; without either, the comment itself (an
 * unknown person counts once per comment, never merged with another unknown).
 * The report counts supporters by the same rule.
 */
export function supporterKey(idea: Pick<Idea, 'authorUrl' | 'authorName' | 'commentId'>): string {
  if (idea.authorUrl) {
    const id = /profile\.php\?(?:.*&)?id=(\d+)/.exec(idea.authorUrl)?.[1];
    const path = idea.authorUrl
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .toLowerCase();
    return `url:${path}${id ? `?id=${id}` : ''}`;
  }
  const name = idea.authorName?.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  if (name) return `name:${name}`;
  return `comment:${idea.commentId}`;
}

export function countSupporters(members: readonly Idea[]): number {
  return new Set(members.map(supporterKey)).size;
}

export interface GroupCommenter {
  name: string | null;
  url: string | null;
  permalink: string;
  capturedAt: string;
}

export interface GroupSummary {
  groupId: string;
  size: number;
  supporters: number;
  /** The earliest-captured idea: the group's face in the log. */
  lead: Idea;
  /** Every member, oldest first. */
  members: Idea[];
  /** Every member's comment, oldest first: each commenter and permalink is kept. */
  commenters: GroupCommenter[];
  firstCapturedAt: string;
  lastCapturedAt: string;
}

/** A group's summary from its members; undefined when there are none. */
export function summarizeGroup(members: readonly Idea[]): GroupSummary | undefined {
  const sorted = uniqueById(members).sort(byCapture);
  const lead = sorted[0];
  if (!lead || lead.groupId === null) return undefined;
  return {
    groupId: lead.groupId,
    size: sorted.length,
    supporters: countSupporters(sorted),
    lead,
    members: sorted,
    commenters: sorted.map((idea) => ({
      name: idea.authorName ?? null,
      url: idea.authorUrl ?? null,
      permalink: idea.permalink,
      capturedAt: idea.capturedAt,
    })),
    firstCapturedAt: lead.capturedAt,
    lastCapturedAt: sorted[sorted.length - 1]!.capturedAt,
  };
}
