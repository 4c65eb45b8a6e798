import { DARK_THEME_CLASS } from '../../lib/facebook/selectors';

/**
 * In-page UI lives in open shadow roots under `khcn-` elements (a contract, docs/contracts.md):
 * Facebook's CSS cannot reach it and its text never mixes with the comment's.
 * Content scripts have no `customElements` registry in Chrome, but any valid
 * custom-element name can host a shadow root without being defined.
 */
export function createShadowHost(
  tag: `khcn-${string}`,
  css: string,
  opts: { clonable?: boolean } = {},
): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  followFacebookTheme(host);
  // `clonable`: cloneNode(true) on the host copies the shadow root too (a template host).
  const root = host.attachShadow({ mode: 'open', clonable: opts.clonable === true });
  adoptStyles(root, css);
  return { host, root };
}

const sheets = new Map<string, CSSStyleSheet | null>();

/**
 * One parsed stylesheet shared by every shadow root of a kind: a comment
 * thread can hold hundreds of our hosts, and parsing a <style> in each was
 * most of our cost per batch. Where constructable sheets are unavailable
 * (Firefox content scripts' Xray wrappers can refuse them) a <style> is used.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      sheets.set(css, null);
    }
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}

/** Creates an element with text content only: comment text never becomes HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Our in-page UI follows Facebook's own theme choice, not the system's. */
export function facebookIsDark(doc: Document = document): boolean {
  return doc.documentElement.classList.contains(DARK_THEME_CLASS);
}

/** Marks a shadow host for Facebook's theme; its CSS styles `:host([data-theme=dark])`. */
export function followFacebookTheme(host: Element): void {
  if (facebookIsDark(host.ownerDocument)) host.setAttribute('data-theme', 'dark');
  else host.removeAttribute('data-theme');
}
