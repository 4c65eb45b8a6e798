import { z } from 'zod';
import { defineStoredItem, parseWith } from '../stored-item';

/**
 * How the moderator left the small in-page panel, kept apart from the
 * settings: a change of settings restarts the page session, a click on the
 * panel must not.
 */
export const PanelPrefs = z.object({ collapsed: z.boolean() });
export type PanelPrefs = z.infer<typeof PanelPrefs>;

const panelPrefsItem = defineStoredItem('panel', {
  parse: parseWith(PanelPrefs),
  fallback: (): PanelPrefs => ({ collapsed: false }),
  version: 1,
});

/** The stored preference, or expanded (lib/stored-item.ts: a failed read gives the fallback). */
export function loadPanelPrefs(): Promise<PanelPrefs> {
  return panelPrefsItem.get();
}

export async function savePanelPrefs(prefs: PanelPrefs): Promise<void> {
  await panelPrefsItem.set(PanelPrefs.parse(prefs));
}
