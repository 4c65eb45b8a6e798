import { defineStoredItem, parseWith } from '../stored-item';
import { addFlagCounts, type FlagCountBatch, FlagDays, localDay } from './flag-stats';

/**
 * The flag counts in the extension's `storage.local` (`flagStats`): written
 * by the background only, read by the report page. Not imported by the
 * content script, which only sends counts (lib/flags/flag-stats.ts).
 */
export const flagStatsItem = defineStoredItem('flagStats', {
  parse: parseWith(FlagDays),
  fallback: (): FlagDays => ({ days: {} }),
  version: 1,
});

let queue: Promise<unknown> = Promise.resolve();

/**
 * Adds a tab's batch to the stored counts. Batches from several tabs are
 * added one after the other: a read-add-write must not interleave with
 * another, or one batch would overwrite the other's counts.
 */
export function recordFlagCounts(batch: FlagCountBatch, now: Date = new Date()): Promise<void> {
  const next = queue.then(async () => {
    const stored = await flagStatsItem.get();
    await flagStatsItem.set(addFlagCounts(stored, batch, localDay(now)));
  });
  queue = next.catch(() => undefined);
  return next;
}
