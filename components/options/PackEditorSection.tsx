import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import { type MessageKey, t } from '../../lib/i18n';
import type { LoadedPack, SavePackResult } from '../../lib/packs/storage';
import { ItemList } from './ItemList';
import { useListEditing } from './use-list-editing';

/** What an editor's form gets from the section around it. */
export interface OpenFormProps<T, D> {
  initial: D;
  isNew: boolean;
  otherIds: string[];
  onSave: (item: T) => Promise<string | null>;
  onCancel: () => void;
}

interface PackEditorSectionProps<T extends { id: string }, D> {
  /** Prefix for element ids ("reply", "rule"). */
  name: string;
  headingId: string;
  messages: { heading: MessageKey; own: MessageKey; fallback: MessageKey; add: MessageKey };
  loaded: LoadedPack<unknown> | null;
  items: readonly T[];
  /** Writes the whole list as the pack; an invalid list writes nothing. */
  commit: (items: readonly T[]) => Promise<SavePackResult<unknown>>;
  toDraft: (item: T) => D;
  emptyDraft: () => D;
  /** How the item is called in the list and the status line. */
  title: (item: T) => string;
  detail: (item: T) => string;
  form: (props: OpenFormProps<T, D>) => ComponentChildren;
}

/**
 * The chrome the reply and rule editors share: heading, where the pack came
 * from, why a stored pack was set aside, the list, the open form and the
 * status line with undo.
 */
export function PackEditorSection<T extends { id: string }, D>({
  name,
  headingId,
  messages,
  loaded,
  items,
  commit,
  toDraft,
  emptyDraft,
  title,
  detail,
  form,
}: PackEditorSectionProps<T, D>) {
  const editing = useListEditing<T, D>({ items, commit, toDraft, emptyDraft, name: title });
  if (!loaded) return null;
  const open = editing.open.value;

  return (
    <section aria-labelledby={headingId} class="pack-editor">
      <h2 id={headingId}>{t(messages.heading)}</h2>
      <p class="muted">
        {loaded.source === 'stored'
          ? t(messages.own, String(items.length))
          : t(messages.fallback, String(items.length))}
      </p>
      {loaded.problem && (
        <p role="alert" class="problem">
          {loaded.problem}
        </p>
      )}
      <button type="button" class="primary" onClick={editing.startNew} disabled={open !== null}>
        {t(messages.add)}
      </button>
      <ItemList
        name={name}
        label={t(messages.heading)}
        items={items}
        keyOf={(item) => item.id}
        title={title}
        detail={detail}
        editing={open?.index ?? null}
        onEdit={editing.startEdit}
        onMove={editing.move}
        onDelete={editing.remove}
      />
      {open && (
        <Fragment key={open.index ?? 'new'}>
          {form({
            initial: open.draft,
            isNew: open.index === null,
            otherIds: items.filter((_, i) => i !== open.index).map((item) => item.id),
            onSave: editing.save,
            onCancel: editing.cancel,
          })}
        </Fragment>
      )}
      {editing.status}
    </section>
  );
}
