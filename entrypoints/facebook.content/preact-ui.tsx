import { type ComponentChild, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { followFacebookTheme } from './shadow';

/**
 * A Preact tree in a `khcn-` shadow root at the end of <body>, following
 * Facebook's theme, removed with the content script (WXT ties it to `ctx`).
 * The caller mounts and removes it.
 */
export function createPreactUi(
  ctx: ContentScriptContext,
  name: `khcn-${string}`,
  css: string,
  view: () => ComponentChild,
): Promise<ShadowRootContentScriptUi<HTMLElement>> {
  return createShadowRootUi(ctx, {
    name,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css,
    onMount(container, shadow) {
      followFacebookTheme(shadow.host);
      const root = document.createElement('div');
      container.append(root);
      render(view(), root);
      return root;
    },
    onRemove(root) {
      if (root) render(null, root);
    },
  });
}
