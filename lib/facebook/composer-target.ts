import type { Comment } from './comment';
import { extractComment, glanceComment, isCommentArticle, isReplyArticle } from './extract';
import { composerText, isLexicalComposer } from './lexical-insert';
import {
  ARTICLE_ANY,
  COMPOSER,
  POST,
  POST_COMPOSER_LABEL,
  POST_DIALOG,
  REPLY_COMPOSER_LABEL,
} from './selectors';

/**
 * Which comment a composer answers. Composers are found by role,
 * contenteditable and `data-lexical-editor` (selectors.ts's COMPOSER, tried in
 * order) and told apart by where they sit; their label or placeholder is a
 * hint only: 2025-06, real boxes may carry only `aria-placeholder`.
 */

/** The composers under `scope`: the first selector of COMPOSER that finds any, in document order. */
export function findComposers(scope: ParentNode): HTMLElement[] {
  for (const selector of COMPOSER) {
    const found = scope.querySelectorAll<HTMLElement>(selector);
    if (found.length > 0) return Array.from(found).filter(isLexicalComposer);
  }
  return [];
}

/** The composer the moderator is typing in, or null when focus is elsewhere. */
export function activeComposer(doc: Document): HTMLElement | null {
  let active: Element | null = doc.activeElement;
  // Focus inside a shadow root (not Facebook's, but be exact) reports the host.
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active) return null;
  for (const selector of COMPOSER) {
    const composer = active.closest<HTMLElement>(selector);
    if (composer) return isLexicalComposer(composer) ? composer : null;
  }
  return null;
}

export interface AnsweredComment {
  comment: Comment;
  element: Element;
  /** `mention`: the box opens with an @mention of this author; `thread`: the thread's first comment. */
  via: 'mention' | 'thread' | 'inside';
}

/** What a composer says about itself: its `aria-label`, else its `aria-placeholder` (2025-06: often the only one). */
export function composerHint(composer: Element): string {
  return composer.getAttribute('aria-label') || composer.getAttribute('aria-placeholder') || '';
}

/**
 * The post's own composer ("Viết bình luận…") or a reply box. The hint
 * decides when it names one; otherwise where the box sits: the nearest
 * ancestor holding a comment holds one thread for a reply box (the box opens
 * inside the comment's wrapper, beside its replies) and the whole list for the
 * post's composer. With one thread on the post, that ancestor is the post
 * itself for the post's composer (the dialog, the post's article, the feed
 * item, or what holds the post's heading) and the thread's wrapper for a
 * reply box.
 */
export function composerKind(composer: Element): 'post' | 'reply' {
  const hint = composerHint(composer);
  if (POST_COMPOSER_LABEL.test(hint)) return 'post';
  if (REPLY_COMPOSER_LABEL.test(hint)) return 'reply';
  const inside = composer.parentElement?.closest(ARTICLE_ANY);
  if (inside && isCommentArticle(inside, { allowEditable: true })) return 'reply';
  let node = composer.parentElement;
  for (let up = 0; node && up < 40; up++, node = node.parentElement) {
    const topLevel = topLevelComments(node, composer);
    if (topLevel === 0) {
      if (isPostContainer(node)) return 'post';
      continue;
    }
    return topLevel >= 2 || isPostContainer(node) ? 'post' : 'reply';
  }
  return 'post';
}

/** The post's own box: its dialog, its (non-comment) article, its feed item, or what holds its heading. */
function isPostContainer(el: Element): boolean {
  return (
    el.matches(`${POST_DIALOG}, ${POST}, ${ARTICLE_ANY}`) ||
    el.querySelector(':scope > h1, :scope > h2, :scope > h3, :scope > [role="heading"]') !== null
  );
}

/** How many comments (not replies) `scope` holds, outside `except`; stops counting at two. */
function topLevelComments(scope: Element, except: Element): number {
  let count = 0;
  for (const article of scope.querySelectorAll(ARTICLE_ANY)) {
    if (except.contains(article) || !isCommentArticle(article)) continue;
    if (isReplyArticle(article)) continue;
    const seen = glanceComment(article);
    if (typeof seen !== 'string' && seen.parentId === null && ++count >= 2) break;
  }
  return count;
}

/** True for the post's own composer ("Viết bình luận…"), which answers no comment. */
export function isPostComposer(composer: Element): boolean {
  return composerKind(composer) === 'post';
}

/**
 * Comment articles before `start` in document order, nearest first, without
 * leaving the post: stops at a post dialog or a non-comment article (the post).
 */
function* precedingComments(start: Element): Generator<Element> {
  let node: Element = start;
  for (let steps = 0; steps < 500; steps += 1) {
    const prev = node.previousElementSibling;
    if (prev) {
      node = prev;
      const inside = Array.from(node.querySelectorAll(ARTICLE_ANY)).reverse();
      for (const el of inside) if (isCommentArticle(el)) yield el;
      if (isCommentArticle(node)) yield node;
      continue;
    }
    const parent = node.parentElement;
    if (!parent || parent.matches(POST_DIALOG)) return;
    if (parent.matches(ARTICLE_ANY)) {
      // The box sits inside an article: a comment when labelled like one, else the post.
      if (!isCommentArticle(parent, { allowEditable: true })) return;
      yield parent;
    }
    node = parent;
  }
}

/**
 * Which comment a composer answers. Facebook opens the reply box outside the
 * comment's article, after its thread (sibling replies included), sometimes
 * with an @mention of the person answered: walk back through the thread to
 * its first comment; a mention picks the reply of that author. The post's own
 * composer answers no comment (null).
 */
export function resolveCommentForComposer(
  composer: Element,
  pageUrl: string,
  watchedPages: readonly string[],
): AnsweredComment | null {
  const kind = composerKind(composer);
  if (kind === 'post') return null;
  const typed = composerText(composer).trimStart();
  const thread: { comment: Comment; element: Element }[] = [];
  for (const element of precedingComments(composer)) {
    const inside = element.contains(composer);
    const result = extractComment(element, pageUrl, watchedPages, { allowEditable: inside });
    if (!result.ok) continue;
    if (inside) return { comment: result.comment, element, via: 'inside' };
    thread.push({ comment: result.comment, element });
    // The thread starts at its top-level comment; earlier ones belong to other threads.
    // A reply known by its base64 token alone has no parent id: its label still says "reply".
    if (result.comment.parentId === null && !isReplyArticle(element)) break;
  }
  const top = thread.at(-1);
  if (!top || top.comment.parentId !== null || isReplyArticle(top.element)) return null;
  // Nearest author whose name the box starts with: the @mention Facebook prefilled.
  const byName = typed
    ? thread
        .filter((t) => t.comment.author && typed.startsWith(t.comment.author))
        .sort((a, b) => b.comment.author.length - a.comment.author.length)[0]
    : undefined;
  if (byName) return { ...byName, via: 'mention' };
  // An empty box, or one the moderator typed into, belongs to this thread.
  return { ...top, via: 'thread' };
}

/**
 * The composer for a comment: the reply box that answers it, dialog first; for
 * `null`, the post's own composer. Null when none is open.
 */
export function findComposerFor(
  commentId: string | null,
  doc: Document,
  pageUrl: string,
  watchedPages: readonly string[],
): HTMLElement | null {
  const dialogs = Array.from(doc.querySelectorAll(POST_DIALOG));
  const scopes: ParentNode[] = [...dialogs.reverse(), doc];
  for (const scope of scopes) {
    for (const composer of findComposers(scope)) {
      if (commentId === null) {
        if (isPostComposer(composer)) return composer;
        continue;
      }
      if (resolveCommentForComposer(composer, pageUrl, watchedPages)?.comment.id === commentId)
        return composer;
    }
  }
  return null;
}
