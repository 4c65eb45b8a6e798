import { emptyExpiredTrash, getIdeasDb } from '../../lib/ideas/db';
import { notifyIdeasChanged } from '../../lib/ideas/notify';

/**
 * Empties what has been in the idea log's trash for more than 30 days, when
 * the browser starts, even if the sidebar is never opened (the sidebar does
 * the same each time it opens). A failure here loses nothing: it runs again.
 */
export async function emptyExpiredTrashNow(now: Date = new Date()): Promise<number> {
  try {
    const removed = await emptyExpiredTrash(await getIdeasDb(), now);
    if (removed > 0) notifyIdeasChanged();
    return removed;
  } catch {
    return 0;
  }
}
