import { browser } from 'wxt/browser';
import { CommandMessage, PageRequest } from '../../lib/messages';
import { watchPacks } from '../../lib/packs/storage';
import type { Settings } from '../../lib/settings/schema';
import { loadSettings, watchSettings } from '../../lib/settings/storage';
import { isWatchedUrl } from '../../lib/settings/watched';
import { handleCommand, handlePageRequest } from './requests';
import { PageSession } from './session';

/**
 * The content script on www.facebook.com. It does nothing until the tab shows
 * a watched page (the fanpage by default); Facebook is a single-page app, so
 * it re-checks on every `wxt:locationchange`. It never opens storage of
 * facebook.com: ideas go to the background, settings come from extension storage.
 */
export default defineContentScript({
  matches: ['https://www.facebook.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    let settings: Settings = await loadSettings();
    let session: PageSession | null = null;
    let packsChanged = false;

    // `url`: WXT announces a navigation from the Navigation API's `navigate`
    // event, before location.href changes, so the new URL comes with it.
    const sync = async (url: string = location.href) => {
      const watched = isWatchedUrl(url, settings.watchedPages);
      if (session && (!watched || session.settings !== settings || packsChanged)) {
        session.stop();
        session = null;
      }
      packsChanged = false;
      if (watched && !session && ctx.isValid) {
        session = new PageSession(ctx, settings);
        await session.start();
      }
    };

    ctx.addEventListener(window, 'wxt:locationchange', (event) => void sync(event.newUrl.href));
    const stopWatchingSettings = watchSettings((next) => {
      settings = next;
      void sync();
    });
    // New rules or replies from the options page: flags and suggestions are redone.
    const stopWatchingPacks = watchPacks(() => {
      packsChanged = true;
      void sync();
    });
    ctx.onInvalidated(() => {
      stopWatchingSettings();
      stopWatchingPacks();
      session?.stop();
      session = null;
    });

    const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
      if (!ctx.isValid) return undefined;
      const request = PageRequest.safeParse(message);
      if (request.success) {
        handlePageRequest(session, request.data).then(sendResponse, () => sendResponse(null));
        return true;
      }
      const command = CommandMessage.safeParse(message);
      if (command.success && session) {
        handleCommand(session, command.data.name);
        sendResponse(true);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    await sync();
  },
});
