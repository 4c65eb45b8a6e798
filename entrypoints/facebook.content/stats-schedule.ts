/**
 * When the panel's counts are redrawn while comments stream in (issue 14).
 *
 * A redraw made by a timer of its own is one more frame for the page, and on
 * a long thread a frame's layout and paint cost the page far more than the
 * redraw itself (measured: the page's paint doubled with a redraw each second
 * from a timer; docs/benchmarks.md). So a redraw that is due is made by the
 * batch that reads new comments — in the animation frame that draws them —
 * and the timer only catches the last change once comments stop coming.
 */

/** At most one redraw per interval while comments stream in. */
export const STATS_INTERVAL_MS = 1_000;
/**
 * After the interval, how long the next batch has to come and redraw before
 * the timer does: longer than the gap between batches of a thread that is
 * streaming in, short enough that the last count shows soon after it stops.
 */
export const STATS_SETTLE_MS = 500;

export type StatsPlan =
  /** Redraw now, in this batch's frame (and drop a pending timer). */
  | { kind: 'draw' }
  /** Not due yet: make sure a timer will redraw in `ms` if no batch does it first. */
  | { kind: 'timer'; ms: number };

/**
 * `now` and `shownAt` are in ms of one clock (`performance.now()`); `shownAt`
 * is when the counts were last drawn (−Infinity: never).
 */
export function planStats(now: number, shownAt: number): StatsPlan {
  const wait = shownAt + STATS_INTERVAL_MS - now;
  if (wait <= 0) return { kind: 'draw' };
  return { kind: 'timer', ms: wait + STATS_SETTLE_MS };
}
