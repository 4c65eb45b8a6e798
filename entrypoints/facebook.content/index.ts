// First: zod's settings, before any module builds a schema (see the module).
import '../shared/zod-jitless';
import { browser } from 'wxt/browser';
import { shieldFromForgedStart } from '../../lib/content-shield';
import type { Settings } from '../../lib/settings/schema';
import { isWatchedUrl } from '../../lib/settings/watched';
import { listenForKeys } from './keys';
import { nextTask } from './next-task';
import { handleCommand, pageMessageHandlers } from './requests';
import type { PageSession } from './session';

/**
 * The content script on www.facebook.com. It does nothing until the tab shows
 * a watched page (the fanpage by default); Facebook is a single-page app, so
 * it re-checks on every `wxt:locationchange`. It never opens storage of
 * facebook.com: ideas go to the background, settings come from extension storage.
 *
 * Start-up comes in page turns. Evaluating the whole bundle at once (zod and
 * every schema, the rule matcher, Preact) was one task of 70–90 ms at each
 * page load on a slow machine: a long task the page's users feel. The bundle
 * is still one file, but the modules behind the dynamic imports below are
 * only evaluated when imported, each step in its own task.
 */
export default defineContentScript({
  matches: ['https://www.facebook.com/*'],
  runAt: 'document_idle',
  // WXT's `window.postMessage` announcing the script to older copies of itself
  // (kept for compatibility; its CustomEvent on the document does the same job)
  // took 25–70 ms of our start-up task here, and every Facebook `message`
  // listener would wake for it: opt into WXT's future default and skip it.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Before anything else: a page's forged "content script started" event must not stop us.
    shieldFromForgedStart(ctx);
    await nextTask();
    const { loadSettings, watchSettings } = await import('../../lib/settings/storage');
    let settings: Settings = await loadSettings();
    let session: PageSession | null = null;
    let packsChanged = false;
    /** Counts calls of `sync`: one that awaited while a newer one ran gives way to it. */
    let generation = 0;

    // `url`: WXT announces a navigation from the Navigation API's `navigate`
    // event, before location.href changes, so the new URL comes with it.
    const sync = async (url: string = location.href) => {
      const mine = ++generation;
      const watched = isWatchedUrl(url, settings.watchedPages);
      if (session && (!watched || session.settings !== settings || packsChanged)) {
        session.stop();
        session = null;
      }
      packsChanged = false;
      // Another post or the feed, same session: the sidebar's list of this
      // page's flagged comments is sent again once the page has moved on.
      session?.schedulePush();
      if (watched && !session && ctx.isValid) {
        const { PageSession } = await loadSessionModule();
        if (mine !== generation || session || !ctx.isValid) return;
        // `session` may be replaced (or cleared) while this one starts: wire this one.
        const started = new PageSession(ctx, settings);
        session = started;
        await started.start();
        // The keys end with this session (its signal) and act on it only.
        listenForKeys(started.signal, (key) => {
          if (key === 'palette') void started.replies.openPalette();
          else handleCommand(started, key);
        });
      }
    };

    ctx.addEventListener(window, 'wxt:locationchange', (event) => void sync(event.newUrl.href));
    const stopWatchingSettings = watchSettings((next) => {
      settings = next;
      void sync();
    });
    ctx.onInvalidated(() => {
      stopWatchingSettings();
      session?.stop();
      session = null;
    });

    await nextTask();
    const { onMessages } = await import('../../lib/messaging');
    const stopAnswering = onMessages(
      pageMessageHandlers(() => session),
      () => ctx.isValid,
    );
    ctx.onInvalidated(stopAnswering);

    // New rules or replies from the options page: flags and suggestions are redone.
    const { watchPacks } = await import('../../lib/packs/storage');
    const stopWatchingPacks = watchPacks(() => {
      packsChanged = true;
      void sync();
    });
    ctx.onInvalidated(() => stopWatchingPacks());

    // The moderator's corrections changed (another tab, Options): judge this page again.
    const { CORRECTIONS_VERSION_KEY } = await import('../../lib/corrections/notify');
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && CORRECTIONS_VERSION_KEY in changes) void session?.relearn();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

    // Issue 14: the imported selector pack, and the layout report for the sidebar.
    const { followSelectorPack, listenForLayoutReports } = await import('./layout-report');
    await followSelectorPack(ctx, () => {
      packsChanged = true;
      void sync();
    });
    listenForLayoutReports(ctx, () => {
      const state = session?.state();
      return {
        watchedPages: settings.watchedPages,
        stats: state?.stats,
        warning: state?.layoutWarning ?? false,
      };
    });

    await sync();
  },
});

/** The page session and everything it uses (rules, matcher, in-page UI), evaluated in a task of its own. */
async function loadSessionModule(): Promise<typeof import('./session')> {
  await nextTask();
  return import('./session');
}
