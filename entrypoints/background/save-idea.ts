import { errorMessage } from '../../lib/errors';
import { getIdeasDb, saveComment } from '../../lib/ideas/db';
import { notifyIdeasChanged } from '../../lib/ideas/notify';
import { loadPipeline } from '../../lib/ideas/pipeline-settings';
import type { SaveIdeaRequest, SaveIdeaResponse } from '../../lib/messages';
import { loadSettings } from '../../lib/settings/storage';

/**
 * Saves a comment sent by the content script. The request was already parsed
 * with zod; saveComment validates the idea again before writing, and the
 * privacy setting decides whether the author's name is kept.
 */
export async function saveIdeaFromPage(request: SaveIdeaRequest): Promise<SaveIdeaResponse> {
  try {
    const [db, settings, pipeline] = await Promise.all([getIdeasDb(), loadSettings(), loadPipeline()]);
    // The pipeline's topic list: a new idea gets the topic its words suggest (issue 17).
    const { idea, created } = await saveComment(db, request.comment, request.flags, request.pageUrl, {
      ...settings,
      topics: pipeline.topics,
    });
    notifyIdeasChanged({ saved: { id: idea.id, created } });
    return { ok: true, created, ideaId: idea.id };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
