import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { SavePackResult } from '../../lib/packs/storage';

interface ListEditingOptions<T, D> {
  items: readonly T[];
  /** Writes the whole list as the pack; an invalid list writes nothing. */
  commit: (items: readonly T[]) => Promise<SavePackResult<unknown>>;
  toDraft: (item: T) => D;
  emptyDraft: () => D;
  name: (item: T) => string;
}

export interface OpenForm<D> {
  /** null: a new item, appended on save. */
  index: number | null;
  draft: D;
}

/**
 * What the reply and rule editors share: one form open at a time, each change
 * (save, move, delete, undo) written to storage as a whole pack at once, and
 * the last deletion undoable while the page is open.
 */
export function useListEditing<T, D>({ items, commit, toDraft, emptyDraft, name }: ListEditingOptions<T, D>) {
  const open = useSignal<OpenForm<D> | null>(null);
  const message = useSignal('');
  const error = useSignal('');
  const undo = useSignal<{ item: T; index: number } | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const write = async (next: readonly T[]): Promise<string | null> => {
    const result = await commit(next);
    if (result.ok) {
      error.value = '';
      return null;
    }
    error.value = result.error;
    return result.error;
  };

  const focusForm = () =>
    setTimeout(
      () => document.querySelector<HTMLElement>('form.item-form input, form.item-form select')?.focus(),
      0,
    );

  return {
    open,
    startNew() {
      open.value = { index: null, draft: emptyDraft() };
      message.value = '';
      focusForm();
    },
    startEdit(index: number) {
      const item = items[index];
      if (item === undefined) return;
      open.value = { index, draft: toDraft(item) };
      message.value = '';
      focusForm();
    },
    cancel() {
      open.value = null;
      statusRef.current?.focus();
    },
    /** Returns the reason when the pack refused the item (the form stays open). */
    async save(item: T): Promise<string | null> {
      const at = open.value?.index ?? null;
      const next = at === null ? [...items, item] : items.map((old, i) => (i === at ? item : old));
      const problem = await write(next);
      if (problem) return problem;
      open.value = null;
      message.value = t('opt_savedItem', name(item));
      statusRef.current?.focus();
      return null;
    },
    async move(index: number, delta: -1 | 1): Promise<boolean> {
      const target = index + delta;
      const a = items[index];
      const b = items[target];
      if (a === undefined || b === undefined) return false;
      const next = items.map((item, i) => (i === index ? b : i === target ? a : item));
      if (await write(next)) return false;
      const form = open.value;
      if (form && form.index === index) open.value = { ...form, index: target };
      else if (form && form.index === target) open.value = { ...form, index };
      message.value = t('opt_movedItem', name(a), String(target + 1));
      return true;
    },
    async remove(index: number) {
      const item = items[index];
      if (item === undefined) return;
      if (await write(items.filter((_, i) => i !== index))) return;
      const form = open.value;
      if (form?.index === index) open.value = null;
      else if (form && form.index !== null && form.index > index)
        open.value = { ...form, index: form.index - 1 };
      undo.value = { item, index };
      message.value = t('opt_deletedItem', name(item));
    },
    status: (
      <div class="status-line">
        <p role="status" tabIndex={-1} ref={statusRef}>
          {message.value}
        </p>
        {undo.value && (
          <button
            type="button"
            onClick={async () => {
              const last = undo.value;
              if (!last) return;
              const next = [...items];
              next.splice(Math.min(last.index, next.length), 0, last.item);
              if (await write(next)) return;
              undo.value = null;
              message.value = t('opt_restoredItem', name(last.item));
              statusRef.current?.focus();
            }}
          >
            {t('opt_undo')}
          </button>
        )}
        {error.value && (
          <p role="alert" class="problem">
            {error.value}
          </p>
        )}
      </div>
    ),
  };
}
