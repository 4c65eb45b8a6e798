import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import type { Settings } from '../settings/schema';
import { PLACEHOLDERS, type PlaceholderName, tokenizeBody } from './placeholders';
import type { Audience, Reply } from './schema';

export interface RenderContext {
  /** The commenter's name as Facebook shows it (untrusted text). */
  commenterName?: string;
  settings: Pick<Settings, 'pageValues' | 'defaultAddress'>;
  /** This comment's form of address ("anh", "chị", "bạn"); else `settings.defaultAddress`. */
  address?: string;
  /** Picks the reply's variant for this audience, when it has one. */
  audience?: Audience;
  now?: Date;
}

/** Placeholders whose values come from the options page, not from the comment. */
const PAGE_LEVEL = new Set<string>(['trang', 'lienKet', 'hotline', 'chuKy']);

export type RenderResult = { ok: true; text: string } | { ok: false; missing: string[]; message: string };

const MAX_NAME = 100;

/**
 * The body for an audience: its variant if the reply has one, else the base
 * body. A commenter with no cue (`undefined`) is read as a citizen, the page's
 * main audience: a citizen variant is for them — otherwise it would never be
 * used, since nothing in a comment says "I am a citizen".
 */
export function pickBody(reply: Pick<Reply, 'body' | 'variants'>, audience?: Audience): string {
  const wanted = audience ?? 'citizen';
  return reply.variants?.find((variant) => variant.audience === wanted)?.body ?? reply.body;
}

/**
 * Values become plain text on one line: no control or invisible formatting
 * characters (a name cannot smuggle bidi overrides or line breaks into a reply).
 * Nothing is HTML-escaped: the text is inserted as text, so `<b>` stays `<b>`.
 */
function oneLine(value: string | undefined): string {
  return (value ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function multiLine(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => oneLine(line))
    .join('\n')
    .trim();
}

/** Today as dd/mm/yyyy in Vietnam, whatever the moderator's machine clock zone. */
export function formatDateVN(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')}`;
}

function placeholderValue(name: PlaceholderName, ctx: RenderContext): string {
  const page = ctx.settings.pageValues;
  switch (name) {
    case 'ten':
      return [...oneLine(ctx.commenterName)].slice(0, MAX_NAME).join('').trim();
    case 'danhXung':
      return oneLine(ctx.address?.trim() ? ctx.address : ctx.settings.defaultAddress);
    case 'trang':
      return oneLine(page.pageName);
    case 'lienKet':
      return oneLine(page.officialLink);
    case 'hotline':
      return oneLine(page.hotline);
    case 'ngay':
      return formatDateVN(ctx.now ?? new Date());
    case 'chuKy':
      return multiLine(page.signature);
  }
}

function capitalizeFirst(value: string): string {
  const first = value[0];
  return first ? first.toLocaleUpperCase('vi') + value.slice(1) : value;
}

/**
 * Fills a reply's placeholders. It refuses — rather than send "Chào {ten}" or
 * "Chào ," to a citizen — when a placeholder is unknown or has no value, and
 * names each one. Values are inserted once: a name that reads "{hotline}" stays
 * literal text.
 */
export function renderReply(reply: Pick<Reply, 'body' | 'variants'>, ctx: RenderContext): RenderResult {
  const unknown: string[] = [];
  const unresolved: PlaceholderName[] = [];
  let text = '';
  for (const token of tokenizeBody(pickBody(reply, ctx.audience))) {
    if (token.kind === 'text') {
      text += token.text;
    } else if (token.kind === 'broken' || token.name === null) {
      if (!unknown.includes(token.raw)) unknown.push(token.raw);
    } else {
      const value = placeholderValue(token.name, ctx);
      if (!value) {
        if (!unresolved.includes(token.name)) unresolved.push(token.name);
      } else {
        text += token.capitalize ? capitalizeFirst(value) : value;
      }
    }
  }
  if (unknown.length === 0 && unresolved.length === 0) {
    return { ok: true, text: text.normalize('NFC').replace(/\r\n?/g, '\n').trim() };
  }
  const lines: string[] = [];
  if (unresolved.length > 0) {
    const vi = unresolved.map((name) => `{${name}} (${PLACEHOLDERS[name].vi})`).join(', ');
    const en = unresolved.map((name) => `{${name}} (${PLACEHOLDERS[name].en})`).join(', ');
    lines.push(bilingual(CHECK_STRINGS, 'render_noValue', [vi, en]));
    if (unresolved.some((name) => PAGE_LEVEL.has(name))) {
      lines.push(bilingual(CHECK_STRINGS, 'render_setInOptions'));
    }
  }
  if (unknown.length > 0) {
    lines.push(bilingual(CHECK_STRINGS, 'render_unknownPlaceholder', unknown.join(', ')));
  }
  return {
    ok: false,
    missing: [...unresolved, ...unknown],
    message: `${bilingual(CHECK_STRINGS, 'render_notInserted')} ${lines.join(' ')}`,
  };
}
