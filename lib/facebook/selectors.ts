/**
 * Every Facebook selector and label the extension relies on, in one place.
 *
 * Facebook's class names are atomic and change weekly, so nothing here selects
 * on a class: only roles, aria labels, `data-*` attributes and URL parameters.
 * Each entry carries the month it was last seen working and, where there is
 * one, a fallback tried only when the entry before it finds nothing. When Facebook moves, update this file, the model in
 * docs/facebook-dom.md and the replica together, with the date.
 */

// 2026-11: a modal post viewer; comments inside it are searched first because
// the feed behind it keeps its own (stale) threads in the DOM.
export const POST_DIALOG = 'div[role="dialog"][aria-modal="true"]';

// 2026-11 (and the saved real page, 2025-06): every comment and reply renders
// as an article; so do feed posts. One selector: Facebook has used <div> and
// <li>, and a "div[role=article]" tried first would find nothing the role
// alone does not (a fallback that is a superset is no fallback).
export const ARTICLE_ANY = '[role="article"]';

// 2026-11: feed posts, positioned items of the feed (`[role="feed"]` dropped:
// the item alone finds the same) — used only to tell "the page shows posts"
// for the layout warning.
export const POST = '[aria-posinset]';

// Article labels. Case-insensitive; the name follows the prefix.
// 2026-11: vi "Bình luận của NAME 3 giờ trước", "Phản hồi của NAME …";
// en "Comment by NAME 3 hours ago", "Reply by NAME …".
// 2025-06 (labels several projects record from the live site): today's vi label
// of another person's comment is "Bình luận dưới tên NAME vào 1 tuần trước";
// en replies read "Reply by X to Y's comment 8 weeks ago".
export const COMMENT_LABEL = /^\s*(?:bình luận của|bình luận dưới tên|comment by)\s+(.+)$/iu;
export const REPLY_LABEL = /^\s*(?:phản hồi của|phản hồi dưới tên|trả lời của|reply by)\s+(.+)$/iu;
/** Either label, for the one test every article gets (the name is read with the two above). */
export const COMMENT_OR_REPLY_LABEL = new RegExp(`${COMMENT_LABEL.source}|${REPLY_LABEL.source}`, 'iu');
/**
 * Relative time at the end of a label ("3 giờ trước", "vào 1 tuần trước",
 * "2 hours ago"): stripped to find the name. 2025-06: "vào" before the time.
 */
export const LABEL_TIME_SUFFIX =
  /\s+(?:vào\s+)?(?:khoảng\s+)?(?:\d+|một|an?)\s*(?:giây|phút|giờ|ngày|tuần|tháng|năm|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|[smhdwy])\s*(?:trước|ago)?\s*$/iu;
/**
 * The answered person after a reply's name (2025-06, en: "Reply by X to Y's
 * comment"; vi, by analogy: "… cho bình luận của Y", "… trả lời bình luận của Y").
 * Stripped after the time. Bounded: no nested quantifier, one lazy run.
 */
export const LABEL_ANSWERED_SUFFIX =
  /\s+(?:to\s+.{1,200}?['’]s?\s+comment|(?:cho|trả lời)\s+bình luận của\s+.{1,200}?)\s*$/iu;

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
export const COMMENT_ID_WRAPPER_ANY = '[data-commentid]';
export const COMMENT_ID_ATTRIBUTE = 'data-commentid';

// 2026-11: URL parameters and paths that carry ids. Only all-digit values
// count as ids; a reply's timestamp link carries
// `comment_id=<parent>&reply_comment_id=<reply>`.
export const URL_PARAM = {
  commentId: 'comment_id',
  replyCommentId: 'reply_comment_id',
  storyId: 'story_fbid',
} as const;
export const NUMERIC_ID = /^\d{1,30}$/;
// 2025-06 (saved real page): the avatar and name links of a comment carry
// `comment_id=` base64 of "comment:<numeric post id>_<comment id>"
// (`Y29tbWVudDo…`, "%3D"-escaped padding). Decoded in urls.ts: it names the
// post, and the comment a link belongs to. Some comments carry only this form.
export const BASE64_COMMENT_TOKEN = /^Y29tbWVudDo[0-9A-Za-z+/_%=-]{4,190}$/;
// 2025-06 (saved real page): permalinks are `/<page>/posts/pfbid0…?comment_id=…`;
// the opaque pfbid is the post's only key there.
export const PFBID = /\/(?:posts|permalink)\/(pfbid0[0-9A-Za-z]{10,100})(?:[/?#]|$)/;
// 2026-11: numeric post ids in paths: `/<page>/posts/<id>`, then `/permalink/<id>`;
// a `pfbid…` id is not numeric and gives none (see PFBID).
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

// 2025-06 (saved real page, 0 of 10 texts right before this): a comment with a
// link shows a preview card; its domain and title are `dir="auto"` blocks in a
// `div[data-ft]` beside the card's <a> (outside it), not the comment's words.
// A card always has its outbound <a>; around it, `[data-ft]` first; the
// fallback, tried only when there is none: the link's nearest container with
// text blocks of its own and no words before the link — see extract.ts.
export const PREVIEW_CARD = '[data-ft]';
/** Outbound links go through l.facebook.com (2025-06); a link off facebook.com is outbound too. */
export const OUTBOUND_PREFIX = 'https://l.facebook.com/';

// 2026-11: buttons inside a comment. Only their text identifies them.
export const BUTTON = '[role="button"]';
/** A link or a button: a text block inside one is a name or an action, never the comment's words. */
export const LINK_OR_BUTTON = `a[href], ${BUTTON}`;
/** "Xem thêm"/"See more": the text was cut. Exact, so "Xem thêm bình luận" does not match. */
export const SEE_MORE = /^\s*(?:xem thêm|see more)\s*$/iu;
/** Action words under a comment; never part of its text. */
export const ACTION_WORD =
  /^\s*(?:thích|phản hồi|trả lời|chia sẻ|đã chỉnh sửa|like|reply|share|edited|tác giả|author|người theo dõi hàng đầu|top fan)\s*$/iu;

// Composers are Lexical editors. 2025-06 (saved real page): a box may carry
// only `aria-placeholder`, no `aria-label`: composers are found by role,
// contenteditable and `data-lexical-editor`, and where they sit; the label or
// placeholder is read as a hint only (composer-target.ts). True fallbacks,
// tried in order, each only when the one before finds nothing: the full
// Lexical textbox (2026-11), then a Lexical root without the role.
export const COMPOSER = [
  '[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  '[contenteditable="true"][data-lexical-editor="true"]',
] as const;
/** The attributes insertion relies on (Lexical's root, editable): checked on whatever was found. */
export const LEXICAL_ROOT = '[contenteditable="true"][data-lexical-editor="true"]';
// Composer hints (aria-label, else aria-placeholder). The post's own composer:
// "Viết bình luận…", "Bình luận dưới tên PAGE", "Write a comment…", "Comment as PAGE".
export const POST_COMPOSER_LABEL = /^\s*(?:viết bình luận|bình luận dưới tên|write a comment|comment as)\b/iu;
// A reply box: "Trả lời dưới tên PAGE", "Phản hồi dưới tên PAGE", "Reply to NAME…",
// "Reply as PAGE"; 2025-06: "Answer as NAME" (en), "Viết phản hồi…".
export const REPLY_COMPOSER_LABEL =
  /^\s*(?:trả lời|phản hồi|viết phản hồi|reply to|reply as|write a reply|answer as)\b/iu;

// 2026-11: Facebook's dark theme is a class on <html>, not the system colour
// scheme. Fallback: none needed — without it our UI stays in its light style.
export const DARK_THEME_CLASS = '__fb-dark-mode';
