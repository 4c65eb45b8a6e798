import { errorMessage } from '../../lib/errors';
import type { Comment } from '../../lib/facebook/comment';
import { t } from '../../lib/i18n';
import type { FlagSummary, SaveIdeaRequest } from '../../lib/messages';
import { sendMessage } from '../../lib/messaging';

export type SaveOutcome = { ok: true; message: string } | { ok: false; message: string };

const RETRY_DELAYS_MS = [300, 1200];

/**
 * Sends a comment to the background, which validates it and writes the idea
 * in the extension's own IndexedDB (never facebook.com's). A sleeping service
 * worker is woken by the message; a failed send is retried twice; when the
 * extension was reloaded under the page the moderator is told plainly.
 */
export async function sendIdeaToBackground(
  comment: Comment,
  flags: readonly FlagSummary[],
  pageUrl: string,
  isContextValid: () => boolean,
): Promise<SaveOutcome> {
  const request: SaveIdeaRequest = {
    type: 'idea:save',
    comment,
    flags: flags.map((f) => ({ category: f.category, ruleId: f.ruleId })),
    pageUrl,
  };
  let lastError = '';
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    if (!isContextValid()) return { ok: false, message: t('extensionReloaded') };
    try {
      const response = await sendMessage(request);
      if (response?.ok) return { ok: true, message: t(response.created ? 'ideaSaved' : 'ideaUpdated') };
      // The background answered with a reason (invalid comment, full disk): retrying will not help.
      if (response) return { ok: false, message: t('ideaSaveFailed', response.error) };
      lastError = 'no answer';
    } catch (error) {
      lastError = errorMessage(error);
      if (/context invalidated/i.test(lastError)) return { ok: false, message: t('extensionReloaded') };
    }
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return { ok: false, message: t('ideaSaveFailed', lastError) };
}
