import { defineStoredItem, parseWith } from '../stored-item';
import { DEFAULT_SETTINGS, Settings } from './schema';

/**
 * Settings live in `storage.local` of the extension under `settings`. A value
 * that does not parse, or a storage that cannot be read, gives the defaults
 * (lib/stored-item.ts has the rule) rather than breaking the extension.
 */
export const settingsItem = defineStoredItem('settings', {
  parse: parseWith(Settings),
  fallback: () => DEFAULT_SETTINGS,
  version: 1,
});

export function loadSettings(): Promise<Settings> {
  return settingsItem.get();
}

/** Validates, then writes: invalid settings reject and write nothing. */
export async function saveSettings(next: Settings): Promise<Settings> {
  const valid = Settings.parse(next);
  await settingsItem.set(valid);
  return valid;
}

/** Calls `listener` with fresh settings whenever another page saves them. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((read) => listener(read.value));
}
