import { deleteIdeasById, type IdeasDb } from '../../lib/ideas/db';
import { EXPORT_MIME, exportJsonParts, toVietnamTime } from '../../lib/ideas/export';
import { notifyIdeasChanged } from '../../lib/ideas/notify';
import type { Idea } from '../../lib/ideas/schema';
import { downloadFile } from '../download';

/** The export a purge downloads first, dated in Vietnam time. */
export function purgeFileName(now: Date): string {
  return `khcn-y-tuong-truoc-khi-xoa-${toVietnamTime(now.toISOString()).slice(0, 10)}.json`;
}

/**
 * The retention purge, for the sidebar's banner and the options page alike:
 * downloads `ideas` as a JSON export when `exportFirst`, then deletes exactly
 * them (the ideas shown and exported, not whatever crossed the line since)
 * and tells other pages. Returns what was deleted, for Undo.
 */
export async function purgeIdeas(
  db: IdeasDb,
  ideas: readonly Idea[],
  { exportFirst, now }: { exportFirst: boolean; now: Date },
): Promise<Idea[]> {
  if (exportFirst) downloadFile(exportJsonParts(ideas, now), purgeFileName(now), EXPORT_MIME.json);
  const deleted = await deleteIdeasById(
    db,
    ideas.map((idea) => idea.id),
  );
  notifyIdeasChanged();
  return deleted;
}
