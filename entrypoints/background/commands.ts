import { browser } from 'wxt/browser';
import { CommandName } from '../../lib/messages';
import { sendToTab } from '../../lib/messaging';

/**
 * Routes a browser-level shortcut (`commands`) to the content script of the
 * active tab. Browser shortcuts cannot be pressed from Playwright, so tests
 * call this directly. Returns whether a content script took the command.
 */
export async function routeCommand(command: string): Promise<boolean> {
  const name = CommandName.safeParse(command);
  if (!name.success) return false;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  try {
    await sendToTab(tab.id, { type: 'command', name: name.data });
    return true;
  } catch {
    // No content script in that tab (not Facebook, or not loaded yet).
    return false;
  }
}
