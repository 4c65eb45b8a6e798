import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Checked } from './drafts';

interface DraftFormOptions<D, T> {
  initial: D;
  /** Ids of the pack's other items: an id may not repeat. */
  otherIds: readonly string[];
  check: (draft: D, otherIds: readonly string[]) => Checked<T>;
  /** Returns the reason when the pack refused the item. */
  onSave: (item: T) => Promise<string | null>;
  /** Fields whose error depends on another: touching the key shows theirs too. */
  alsoTouch?: Partial<Record<keyof D, readonly string[]>>;
}

/**
 * What the reply and rule forms share: the draft as typed, errors shown only
 * for fields the moderator has touched (all of them after a submit), and a
 * submit that saves only a draft that checks.
 */
export function useDraftForm<D extends object, T>({
  initial,
  otherIds,
  check,
  onSave,
  alsoTouch,
}: DraftFormOptions<D, T>) {
  const draft = useSignal(initial);
  const touched = useSignal<ReadonlySet<string>>(new Set());
  const failure = useSignal('');
  const checked = useMemo(() => check(draft.value, otherIds), [draft.value, otherIds.join('\n')]);
  const errors = checked.ok ? {} : checked.errors;
  const shown = (field: string) =>
    touched.value.has(field) || touched.value.has('*') ? errors[field] : undefined;

  const set = (field: keyof D & string) => (event: Event) => {
    const target = event.currentTarget as HTMLInputElement;
    draft.value = { ...draft.value, [field]: target.type === 'checkbox' ? target.checked : target.value };
    touched.value = new Set([...touched.value, field, ...(alsoTouch?.[field] ?? [])]);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    touched.value = new Set(['*']);
    // Checked again here: the last render may predate the last keystroke.
    const fresh = check(draft.value, otherIds);
    if (!fresh.ok) {
      failure.value = t('opt_fixErrors');
      return;
    }
    failure.value = (await onSave(fresh.item)) ?? '';
  };

  return { draft, failure, shown, set, submit };
}
