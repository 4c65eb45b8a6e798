import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { IDEA_STATUSES, type Idea, type IdeaPatch, type IdeaStatus } from '../../lib/ideas/schema';
import { statusLabel } from './labels';

export interface IdeaEditorProps {
  idea: Idea;
  onSave: (patch: IdeaPatch) => void;
  onCancel: () => void;
}

/** "y tế, giáo dục ,, " → ['y tế', 'giáo dục'] (the schema trims, dedupes and sorts). */
export function parseTags(input: string): string[] {
  return input
    .split(/[,;\n]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** Edits the moderator's own fields: status, tags, note. Escape cancels. */
export function IdeaEditor({ idea, onSave, onCancel }: IdeaEditorProps) {
  // The fields are read on submit, not mirrored in state: a submit right after
  // typing (Enter) must never save a value from the previous render.
  const first = useRef<HTMLSelectElement>(null);
  const tagsField = useRef<HTMLInputElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  return (
    <form
      class="khcn-idea-editor"
      aria-label={t('idea_editTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({
          status: (first.current?.value ?? idea.status) as IdeaStatus,
          tags: parseTags(tagsField.current?.value ?? ''),
          note: noteField.current?.value ?? '',
        });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <blockquote class="khcn-idea-text">{idea.text}</blockquote>
      <label>
        {t('idea_filterStatus')}
        <select ref={first} defaultValue={idea.status}>
          {IDEA_STATUSES.map((value) => (
            <option key={value} value={value}>
              {statusLabel(value)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('idea_tagsField')}
        <input ref={tagsField} type="text" defaultValue={idea.tags.join(', ')} />
      </label>
      <label>
        {t('idea_noteField')}
        <textarea ref={noteField} rows={3} maxLength={10_000} defaultValue={idea.note} />
      </label>
      <div class="khcn-idea-editor-actions">
        <button type="submit">{t('idea_save')}</button>
        <button type="button" onClick={onCancel}>
          {t('idea_cancel')}
        </button>
      </div>
    </form>
  );
}
