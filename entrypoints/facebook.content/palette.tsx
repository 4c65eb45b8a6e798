import { signal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { type MessageKey, t } from '../../lib/i18n';
import type { Reply } from '../../lib/replies/schema';
import { foldForSearch } from '../../lib/text';
import { byUser } from '../../lib/trusted-events';
import { createPreactUi } from './preact-ui';

export interface PaletteItem {
  reply: Reply;
  /** The rendered text, or why it cannot be inserted. */
  preview: { ok: true; text: string } | { ok: false; message: string };
  /** Set for the ranked suggestions shown first. */
  why?: string;
}

export interface PaletteRequest {
  items: PaletteItem[];
  onPick(replyId: string): void;
  onClose(): void;
  help?: boolean;
}

const CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; z-index: 2147483001; background: rgba(0,0,0,.25); display: flex; align-items: flex-start; justify-content: center; padding-top: 10vh; font: 14px/1.45 system-ui, 'Segoe UI', Roboto, sans-serif; }
.dialog { width: min(640px, 92vw); max-height: 72vh; display: flex; flex-direction: column; background: #fff; color: #1c1e21; border-radius: 10px; box-shadow: 0 10px 40px rgba(0,0,0,.3); overflow: hidden; }
input { margin: 10px; padding: 8px 10px; font: inherit; border: 1px solid #ccd0d5; border-radius: 8px; }
input:focus-visible, [role=option]:focus-visible { outline: 2px solid #0a5bc4; }
[role=listbox] { margin: 0; padding: 0 6px; overflow: auto; flex: 1 1 auto; }
[role=option] { padding: 6px 8px; border-radius: 6px; cursor: pointer; display: flex; gap: 8px; }
[role=option][aria-selected=true] { background: #e7f3ff; }
.num { color: #65676b; min-width: 1.5em; }
.why { color: #65676b; font-size: 12px; }
.preview { border-top: 1px solid #dadde1; padding: 8px 12px; white-space: pre-wrap; max-height: 30vh; overflow: auto; background: #f7f8fa; }
.preview.error { color: #8c1d18; background: #fde7e7; }
.help { padding: 12px 16px; }
kbd { border: 1px solid #ccd0d5; border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; font-family: inherit; }
:host([data-theme=dark]) .dialog { background: #242526; color: #e4e6eb; }
:host([data-theme=dark]) input { background: #3a3b3c; color: #e4e6eb; border-color: #4e4f50; }
:host([data-theme=dark]) [role=option][aria-selected=true] { background: #263951; }
:host([data-theme=dark]) .num, :host([data-theme=dark]) .why { color: #b0b3b8; }
:host([data-theme=dark]) .preview { background: #18191a; border-color: #3e4042; }
:host([data-theme=dark]) .preview.error { background: #4a1512; color: #ffb4ab; }
`;

/** The cheat sheet: each key with what it does (in the string table). docs/shortcuts.md says the same. */
const SHORTCUTS: [keys: string, what: MessageKey][] = [
  ['Ctrl+.', 'shortcut_palette'],
  ['1 – 9', 'shortcut_pickNumber'],
  ['↑ ↓ Enter', 'shortcut_moveInsert'],
  ['Esc', 'shortcut_close'],
  ['?', 'shortcut_help'],
  ['Alt+Shift+S', 'shortcut_saveIdea'],
  ['Alt+Shift+J / Alt+Shift+U', 'shortcut_flags'],
  ['Alt+Shift+K', 'shortcut_sidebar'],
];

const current = signal<PaletteRequest | null>(null);
const query = signal('');
const active = signal(0);
const showHelp = signal(false);

function filtered(request: PaletteRequest): PaletteItem[] {
  const q = foldForSearch(query.value);
  if (!q) return request.items;
  return request.items.filter((item) =>
    foldForSearch(`${item.reply.title} ${item.reply.body} ${item.reply.tags.join(' ')}`).includes(q),
  );
}

export function Palette() {
  const request = current.value;
  const input = useRef<HTMLInputElement>(null);
  // Focus in the same task as the render: with an effect (run after paint)
  // a key pressed as soon as the palette shows — "1" right after Ctrl+. —
  // went to Facebook's composer instead (an e2e test caught it once the
  // suggestions came from the background, a message later).
  useLayoutEffect(() => {
    input.current?.focus();
  }, [request]);
  if (!request) return null;
  const items = filtered(request);
  const selected = items[Math.min(active.value, items.length - 1)];

  const pick = (item: PaletteItem | undefined) => {
    if (!item) return;
    request.onPick(item.reply.id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // A Vietnamese input method (Telex, VNI) is composing: the key is not ours.
    if (event.isComposing || event.keyCode === 229) return;
    // A keydown a page script dispatched into our (open) shadow root is not the moderator's.
    if (!byUser(event)) return;
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      request.onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active.value = (active.value + step + items.length) % Math.max(items.length, 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(selected);
    } else if (query.value === '' && /^[1-9]$/.test(event.key)) {
      event.preventDefault();
      pick(items[Number(event.key) - 1]);
    } else if (query.value === '' && event.key === '?') {
      event.preventDefault();
      showHelp.value = !showHelp.value;
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes, as Esc does from the keyboard.
    <div
      class="backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) request.onClose();
      }}
    >
      <div class="dialog" role="dialog" aria-modal="true" aria-label={t('paletteTitle')}>
        <input
          ref={input}
          type="search"
          aria-controls="khcn-palette-list"
          aria-activedescendant={selected ? `khcn-reply-${selected.reply.id}` : undefined}
          aria-label={t('paletteSearch')}
          placeholder={t('paletteSearch')}
          value={query.value}
          onInput={(e) => {
            query.value = (e.currentTarget as HTMLInputElement).value;
            active.value = 0;
          }}
          onKeyDown={onKeyDown}
        />
        {showHelp.value || request.help ? (
          <div class="help" aria-live="polite">
            <strong>{t('shortcutsTitle')}</strong>
            <table>
              <tbody>
                {SHORTCUTS.map(([keys, what]) => (
                  <tr key={keys}>
                    <td>
                      <kbd>{keys}</kbd>
                    </td>
                    <td>{t(what)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <div id="khcn-palette-list" role="listbox" aria-label={t('suggestionsLabel')} tabIndex={0}>
            {items.map((item, index) => (
              // The search box owns the keyboard (aria-activedescendant): options take clicks only.
              // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the search box.
              // biome-ignore lint/a11y/useFocusableInteractive: the active option is announced through aria-activedescendant.
              <div
                key={item.reply.id}
                id={`khcn-reply-${item.reply.id}`}
                role="option"
                aria-selected={item === selected}
                onMouseDown={(e) => e.preventDefault()}
                onClick={(e) => byUser(e) && pick(item)}
              >
                <span class="num">{index < 9 ? index + 1 : ''}</span>
                <span>
                  {item.reply.title}
                  {item.why && <div class="why">{item.why}</div>}
                </span>
              </div>
            ))}
          </div>
        )}
        {selected && !showHelp.value && (
          <section
            class={`preview ${selected.preview.ok ? '' : 'error'}`}
            aria-live="polite"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a long preview scrolls, and a scrollable region must be reachable by keyboard.
            tabIndex={0}
            aria-label={t('previewLabel')}
          >
            {selected.preview.ok ? selected.preview.text : selected.preview.message}
          </section>
        )}
      </div>
    </div>
  );
}

let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;

/** Opens the reply palette (a `khcn-palette` shadow root); one at a time. */
/** What the palette shows (the `Palette` component reads it), from its first row. */
export function showPalette(request: PaletteRequest): void {
  query.value = '';
  active.value = 0;
  showHelp.value = Boolean(request.help);
  current.value = request;
}

export async function openPalette(ctx: ContentScriptContext, request: PaletteRequest): Promise<void> {
  showPalette(request);
  if (ui) return;
  ui = await createPreactUi(ctx, 'khcn-palette', CSS, () => <Palette />);
  ui.mount();
}

export function closePalette(): void {
  current.value = null;
  ui?.remove();
  ui = null;
}

export function isPaletteOpen(): boolean {
  return current.value !== null;
}
