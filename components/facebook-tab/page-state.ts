import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Answer, PageRequest, PageState } from '../../lib/messages';
import { onMessages, sendToTab } from '../../lib/messaging';

/** The state of the Facebook tab the sidebar sits beside (null: not a watched Facebook tab). */
export const pageState = signal<PageState | null>(null);
let activeTabId: number | undefined;

async function activeTab(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Sends a request to the content script of the active tab; null when there is none. */
export async function askPage<R extends PageRequest>(request: R): Promise<Answer<R['type']> | null> {
  activeTabId = await activeTab();
  if (activeTabId === undefined) return null;
  try {
    return await sendToTab(activeTabId, request);
  } catch {
    return null; // no content script there: not Facebook, or not a watched page
  }
}

export async function refreshPageState(): Promise<void> {
  pageState.value = await askPage({ type: 'page:get-state' });
}

/** Follows the active tab: its pushes, tab switches and navigation. Returns a stop function. */
export function followActiveTab(): () => void {
  const onActivated = () => void refreshPageState();
  const onUpdated = (tabId: number, info: { status?: string }) => {
    if (tabId === activeTabId && info.status === 'complete') void refreshPageState();
  };
  const stopListening = onMessages({
    'page:state': (pushed, sender) => {
      if (sender.tab?.id === activeTabId) pageState.value = pushed.state;
      return undefined;
    },
  });
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  void refreshPageState();
  return () => {
    stopListening();
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}
