import { t, uiLanguage } from '../../lib/i18n';
import type { PipelineSettings } from '../../lib/ideas/pipeline-settings';
import { IDEA_STATUSES, type Idea, type IdeaStatus } from '../../lib/ideas/schema';
import { revealInvisible } from '../../lib/text/invisible';
import { hasPipelineLine, IdeaPipelineMeta } from './IdeaPipelineMeta';
import { categoryLabel, statusLabel } from './labels';
import { absoluteTime, relativeTime } from './time';

export interface IdeaRowProps {
  idea: Idea;
  now: Date;
  onStatus: (idea: Idea, status: IdeaStatus) => void;
  onEdit: (idea: Idea) => void;
  onDelete: (idea: Idea) => void;
  /** Issue 17: the topics' names and the waiting threshold (settings.pipeline); absent, no pipeline line. */
  pipeline?: Pick<PipelineSettings, 'topics' | 'waitingDays'>;
  /** "Tìm ý tưởng tương tự" (issue 17). */
  onFindSimilar?: (idea: Idea) => void;
  /** "Xem nhóm", shown when the idea is in a group. */
  onViewGroup?: (groupId: string) => void;
}

/**
 * One idea in the log. Every piece of the comment is rendered as a text node
 * (JSX children and attributes), never as HTML: comment text is data.
 */
export function IdeaRow({
  idea,
  now,
  onStatus,
  onEdit,
  onDelete,
  pipeline,
  onFindSimilar,
  onViewGroup,
}: IdeaRowProps) {
  const language = uiLanguage();
  // Buttons are named "Sửa"/"Xóa" and described by the quote: putting comment
  // words into names could collide with the contract names ("Nhập"…).
  const quoteId = `khcn-idea-text-${idea.id}`;
  const categories = [...new Set(idea.flags.map((flag) => flag.category))];
  return (
    <article
      class={
        pipeline && hasPipelineLine(idea, now, pipeline.waitingDays)
          ? 'khcn-idea khcn-idea-piped'
          : 'khcn-idea'
      }
      data-idea-id={idea.id}
      data-status={idea.status}
    >
      {/* Bidi overrides and zero-width characters are shown, not obeyed (lib/text/invisible.ts). */}
      <blockquote id={quoteId} class="khcn-idea-text" title={revealInvisible(idea.text)}>
        {revealInvisible(idea.text)}
      </blockquote>
      <div class="khcn-idea-meta">
        <span class="khcn-idea-author">
          {idea.authorName !== undefined ? revealInvisible(idea.authorName) : t('idea_unknownAuthor')}
        </span>
        {' · '}
        <time dateTime={idea.capturedAt} title={absoluteTime(idea.capturedAt, language)}>
          {relativeTime(idea.capturedAt, now, language)}
        </time>
        {categories.length > 0 && (
          <span
            class="khcn-idea-flags"
            title={t('idea_flaggedWhy', idea.flags.map((flag) => flag.ruleId).join(', '))}
          >
            {' · ⚑ '}
            {categories.map(categoryLabel).join(', ')}
          </span>
        )}
        {idea.tags.length > 0 && (
          <span class="khcn-idea-tags">
            {idea.tags.map((tag) => (
              <span key={tag} class="khcn-chip">
                {tag}
              </span>
            ))}
          </span>
        )}
      </div>
      {pipeline && (
        <IdeaPipelineMeta idea={idea} now={now} topics={pipeline.topics} waitingDays={pipeline.waitingDays} />
      )}
      <div class="khcn-idea-actions">
        <select
          aria-label={t('idea_filterStatus')}
          aria-describedby={quoteId}
          value={idea.status}
          onChange={(event) => onStatus(idea, (event.currentTarget as HTMLSelectElement).value as IdeaStatus)}
        >
          {IDEA_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
        <a href={idea.permalink} target="_blank" rel="noopener noreferrer" aria-describedby={quoteId}>
          {t('idea_openComment')}
        </a>
        <button type="button" aria-describedby={quoteId} onClick={() => onEdit(idea)}>
          {t('idea_edit')}
        </button>
        <button type="button" aria-describedby={quoteId} onClick={() => onDelete(idea)}>
          {t('idea_delete')}
        </button>
        {onFindSimilar && (
          <button type="button" aria-describedby={quoteId} onClick={() => onFindSimilar(idea)}>
            {t('idea_findSimilar')}
          </button>
        )}
        {idea.groupId && onViewGroup && (
          <button
            type="button"
            class="khcn-group-badge"
            aria-describedby={quoteId}
            onClick={() => onViewGroup(idea.groupId!)}
          >
            {`${t('idea_groupBadge')} · ${t('idea_viewGroup')}`}
          </button>
        )}
      </div>
    </article>
  );
}
