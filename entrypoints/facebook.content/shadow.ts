/**
 * In-page UI lives in open shadow roots under `khcn-` elements (a contract):
 * Facebook's CSS cannot reach it and its text never mixes with the comment's.
 * Content scripts have no `customElements` registry in Chrome, but any valid
 * custom-element name can host a shadow root without being defined.
 */
export function createShadowHost(tag: `khcn-${string}`, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
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
