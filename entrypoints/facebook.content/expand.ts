import type { Comment } from '../../lib/facebook/comment';
import { extractComment, seeMoreButton } from '../../lib/facebook/extract';

const WAIT_MS = 1500;

/**
 * Before a cut comment ("Xem thêm") is saved as an idea, opens it the way the
 * moderator would — a click on Facebook's own "Xem thêm" — and reads the whole
 * text. Facebook expands in place; if it does not within 1.5 s, the cut text
 * is saved as it is (and stays marked truncated) rather than nothing.
 */
export async function expandCutComment(
  article: Element,
  comment: Comment,
  watchedPages: readonly string[],
): Promise<Comment> {
  if (!comment.truncated) return comment;
  const button = seeMoreButton(article);
  if (!button) {
    // Already opened (by the moderator, or an earlier save): read it again.
    const read = extractComment(article, location.href, watchedPages);
    return read.ok && read.comment.id === comment.id ? read.comment : comment;
  }
  button.click();
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (!article.isConnected) break;
    const read = extractComment(article, location.href, watchedPages);
    if (read.ok && read.comment.id === comment.id && !read.comment.truncated) return read.comment;
  }
  return comment;
}
