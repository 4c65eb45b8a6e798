import { browser } from 'wxt/browser';

/**
 * Opens the report page in a new tab. tabs.create needs no permission (only
 * reading other tabs' addresses would): the manifest stays `storage` only.
 */
export function openReport(): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL('/report.html') });
}
