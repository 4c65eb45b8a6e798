import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row has this height (px): the window is computed, never measured per row. */
  rowHeight: number;
  keyOf: (item: T) => string;
  renderRow: (item: T, index: number) => ComponentChildren;
  /** Called when the window comes within a few screens of the end (load the next page). */
  onNearEnd?: () => void;
  label: string;
  /** Rows drawn beyond the visible ones, above and below. */
  overscan?: number;
  /** Used before the container is measured (and where nothing is, e.g. unit tests). */
  fallbackHeight?: number;
}

/**
 * Fixed-row-height windowing: only the rows in view (plus overscan) are in the
 * DOM, so 50,000 ideas cost the same to draw as 20.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  keyOf,
  renderRow,
  onNearEnd,
  label,
  overscan = 6,
  fallbackHeight = 600,
}: VirtualListProps<T>) {
  const scroller = useRef<HTMLElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const viewport = height || fallbackHeight;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);

  useEffect(() => {
    if (onNearEnd && last + Math.ceil(viewport / rowHeight) * 2 >= items.length) onNearEnd();
  }, [last, items.length, viewport, rowHeight, onNearEnd]);

  const rows: ComponentChildren[] = [];
  for (let index = first; index < last; index++) {
    const item = items[index]!;
    rows.push(
      <li
        key={keyOf(item)}
        aria-setsize={items.length}
        aria-posinset={index + 1}
        class="khcn-vrow"
        style={{
          position: 'absolute',
          top: `${index * rowHeight}px`,
          height: `${rowHeight}px`,
          left: 0,
          right: 0,
        }}
      >
        {renderRow(item, index)}
      </li>,
    );
  }

  return (
    <section
      ref={scroller}
      class="khcn-vlist"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it
      tabIndex={0}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLElement).scrollTop)}
    >
      <ul class="khcn-vlist-rows" style={{ position: 'relative', height: `${items.length * rowHeight}px` }}>
        {rows}
      </ul>
    </section>
  );
}
