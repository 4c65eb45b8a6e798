import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import {
  IDEA_STATUSES,
  type Idea,
  type IdeaPatch,
  type IdeaStatus,
  normalizeTags,
} from '../../lib/ideas/schema';
import { statusLabel } from './labels';

export interface IdeaEditorProps {
  /** The version the edit starts from; it changes to the newest one after a conflict. */
  idea: Idea;
  /** The idea as stored now, when a save found it changed elsewhere meanwhile. */
  conflict?: Idea | null;
  /** Gets only the fields that differ from `idea`. */
  onSave: (patch: IdeaPatch) => void;
  onCancel: () => void;
  onLoadNewest?: () => void;
}

/** "y tế, giáo dục ,, " → ['y tế', 'giáo dục'] (the schema trims, dedupes and sorts). */
export function parseTags(input: string): string[] {
  return input
    .split(/[,;\n]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

interface EditorValues {
  status: string;
  tags: string;
  note: string;
}

function valuesOf(idea: Idea): EditorValues {
  return { status: idea.status, tags: idea.tags.join(', '), note: idea.note };
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify(normalizeTags(a.map((tag) => tag.normalize('NFC').replace(/\s+/g, ' ')))) ===
  JSON.stringify(normalizeTags(b));

/** What the moderator changed from `base`: only those fields are sent, so an edit never writes back an older value. */
export function changedFields(base: Idea, values: EditorValues): IdeaPatch {
  const patch: IdeaPatch = {};
  if (values.status !== base.status) patch.status = values.status as IdeaStatus;
  const tags = parseTags(values.tags);
  if (!sameTags(tags, base.tags)) patch.tags = tags;
  if (values.note !== base.note) patch.note = values.note;
  return patch;
}

/** Edits the moderator's own fields: status, tags, note. Escape cancels. */
export function IdeaEditor({ idea, conflict, onSave, onCancel, onLoadNewest }: IdeaEditorProps) {
  // The fields are read on submit, not mirrored in state: a submit right after
  // typing (Enter) must never save a value from the previous render.
  const first = useRef<HTMLSelectElement>(null);
  const tagsField = useRef<HTMLInputElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const loadNewestButton = useRef<HTMLButtonElement>(null);
  const base = useRef(idea);
  // The fields start from the first version only; later versions are applied by the effect below.
  const initial = useRef(valuesOf(idea)).current;

  const current = (): EditorValues => ({
    status: first.current?.value ?? idea.status,
    tags: tagsField.current?.value ?? '',
    note: noteField.current?.value ?? '',
  });

  useEffect(() => {
    first.current?.focus();
  }, []);

  // Moved to a newer version (after a conflict): a field the moderator left
  // alone shows the newer value; a field they changed keeps what they typed.
  useLayoutEffect(() => {
    const old = base.current;
    if (old === idea) return;
    const before = valuesOf(old);
    const after = valuesOf(idea);
    const typed = current();
    if (first.current && typed.status === before.status) first.current.value = after.status;
    if (tagsField.current && typed.tags === before.tags) tagsField.current.value = after.tags;
    if (noteField.current && typed.note === before.note) noteField.current.value = after.note;
    base.current = idea;
    first.current?.focus();
  }, [idea]);

  useLayoutEffect(() => {
    if (conflict) loadNewestButton.current?.focus();
  }, [conflict]);

  return (
    <form
      class="khcn-idea-editor"
      aria-label={t('idea_editTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(changedFields(base.current, current()));
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <blockquote class="khcn-idea-text">{idea.text}</blockquote>
      <div role="alert" class="khcn-alert khcn-idea-conflict">
        {conflict && (
          <>
            <span>{t('ideaLog_conflict')}</span>{' '}
            <button ref={loadNewestButton} type="button" onClick={onLoadNewest}>
              {t('idea_loadNewest')}
            </button>
          </>
        )}
      </div>
      <label>
        {t('idea_filterStatus')}
        {/* `selected` on the option, not `defaultValue` on the select: Chromium ignores the latter. */}
        <select ref={first}>
          {IDEA_STATUSES.map((value) => (
            <option key={value} value={value} selected={value === initial.status}>
              {statusLabel(value)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('idea_tagsField')}
        <input ref={tagsField} type="text" defaultValue={initial.tags} />
      </label>
      <label>
        {t('idea_noteField')}
        <textarea ref={noteField} rows={3} maxLength={10_000} defaultValue={initial.note} />
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
