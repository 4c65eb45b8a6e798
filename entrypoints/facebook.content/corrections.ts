import type { Correction } from '../../lib/corrections/schema';
import type { Category } from '../../lib/flags/categories';
import { sendMessage } from '../../lib/messaging';
import type { Intent } from '../../lib/replies/intents';

/**
 * The moderator's corrections from the page: asked of the background (their
 * database is in the extension's origin, never facebook.com's) and sent to it.
 * A failure is reported by the caller; nothing here throws.
 */

export async function fetchCorrections(): Promise<Correction[]> {
  try {
    const answer = await sendMessage({ type: 'corrections:list' });
    return answer?.ok ? answer.corrections : [];
  } catch {
    return [];
  }
}

function newId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export type CorrectionOf =
  | { kind: 'not-a-problem'; categories: Category[] }
  | { kind: 'flag-as'; categories: Category[] }
  | { kind: 'reply-chosen'; intent: Intent };

/** Records a correction of one comment; answers what it replaced (for undo), or why it failed. */
export async function sendCorrection(
  comment: { id: string; text: string },
  of: CorrectionOf,
): Promise<{ ok: true; correction: Correction; replaced: Correction | null } | { ok: false; error: string }> {
  const correction: Correction = {
    id: newId(),
    commentId: comment.id,
    text: comment.text,
    at: new Date().toISOString(),
    ...(of.kind === 'reply-chosen'
      ? { kind: 'reply-chosen', categories: [], intent: of.intent }
      : { kind: of.kind, categories: of.categories }),
  };
  try {
    const answer = await sendMessage({ type: 'corrections:add', correction });
    if (!answer) return { ok: false, error: 'no answer' };
    return answer.ok ? { ok: true, correction, replaced: answer.replaced } : answer;
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

export async function undoCorrection(correction: Correction, replaced: Correction | null): Promise<boolean> {
  try {
    const answer = await sendMessage({ type: 'corrections:undo', id: correction.id, restore: replaced });
    return answer?.ok === true;
  } catch {
    return false;
  }
}
