/**
 * Every Facebook selector and label the extension relies on, in one place.
 *
 * Facebook's class names are atomic and change weekly, so nothing here selects
 * on a class: only roles, aria labels, `data-*` attributes and URL parameters.
 * Each entry carries the month it was last seen working and, where there is
 * one, a fallback tried only when the entry before it finds nothing. When
 * Facebook moves, update this file, the model in docs/facebook-dom.md and the
 * replica together, with the date.
 *
 * Selectors as data: the selectors and labels Facebook changes most live in a
 * versioned, dated pack (`BUILT_IN_SELECTOR_PACK` below, exported as
 * public/packs/selectors.json). A moderator can import a newer pack in Options
 * to follow a Facebook change before a new version of the extension reaches
 * the store (selector-pack.ts validates it; `applySelectorPack` applies it).
 * A pack is data only: CSS selectors and words. The regular expressions are
 * built here from escaped words, anchored, with bounded repetition: no pack
 * can make one that runs away.
 */

/** What a selector pack holds (selector-pack.ts's zod schema is checked against this). */
export interface SelectorPackData {
  format: 'khcn-moderator/selectors';
  version: 1;
  /** The pack's own version, e.g. "2026.12.06". */
  packVersion: string;
  /** When its contents were last seen working on facebook.com (YYYY-MM-DD). */
  updated: string;
  selectors: {
    postDialog: string;
    article: string;
    post: string;
    editable: string;
    timestampLink: string;
    commentIdWrapper: string;
    commentIdAttribute: string;
    textBlock: string;
    previewCard: string;
    button: string;
    /** Tried in order, each only when the one before finds nothing. */
    composer: string[];
    lexicalRoot: string;
  };
  labels: {
    /** What a comment's label starts with; the name follows. */
    comment: string[];
    reply: string[];
    /** Words of a relative time at the end of a label. */
    timeBefore: string[];
    timeNumbers: string[];
    timeUnits: string[];
    timeAfter: string[];
    /** "X to Y's comment": [before, after] the answered person's name. */
    answered: [string, string][];
    seeMore: string[];
    actions: string[];
    postComposer: string[];
    replyComposer: string[];
  };
}

/** The pack built into this version of the extension (the default). */
export const BUILT_IN_SELECTOR_PACK: SelectorPackData = {
  format: 'khcn-moderator/selectors',
  version: 1,
  packVersion: '2026.12.06',
  updated: '2026-12-06',
  selectors: {
    // 2026-11: a modal post viewer; comments inside it are searched first because
    // the feed behind it keeps its own (stale) threads in the DOM.
    postDialog: 'div[role="dialog"][aria-modal="true"]',
    // 2026-11 (and the saved real page, 2025-06): every comment and reply renders
    // as an article; so do feed posts. One selector: Facebook has used <div> and
    // <li>, and a "div[role=article]" tried first would find nothing the role
    // alone does not (a fallback that is a superset is no fallback).
    article: '[role="article"]',
    // 2026-11: feed posts, positioned items of the feed (`[role="feed"]` dropped:
    // the item alone finds the same) — the layout warning, and a composer's place.
    post: '[aria-posinset]',
    // 2026-11: a composer's own label can read "Bình luận dưới tên <Page>": any node
    // that is or holds an editable area is never a comment.
    editable: '[contenteditable]',
    // 2026-11, 2025-06: the timestamp link of a comment: its text is the relative
    // time, its URL carries `comment_id` (and `reply_comment_id` for a reply). The
    // substring also matches a link carrying only `reply_comment_id`; the link's
    // owner and values are checked in extract.ts.
    timestampLink: 'a[href*="comment_id="]',
    // 2026-11: some builds wrap each comment in an element carrying its id.
    // Fallback for when no link carries the id; numeric values only.
    commentIdWrapper: '[data-commentid]',
    commentIdAttribute: 'data-commentid',
    // 2026-11, 2025-06: the comment's words are in `dir="auto"` blocks (leaf-most ones).
    textBlock: '[dir="auto"]',
    // 2025-06 (saved real page, 0 of 10 texts right before this): a comment with a
    // link shows a preview card; its domain and title are `dir="auto"` blocks in a
    // `div[data-ft]` beside the card's <a> (outside it), not the comment's words.
    // A card always has its outbound <a>; around it, `[data-ft]` first; the
    // fallback, tried only when there is none: the link's nearest container with
    // text blocks of its own and no words before the link — see extract.ts.
    previewCard: '[data-ft]',
    // 2026-11: buttons inside a comment. Only their text identifies them.
    button: '[role="button"]',
    // Composers are Lexical editors. 2025-06 (saved real page): a box may carry
    // only `aria-placeholder`, no `aria-label`: composers are found by role,
    // contenteditable and `data-lexical-editor`, and where they sit; the label or
    // placeholder is read as a hint only (composer-target.ts). True fallbacks,
    // tried in order, each only when the one before finds nothing: the full
    // Lexical textbox (2026-11), then a Lexical root without the role.
    composer: [
      '[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
      '[contenteditable="true"][data-lexical-editor="true"]',
    ],
    // The attributes insertion relies on (Lexical's root, editable): checked on whatever was found.
    lexicalRoot: '[contenteditable="true"][data-lexical-editor="true"]',
  },
  labels: {
    // Article labels, case-insensitive; the name follows the prefix.
    // 2026-11: vi "Bình luận của NAME 3 giờ trước", "Phản hồi của NAME …";
    // en "Comment by NAME 3 hours ago", "Reply by NAME …".
    // 2025-06 (labels several projects record from the live site): today's vi
    // label of another person's comment is "Bình luận dưới tên NAME vào 1 tuần
    // trước"; en replies read "Reply by X to Y's comment 8 weeks ago".
    comment: ['bình luận của', 'bình luận dưới tên', 'comment by'],
    reply: ['phản hồi của', 'phản hồi dưới tên', 'trả lời của', 'reply by'],
    // A relative time at the end of a label ("3 giờ trước", "vào 1 tuần trước",
    // "2 hours ago"), stripped to find the name. 2025-06: "vào" before the time.
    timeBefore: ['vào', 'khoảng'],
    timeNumbers: ['một', 'a', 'an'],
    timeUnits: [
      'giây',
      'phút',
      'giờ',
      'ngày',
      'tuần',
      'tháng',
      'năm',
      'seconds',
      'second',
      'minutes',
      'minute',
      'mins',
      'min',
      'hours',
      'hour',
      'hrs',
      'hr',
      'days',
      'day',
      'weeks',
      'week',
      'months',
      'month',
      'years',
      'year',
      's',
      'm',
      'h',
      'd',
      'w',
      'y',
    ],
    timeAfter: ['trước', 'ago'],
    // 2025-06, en: "Reply by X to Y's comment"; vi by analogy (not yet seen):
    // "… cho bình luận của Y", "… trả lời bình luận của Y". Stripped after the time.
    answered: [
      ['to', "'s comment"],
      ['to', "' comment"],
      ['cho bình luận của', ''],
      ['trả lời bình luận của', ''],
    ],
    // 2026-11: "Xem thêm"/"See more": the text was cut. Exact, so "Xem thêm bình luận" does not match.
    seeMore: ['xem thêm', 'see more'],
    // 2026-11: action words under a comment; never part of its text.
    actions: [
      'thích',
      'phản hồi',
      'trả lời',
      'chia sẻ',
      'đã chỉnh sửa',
      'like',
      'reply',
      'share',
      'edited',
      'tác giả',
      'author',
      'người theo dõi hàng đầu',
      'top fan',
    ],
    // Composer hints (aria-label, else aria-placeholder). 2026-11: the post's own
    // composer "Viết bình luận…", "Bình luận dưới tên PAGE", "Write a comment…",
    // "Comment as PAGE".
    postComposer: ['viết bình luận', 'bình luận dưới tên', 'write a comment', 'comment as'],
    // A reply box: 2026-11 "Trả lời dưới tên PAGE", "Phản hồi dưới tên PAGE",
    // "Reply to NAME…", "Reply as PAGE"; 2025-06 "Answer as NAME" (en), "Viết phản hồi…".
    replyComposer: [
      'trả lời',
      'phản hồi',
      'viết phản hồi',
      'reply to',
      'reply as',
      'write a reply',
      'answer as',
    ],
  },
};

// --- Fixed structure (not in the pack): URL shapes and Facebook's origin.

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
/** Outbound links go through l.facebook.com (2025-06); a link off facebook.com is outbound too. */
export const OUTBOUND_PREFIX = 'https://l.facebook.com/';

// 2026-11: Facebook's dark theme is a class on <html>, not the system colour
// scheme. Fallback: none needed — without it our UI stays in its light style.
export const DARK_THEME_CLASS = '__fb-dark-mode';

// --- From the pack in use (the built-in one unless the moderator imported a newer one).
// `let` so that `applySelectorPack` reaches every importer (ES module bindings are live).

export let POST_DIALOG = '';
export let ARTICLE_ANY = '';
export let POST = '';
export let EDITABLE = '';
export let TIMESTAMP_LINK_ANY = '';
export let COMMENT_ID_WRAPPER_ANY = '';
export let COMMENT_ID_ATTRIBUTE = '';
export let TEXT_BLOCK = '';
export let PREVIEW_CARD = '';
export let BUTTON = '';
/** A link or a button: a text block inside one is a name or an action, never the comment's words. */
export let LINK_OR_BUTTON = '';
/** One subtree query: "holds a nested article?" and "holds an editable area?". */
export let NESTED_OR_EDITABLE = '';
/** One subtree query for everything a glance reads: nested articles, editable areas, links, text blocks. */
export let GLANCE_PARTS = '';
export let COMPOSER: readonly string[] = [];
export let LEXICAL_ROOT = '';
export let COMMENT_LABEL = /$^/u;
export let REPLY_LABEL = /$^/u;
/** Either label, for the one test every article gets (the name is read with the two above). */
export let COMMENT_OR_REPLY_LABEL = /$^/u;
/** A relative time at the end of a label: stripped to find the name. */
export let LABEL_TIME_SUFFIX = /$^/u;
/** The answered person after a reply's name ("to Y's comment"): stripped after the time. */
export let LABEL_ANSWERED_SUFFIX = /$^/u;
export let SEE_MORE = /$^/u;
export let ACTION_WORD = /$^/u;
export let POST_COMPOSER_LABEL = /$^/u;
export let REPLY_COMPOSER_LABEL = /$^/u;

/** A word as a pattern: escaped, its spaces any run of white space, its apostrophe either kind. */
function literal(word: string): string {
  return word
    .trim()
    .replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
    .replace(/\s+/g, '\\s+')
    .replace(/['’]/g, "['’]");
}

/** Alternatives longest first, so a longer word wins over its prefix ("phản hồi của" over "phản hồi"). */
function alternatives(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(literal)
    .join('|');
}

/** The pack in use. */
let current: SelectorPackData = BUILT_IN_SELECTOR_PACK;

export function selectorPackInUse(): SelectorPackData {
  return current;
}

/**
 * Makes `pack` the one every selector and label above comes from. Call with
 * a pack selector-pack.ts validated; the built-in pack is in use until then.
 */
export function applySelectorPack(pack: SelectorPackData): void {
  const { selectors: s, labels: l } = pack;
  POST_DIALOG = s.postDialog;
  ARTICLE_ANY = s.article;
  POST = s.post;
  EDITABLE = s.editable;
  TIMESTAMP_LINK_ANY = s.timestampLink;
  COMMENT_ID_WRAPPER_ANY = s.commentIdWrapper;
  COMMENT_ID_ATTRIBUTE = s.commentIdAttribute;
  TEXT_BLOCK = s.textBlock;
  PREVIEW_CARD = s.previewCard;
  BUTTON = s.button;
  LINK_OR_BUTTON = `a[href], ${s.button}`;
  NESTED_OR_EDITABLE = `${s.article}, ${s.editable}`;
  GLANCE_PARTS = `${s.article}, ${s.editable}, a[href], ${s.textBlock}`;
  COMPOSER = [...s.composer];
  LEXICAL_ROOT = s.lexicalRoot;
  COMMENT_LABEL = new RegExp(`^\\s*(?:${alternatives(l.comment)})\\s+(.+)$`, 'iu');
  REPLY_LABEL = new RegExp(`^\\s*(?:${alternatives(l.reply)})\\s+(.+)$`, 'iu');
  COMMENT_OR_REPLY_LABEL = new RegExp(`${COMMENT_LABEL.source}|${REPLY_LABEL.source}`, 'iu');
  const before = l.timeBefore.length ? `(?:(?:${alternatives(l.timeBefore)})\\s+){0,2}` : '';
  const numbers = l.timeNumbers.length ? `\\d{1,4}|${alternatives(l.timeNumbers)}` : '\\d{1,4}';
  const after = l.timeAfter.length ? `(?:${alternatives(l.timeAfter)})?` : '';
  LABEL_TIME_SUFFIX = new RegExp(
    `\\s+${before}(?:${numbers})\\s*(?:${alternatives(l.timeUnits)})\\s*${after}\\s*$`,
    'iu',
  );
  const answered = l.answered.map(
    ([lead, tail]) => `${literal(lead)}\\s+.{1,200}?${tail.trim() ? `\\s*${literal(tail)}` : ''}`,
  );
  LABEL_ANSWERED_SUFFIX = answered.length ? new RegExp(`\\s+(?:${answered.join('|')})\\s*$`, 'iu') : /$^/u;
  SEE_MORE = new RegExp(`^\\s*(?:${alternatives(l.seeMore)})\\s*$`, 'iu');
  ACTION_WORD = new RegExp(`^\\s*(?:${alternatives(l.actions)})\\s*$`, 'iu');
  POST_COMPOSER_LABEL = new RegExp(`^\\s*(?:${alternatives(l.postComposer)})(?![\\p{L}\\p{N}])`, 'iu');
  REPLY_COMPOSER_LABEL = new RegExp(`^\\s*(?:${alternatives(l.replyComposer)})(?![\\p{L}\\p{N}])`, 'iu');
  current = pack;
}

applySelectorPack(BUILT_IN_SELECTOR_PACK);
