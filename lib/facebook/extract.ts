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
  GLANCE_PARTS,
  LABEL_ANSWERED_SUFFIX,
  LABEL_TIME_SUFFIX,
  LINK_OR_BUTTON,
  NESTED_OR_EDITABLE,
  NOT_PROFILE_LINK,
  OUTBOUND_PREFIX,
  POST_DIALOG,
  PREVIEW_CARD,
  REPLY_LABEL,
  SEE_MORE,
  TEXT_BLOCK,
  TIMESTAMP_LINK_ANY,
  URL_PARAM,
} from './selectors';
import {
  type CommentToken,
  commentPermalink,
  decodeCommentToken,
  isWatchedPath,
  numeric,
  pfbidFromUrl,
  postIdFromUrl,
  profileUrl,
  queryParam,
} from './urls';

export { postIdFromUrl } from './urls';

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
  /** The base64 token the ids came from, when no timestamp link had them (it names the post too). */
  token: CommentToken | null;
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

/** Whether an article's label says it is a reply ("Phản hồi của …", "Reply by …"), whatever its ids say. */
export function isReplyArticle(el: Element): boolean {
  return REPLY_LABEL.test(labelOf(el));
}

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
 * reply's `reply_comment_id`, never its parent's), else from the base64
 * token on its own avatar or name link (2025-06: some comments carry only
 * that form), else from a `data-commentid` wrapper that wraps this article
 * first. Null when the comment has none yet (still being posted).
 * `links`: the article's `a[href]`, when the caller has them already, and
 * `hrefs` their `href`s in the same order (each read once by the caller).
 */
export function readCommentIds(
  article: Element,
  owns: (node: Element) => boolean = (node) => ownedBy(node, article),
  links: ArrayLike<HTMLAnchorElement> = article.querySelectorAll<HTMLAnchorElement>(TIMESTAMP_LINK_ANY),
  hrefs?: readonly string[],
): CommentIds | null {
  // Numeric ids first. An indexed loop: this runs for every comment, and a
  // NodeList iterator is an object each time.
  let tokenRaws: (readonly [HTMLAnchorElement, string, string])[] | null = null;
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    // The URL first: most links fail here without a DOM walk.
    const href = hrefs ? hrefs[i]! : (link.getAttribute('href') ?? '');
    const raw = queryParam(href, URL_PARAM.commentId);
    if (raw === null && !href.includes(URL_PARAM.replyCommentId)) continue;
    const commentId = numeric(raw);
    const replyId = href.includes(URL_PARAM.replyCommentId)
      ? numeric(queryParam(href, URL_PARAM.replyCommentId))
      : null;
    if (replyId || commentId) {
      if (!owns(link)) continue;
      if (replyId) return { id: replyId, parentId: commentId, link, href, token: null };
      return { id: commentId as string, parentId: null, link, href, token: null };
    }
    // The base64 form: decoded only if no numeric link is found.
    if (raw !== null) {
      tokenRaws ??= [];
      tokenRaws.push([link, href, raw]);
    }
  }
  if (tokenRaws) {
    let token: CommentToken | null = null;
    let tokenLink: HTMLAnchorElement | null = null;
    let tokenHref = '';
    for (const [link, href, raw] of tokenRaws) {
      const decoded = decodeCommentToken(raw);
      if (!decoded || !owns(link)) continue;
      token ??= decoded;
      // Of the token's links, the one to the post is the timestamp.
      if (sameComment(token, decoded) && isPostLink(href)) {
        tokenLink = link;
        tokenHref = href;
        break;
      }
    }
    if (token) {
      const { commentId, replyId } = token;
      const href = tokenLink === null ? null : tokenHref;
      return replyId
        ? { id: replyId, parentId: commentId, link: tokenLink, href, token }
        : { id: commentId, parentId: null, link: tokenLink, href, token };
    }
  }
  const wrapper = article.closest(COMMENT_ID_WRAPPER_ANY);
  // A wrapper around a parent and its sibling replies belongs to the parent only.
  if (wrapper && wrapper.querySelector(ARTICLE_ANY) === article) {
    const id = numeric(wrapper.getAttribute(COMMENT_ID_ATTRIBUTE));
    if (id) return { id, parentId: null, link: null, href: null, token: null };
  }
  return null;
}

function sameComment(a: CommentToken, b: CommentToken): boolean {
  return a.commentId === b.commentId && a.replyId === b.replyId;
}

/** A link to a post (`/posts/…`, `/permalink/…`, `permalink.php`): a timestamp link, not a profile. */
function isPostLink(href: string): boolean {
  return postIdFromUrl(href) !== null || pfbidFromUrl(href) !== null || href.includes('permalink.php');
}

/**
 * The author's link: the first link of the article with text that is not the
 * timestamp, a hashtag or outbound. `links` are the article's `a[href]` in
 * document order and `hrefs` their `href`s (the glance has them already).
 */
function authorLink(
  ids: CommentIds,
  owns: (node: Element) => boolean,
  links: readonly HTMLAnchorElement[],
  hrefs: readonly string[],
): HTMLAnchorElement | null {
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    // The avatar link comes first and has no text: the cheapest test first.
    if (link === ids.link || !(link.textContent ?? '').trim()) continue;
    const href = hrefs[i]!;
    if (NOT_PROFILE_LINK.test(href)) continue;
    const raw = queryParam(href, URL_PARAM.commentId);
    if (raw !== null) {
      if (numeric(raw)) continue;
      // A base64 token names the comment its link belongs to: another comment's name is not our author.
      const token = decodeCommentToken(raw);
      if (token && (token.replyId ?? token.commentId) !== ids.id) continue;
    }
    if (!owns(link)) continue;
    return link;
  }
  return null;
}

/** The post a base64 token names, when the token is about this comment (its own links carry it). */
function tokenPostId(article: Element, ids: CommentIds, owns: (node: Element) => boolean): string | null {
  if (ids.token) return ids.token.postId;
  const links = article.querySelectorAll<HTMLAnchorElement>(TIMESTAMP_LINK_ANY);
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    if (link === ids.link) continue;
    const token = decodeCommentToken(queryParam(link.getAttribute('href') ?? '', URL_PARAM.commentId));
    if (token && (token.replyId ?? token.commentId) === ids.id && owns(link)) return token.postId;
  }
  return null;
}

/** An outbound link (through l.facebook.com, or off Facebook), from its `href`. */
export function isOutbound(href: string): boolean {
  return (
    href.startsWith(OUTBOUND_PREFIX) ||
    (href.startsWith('http') && !href.startsWith(FACEBOOK_ORIGIN) && !FACEBOOK_HOST.test(href))
  );
}
const FACEBOOK_HOST = /^https?:\/\/(?:[\w-]+\.)*facebook\.com(?:[/?#:]|$)/i;

/**
 * The link-preview cards of an article: their domain and title are
 * `dir="auto"` blocks, never the comment's words (2025-06, saved real page).
 * A card always has its outbound <a>: found from the article's outbound links
 * not inside the words. For each, `[data-ft]` around it first; only when
 * there is none, the fallback: its nearest container (three levels at most)
 * holding text blocks of its own and none before the link.
 */
function previewCards(article: Element, outbound: readonly Element[], timestamp: Element | null): Element[] {
  const cards: Element[] = [];
  for (const link of outbound) {
    // A link inside the words (a URL the person typed) is part of them.
    const block = link.closest(TEXT_BLOCK);
    if (block !== null && article.contains(block)) continue;
    const tagged = link.closest(PREVIEW_CARD);
    if (
      tagged &&
      tagged !== article &&
      article.contains(tagged) &&
      !(timestamp && tagged.contains(timestamp))
    ) {
      cards.push(tagged);
      continue;
    }
    let box = link.parentElement;
    for (let up = 0; box && box !== article && up < 3; up++, box = box.parentElement) {
      const first = box.querySelector(TEXT_BLOCK);
      if (first === null) continue;
      // Words before the link: this box holds the comment too, so it is not the card.
      if (first.compareDocumentPosition(link) & 4 /* FOLLOWING */) break;
      cards.push(box);
      break;
    }
  }
  return cards;
}

/**
 * The name in an article's label, without the relative time at its end
 * ("… vào 1 tuần trước") and, for a reply, without the person it answers
 * ("X to Y's comment 8 weeks ago" → "X").
 */
export function nameFromLabel(label: string): string {
  const m = COMMENT_LABEL.exec(label) ?? REPLY_LABEL.exec(label);
  return m?.[1] ? m[1].replace(LABEL_TIME_SUFFIX, '').replace(LABEL_ANSWERED_SUFFIX, '').trim() : '';
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

const NO_CARDS: readonly Element[] = [];

function insideAny(node: Element, boxes: readonly Element[]): boolean {
  for (let i = 0; i < boxes.length; i++) if (boxes[i]!.contains(node)) return true;
  return false;
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
  outbound: readonly Element[],
  blocks: readonly Element[],
): string {
  let text = '';
  const cards =
    outbound.length > 0 && blocks.length > 0 ? previewCards(article, outbound, timestamp) : NO_CARDS;
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
    if (cards.length > 0 && insideAny(block, cards)) continue;
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
  if (!allowEditable && article.matches(EDITABLE)) return 'not-a-comment';
  // One subtree query for all a glance reads (each query walks the whole
  // article, ~120 elements on 2025 pages): nested articles and editable
  // areas, links (the ids' and the outbound ones a preview card has), text blocks.
  const parts = article.querySelectorAll(GLANCE_PARTS);
  const links: HTMLAnchorElement[] = [];
  // Each link's `href`, read once here: the ids and the outbound test below
  // read it from this list, not from the DOM again (each DOM call from the
  // content script's world crosses into Blink).
  const hrefs: string[] = [];
  const blocks: Element[] = [];
  let inside = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.localName === 'a') {
      const href = part.getAttribute('href');
      if (href !== null) {
        links.push(part as HTMLAnchorElement);
        hrefs.push(href);
      }
    }
    if (part.matches(TEXT_BLOCK)) blocks.push(part);
    if (!inside && part.matches(NESTED_OR_EDITABLE)) inside = true;
  }
  if (!allowEditable && inside && isOrHoldsEditable(article)) return 'not-a-comment';
  const owns: (node: Element) => boolean = inside ? ownership(article) : OWNS_ALL;
  const ids = readCommentIds(article, owns, links, hrefs);
  if (!ids) return 'no-id';
  let outbound: Element[] | null = null;
  for (let i = 0; i < links.length; i++) {
    const href = hrefs[i]!;
    if (!href.startsWith(FACEBOOK_ORIGIN) && isOutbound(href)) {
      outbound ??= [];
      outbound.push(links[i]!);
    }
  }
  let author: HTMLAnchorElement | null | undefined;
  const findAuthor = () => {
    if (author === undefined) author = authorLink(ids, owns, links, hrefs);
    return author;
  };
  const text = commentText(article, ids.link, findAuthor, owns, outbound ?? NO_CARDS, blocks);
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
  const author = (link?.textContent ?? '').trim() || nameFromLabel(labelOf(article));
  const profile = profileUrl(link?.getAttribute('href') ?? null);
  const time = (ids.link?.textContent ?? '').trim();
  // The timestamp link's path, then the base64 token of this comment's own links, then the page.
  const postId = postIdFromUrl(ids.href) ?? tokenPostId(article, ids, owns) ?? postIdFromUrl(pageUrl);
  const postKey = postId ?? pfbidFromUrl(ids.href) ?? pfbidFromUrl(pageUrl);

  const comment: Comment = {
    id: ids.id,
    postId,
    postKey,
    parentId: ids.parentId,
    author,
    authorUrl: profile?.url ?? null,
    text: glance.text,
    truncated: seeMoreButton(article, owns) !== null,
    permalink: commentPermalink(ids.href, pageUrl, ids.id, ids.parentId),
    time,
    isPage: profile !== null && isWatchedPath(profile.path, profile.id, watchedPages),
  };
  const problem = commentLimitProblem(comment);
  if (problem) return { ok: false, reason: 'invalid', detail: problem };
  return { ok: true, comment };
}
