/**
 * Whether a facebook.com URL belongs to a watched page. A page is reached as
 * `/khcndmst`, `/khcndmst/posts/…`, `/profile.php?id=123…` or `/123…/posts/…`;
 * posts opened from the feed carry the page in the path too.
 */
export function isWatchedUrl(url: string, watchedPages: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'www.facebook.com') return false;
  const first = decodeURIComponent(parsed.pathname.split('/')[1] ?? '').toLowerCase();
  const id = parsed.searchParams.get('id');
  return watchedPages.some((page) => {
    const p = page.toLowerCase();
    return first === p || (first === 'profile.php' && id === p);
  });
}
