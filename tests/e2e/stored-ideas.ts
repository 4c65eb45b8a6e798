import type { Page, Worker } from 'playwright-core';

/**
 * Every idea in the extension's IndexedDB, read in the extension's origin:
 * from an extension page or from the background service worker.
 */
export function storedIdeas<T = Record<string, unknown>>(target: Page | Worker): Promise<T[]> {
  // Page and Worker both evaluate a function in their own realm; their typings differ.
  return (target as Worker).evaluate(
    () =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('khcn-moderator');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('ideas').objectStore('ideas').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}
