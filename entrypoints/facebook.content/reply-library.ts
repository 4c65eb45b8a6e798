import type { Comment } from '../../lib/facebook/comment';
import type { FlagSummary, SuggestionSummary } from '../../lib/messages';
import { detectAudience } from '../../lib/replies/audience';
import type { RankedIntent } from '../../lib/replies/intent-rank';
import { renderReply } from '../../lib/replies/render';
import type { Reply } from '../../lib/replies/schema';
import { type Suggestion, suggest } from '../../lib/replies/suggest';
import { loadUsage, recordUsage } from '../../lib/replies/usage';
import type { Settings } from '../../lib/settings/schema';

/**
 * The reply library in use on this page: the moderator's own (options page)
 * or the default pack, set when the session starts and when packs change.
 */
let library: Reply[] = [];
export function setReplyLibrary(replies: Reply[]): void {
  library = replies;
}
export function replyLibrary(): Reply[] {
  return library;
}

export function replyById(id: string): Reply | undefined {
  return replyLibrary().find((r) => r.id === id);
}

/** The part of a comment's judgement that orders the reply intents. */
export interface IntentJudgement {
  intents: RankedIntent[];
  intentCertain: boolean;
}

/**
 * Ranked suggestions for a comment: the judgement orders the reply intents
 * (the background's, with the model; the page's rules-only one when the
 * background cannot answer), this moderator's usage breaks ties.
 */
export async function suggestionsFor(
  comment: Comment,
  flags: readonly FlagSummary[],
  judgement: IntentJudgement,
): Promise<Suggestion[]> {
  const usage = await loadUsage().catch(() => ({}));
  return suggest({ text: comment.text, author: comment.author }, flags, replyLibrary(), {
    usage,
    limit: 5,
    intents: { intents: judgement.intents, certain: judgement.intentCertain },
  });
}

/** The reply's text for this comment, or why it cannot be rendered (an unfilled placeholder). */
export function renderFor(reply: Reply, comment: Comment | null, settings: Settings) {
  return renderReply(reply, {
    commenterName: comment?.author,
    settings,
    audience: comment ? detectAudience(comment.text) : undefined,
  });
}

export function summarize(
  suggestions: readonly Suggestion[],
  comment: Comment,
  settings: Settings,
): SuggestionSummary[] {
  return suggestions.flatMap((s) => {
    const reply = replyById(s.replyId);
    if (!reply) return [];
    const rendered = renderFor(reply, comment, settings);
    return [
      {
        replyId: s.replyId,
        intent: s.intent,
        title: reply.title,
        preview: rendered.ok ? rendered.text : rendered.message,
        why: s.why,
        score: s.score,
      },
    ];
  });
}

export { recordUsage };
