import { uiLanguage } from '../../lib/i18n';
import { IDEA_STATUSES, type Idea, type IdeaStatus, STATUS_LABELS } from '../../lib/ideas/schema';
import { CATEGORY_LABELS } from './labels';
import { pick, say } from './strings';
import { absoluteTime, relativeTime } from './time';

export interface IdeaRowProps {
  idea: Idea;
  now: Date;
  onStatus: (idea: Idea, status: IdeaStatus) => void;
  onEdit: (idea: Idea) => void;
  onDelete: (idea: Idea) => void;
}

/**
 * One idea in the log. Every piece of the comment is rendered as a text node
 * (JSX children and attributes), never as HTML: comment text is data.
 */
export function IdeaRow({ idea, now, onStatus, onEdit, onDelete }: IdeaRowProps) {
  const language = uiLanguage();
  // Buttons are named "Sửa"/"Xóa" and described by the quote: putting comment
  // words into names could collide with the contract names ("Nhập"…).
  const quoteId = `khcn-idea-text-${idea.id}`;
  const categories = [...new Set(idea.flags.map((flag) => flag.category))];
  return (
    <article class="khcn-idea" data-idea-id={idea.id} data-status={idea.status}>
      <blockquote id={quoteId} class="khcn-idea-text" title={idea.text}>
        {idea.text}
      </blockquote>
      <div class="khcn-idea-meta">
        <span class="khcn-idea-author">{idea.authorName ?? say('unknownAuthor')}</span>
        {' · '}
        <time dateTime={idea.capturedAt} title={absoluteTime(idea.capturedAt, language)}>
          {relativeTime(idea.capturedAt, now, language)}
        </time>
        {categories.length > 0 && (
          <span
            class="khcn-idea-flags"
            title={say('flaggedWhy', idea.flags.map((flag) => flag.ruleId).join(', '))}
          >
            {' · ⚑ '}
            {categories.map((category) => pick(CATEGORY_LABELS[category])).join(', ')}
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
      <div class="khcn-idea-actions">
        <select
          aria-label={say('filterStatus')}
          aria-describedby={quoteId}
          value={idea.status}
          onChange={(event) => onStatus(idea, (event.currentTarget as HTMLSelectElement).value as IdeaStatus)}
        >
          {IDEA_STATUSES.map((status) => (
            <option key={status} value={status}>
              {pick(STATUS_LABELS[status])}
            </option>
          ))}
        </select>
        <a href={idea.permalink} target="_blank" rel="noopener noreferrer" aria-describedby={quoteId}>
          {say('openComment')}
        </a>
        <button type="button" aria-describedby={quoteId} onClick={() => onEdit(idea)}>
          {say('edit')}
        </button>
        <button type="button" aria-describedby={quoteId} onClick={() => onDelete(idea)}>
          {say('delete')}
        </button>
      </div>
    </article>
  );
}
