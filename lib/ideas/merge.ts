import { instantMs } from './instant';
import { compareCodePoints, type Idea, normalizeHistory, normalizeTags } from './schema';

/**
 * The fields of an idea in a fixed order, for comparing and serializing.
 * `id` is left out: it is a local key (an existing record keeps its own id).
 */
const CONTENT_KEYS = [
  'commentId',
  'postId',
  'parentId',
  'permalink',
  'pageUrl',
  'text',
  'authorName',
  'authorUrl',
  'flags',
  'status',
  'note',
  'capturedAt',
  'updatedAt',
  'topic',
  'unit',
  'answer',
  'groupId',
] as const satisfies readonly (keyof Idea)[];

/** A canonical string of everything but `id`, `tags` and `history`: a total order for the tie-break. */
function contentKey(idea: Idea): string {
  return JSON.stringify(CONTENT_KEYS.map((key) => idea[key] ?? null));
}

/**
 * Merges two versions of the idea for the same comment.
 *
 * The rule, so that merging several moderators' exports in any order gives the
 * same log (commutative, associative, idempotent):
 * - the version with the newer `updatedAt` wins every field but `tags` and `id`;
 * - on a tie, the version whose canonical content sorts last wins (any fixed
 *   total order works; this one needs no clock and no machine identity);
 * - `tags` are the union of both, sorted; so is `history` (each moderator's changes kept);
 * - `id` is the one already in the log (`current`): nothing that refers to it breaks.
 */
export function mergeIdeas(current: Idea, incoming: Idea): Idea {
  if (current.commentId !== incoming.commentId) {
    throw new Error(`mergeIdeas: different comments (${current.commentId}, ${incoming.commentId})`);
  }
  const winner = pickWinner(current, incoming);
  return {
    ...winner,
    id: current.id,
    tags: normalizeTags([...current.tags, ...incoming.tags]),
    history: normalizeHistory([...current.history, ...incoming.history]),
  };
}

function pickWinner(a: Idea, b: Idea): Idea {
  // Compared as times, not as strings.
  const at = instantMs(a.updatedAt);
  const bt = instantMs(b.updatedAt);
  if (at !== bt) return at > bt ? a : b;
  return compareCodePoints(contentKey(a), contentKey(b)) >= 0 ? a : b;
}

/** True when two ideas hold the same data (field order and absent optional fields do not matter). */
export function sameIdea(a: Idea, b: Idea): boolean {
  return (
    a.id === b.id &&
    contentKey(a) === contentKey(b) &&
    a.tags.join('\u0000') === b.tags.join('\u0000') &&
    JSON.stringify(a.history) === JSON.stringify(b.history)
  );
}

/**
 * Merges whole logs, keyed by commentId: what importing `incoming` into `current` does,
 * without a database. Used by tests to state the merge laws, and by anyone
 * combining exports offline.
 */
export function mergeLogs(current: readonly Idea[], incoming: readonly Idea[]): Idea[] {
  const byComment = new Map(current.map((idea) => [idea.commentId, idea]));
  for (const idea of incoming) {
    const existing = byComment.get(idea.commentId);
    byComment.set(idea.commentId, existing ? mergeIdeas(existing, idea) : idea);
  }
  return [...byComment.values()];
}
