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
 * Starts the download of the ideas a purge is about to delete and returns the
 * file's name. A page download cannot tell whether the file was written: the
 * purge itself waits for the moderator to say so ("Tôi đã lưu tệp").
 */
export function downloadPurgeExport(ideas: readonly Idea[], now: Date): string {
  const fileName = purgeFileName(now);
  downloadFile(exportJsonParts(ideas, now), fileName, EXPORT_MIME.json);
  return fileName;
}

/**
 * The retention purge, for the sidebar's banner and the options page alike,
 * run only once the moderator confirmed the export was saved (or, in a second
 * step, that they want none): moves exactly `ideas` to the trash (the ideas
 * shown and exported, not whatever crossed the line since) and tells other
 * pages. Returns what was moved, for Undo; the trash keeps it 30 days.
 */
export async function purgeIdeas(db: IdeasDb, ideas: readonly Idea[], now: Date): Promise<Idea[]> {
  const deleted = await deleteIdeasById(
    db,
    ideas.map((idea) => idea.id),
    now,
  );
  notifyIdeasChanged();
  return deleted;
}
