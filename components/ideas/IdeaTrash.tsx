import { t, uiLanguage } from '../../lib/i18n';
import type { IdeaLogModel } from './idea-log-model';
import { absoluteTime, relativeTime } from './time';

/**
 * The trash: ideas deleted in the last 30 days, kept in the database (not in
 * memory), so they can be restored after the sidebar was closed. A
 * disclosure (`details`) keeps it out of the way and reachable by keyboard.
 */
export function IdeaTrash({ model }: { model: IdeaLogModel }) {
  const trashed = model.trash.value;
  const language = uiLanguage();
  const now = model.now();
  return (
    <details class="khcn-idea-trash">
      <summary>{t('idea_trashTitle', String(trashed.length))}</summary>
      <p class="khcn-muted">{t('idea_trashHint')}</p>
      {trashed.length === 0 ? (
        <p class="khcn-muted">{t('idea_trashEmpty')}</p>
      ) : (
        <>
          <button type="button" onClick={() => void model.restoreTrashed()}>
            {t('idea_restoreAll')}
          </button>
          <ul class="khcn-idea-trash-list" aria-label={t('idea_trashList')}>
            {trashed.map((idea) => {
              const quoteId = `khcn-trash-text-${idea.id}`;
              return (
                <li key={idea.id} data-idea-id={idea.id}>
                  <span id={quoteId} class="khcn-idea-trash-text" title={idea.text}>
                    {idea.text}
                  </span>
                  <span class="khcn-muted">
                    {' · '}
                    <time dateTime={idea.deletedAt} title={absoluteTime(idea.deletedAt, language)}>
                      {t('idea_trashDeletedAt', relativeTime(idea.deletedAt, now, language))}
                    </time>
                  </span>{' '}
                  <button
                    type="button"
                    aria-describedby={quoteId}
                    onClick={() => void model.restoreTrashed([idea.id])}
                  >
                    {t('idea_restore')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </details>
  );
}
