import { browser } from 'wxt/browser';
import { SaveIdeaRequest, type SaveIdeaResponse } from '../../lib/messages';
import { routeCommand } from './commands';
import { saveIdeaFromPage } from './save-idea';
import { openSidebarFromToolbar } from './sidebar';

/**
 * The background owns the idea database (IndexedDB in the extension's origin),
 * answers the content script's "save idea" messages, routes browser-level
 * `commands` shortcuts to the Facebook tab, and opens the sidebar from the
 * toolbar button.
 */
export default defineBackground(() => {
  openSidebarFromToolbar();

  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    const save = SaveIdeaRequest.safeParse(message);
    if (!save.success) return undefined;
    // sendResponse + `return true` (not a returned Promise): the form that works
    // in Chrome, Firefox and WXT's fake browser alike.
    saveIdeaFromPage(save.data).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: String(error) } satisfies SaveIdeaResponse),
    );
    return true;
  });

  browser.commands.onCommand.addListener((command) => {
    void routeCommand(command);
  });
});
