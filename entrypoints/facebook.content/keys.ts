import { activeComposer } from '../../lib/facebook/composer';
import type { CommandName } from '../../lib/messages';
import { closePalette, isPaletteOpen, openPalette, type PaletteItem } from './palette';
import { renderFor, replyLibrary } from './reply-library';
import { handleCommand } from './requests';
import type { PageSession } from './session';

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
 * In-page shortcuts. The Alt+Shift ones are also browser `commands`; when the
 * browser has them bound it takes the key first and this handler never sees
 * it, so nothing runs twice.
 */
export function listenForKeys(session: PageSession): void {
  session.listen(
    'keydown',
    (event) => {
      const key = pageKeyOf(event);
      if (!key) return;
      event.preventDefault();
      event.stopPropagation();
      if (key === 'palette') void openReplyPalette(session);
      else handleCommand(session, key);
    },
    { capture: true },
  );
}

/** The palette: this comment's suggestions first, then the whole library. */
export async function openReplyPalette(session: PageSession, opts: { help?: boolean } = {}): Promise<void> {
  if (isPaletteOpen()) return;
  const composer = activeComposer(document) ?? session.replies.target();
  if (composer) await session.replies.follow(composer);
  const comment = session.current?.comment ?? null;
  const suggested = new Map(session.currentSuggestions.map((s) => [s.replyId, s.why]));
  const ordered = [
    ...session.currentSuggestions.flatMap((s) => replyLibrary().filter((r) => r.id === s.replyId)),
    ...replyLibrary().filter((r) => !suggested.has(r.id)),
  ];
  const items: PaletteItem[] = ordered.map((reply) => {
    const rendered = renderFor(reply, comment, session.settings);
    return {
      reply,
      preview: rendered.ok ? { ok: true, text: rendered.text } : { ok: false, message: rendered.message },
      why: suggested.get(reply.id),
    };
  });
  const backToComposer = () => composer?.focus();
  await openPalette(session.ctx, {
    items,
    help: opts.help,
    onClose() {
      closePalette();
      backToComposer();
    },
    onPick(replyId) {
      closePalette();
      void session.replies.insert(replyId, composer);
    },
  });
}
