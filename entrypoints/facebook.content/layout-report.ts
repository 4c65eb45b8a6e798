import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  applyStoredSelectorPack,
  type PackStorage,
  SELECTOR_PACK_KEY,
} from '../../lib/facebook/selector-pack';
import { buildSkeleton, commentArea, type Skeleton } from '../../lib/facebook/skeleton';

/** The sidebar asks for the comment area's anonymised skeleton (issue 14: report a layout change). */
export const LAYOUT_SKELETON_REQUEST = 'page:layout-skeleton';

/**
 * Answers the sidebar's request for a layout report with the anonymised
 * skeleton of the comment area (lib/facebook/skeleton.ts). The skeleton goes
 * to the sidebar only; the moderator decides whether the file leaves the machine.
 */
export function listenForLayoutReports(
  ctx: ContentScriptContext,
  page: () => { watchedPages: readonly string[]; stats?: Record<string, number>; warning: boolean },
): void {
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: Skeleton | null) => void) => {
    if (!ctx.isValid || (message as { type?: unknown } | null)?.type !== LAYOUT_SKELETON_REQUEST)
      return undefined;
    try {
      const { watchedPages, stats, warning } = page();
      sendResponse(
        buildSkeleton(commentArea(document), {
          reason: warning ? 'layout-warning' : 'on-demand',
          pageUrl: location.href,
          watchedPages,
          stats,
        }),
      );
    } catch {
      sendResponse(null);
    }
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

/**
 * Uses the selector pack the moderator imported in Options (else the
 * built-in one), and follows it: `onChange` runs after a new pack is in use,
 * so the page session can read the page again with it.
 */
export async function followSelectorPack(ctx: ContentScriptContext, onChange: () => void): Promise<void> {
  const storage = browser.storage.local as unknown as PackStorage;
  await applyStoredSelectorPack(storage);
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(SELECTOR_PACK_KEY in changes)) return;
    void applyStoredSelectorPack(storage).then(() => {
      if (ctx.isValid) onChange();
    });
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
}
