import { t } from '../../lib/i18n';
import type { SuggestionSummary } from '../../lib/messages';
import { byUser } from '../../lib/trusted-events';
import { createShadowHost, el } from './shadow';

const STRIP_TAG = 'khcn-suggestions';

const CSS = `
:host { all: initial; display: block; margin: 4px 0; font: 12px/1.4 system-ui, 'Segoe UI', Roboto, sans-serif; }
[role=toolbar] { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.label { color: #65676b; margin-right: 2px; }
button { font: inherit; cursor: pointer; border-radius: 12px; padding: 2px 10px; border: 1px solid #ccd0d5; background: #e7f3ff; color: #0a3d7a; max-width: 260px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
button:focus-visible { outline: 2px solid #0a5bc4; outline-offset: 1px; }
.hint { color: #65676b; }
:host([data-theme=dark]) [role=toolbar] { background: #242526; border-radius: 8px; padding: 2px 4px; }
:host([data-theme=dark]) button { background: #263951; color: #cfe3ff; border-color: #3e4042; }
:host([data-theme=dark]) .label, :host([data-theme=dark]) .hint { color: #b0b3b8; }
`;

/**
 * The suggestion strip (a contract, docs/contracts.md): a `khcn-suggestions` element placed just
 * after the composer's wrapper, holding a labelled toolbar whose buttons are
 * the top suggestions, best first. A click inserts that reply into that composer.
 */
export function showSuggestionStrip(
  composer: HTMLElement,
  suggestions: readonly SuggestionSummary[],
  onPick: (replyId: string, composer: HTMLElement) => void,
): HTMLElement {
  removeSuggestionStrips(composer.ownerDocument);
  const { host, root } = createShadowHost(STRIP_TAG, CSS);
  const toolbar = el('div', { role: 'toolbar', 'aria-label': t('suggestionsLabel') });
  toolbar.append(el('span', { class: 'label', 'aria-hidden': 'true' }, `${t('suggestionsLabel')}:`));
  suggestions.forEach((s, index) => {
    const button = el(
      'button',
      { type: 'button', title: `${s.why}\n\n${s.preview}` },
      `${index + 1}. ${s.title}`,
    );
    // Keep the composer's focus and selection: the click must not blur it first.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', (event) => {
      if (!byUser(event)) return;
      event.stopPropagation();
      onPick(s.replyId, composer);
    });
    toolbar.append(button);
  });
  toolbar.append(el('span', { class: 'hint' }, t('paletteHint')));
  // Arrow keys move along the toolbar, as the WAI-ARIA toolbar pattern expects.
  toolbar.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const buttons = Array.from(toolbar.querySelectorAll('button'));
    const at = buttons.indexOf(root.activeElement as HTMLButtonElement);
    const next = buttons[(at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length];
    next?.focus();
    event.preventDefault();
  });
  root.append(toolbar);
  const anchor = composer.parentElement ?? composer;
  anchor.after(host);
  return host;
}

export function removeSuggestionStrips(doc: Document): void {
  for (const strip of doc.querySelectorAll(STRIP_TAG)) strip.remove();
}
