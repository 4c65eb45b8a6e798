import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';

interface ItemListProps<T> {
  /** Prefix for element ids, unique on the page ("reply", "rule"). */
  name: string;
  label: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  title: (item: T) => string;
  detail: (item: T) => string;
  /** Index of the item open in the form, if any. */
  editing?: number | null;
  onEdit: (index: number) => void;
  onMove: (index: number, delta: -1 | 1) => Promise<boolean>;
  onDelete: (index: number) => void;
}

/**
 * The list of a pack's items with Edit, Up, Down and Delete on each row.
 * Alt+↑ / Alt+↓ anywhere in a row moves it too; after a move the focus stays
 * on the same button of the moved row, so a keyboard user can keep moving it.
 */
export function ItemList<T>({
  name,
  label,
  items,
  keyOf,
  title,
  detail,
  editing,
  onEdit,
  onMove,
  onDelete,
}: ItemListProps<T>) {
  const list = useRef<HTMLOListElement>(null);
  const refocus = useRef<{ index: number; action: string } | null>(null);

  useEffect(() => {
    const want = refocus.current;
    if (!want || !list.current) return;
    refocus.current = null;
    const row = list.current.children[want.index];
    const button =
      row?.querySelector<HTMLButtonElement>(`button[data-action="${want.action}"]:not([disabled])`) ??
      row?.querySelector<HTMLButtonElement>('button[data-action="edit"]');
    button?.focus();
  });

  const move = async (index: number, delta: -1 | 1, action: string) => {
    const target = index + delta;
    if (target < 0 || target >= items.length) return;
    if (await onMove(index, delta)) refocus.current = { index: target, action };
  };

  return (
    <ol ref={list} class="item-list" aria-label={label}>
      {items.map((item, index) => {
        const titleId = `${name}-item-${index}-title`;
        return (
          <li
            key={keyOf(item)}
            class={editing === index ? 'editing' : undefined}
            onKeyDown={(event) => {
              if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
              event.preventDefault();
              const action = (event.target as HTMLElement).dataset?.action ?? 'edit';
              void move(index, event.key === 'ArrowUp' ? -1 : 1, action);
            }}
          >
            <div class="item-text">
              <span id={titleId} class="item-title">
                {title(item)}
              </span>
              <span class="muted item-detail">{detail(item)}</span>
            </div>
            <div class="item-actions">
              <button
                type="button"
                data-action="edit"
                aria-describedby={titleId}
                onClick={() => onEdit(index)}
              >
                {t('opt_edit')}
              </button>
              <button
                type="button"
                data-action="up"
                aria-describedby={titleId}
                aria-keyshortcuts="Alt+ArrowUp"
                disabled={index === 0}
                onClick={() => void move(index, -1, 'up')}
              >
                {t('opt_moveUp')}
              </button>
              <button
                type="button"
                data-action="down"
                aria-describedby={titleId}
                aria-keyshortcuts="Alt+ArrowDown"
                disabled={index === items.length - 1}
                onClick={() => void move(index, 1, 'down')}
              >
                {t('opt_moveDown')}
              </button>
              <button
                type="button"
                data-action="delete"
                class="danger"
                aria-describedby={titleId}
                onClick={() => onDelete(index)}
              >
                {t('opt_delete')}
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
