import { type Signal, signal, useComputed } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../../lib/i18n';
import { byUser } from '../../lib/trusted-events';
import { createPreactUi } from './preact-ui';

export interface Toast {
  text: string;
  kind: 'ok' | 'error' | 'info';
}

/** What the small in-page panel shows; the session writes, the panel renders. */
export interface PanelModel {
  stats: Signal<{ seen: number; flagged: number; droppedNoId: number }>;
  layoutWarning: Signal<boolean>;
  toast: Signal<Toast | null>;
  /** Only the title row (and any warning or message) shows: it sits over Facebook's own corner. */
  collapsed: Signal<boolean>;
  /** Opens the shortcut cheat sheet. */
  onHelp: () => void;
  /** The moderator collapsed or expanded the panel (the session keeps the choice). */
  onCollapsedChange: (collapsed: boolean) => void;
}

export function createPanelModel(
  onHelp: () => void,
  onCollapsedChange: (collapsed: boolean) => void = () => {},
): PanelModel {
  return {
    stats: signal({ seen: 0, flagged: 0, droppedNoId: 0 }),
    layoutWarning: signal(false),
    toast: signal(null),
    collapsed: signal(false),
    onHelp,
    onCollapsedChange,
  };
}

const CSS = `
:host { all: initial; }
.panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; max-width: 340px;
  font: 13px/1.4 system-ui, 'Segoe UI', Roboto, sans-serif; color: #1c1e21; background: #fff;
  border: 1px solid #ccd0d5; border-radius: 10px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 8px 10px; }
.title { font-weight: 700; display: flex; align-items: center; gap: 8px; }
.title .name { flex: 1; }
button { font: inherit; cursor: pointer; border-radius: 10px; padding: 0 8px; border: 1px solid #ccd0d5; background: #f0f2f5; color: inherit; }
button:focus-visible { outline: 2px solid #0a5bc4; outline-offset: 1px; }
.warning { background: #fff4ce; color: #5c4400; border-radius: 6px; padding: 6px; margin-top: 6px; }
.toast { margin-top: 6px; padding: 6px; border-radius: 6px; background: #e7f3ff; }
.toast.ok { background: #e6f4ea; color: #1e5c2c; }
.toast.error { background: #fde7e7; color: #8c1d18; }
:host([data-theme=dark]) .panel { background: #242526; color: #e4e6eb; border-color: #3e4042; }
:host([data-theme=dark]) button { background: #3a3b3c; border-color: #4e4f50; }
:host([data-theme=dark]) .warning { background: #4a3b00; color: #ffe08a; }
:host([data-theme=dark]) .toast { background: #263951; } :host([data-theme=dark]) .toast.ok { background: #1d3b25; color: #b7e4c2; }
:host([data-theme=dark]) .toast.error { background: #4a1512; color: #ffb4ab; }
`;

export function Panel({ model }: { model: PanelModel }) {
  // The counts change several times a second while comments stream in: a
  // signal handed to JSX as text updates that one text node, without
  // rendering the panel again (and without asking browser.i18n for every label).
  // The message is looked up once, with markers where the numbers go.
  const statsTemplate = useMemo(() => t('statsLine', '\u0001', '\u0002', '\u0003'), []);
  const statsLine = useComputed(() => {
    const s = model.stats.value;
    return statsTemplate
      .replace('\u0001', String(s.seen))
      .replace('\u0002', String(s.flagged))
      .replace('\u0003', String(s.droppedNoId));
  });
  const helpLabel = useMemo(() => t('shortcutsTitle'), []);
  const title = useMemo(() => t('panelTitle'), []);
  const toast = model.toast.value;
  const collapsed = model.collapsed.value;
  const toggleLabel = t(collapsed ? 'panelExpand' : 'panelCollapse');
  const toggle = (event: Event) => {
    if (!byUser(event)) return;
    model.collapsed.value = !collapsed;
    model.onCollapsedChange(!collapsed);
  };
  return (
    <section class="panel" aria-label={title}>
      <div class="title">
        <span class="name">{title}</span>
        <button
          type="button"
          onClick={toggle}
          aria-expanded={!collapsed}
          aria-controls="khcn-panel-stats"
          aria-label={toggleLabel}
          title={toggleLabel}
        >
          {collapsed ? '+' : '−'}
        </button>
        <button
          type="button"
          onClick={(e) => byUser(e) && model.onHelp()}
          aria-label={helpLabel}
          title={helpLabel}
        >
          ?
        </button>
      </div>
      {/* Collapsed, the counts hide; the layout warning and messages never do. */}
      <div class="stats" id="khcn-panel-stats" hidden={collapsed}>
        {statsLine}
      </div>
      {model.layoutWarning.value && (
        <div class="warning" role="alert">
          {t('layoutWarning')}
        </div>
      )}
      <div role="status" aria-live="polite">
        {toast && <div class={`toast ${toast.kind}`}>{toast.text}</div>}
      </div>
    </section>
  );
}

/** Mounts the panel in a `khcn-panel` shadow root; removed when the content script is invalidated. */
export async function mountPanel(ctx: ContentScriptContext, model: PanelModel) {
  const ui = await createPreactUi(ctx, 'khcn-panel', CSS, () => <Panel model={model} />);
  ui.mount();
  return ui;
}
