import { browser } from 'wxt/browser';

interface FirefoxSidebarAction {
  toggle(): Promise<void>;
}

interface ChromeSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

/** The toolbar button opens the side panel (Chrome) or toggles the sidebar (Firefox). */
export function openSidebarFromToolbar(): void {
  if (import.meta.env.FIREFOX) {
    // A click is the user action Firefox requires for sidebarAction.toggle().
    // sidebarAction is Firefox-only, so WXT's (Chrome-typed) browser lacks it.
    const sidebar = (browser as unknown as { sidebarAction: FirefoxSidebarAction }).sidebarAction;
    browser.browserAction.onClicked.addListener(() => {
      void sidebar.toggle();
    });
    return;
  }
  // The panel stays available on every tab: the idea log is useful anywhere,
  // and the Facebook part of the panel says when the tab is not a watched page.
  const chromeApi = (globalThis as unknown as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  chromeApi?.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.error('[khcn] side panel behaviour', error);
  });
}
