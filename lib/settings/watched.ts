import { isWatchedPageUrl } from '../facebook/urls';

/**
 * Whether a facebook.com URL belongs to a watched page. A page is reached as
 * `/khcndmst`, `/khcndmst/posts/…`, `/profile.php?id=123…` or `/123…/posts/…`;
 * posts opened from the feed carry the page in the path too. One rule with a
 * comment's `isPage` (lib/facebook/urls.ts); a malformed %-escape is not
 * watched, and never throws.
 */
export function isWatchedUrl(url: string, watchedPages: readonly string[]): boolean {
  return isWatchedPageUrl(url, watchedPages);
}
