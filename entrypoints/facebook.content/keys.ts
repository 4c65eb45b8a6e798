import type { CommandName } from '../../lib/messages';
import { byUser } from '../../lib/trusted-events';

/**
 * The in-page keys, matched on `event.code` so that keyboard layouts do not
 * matter. All but the palette are the browser commands' names.
 */
export type PageKey = 'palette' | CommandName;

/**
 * Which of our keys an event is, or null. Ctrl/Alt+1–9 switch tabs on Windows
 * and Linux and Facebook uses single letters and Shift+?, so every key here
 * has a modifier pair the browser and Facebook leave alone. Keys typed while
 * a Vietnamese input method is composing (Telex, VNI: isComposing, keyCode
 * 229) are never ours.
 */
export function pageKeyOf(event: KeyboardEvent): PageKey | null {
  if (event.isComposing || event.keyCode === 229) return null;
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl && !event.altKey && !event.shiftKey && event.code === 'Period') return 'palette';
  if (event.altKey && event.shiftKey && !ctrl) {
    if (event.code === 'KeyS') return 'save-idea';
    if (event.code === 'KeyJ') return 'next-flag';
    if (event.code === 'KeyU') return 'previous-flag';
  }
  return null;
}

/**
 * In-page shortcuts, until `signal` aborts. The Alt+Shift ones are also
 * browser `commands`; when the browser has them bound it takes the key first
 * and this handler never sees it, so nothing runs twice.
 */
export function listenForKeys(signal: AbortSignal, onKey: (key: PageKey) => void): void {
  document.addEventListener(
    'keydown',
    (event) => {
      // A keydown a page script dispatched is not the moderator's.
      const key = byUser(event) ? pageKeyOf(event) : null;
      if (!key) return;
      event.preventDefault();
      event.stopPropagation();
      onKey(key);
    },
    { capture: true, signal },
  );
}
