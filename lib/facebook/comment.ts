import { z } from 'zod';

/** A numeric Facebook id, as a string (ids exceed 2^53). */
export const NumericId = z.string().regex(/^\d{1,30}$/, 'expected a numeric Facebook id');

/** Field limits, shared by the schema and the content script's cheap check. */
export const COMMENT_LIMITS = { author: 500, authorUrl: 2000, text: 100_000, time: 100 } as const;

/**
 * A comment or reply as the content script extracts it from Facebook's page.
 * This is data taken from a foreign page: every field is untrusted text.
 */
export const Comment = z.object({
  /** The comment's numeric id; for a reply, its `reply_comment_id`. */
  id: NumericId,
  /** The post the comment belongs to, when the page tells us. */
  postId: NumericId.nullable(),
  /**
   * The post's key: its numeric id when the page tells it, else the opaque
   * `pfbid0…` of a 2025 permalink (`/<page>/posts/pfbid0…`). Null when neither.
   * Optional so comments saved before it still parse.
   */
  postKey: z.string().max(200).nullable().optional(),
  /** For a reply: the comment it answers (from the URL parameters, not nesting). */
  parentId: NumericId.nullable(),
  author: z.string().max(COMMENT_LIMITS.author),
  authorUrl: z.string().max(COMMENT_LIMITS.authorUrl).nullable(),
  /** The comment's own words: no author name, no "Thích · Phản hồi". */
  text: z.string().max(COMMENT_LIMITS.text),
  /** True when Facebook cut the text behind "Xem thêm"/"See more". */
  truncated: z.boolean(),
  /** Absolute https://www.facebook.com/ URL containing the comment id. */
  permalink: z.string().url(),
  /** Relative time as shown ("3 giờ", "5m"). */
  time: z.string().max(COMMENT_LIMITS.time),
  /** True when the author is the page itself (our own replies). */
  isPage: z.boolean(),
});
export type Comment = z.infer<typeof Comment>;

/** The message for a field of the page's text over its limit. */
export function tooLong(field: keyof typeof COMMENT_LIMITS): string {
  return `${field}: longer than ${COMMENT_LIMITS[field]}`;
}

/**
 * What `Comment.safeParse` would refuse in a comment built by `extractComment`
 * from already-checked parts (numeric ids, a permalink it made itself): only the
 * lengths of the page's own text. A full zod parse per comment once cost 13 %
 * of the extension's time on Facebook; the background parses every comment
 * with zod again before saving it.
 */
export function commentLimitProblem(comment: Comment): string | null {
  for (const field of ['author', 'authorUrl', 'text', 'time'] as const) {
    const value = comment[field];
    if (value !== null && value.length > COMMENT_LIMITS[field]) return tooLong(field);
  }
  return comment.permalink.startsWith('https://www.facebook.com/')
    ? null
    : 'permalink: not a facebook.com URL';
}
