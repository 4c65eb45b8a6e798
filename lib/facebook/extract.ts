import { COMMENT_LIMITS, type Comment, commentLimitProblem, tooLong } from './comment';
import {
  ACTION_WORD,
  ARTICLE_ANY,
  BUTTON,
  COMMENT_ID_ATTRIBUTE,
  COMMENT_ID_WRAPPER_ANY,
  COMMENT_LABEL,
  COMMENT_OR_REPLY_LABEL,
  EDITABLE,
  FACEBOOK_ORIGIN,
  LABEL_TIME_SUFFIX,
  LINK_OR_BUTTON,
  NOT_PROFILE_LINK,
  NUMERIC_ID,
  PERMALINK_PARAMS,
  POST_DIALOG,
  POST_PATH,
  PROFILE_PARAMS,
  REPLY_LABEL,
  SEE_MORE,
  TEXT_BLOCK,
  TIMESTAMP_LINK_ANY,
  URL_PARAM,
} from './selectors';

export type ExtractFailure = 'not-a-comment' | 'no-id' | 'invalid';
export type ExtractResult =
  | { ok: true; comment: Comment }
  | { ok: false; reason: ExtractFailure; detail?: string };

/** The ids a comment article carries, and the link they came from. */
export interface CommentIds {
  id: string;
  parentId: string | null;
  link: HTMLAnchorElement | null;
  /** The link's `href`, as read once. */
  href: string | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function labelOf(el: Element): string {
  return el.getAttribute('aria-label') ?? '';
}

/** True when the element is or holds an editable area (a composer's label can look like a comment's). */
function isOrHoldsEditable(el: Element): boolean {
  return el.matches(EDITABLE) || el.querySelector(EDITABLE) !== null;
}

/**
 * Whether an element is a comment or reply article: the label says so, or —
 * when Facebook drops or renames the label — it is an article inside another
 * article (a comment inside its post). Composers are never comments.
 */
export function isCommentArticle(el: Element, opts: { allowEditable?: boolean } = {}): boolean {
  // The editable check walks the subtree: only for articles that passed the cheap tests.
  return looksLikeComment(el) && (opts.allowEditable === true || !isOrHoldsEditable(el));
}

function looksLikeComment(el: Element): boolean {
  return el.matches(ARTICLE_ANY) && labelledOrNested(el);
}

/** The label test of `looksLikeComment`, for an element known to be an article. */
function labelledOrNested(el: Element): boolean {
  const label = labelOf(el);
  return COMMENT_OR_REPLY_LABEL.test(label) || el.parentElement?.closest(ARTICLE_ANY) != null;
}

/** One subtree query answers both "holds a nested article?" and "holds an editable area?" for most comments: neither. */
const NESTED_OR_EDITABLE = `${ARTICLE_ANY}, ${EDITABLE}`;

/**
 * Every comment and reply article under `root` (and `root` itself), the post
 * dialog's first — a post opened over the feed is what the moderator reads.
 */
export function findCommentArticles(root: ParentNode): Element[] {
  const found: Element[] = [];
  const seen = new Set<Element>();
  const add = (el: Element) => {
    if (!seen.has(el) && isCommentArticle(el)) {
      seen.add(el);
      found.push(el);
    }
  };
  const dialogs = Array.from(root.querySelectorAll(POST_DIALOG));
  for (const dialog of dialogs) for (const el of dialog.querySelectorAll(ARTICLE_ANY)) add(el);
  if (isElement(root)) add(root);
  for (const el of root.querySelectorAll(ARTICLE_ANY)) add(el);
  return found;
}

function isElement(node: unknown): node is Element {
  return (node as Node | null)?.nodeType === ELEMENT_NODE;
}

/** Parses a link against facebook.com; null for anything unparseable. */
function parseUrl(href: string | null | undefined, base = FACEBOOK_ORIGIN): URL | null {
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function numeric(value: string | null | undefined): string | null {
  return value != null && NUMERIC_ID.test(value) ? value : null;
}

/**
 * A query parameter's raw value, read without building a URL: extraction runs
 * for every comment as Facebook streams them, and the values we read (ids)
 * need no decoding.
 */
function queryParam(href: string, name: string): string | null {
  const query = href.indexOf('?');
  if (query === -1) return null;
  const end = href.indexOf('#', query);
  const search = end === -1 ? href.slice(query) : href.slice(query, end);
  const key = `${name}=`;
  for (let i = search.indexOf(key); i !== -1; i = search.indexOf(key, i + 1)) {
    const before = search[i - 1];
    if (before !== '?' && before !== '&') continue;
    const stop = search.indexOf('&', i);
    return search.slice(i + key.length, stop === -1 ? undefined : stop);
  }
  return null;
}

/** Without a nested article every node is the article's own (one function for all: no allocation per comment). */
const OWNS_ALL = (_node: Element): boolean => true;

/** True when `node`'s nearest article is `article` (not a reply nested inside it). */
function ownedBy(node: Element, article: Element): boolean {
  return node.closest(ARTICLE_ANY) === article;
}

/**
 * Tells whether a node inside `article` is its own (not a nested reply's).
 * Replies usually render beside their parent, not inside it: one query
 * finds out, and without a nested article every node is the article's own,
 * so the `closest()` per link, block and button that reading costs is skipped.
 */
function ownership(article: Element): (node: Element) => boolean {
  if (article.querySelector(ARTICLE_ANY) === null) return OWNS_ALL;
  return (node) => ownedBy(node, article);
}

/**
 * The comment's ids, from its own timestamp link (numeric `comment_id`; a
 * reply's `reply_comment_id`), else from a `data-commentid` wrapper that wraps
 * this article first. Null when the comment has none yet (still being posted).
 */
export function readCommentIds(
  article: Element,
  owns: (node: Element) => boolean = (node) => ownedBy(node, article),
): CommentIds | null {
  // `a[href*="comment_id="]` also matches `reply_comment_id=`: one query finds both.
  // An indexed loop: this runs for every comment, and a NodeList iterator is an object each time.
  const links = article.querySelectorAll<HTMLAnchorElement>(TIMESTAMP_LINK_ANY);
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    // The URL first: the profile link's base64 comment_id fails here without a DOM walk.
    const href = link.getAttribute('href') ?? '';
    const commentId = numeric(queryParam(href, URL_PARAM.commentId));
    const replyId = href.includes(URL_PARAM.replyCommentId)
      ? numeric(queryParam(href, URL_PARAM.replyCommentId))
      : null;
    if (!(replyId || commentId) || !owns(link)) continue;
    if (replyId) return { id: replyId, parentId: commentId, link, href };
    if (commentId) return { id: commentId, parentId: null, link, href };
  }
  const wrapper = article.closest(COMMENT_ID_WRAPPER_ANY);
  // A wrapper around a parent and its sibling replies belongs to the parent only.
  if (wrapper && wrapper.querySelector(ARTICLE_ANY) === article) {
    const id = numeric(wrapper.getAttribute(COMMENT_ID_ATTRIBUTE));
    if (id) return { id, parentId: null, link: null, href: null };
  }
  return null;
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

/** Query values we copy into a URL: ids and slugs, nothing that needs escaping. */
const SAFE_VALUE = /^[\w.-]{1,100}$/;

/**
 * The path (from "/") of a link on Facebook, read as a string: relative links
 * and www.facebook.com links directly, other facebook.com hosts (web., m.)
 * through URL. Null for links off Facebook.
 */
function facebookPath(href: string | null | undefined): string | null {
  if (!href) return null;
  if (href.startsWith(`${FACEBOOK_ORIGIN}/`)) return withoutQuery(href.slice(FACEBOOK_ORIGIN.length));
  if (href.startsWith('/') && !href.startsWith('//')) return withoutQuery(href);
  const url = parseUrl(href);
  return url && url.protocol === 'https:' && /(^|\.)facebook\.com$/.test(url.hostname) ? url.pathname : null;
}

/** An absolute www.facebook.com URL: `path` plus the given parameters that have safe values, in order. */
function facebookUrl(path: string, params: readonly (readonly [string, string | null])[]): string {
  // A loop, not filter/map/join: this runs two or three times per comment read.
  let query = '';
  for (const [key, value] of params) {
    if (value === null || !SAFE_VALUE.test(value)) continue;
    query += `${query ? '&' : '?'}${key}=${value}`;
  }
  return `${FACEBOOK_ORIGIN}${path}${query}`;
}

/** A URL up to its query or fragment (what `split(/[?#]/, 1)[0]` gives, without a regex). */
function withoutQuery(href: string): string {
  const query = href.indexOf('?');
  const hash = href.indexOf('#');
  const end = query === -1 ? hash : hash === -1 ? query : Math.min(query, hash);
  return end === -1 ? href : href.slice(0, end);
}

/**
 * The comment's permalink: its timestamp link cleaned of tracking parameters,
 * else the page's URL with the ids set. Always contains the comment id.
 */
function permalinkFor(ids: CommentIds, pageUrl: string): string {
  const linkHref = ids.href;
  const linkPath = facebookPath(linkHref);
  const source = linkPath !== null ? linkHref : pageUrl;
  const path = linkPath ?? facebookPath(pageUrl) ?? '/';
  // Only permalink.php-style paths name the post in the query.
  const postParams = path.endsWith('.php')
    ? PERMALINK_PARAMS.slice(0, 2).map((key) => [key, queryParam(source ?? '', key)] as const)
    : [];
  return facebookUrl(path, [
    ...postParams,
    [URL_PARAM.commentId, ids.parentId ?? ids.id],
    [URL_PARAM.replyCommentId, ids.parentId ? ids.id : null],
  ]);
}

/** The author's link: the first link of the article with text that is not the timestamp, a hashtag or outbound. */
function authorLink(
  article: Element,
  timestamp: Element | null,
  owns: (node: Element) => boolean,
): HTMLAnchorElement | null {
  for (const link of article.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    // The avatar link comes first and has no text: the cheapest test first.
    if (link === timestamp || !(link.textContent ?? '').trim()) continue;
    const href = link.getAttribute('href') ?? '';
    if (NOT_PROFILE_LINK.test(href) || numeric(queryParam(href, URL_PARAM.commentId))) continue;
    if (!owns(link)) continue;
    return link;
  }
  return null;
}

/** The name in the article's label, without the relative time at its end. */
function nameFromLabel(article: Element): string {
  const label = labelOf(article);
  const m = COMMENT_LABEL.exec(label) ?? REPLY_LABEL.exec(label);
  return m?.[1] ? m[1].replace(LABEL_TIME_SUFFIX, '').trim() : '';
}

/**
 * A block's text as the reader sees it: `<br>` as a line break, emoji images
 * as their alt text, buttons ("Xem thêm") left out.
 */
function blockText(block: Element, holdsElements: boolean): string {
  // Most blocks hold text only: their textContent is exactly what the walk
  // below would join, and reading it touches no child node (each node
  // touched from the content script's world gets a wrapper object to collect).
  if (!holdsElements) return (block.textContent ?? '').replace(/\u00a0/g, ' ').trim();
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        out += (child as Text).data;
      } else if (isElement(child)) {
        const tag = child.tagName;
        if (tag === 'BR') out += '\n';
        else if (tag === 'IMG') out += child.getAttribute('alt') ?? '';
        else if (tag === 'SCRIPT' || tag === 'STYLE' || child.matches(BUTTON)) continue;
        else walk(child);
      }
    }
  };
  walk(block);
  return out.replace(/\u00a0/g, ' ').trim();
}

/** Longer than every action word and "Xem thêm"/"See more" in selectors.ts. */
const SHORT_LINE = 40;

/**
 * The comment's own words: the leaf-most `dir="auto"` blocks of this article
 * (not of a nested reply), minus the author's name, the action words, the
 * timestamp and "Xem thêm"; one line per block. `authorLink` is asked for
 * only when a block holds elements (it could hold the name's link): most
 * blocks hold text alone, and finding the author costs a query per comment.
 */
function commentText(
  article: Element,
  timestamp: Element | null,
  authorLink: () => Element | null,
  owns: (node: Element) => boolean,
): string {
  let text = '';
  const blocks = article.querySelectorAll(TEXT_BLOCK);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const holdsElements = block.childElementCount > 0;
    if (holdsElements) {
      // Document order: a block holding another block is followed by it. (Bounds
      // checked: reading past a NodeList's end is a slow named-property lookup.)
      if (i + 1 < blocks.length && block.contains(blocks[i + 1]!)) continue;
      if (timestamp && block.contains(timestamp)) continue;
      const author = authorLink();
      if (author && block.contains(author)) continue;
    }
    if (!owns(block)) continue;
    // Inside a link or a button of this article: a name or an action, not the words.
    const container = block.closest(LINK_OR_BUTTON);
    if (container && article.contains(container)) continue;
    const line = blockText(block, holdsElements);
    if (!line) continue;
    // Action words and "Xem thêm" are a few words long: a longer line is words.
    if (line.length <= SHORT_LINE && (ACTION_WORD.test(line) || SEE_MORE.test(line))) continue;
    text = text ? `${text}\n${line}` : line;
  }
  return text;
}

/** The "Xem thêm"/"See more" button of this article (not of a nested reply), if its text is cut. */
export function seeMoreButton(
  article: Element,
  owns: (node: Element) => boolean = (node) => ownedBy(node, article),
): HTMLElement | null {
  for (const button of article.querySelectorAll<HTMLElement>(BUTTON)) {
    if (SEE_MORE.test(button.textContent ?? '') && owns(button)) return button;
  }
  return null;
}

/** A profile URL without the comment parameters and tracking: `/name` or `/profile.php?id=…`. */
function profileUrl(link: HTMLAnchorElement | null): { url: string; path: string; id: string | null } | null {
  const href = link?.getAttribute('href') ?? null;
  const path = facebookPath(href);
  if (path === null) return null;
  // Only profile.php identifies the person by a query parameter.
  const params =
    path === '/profile.php' ? PROFILE_PARAMS.map((key) => [key, queryParam(href ?? '', key)] as const) : [];
  return { url: facebookUrl(path, params), path, id: params[0]?.[1] ?? null };
}

/** Whether a profile is one of the watched pages (same rule as isWatchedUrl, without parsing a URL). */
function isWatchedProfile(path: string, id: string | null, watchedPages: readonly string[]): boolean {
  const end = path.indexOf('/', 1);
  let first = end === -1 ? path.slice(1) : path.slice(1, end);
  // Only an escaped name needs decoding (and only it can fail to decode).
  if (first.includes('%')) {
    try {
      first = decodeURIComponent(first);
    } catch {
      return false;
    }
  }
  first = first.toLowerCase();
  const pages = lowerCaseSet(watchedPages);
  return pages.has(first) || (first === 'profile.php' && id !== null && pages.has(id));
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
 * What the watcher reads of every comment as Facebook streams it in: enough
 * to mark it and flag it. The rest of the comment (author, permalink, time,
 * "Xem thêm") is read by `extractComment` when something needs it — saving
 * an idea, the sidebar's list, a reply — which is a few comments among
 * thousands.
 */
export interface CommentGlance {
  id: string;
  parentId: string | null;
  /** The comment's own words, as `Comment.text`. */
  text: string;
}

/** The parts of a glance `extractComment` builds on. */
interface Glance extends CommentGlance {
  ids: CommentIds;
  owns: (node: Element) => boolean;
  /** The author's link, found once when first asked. */
  authorLink: () => HTMLAnchorElement | null;
}

/** A glance at an article already known to carry the article role (the watcher's query found it). */
function glanceArticle(article: Element, allowEditable: boolean): Glance | ExtractFailure {
  if (!labelledOrNested(article)) return 'not-a-comment';
  // isCommentArticle's editable test and ownership's nested-article test, in one query when neither is there.
  const inside = article.querySelector(NESTED_OR_EDITABLE);
  if (!allowEditable && (article.matches(EDITABLE) || (inside && isOrHoldsEditable(article))))
    return 'not-a-comment';
  const owns: (node: Element) => boolean = inside === null ? OWNS_ALL : ownership(article);
  const ids = readCommentIds(article, owns);
  if (!ids) return 'no-id';
  let author: HTMLAnchorElement | null | undefined;
  const findAuthor = () => {
    if (author === undefined) author = authorLink(article, ids.link, owns);
    return author;
  };
  const text = commentText(article, ids.link, findAuthor, owns);
  if (text.length > COMMENT_LIMITS.text) return 'invalid';
  return { id: ids.id, parentId: ids.parentId, text, ids, owns, authorLink: findAuthor };
}

/**
 * The id, parent id and words of a comment article found by the watcher
 * (`[role="article"]`), or why it is not read. A comment without an id is
 * refused (`no-id`), never given an invented one.
 */
export function glanceComment(article: Element): CommentGlance | ExtractFailure {
  const glance = glanceArticle(article, false);
  return typeof glance === 'string'
    ? glance
    : { id: glance.id, parentId: glance.parentId, text: glance.text };
}

/**
 * Reads one comment or reply from its article. A comment without an id is
 * refused (`no-id`), never given an invented one.
 */
export function extractComment(
  article: Element,
  pageUrl: string,
  watchedPages: readonly string[],
  opts: { allowEditable?: boolean } = {},
): ExtractResult {
  if (!article.matches(ARTICLE_ANY)) return { ok: false, reason: 'not-a-comment' };
  const glance = glanceArticle(article, opts.allowEditable === true);
  if (typeof glance === 'string')
    return glance === 'invalid'
      ? { ok: false, reason: 'invalid', detail: tooLong('text') }
      : { ok: false, reason: glance };
  const { ids, owns } = glance;
  const link = glance.authorLink();
  const author = (link?.textContent ?? '').trim() || nameFromLabel(article);
  const profile = profileUrl(link);
  const time = (ids.link?.textContent ?? '').trim();
  const postId = postIdFromUrl(ids.href) ?? postIdFromUrl(pageUrl);

  const comment: Comment = {
    id: ids.id,
    postId,
    parentId: ids.parentId,
    author,
    authorUrl: profile?.url ?? null,
    text: glance.text,
    truncated: seeMoreButton(article, owns) !== null,
    permalink: permalinkFor(ids, pageUrl),
    time,
    isPage: profile !== null && isWatchedProfile(profile.path, profile.id, watchedPages),
  };
  const problem = commentLimitProblem(comment);
  if (problem) return { ok: false, reason: 'invalid', detail: problem };
  return { ok: true, comment };
}
