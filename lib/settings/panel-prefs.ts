import { browser } from 'wxt/browser';
import { z } from 'zod';

/**
 * How the moderator left the small in-page panel, kept apart from the
 * settings: a change of settings restarts the page session, a click on the
 * panel must not.
 */
export const PanelPrefs = z.object({ collapsed: z.boolean() });
export type PanelPrefs = z.infer<typeof PanelPrefs>;

const KEY = 'panel';
const DEFAULT: PanelPrefs = { collapsed: false };

/**
 * The stored preference, or the default when none is stored, it does not
 * parse, or storage cannot be read: a look preference never stops the page
 * session from starting.
 */
export async function loadPanelPrefs(): Promise<PanelPrefs> {
  try {
    const parsed = PanelPrefs.safeParse((await browser.storage.local.get(KEY))[KEY]);
    return parsed.success ? parsed.data : DEFAULT;
  } catch {
    return DEFAULT;
  }
}

export async function savePanelPrefs(prefs: PanelPrefs): Promise<void> {
  await browser.storage.local.set({ [KEY]: PanelPrefs.parse(prefs) });
}
