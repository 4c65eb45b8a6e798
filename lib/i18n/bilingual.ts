import { type MessageKey, STRINGS } from './strings';

/**
 * Both columns of the string table at once, for documents read whatever the
 * reader's browser language is (the report): Vietnamese first, English
 * alongside. A substitution may differ per language (a number: "4,5" / "4.5").
 */
export type Sub = string | number | { vi: string; en: string };
export interface Pair {
  vi: string;
  en: string;
}

function fill(template: string, subs: readonly Sub[], lang: 'vi' | 'en'): string {
  return template.replace(/\$(\d)/g, (_, n: string) => {
    const sub = subs[Number(n) - 1];
    if (sub === undefined) return '';
    if (typeof sub === 'object') return sub[lang];
    return typeof sub === 'number' ? formatNumber(sub, lang) : sub;
  });
}

export function pair(key: MessageKey, ...subs: Sub[]): Pair {
  const [vi, en] = STRINGS[key];
  return { vi: fill(vi, subs, 'vi'), en: fill(en, subs, 'en') };
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
