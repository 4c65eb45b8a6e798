import { type FlagCountBatch, FlagCounter } from '../../lib/flags/flag-stats';
import type { FlagSummary } from '../../lib/flags/hit';
import { sendMessage } from '../../lib/messaging';

/**
 * Flag counts for the report (issue 17): each flagged comment counted once
 * per category per local day, sent to the background in batches, as counts
 * only (lib/flags/flag-stats.ts says what is kept and what is not). Nothing
 * is written to facebook.com's storage: the ids counted live in this tab's
 * memory, and the counts go to the extension's storage through the background.
 */

/** Batches leave at most this often while comments stream in; hiding the page sends at once. */
export const FLAG_STATS_SEND_MS = 5_000;

const counter = new FlagCounter();
let timer: ReturnType<typeof setTimeout> | null = null;
let listening = false;

/** The one call from the page session: a comment's flags as it was judged. */
export function countFlags(commentId: string, flags: readonly FlagSummary[]): void {
  if (flags.length === 0) return;
  if (
    counter.record(
      commentId,
      flags.map((flag) => flag.category),
    ) === 0
  )
    return;
  if (!listening) {
    listening = true;
    // A tab closed or navigated away sends what it has; hidden is the last moment that is reliable.
    addEventListener('pagehide', flushFlagCounts);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flushFlagCounts();
    });
  }
  timer ??= setTimeout(flushFlagCounts, FLAG_STATS_SEND_MS);
}

/** Sends the counts waiting now; a failed send keeps them for the next one. */
export function flushFlagCounts(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  if (!counter.hasPending) return;
  const days: FlagCountBatch = counter.take();
  sendMessage({ type: 'stats:flags', days }).then(
    (ok) => {
      if (ok !== true) counter.restore(days);
    },
    // The extension was reloaded under this page: nobody can take the counts; they are dropped with the tab.
    () => undefined,
  );
}
