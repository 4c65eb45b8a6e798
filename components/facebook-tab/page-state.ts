import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { type PageRequest, PageState, PageStateMessage } from '../../lib/messages';

/** The state of the Facebook tab the sidebar sits beside (null: not a watched Facebook tab). */
export const pageState = signal<PageState | null>(null);
let activeTabId: number | undefined;

async function activeTab(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Sends a request to the content script of the active tab; null when there is none. */
export async function askPage(request: PageRequest): Promise<unknown> {
  activeTabId = await activeTab();
  if (activeTabId === undefined) return null;
  try {
    return await browser.tabs.sendMessage(activeTabId, request);
  } catch {
    return null; // no content script there: not Facebook, or not a watched page
  }
}

export async function refreshPageState(): Promise<void> {
  const answer = PageState.safeParse(await askPage({ type: 'page:get-state' }));
  pageState.value = answer.success ? answer.data : null;
}

/** Follows the active tab: its pushes, tab switches and navigation. Returns a stop function. */
export function followActiveTab(): () => void {
  const onMessage = (message: unknown, sender: { tab?: { id?: number } }) => {
    const pushed = PageStateMessage.safeParse(message);
    if (pushed.success && sender.tab?.id === activeTabId) pageState.value = pushed.data.state;
    return undefined;
  };
  const onActivated = () => void refreshPageState();
  const onUpdated = (tabId: number, info: { status?: string }) => {
    if (tabId === activeTabId && info.status === 'complete') void refreshPageState();
  };
  browser.runtime.onMessage.addListener(onMessage);
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  void refreshPageState();
  return () => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}
