import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { revealInvisible } from '../../lib/text/invisible';
import type { IdeaLogModel } from './idea-log-model';
import { similarityWords } from './similar-model';

/** The first words of a comment, as text (never HTML), with invisible characters shown. */
export function excerpt(text: string, max = 160): string {
  const shown = revealInvisible(text).replace(/\s+/g, ' ').trim();
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}

/**
 * "Đã có N ý tưởng tương tự": shown after a save from the page, or after
 * "Tìm ý tưởng tương tự" on a row. Each similar idea with its score in words,
 * the words both use and its group; ticked ones are grouped with the source.
 * The count is announced politely (role="status"); the panel takes focus only
 * when the moderator asked for it from a row, never after a save (they are
 * typing on Facebook then).
 */
export function SimilarPanel({ model }: { model: IdeaLogModel }) {
  const { similar, groups } = model;
  const notice = similar.notice.value;
  const chosen = similar.chosen.value;
  const panel = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (notice?.focus) panel.current?.focus();
  }, [notice]);
  return (
    <>
      <p role="status" class="khcn-similar-status">
        {similar.status.value}
      </p>
      {notice && (
        <section
          ref={panel}
          tabIndex={-1}
          class="khcn-similar"
          aria-label={t('idea_similarList')}
          data-source-id={notice.source.id}
        >
          <p class="khcn-similar-source">{t('idea_similarTo', excerpt(notice.source.text, 120))}</p>
          {notice.searched !== undefined && (
            <p class="khcn-muted khcn-similar-partial">
              {t('idea_similarPartial', notice.searched.toLocaleString())}
            </p>
          )}
          {notice.hits.length > 0 && (
            <ul class="khcn-similar-list">
              {notice.hits.map((hit) => {
                const quoteId = `khcn-similar-text-${hit.idea.id}`;
                return (
                  <li key={hit.idea.id} class="khcn-similar-hit" data-idea-id={hit.idea.id}>
                    <blockquote id={quoteId} class="khcn-idea-text">
                      {excerpt(hit.idea.text)}
                    </blockquote>
                    <div class="khcn-idea-meta khcn-similar-meta">
                      <strong>{similarityWords(hit.score)}</strong>
                      {` (${Math.round(hit.score * 100)}%) · `}
                      {t('idea_similarShared', hit.shared.slice(0, 5).join(', '))}
                    </div>
                    <div class="khcn-idea-actions">
                      <label class="khcn-idea-check">
                        <input
                          type="checkbox"
                          aria-describedby={quoteId}
                          checked={chosen.has(hit.idea.id)}
                          onChange={(event) =>
                            similar.toggle(hit.idea.id, (event.currentTarget as HTMLInputElement).checked)
                          }
                        />
                        {t('idea_similarPick')}
                      </label>
                      {hit.idea.groupId && (
                        <button
                          type="button"
                          aria-describedby={quoteId}
                          onClick={() => void groups.view(hit.idea.groupId!)}
                        >
                          {t('idea_similarInGroup', String(hit.groupSize ?? 0))}
                        </button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <div class="khcn-idea-actions">
            {notice.hits.length > 0 && (
              <button
                type="button"
                disabled={chosen.size === 0}
                onClick={() => void groups.group([notice.source.id, ...chosen])}
              >
                {t('idea_groupWith')}
              </button>
            )}
            <button type="button" onClick={() => similar.close()}>
              {t('idea_similarClose')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
