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

    const sync = async () => {
      const watched = isWatchedUrl(location.href, settings.watchedPages);
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

    ctx.addEventListener(window, 'wxt:locationchange', () => void sync());
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

    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
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
    });

    await sync();
  },
});
