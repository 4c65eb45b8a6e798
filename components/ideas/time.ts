/** "3 giờ trước" beside the exact time: the moderator scans by age, reports by date. */
export function relativeTime(iso: string, now: Date, language: 'vi' | 'en'): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds), 'second');
}

/** The exact time in Vietnam's time zone, whatever the machine's zone. */
export function absoluteTime(iso: string, language: 'vi' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

/** A date input's value (YYYY-MM-DD, Vietnam's day) → the first or last instant of that day. */
export function dayBoundary(day: string, edge: 'start' | 'end'): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const time = edge === 'start' ? '00:00:00.000' : '23:59:59.999';
  const date = new Date(`${day}T${time}+07:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
