import { bothLanguages, type Substitution } from './bilingual';
import { type MessageKey, STRINGS } from './strings';

/**
 * Both columns of the string table at once, for documents read whatever the
 * reader's browser language is (the report and its export): Vietnamese first,
 * English alongside. The same filling as the checks' messages (bilingual.ts);
 * here a substitution may also be a number, written each language's way
 * ("4,5" / "4.5"). Imports the whole table: extension pages only.
 */
export interface Pair {
  vi: string;
  en: string;
}
export type Sub = string | number | Pair;

function toSubstitution(sub: Sub): Substitution {
  if (typeof sub === 'number') return [formatNumber(sub, 'vi'), formatNumber(sub, 'en')];
  if (typeof sub === 'object') return [sub.vi, sub.en];
  return sub;
}

export function pair(key: MessageKey, ...subs: Sub[]): Pair {
  const [vi, en] = bothLanguages(STRINGS, key, ...subs.map(toSubstitution));
  return { vi, en };
}

/** "Tuần / Week": for short labels (headers, chart labels). */
export function both(key: MessageKey, ...subs: Sub[]): string {
  const { vi, en } = pair(key, ...subs);
  return `${vi} / ${en}`;
}

const FORMATS = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

/** 1.234,5 in Vietnamese, 1,234.5 in English; at most one decimal. */
export function formatNumber(n: number, lang: 'vi' | 'en'): string {
  return FORMATS[lang].format(n);
}

/** A number as a substitution: each language its own way. */
export function num(n: number): Pair {
  return { vi: formatNumber(n, 'vi'), en: formatNumber(n, 'en') };
}
