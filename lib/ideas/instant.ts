import { z } from 'zod';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';

/**
 * Every date in the idea log goes through here: one parser, one form.
 *
 * An ISO-8601 date-time with any offset is read, converted to UTC and kept as
 * `YYYY-MM-DDTHH:mm:ss.sssZ` — always 24 characters, so two of them sort as
 * strings exactly as they do as times (the `capturedAt`/`updatedAt` indexes,
 * the retention range rely on it). A date whose UTC form falls outside the
 * years 0000–9999 is refused: `9999-12-31T23:59:59-14:00` is year 10000 in
 * UTC, which `toISOString` writes `+010000-…`, a string that sorts before
 * every real date (so it looked expired) and that the file's own schema
 * refuses on the next import.
 */
export const MAX_YEAR = 9999;
const NORMAL_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The normalised UTC form of an ISO date-time, or null when it has none. */
export function normalizeInstant(value: string): string | null {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return null;
  const iso = new Date(ms).toISOString();
  return NORMAL_FORM.test(iso) ? iso : null;
}

/** Milliseconds since the epoch of a normalised instant: compare times as numbers. */
export function instantMs(iso: string): number {
  return Date.parse(iso);
}

/**
 * The zod schema: an ISO 8601 date-time with an offset (zod checks the
 * calendar: no 30 February, no 24:00), normalised to UTC, years 0000–9999.
 */
export const Instant = z.iso
  .datetime({ offset: true, message: bilingual(CHECK_STRINGS, 'instant_notIso') })
  .transform((value, ctx) => {
    const iso = normalizeInstant(value);
    if (iso === null) {
      ctx.addIssue({
        code: 'custom',
        message: bilingual(CHECK_STRINGS, 'instant_outOfRange', String(MAX_YEAR)),
      });
      return z.NEVER;
    }
    return iso;
  });

/** How far ahead of the importing machine's clock a date may be (clocks differ; a day is generous). */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** True when `iso` lies more than a day after `now`. */
export function isFarFuture(iso: string, now: Date): boolean {
  return instantMs(iso) > now.getTime() + FUTURE_SLACK_MS;
}
