import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT stops an older copy of a content script when a newer one starts: the
 * new copy dispatches `<extension id>:<entrypoint>:wxt:content-script-started`
 * on the document and every other copy that hears it invalidates itself. The
 * event is an ordinary CustomEvent, and the name is public (in Firefox the
 * extension id is fixed; in Chrome it is the store id), so facebook.com's own
 * scripts could dispatch it and switch the extension off for the rest of the
 * visit: flags, buttons and panel gone, without a word.
 *
 * A newer copy of this script only ever starts after the extension was
 * reloaded or updated, and that leaves the older copy orphaned: its
 * `browser.runtime.id` is gone. So while this copy's runtime is alive, a
 * "started" event cannot be a genuine newer copy: it is stopped in the
 * capture phase on `window`, before WXT's listener on the document hears it.
 * An orphaned copy lets it through and stops, as WXT intends.
 *
 * Call first thing in `main` (WXT's listener is already there; nothing the
 * page does can run between the two: main starts in the same task).
 */
export function shieldFromForgedStart(ctx: ContentScriptContext): void {
  const type = scriptStartedEventName();
  const shield = (event: Event) => {
    if (runtimeAlive()) event.stopImmediatePropagation();
  };
  window.addEventListener(type, shield, { capture: true, signal: ctx.signal });
}

/** WXT's event name (a private static of ContentScriptContext; it has been the same since WXT 0.19). */
export function scriptStartedEventName(): string {
  return (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
    .SCRIPT_STARTED_MESSAGE_TYPE;
}

function runtimeAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    // An orphaned copy's runtime can throw on access.
    return false;
  }
}
