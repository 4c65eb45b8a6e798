/**
 * Every Facebook selector and label the extension relies on, in one place.
 *
 * Facebook's class names are atomic and change weekly, so nothing here selects
 * on a class: only roles, aria labels, `data-*` attributes and URL parameters.
 * Each entry carries the month it was last seen working and its fallbacks in
 * the order they are tried. When Facebook moves, update this file, the model in
 * docs/facebook-dom.md and the replica together, with the date.
 */

// 2026-11: a modal post viewer; comments inside it are searched first because
// the feed behind it keeps its own (stale) threads in the DOM.
export const POST_DIALOG = 'div[role="dialog"][aria-modal="true"]';

// 2026-11: every comment and reply renders as an article; so do feed posts.
// Fallback: any element with the role (Facebook has used <div> and <li>).
export const ARTICLE = ['div[role="article"]', '[role="article"]'] as const;
/** One selector string for `closest()`/`querySelectorAll`, fallbacks included. */
export const ARTICLE_ANY = '[role="article"]';

// 2026-11: feed posts. Fallbacks: the feed's positioned items, then the
// top-level articles (those not inside another article) — used only to tell
// "the page shows posts" for the layout warning.
export const POST = ['[role="feed"] [aria-posinset]', '[aria-posinset]'] as const;

// 2026-11: article labels. vi: "Bình luận của NAME 3 giờ trước",
// "Bình luận dưới tên NAME …" (a page commenting as itself), "Phản hồi của NAME …";
// en: "Comment by NAME 3 hours ago", "Reply by NAME …". Case-insensitive;
// the name follows the prefix.
export const COMMENT_LABEL = /^\s*(?:bình luận của|bình luận dưới tên|comment by)\s+(.+)$/iu;
export const REPLY_LABEL = /^\s*(?:phản hồi của|trả lời của|reply by)\s+(.+)$/iu;
/** Either label, for the one test every article gets (the name is read with the two above). */
export const COMMENT_OR_REPLY_LABEL = new RegExp(`${COMMENT_LABEL.source}|${REPLY_LABEL.source}`, 'iu');
/** Relative time at the end of a label ("3 giờ trước", "2 hours ago"): stripped to find the name. */
export const LABEL_TIME_SUFFIX =
  /\s+(?:khoảng\s+)?(?:\d+|một|an?)\s*(?:giây|phút|giờ|ngày|tuần|tháng|năm|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|[smhdwy])\s*(?:trước|ago)?\s*$/iu;

// 2026-11: a composer's own label can read "Bình luận dưới tên <Page>": any node
// that is or holds an editable area is never a comment.
export const EDITABLE = '[contenteditable]';

// 2026-11: the timestamp link of a comment: its text is the relative time, its
// URL carries `comment_id` (and `reply_comment_id` for a reply). The substring
// also matches a link carrying only `reply_comment_id`, so one selector covers
// both; the link's owner and numeric values are checked in extract.ts.
export const TIMESTAMP_LINK_ANY = 'a[href*="comment_id="]';

// 2026-11: some builds wrap each comment in an element carrying its id.
// Fallback for when the timestamp link is missing; numeric values only.
export const COMMENT_ID_WRAPPER = ['div[data-commentid]', '[data-commentid]'] as const;
export const COMMENT_ID_WRAPPER_ANY = 'div[data-commentid], [data-commentid]';
export const COMMENT_ID_ATTRIBUTE = 'data-commentid';

// 2026-11: URL parameters and paths that carry ids. A profile link inside a
// comment also carries `comment_id`, base64 of "comment:…" (`Y29tbWVudDo…`):
// only all-digit values count as ids.
export const URL_PARAM = {
  commentId: 'comment_id',
  replyCommentId: 'reply_comment_id',
  storyId: 'story_fbid',
} as const;
export const NUMERIC_ID = /^\d{1,30}$/;
// 2026-11: post ids in paths: `/<page>/posts/<id>`, then `/permalink/<id>`,
// `/videos/<id>`, `/photos/…/<id>`; a `pfbid…` id is not numeric and gives none.
export const POST_PATH = [/\/posts\/(\d{1,30})(?:[/?#]|$)/, /\/permalink\/(\d{1,30})(?:[/?#]|$)/] as const;
/** Query parameters kept in a permalink; everything else (tracking `__cft__`, `__tn__`) is dropped. */
export const PERMALINK_PARAMS = ['story_fbid', 'id', 'comment_id', 'reply_comment_id'] as const;
/** Query parameters kept in an author's profile URL. */
export const PROFILE_PARAMS = ['id'] as const;

export const FACEBOOK_ORIGIN = 'https://www.facebook.com';

// 2026-11: links inside an article that are not the author: hashtags,
// outbound links through l.facebook.com, and the timestamp link itself.
export const NOT_PROFILE_LINK = /\/hashtag\/|^https?:\/\/l\.facebook\.com\//i;

// 2026-11: the comment's words are in `dir="auto"` blocks (leaf-most ones).
export const TEXT_BLOCK = '[dir="auto"]';

// 2026-11: buttons inside a comment. Only their text identifies them.
export const BUTTON = '[role="button"]';
/** A link or a button: a text block inside one is a name or an action, never the comment's words. */
export const LINK_OR_BUTTON = `a[href], ${BUTTON}`;
/** "Xem thêm"/"See more": the text was cut. Exact, so "Xem thêm bình luận" does not match. */
export const SEE_MORE = /^\s*(?:xem thêm|see more)\s*$/iu;
/** "Xem thêm bình luận"/"View more comments", "Xem thêm phản hồi"/"View more replies". */
export const MORE_COMMENTS =
  /^\s*(?:xem thêm (?:\d+\s+)?(?:bình luận|phản hồi)|xem tất cả \d+ phản hồi|view (?:more|all|\d+) (?:more )?(?:comments?|repl(?:y|ies)))/iu;
/** Action words under a comment; never part of its text. */
export const ACTION_WORD =
  /^\s*(?:thích|phản hồi|trả lời|chia sẻ|đã chỉnh sửa|like|reply|share|edited|tác giả|author|người theo dõi hàng đầu|top fan)\s*$/iu;

// 2026-11: Facebook's composer is a Lexical editor. Fallbacks, in order: any
// editable textbox, then any Lexical root (the attributes have moved before).
export const COMPOSER = [
  'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  '[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  '[contenteditable="true"][data-lexical-editor="true"]',
] as const;
export const COMPOSER_ANY = '[contenteditable="true"][data-lexical-editor="true"]';
// 2026-11: composer labels. The post's own composer: "Viết bình luận…",
// "Bình luận dưới tên PAGE", "Write a comment…", "Comment as PAGE".
export const POST_COMPOSER_LABEL = /^\s*(?:viết bình luận|bình luận dưới tên|write a comment|comment as)\b/iu;
// A reply box: "Trả lời dưới tên PAGE", "Phản hồi dưới tên PAGE", "Reply to NAME…", "Reply as PAGE".
export const REPLY_COMPOSER_LABEL =
  /^\s*(?:trả lời|phản hồi|viết phản hồi|reply to|reply as|write a reply)\b/iu;
// 2026-11: an @mention Lexical renders in a reply box; fallback: the box's text
// starting with the author's name (checked against the thread, see composer.ts).
export const MENTION = ['[data-lexical-mention]', '[data-mention]', 'a[href]'] as const;

/** Every fallback list joined in order, for a single `querySelectorAll`. */
export function any(list: readonly string[]): string {
  return list.join(', ');
}

// 2026-11: Facebook's dark theme is a class on <html>, not the system colour
// scheme. Fallback: none needed — without it our UI stays in its light style.
export const DARK_THEME_CLASS = '__fb-dark-mode';
