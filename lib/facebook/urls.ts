import {
  BASE64_COMMENT_TOKEN,
  FACEBOOK_ORIGIN,
  NUMERIC_ID,
  PERMALINK_PARAMS,
  PFBID,
  POST_PATH,
  PROFILE_PARAMS,
  URL_PARAM,
} from './selectors';

/**
 * Facebook's URLs, read as strings: extraction runs for every comment as
 * Facebook streams them, and building a `URL` per link was measurable.
 * Everything here is pure and takes the string it reads.
 */

/** Parses a link against facebook.com; null for anything unparseable. */
export function parseUrl(href: string | null | undefined, base = FACEBOOK_ORIGIN): URL | null {
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

export function numeric(value: string | null | undefined): string | null {
  return value != null && NUMERIC_ID.test(value) ? value : null;
}

/**
 * A query parameter's raw value, read without building a URL. The values we
 * read as ids need no decoding; a base64 token is decoded by `decodeCommentToken`.
 */
export function queryParam(href: string, name: string): string | null {
  // Searched in place: this runs for every link of every comment, and a
  // slice of the query and a `name=` key per call were garbage (issue 14,
  // eighth round, second part: 6 % of what our scripts allocate per batch).
  const query = href.indexOf('?');
  if (query === -1) return null;
  const hash = href.indexOf('#', query);
  const end = hash === -1 ? href.length : hash;
  for (let i = href.indexOf(name, query + 1); i !== -1 && i < end; i = href.indexOf(name, i + 1)) {
    const before = href.charCodeAt(i - 1);
    if ((before !== QUESTION_MARK && before !== AMPERSAND) || href.charCodeAt(i + name.length) !== EQUALS)
      continue;
    const start = i + name.length + 1;
    const stop = href.indexOf('&', start);
    return href.slice(start, stop === -1 || stop > end ? end : stop);
  }
  return null;
}
const QUESTION_MARK = 63;
const AMPERSAND = 38;
const EQUALS = 61;

/** A URL up to its query or fragment (what `split(/[?#]/, 1)[0]` gives, without a regex). */
export function withoutQuery(href: string): string {
  const query = href.indexOf('?');
  const hash = href.indexOf('#');
  const end = query === -1 ? hash : hash === -1 ? query : Math.min(query, hash);
  return end === -1 ? href : href.slice(0, end);
}

/** What a base64 `comment_id` token (`Y29tbWVudDo…`) says: `comment:<post>_<comment>[_<reply>]`. */
export interface CommentToken {
  postId: string;
  /** The comment the token names; for a three-part token, the reply's parent. */
  commentId: string;
  /** The reply, when the token names one after its parent. */
  replyId: string | null;
}

const TOKEN_TEXT = /^comment:(\d{1,30})_(\d{1,30})(?:_(\d{1,30}))?$/;

/**
 * Decodes Facebook's base64 comment token. Seen 2025-06 on a saved real page
 * (avatar and name links of each comment): `comment:<numeric post id>_<comment id>`.
 * Null for anything else — a number, a malformed escape, other base64.
 */
export function decodeCommentToken(raw: string | null | undefined): CommentToken | null {
  if (!raw || raw.length > 200 || !BASE64_COMMENT_TOKEN.test(raw)) return null;
  let text: string;
  try {
    text = atob(decodeURIComponent(raw).replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const m = TOKEN_TEXT.exec(text);
  if (!m?.[1] || !m[2]) return null;
  return { postId: m[1], commentId: m[2], replyId: m[3] ?? null };
}

/** The post id from a URL's path (`/posts/<id>`, `/permalink/<id>`) or its `story_fbid`. */
export function postIdFromUrl(href: string | null | undefined): string | null {
  if (!href) return null;
  const path = withoutQuery(href);
  for (const pattern of POST_PATH) {
    const m = pattern.exec(path);
    if (m?.[1]) return m[1];
  }
  return numeric(queryParam(href, URL_PARAM.storyId));
}

/**
 * The post's opaque key when its URL names it by `pfbid…` only (2025-06:
 * `/<page>/posts/pfbid0…`, also as `story_fbid=pfbid0…`). Null otherwise.
 */
export function pfbidFromUrl(href: string | null | undefined): string | null {
  if (!href) return null;
  const m = PFBID.exec(withoutQuery(href));
  if (m?.[1]) return m[1];
  const story = queryParam(href, URL_PARAM.storyId);
  return story && PFBID_VALUE.test(story) ? story : null;
}
const PFBID_VALUE = /^pfbid0[0-9A-Za-z]{10,100}$/;

/** Query values we copy into a URL: ids and slugs, nothing that needs escaping. */
const SAFE_VALUE = /^[\w.-]{1,100}$/;

/**
 * The path (from "/") of a link on Facebook, read as a string: relative links
 * and www.facebook.com links directly, other facebook.com hosts (web., m.)
 * through URL. Null for links off Facebook.
 */
export function facebookPath(href: string | null | undefined): string | null {
  if (!href) return null;
  if (href.startsWith(`${FACEBOOK_ORIGIN}/`)) return withoutQuery(href.slice(FACEBOOK_ORIGIN.length));
  if (href.startsWith('/') && !href.startsWith('//')) return withoutQuery(href);
  const url = parseUrl(href);
  return url && url.protocol === 'https:' && /(^|\.)facebook\.com$/.test(url.hostname) ? url.pathname : null;
}

/** An absolute www.facebook.com URL: `path` plus the given parameters that have safe values, in order. */
export function facebookUrl(path: string, params: readonly (readonly [string, string | null])[]): string {
  // A loop, not filter/map/join: this runs two or three times per comment read.
  let query = '';
  for (const [key, value] of params) {
    if (value === null || !SAFE_VALUE.test(value)) continue;
    query += `${query ? '&' : '?'}${key}=${value}`;
  }
  return `${FACEBOOK_ORIGIN}${path}${query}`;
}

/**
 * A comment's permalink: `source` (its timestamp link, else the page's URL)
 * cleaned of tracking parameters, with the ids set. Always contains the
 * comment id; for a reply, `comment_id=<parent>&reply_comment_id=<reply>`.
 */
export function commentPermalink(
  linkHref: string | null,
  pageUrl: string,
  id: string,
  parentId: string | null,
): string {
  const linkPath = facebookPath(linkHref);
  const source = linkPath !== null ? linkHref : pageUrl;
  const path = linkPath ?? facebookPath(pageUrl) ?? '/';
  // Only permalink.php-style paths name the post in the query.
  const postParams = path.endsWith('.php')
    ? PERMALINK_PARAMS.slice(0, 2).map((key) => [key, queryParam(source ?? '', key)] as const)
    : [];
  return facebookUrl(path, [
    ...postParams,
    [URL_PARAM.commentId, parentId ?? id],
    [URL_PARAM.replyCommentId, parentId ? id : null],
  ]);
}

/** A profile URL without the comment parameters and tracking: `/name` or `/profile.php?id=…`. */
export function profileUrl(href: string | null): { url: string; path: string; id: string | null } | null {
  const path = facebookPath(href);
  if (path === null) return null;
  // Only profile.php identifies the person by a query parameter.
  const params =
    path === '/profile.php' ? PROFILE_PARAMS.map((key) => [key, queryParam(href ?? '', key)] as const) : [];
  return { url: facebookUrl(path, params), path, id: params[0]?.[1] ?? null };
}

/**
 * The first path segment, decoded and lower-cased; null when its %-escape is
 * malformed (`/%E0%A4%A`): such a path names no page, and must not throw —
 * the content script decides with this whether to stop the old session.
 */
function firstSegment(path: string): string | null {
  const end = path.indexOf('/', 1);
  let first = end === -1 ? path.slice(1) : path.slice(1, end);
  // Only an escaped name needs decoding (and only it can fail to decode).
  if (first.includes('%')) {
    try {
      first = decodeURIComponent(first);
    } catch {
      return null;
    }
  }
  return first.toLowerCase();
}

const lowerCaseSets = new WeakMap<readonly string[], Set<string>>();
/** The watched pages, lower-cased once per settings list rather than once per comment. */
function lowerCaseSet(pages: readonly string[]): Set<string> {
  let set = lowerCaseSets.get(pages);
  if (set === undefined) {
    set = new Set(pages.map((page) => page.toLowerCase()));
    lowerCaseSets.set(pages, set);
  }
  return set;
}

/**
 * Whether a facebook.com path (with `id` from `profile.php?id=`) is one of the
 * watched pages: `/khcndmst`, `/khcndmst/posts/…`, `/profile.php?id=123…`.
 * The one rule behind both `isWatchedUrl` (the page the tab shows) and a
 * comment's `isPage` (its author's profile link).
 */
export function isWatchedPath(path: string, id: string | null, watchedPages: readonly string[]): boolean {
  const first = firstSegment(path);
  if (first === null || first === '') return false;
  const pages = lowerCaseSet(watchedPages);
  return pages.has(first) || (first === 'profile.php' && id !== null && pages.has(id.toLowerCase()));
}

/**
 * Whether a URL is a watched page on https://www.facebook.com. Never throws:
 * an unparseable URL or a malformed %-escape is simply not watched.
 */
export function isWatchedPageUrl(url: string, watchedPages: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'www.facebook.com') return false;
  return isWatchedPath(parsed.pathname, parsed.searchParams.get('id'), watchedPages);
}
