import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, Settings } from './schema';

const KEY = 'settings';

/**
 * Settings live in `storage.local` of the extension (never facebook.com's
 * storage). A stored value that no longer parses falls back to the defaults
 * field by field rather than breaking the extension.
 */
export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  if (stored === undefined) return DEFAULT_SETTINGS;
  const parsed = Settings.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(next: Settings): Promise<Settings> {
  const valid = Settings.parse(next);
  await browser.storage.local.set({ [KEY]: valid });
  return valid;
}

/** Calls `listener` with fresh settings whenever another page saves them. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    const parsed = Settings.safeParse(changes[KEY]?.newValue ?? {});
    listener(parsed.success ? parsed.data : DEFAULT_SETTINGS);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
