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

const DAY_MS = 86_400_000;

/** `YYYY-MM-DDTHH:mm:ss.sssZ`: the separators' places, checked before reading digits. */
function isNormalShape(iso: string): boolean {
  return (
    iso.length === 24 &&
    iso[4] === '-' &&
    iso[7] === '-' &&
    iso[10] === 'T' &&
    iso[13] === ':' &&
    iso[16] === ':' &&
    iso[19] === '.' &&
    iso[23] === 'Z'
  );
}

/**
 * Milliseconds since the epoch of an instant: compare times as numbers. The
 * normalised form every stored instant has is read digit by digit (Date.parse,
 * which accepts every form, was a third of the report's time over 50,000
 * ideas); anything else goes to Date.parse.
 */
export function instantMs(iso: string): number {
  if (!isNormalShape(iso)) return Date.parse(iso);
  const d = (i: number) => iso.charCodeAt(i) - 48;
  let y = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const m = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  // Days from civil (Howard Hinnant's algorithm): exact for every Gregorian date.
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  const ms =
    (d(11) * 10 + d(12)) * 3_600_000 +
    (d(14) * 10 + d(15)) * 60_000 +
    (d(17) * 10 + d(18)) * 1000 +
    d(20) * 100 +
    d(21) * 10 +
    d(22);
  return days * DAY_MS + ms;
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
