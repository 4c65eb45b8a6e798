import { z } from 'zod';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { CATEGORIES, Category } from './categories';

/**
 * Flags per category per day, for the report (issue 17): COUNTS ONLY. No
 * comment id, text, author or page is ever stored or sent; the content
 * script keeps the ids it has counted in memory only, to count a comment
 * once (FlagCounter), and forgets them with the tab.
 *
 * Stored in the extension's `storage.local` under `flagStats` (never
 * facebook.com's storage); the background adds each batch the content
 * script sends (`stats:flags`) and drops days older than FLAG_DAYS_KEPT.
 */

/** A local calendar day `YYYY-MM-DD`. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A count: a whole number, bounded so a damaged value cannot grow without end. */
const Count = z.number().int().min(0).max(1_000_000_000);

export const DayCounts = z.partialRecord(Category, Count);
export type DayCounts = z.infer<typeof DayCounts>;

export const FlagDays = z.object({ days: z.record(Day, DayCounts) });
export type FlagDays = z.infer<typeof FlagDays>;

/** What one batch from a tab may hold: a few days at most (a tab open over midnight has two). */
export const FlagCountBatch = z.record(Day, DayCounts).refine((days) => Object.keys(days).length <= 7, {
  message: bilingual(CHECK_STRINGS, 'flagStats_tooManyDays'),
});
export type FlagCountBatch = z.infer<typeof FlagCountBatch>;

/** About thirteen months: a year's report, plus the month before it. */
export const FLAG_DAYS_KEPT = 400;

/** The local `YYYY-MM-DD` of a moment (the moderator's calendar, as the report reads it). */
export function localDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${d}`;
}

/**
 * Adds a batch into the stored days and drops the days older than `keepDays`
 * before `today`. Pure: returns a new value. Adding is commutative, so two
 * tabs' batches arriving in either order give the same totals.
 */
export function addFlagCounts(
  stored: FlagDays,
  batch: FlagCountBatch,
  today: string,
  keepDays = FLAG_DAYS_KEPT,
): FlagDays {
  const oldest = new Date(Date.parse(`${today}T00:00:00Z`) - (keepDays - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const days: Record<string, DayCounts> = {};
  for (const [day, counts] of Object.entries(stored.days)) if (day >= oldest) days[day] = { ...counts };
  for (const [day, counts] of Object.entries(batch)) {
    if (day < oldest) continue;
    const into = days[day] ?? {};
    for (const category of CATEGORIES) {
      const n = counts[category];
      if (n) into[category] = Math.min(1_000_000_000, (into[category] ?? 0) + n);
    }
    if (Object.keys(into).length > 0) days[day] = into;
  }
  return { days };
}

/**
 * The side that judges (the background; the content script when it judges
 * itself): counts each flagged comment once per category
 * per local day, in memory. `seen` holds `day|category|commentId` keys of
 * this tab only and is cleared when the day changes, so it stays a day's
 * comments at most. A reload starts with an empty set: a comment seen again
 * after a reload is counted again (the figure is "flagged comments shown",
 * an upper bound of distinct comments; see docs/report.md for why no id is
 * kept anywhere to do better).
 */
export class FlagCounter {
  private day = '';
  private readonly seen = new Set<string>();
  private pending: Record<string, DayCounts> = {};
  private pendingCount = 0;

  constructor(readonly today: () => string = () => localDay(new Date())) {}

  /**
   * Counts a comment's categories (any order, repeats ignored); returns how
   * many new counts it made. `day`: today, when the caller read it once for a
   * batch (a `Date` and its formatting per flagged comment showed in the
   * page's profile).
   */
  record(commentId: string, categories: Iterable<Category>, day: string = this.today()): number {
    if (day !== this.day) {
      this.day = day;
      this.seen.clear();
    }
    let added = 0;
    for (const category of new Set(categories)) {
      const key = `${category}|${commentId}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const counts = this.pending[day] ?? {};
      this.pending[day] = counts;
      counts[category] = (counts[category] ?? 0) + 1;
      added++;
    }
    this.pendingCount += added;
    return added;
  }

  /** True when counts wait to be sent. */
  get hasPending(): boolean {
    return this.pendingCount > 0;
  }

  /** The counts not yet sent, and forgets them (put them back with `restore` if the send fails). */
  take(): FlagCountBatch {
    const batch = this.pending;
    this.pending = {};
    this.pendingCount = 0;
    return batch;
  }

  /** A batch whose send failed: its counts wait for the next send. */
  restore(batch: FlagCountBatch): void {
    for (const [day, counts] of Object.entries(batch)) {
      const into = this.pending[day] ?? {};
      this.pending[day] = into;
      for (const category of CATEGORIES) {
        const n = counts[category];
        if (!n) continue;
        into[category] = (into[category] ?? 0) + n;
        this.pendingCount += n;
      }
    }
  }
}
