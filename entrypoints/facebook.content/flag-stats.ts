import { type FlagCountBatch, FlagCounter } from '../../lib/flags/flag-stats';
import type { FlagSummary } from '../../lib/flags/hit';
import { sendMessage } from '../../lib/messaging';

/**
 * Flag counts for the report (issue 17), of the comments the page had to
 * judge itself (the background counts those it judges: issue 14, fifth
 * round): each flagged comment counted once
 * per category per local day, sent to the background in batches, as counts
 * only (lib/flags/flag-stats.ts says what is kept and what is not). Nothing
 * is written to facebook.com's storage: the ids counted live in this tab's
 * memory, and the counts go to the extension's storage through the background.
 */

/** Batches leave at most this often while comments stream in; hiding the page sends at once. */
export const FLAG_STATS_SEND_MS = 5_000;

const counter = new FlagCounter();
let timer: ReturnType<typeof setTimeout> | null = null;
let lifetime: AbortSignal | null = null;

/**
 * Ties the counting to the content script's lifetime (ctx.signal), once: the
 * page-hide listeners go with it, and when it ends what is waiting is sent and
 * the timer stops. The counter itself outlives page sessions, so a comment
 * re-judged after a settings change is not counted again.
 */
export function tieFlagStatsTo(signal: AbortSignal): void {
  if (lifetime === signal) return;
  lifetime = signal;
  // A tab closed or navigated away sends what it has; hidden is the last moment that is reliable.
  addEventListener('pagehide', flushFlagCounts, { signal });
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'hidden') flushFlagCounts();
    },
    { signal },
  );
  signal.addEventListener('abort', flushFlagCounts, { once: true });
}

/**
 * A comment's flags as the page judged it: only when the background could
 * not (judge-requests.ts); the comments the background judges, it counts.
 */
export function countFlags(commentId: string, flags: readonly FlagSummary[]): void {
  if (flags.length === 0 || lifetime?.aborted) return;
  if (
    counter.record(
      commentId,
      flags.map((flag) => flag.category),
    ) === 0
  )
    return;
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
