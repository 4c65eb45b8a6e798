import { t } from '../../lib/i18n';
import { WatchedPage } from '../../lib/settings/schema';

export type PageInput = { ok: true; page: string } | { ok: false; error: string };

/**
 * What a moderator pastes to watch a page: the slug (`khcndmst`), the numeric
 * page id, or the page's address as the browser shows it
 * (`https://www.facebook.com/khcndmst`, `…/profile.php?id=61550000000000`).
 */
export function pageFromInput(input: string): PageInput {
  let text = input.trim();
  if (/facebook\.com/i.test(text)) {
    try {
      const url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
      const first = decodeURIComponent(url.pathname.split('/')[1] ?? '');
      text = first.toLowerCase() === 'profile.php' ? (url.searchParams.get('id') ?? '') : first;
    } catch {
      // Leave the text as typed: the schema names the problem.
    }
  }
  const parsed = WatchedPage.safeParse(text);
  if (!parsed.success) {
    return { ok: false, error: t('options_notAPage', input.trim()) };
  }
  return { ok: true, page: parsed.data };
}
