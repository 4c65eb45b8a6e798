import { browser } from 'wxt/browser';

/**
 * Pages that change the corrections (Options, the background) bump this key;
 * content scripts watch it and fetch the corrections again from the
 * background. A counter in storage.local, not the corrections themselves:
 * those stay in the extension's IndexedDB.
 */
export const CORRECTIONS_VERSION_KEY = 'correctionsVersion';

export async function notifyCorrectionsChanged(): Promise<void> {
  await browser.storage.local.set({ [CORRECTIONS_VERSION_KEY]: Date.now() });
}
