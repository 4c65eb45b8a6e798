import { z } from 'zod';

/** A numeric Facebook id, as a string (ids exceed 2^53). */
export const NumericId = z.string().regex(/^\d{1,30}$/, 'expected a numeric Facebook id');

/**
 * A comment or reply as the content script extracts it from Facebook's page.
 * This is data taken from a foreign page: every field is untrusted text.
 */
export const Comment = z.object({
  /** The comment's numeric id; for a reply, its `reply_comment_id`. */
  id: NumericId,
  /** The post the comment belongs to, when the page tells us. */
  postId: NumericId.nullable(),
  /** For a reply: the comment it answers (from the URL parameters, not nesting). */
  parentId: NumericId.nullable(),
  author: z.string().max(500),
  authorUrl: z.string().max(2000).nullable(),
  /** The comment's own words: no author name, no "Thích · Phản hồi". */
  text: z.string().max(100_000),
  /** True when Facebook cut the text behind "Xem thêm"/"See more". */
  truncated: z.boolean(),
  /** Absolute https://www.facebook.com/ URL containing the comment id. */
  permalink: z.string().url(),
  /** Relative time as shown ("3 giờ", "5m"). */
  time: z.string().max(100),
  /** True when the author is the page itself (our own replies). */
  isPage: z.boolean(),
});
export type Comment = z.infer<typeof Comment>;
