import { CHECK_STRINGS } from '../i18n/check-strings';
import { foldForSearch } from '../text';

/**
 * The placeholders a reply body may use, written `{ten}`. Each has a
 * Vietnamese and an English description for messages and the options editor.
 */
const about = ([vi, en]: readonly [string, string]) => ({ vi, en });
export const PLACEHOLDERS = {
  ten: about(CHECK_STRINGS.placeholder_ten),
  danhXung: about(CHECK_STRINGS.placeholder_danhXung),
  trang: about(CHECK_STRINGS.placeholder_trang),
  lienKet: about(CHECK_STRINGS.placeholder_lienKet),
  hotline: about(CHECK_STRINGS.placeholder_hotline),
  ngay: about(CHECK_STRINGS.placeholder_ngay),
  chuKy: about(CHECK_STRINGS.placeholder_chuKy),
} as const;
export type PlaceholderName = keyof typeof PLACEHOLDERS;

/**
 * How a moderator may spell each placeholder: case, spaces and diacritics do
 * not matter (`{Tên}`, `{danh xưng}`), and English names work in English replies.
 */
const SPELLINGS: Record<string, PlaceholderName> = {
  ten: 'ten',
  name: 'ten',
  danhxung: 'danhXung',
  address: 'danhXung',
  trang: 'trang',
  page: 'trang',
  lienket: 'lienKet',
  link: 'lienKet',
  hotline: 'hotline',
  ngay: 'ngay',
  date: 'ngay',
  chuky: 'chuKy',
  signature: 'chuKy',
};

export type BodyToken =
  | { kind: 'text'; text: string }
  /** `name` is null when the placeholder is not one we know. */
  | { kind: 'placeholder'; raw: string; name: PlaceholderName | null; capitalize: boolean }
  /** A `{` that never closes on its line: almost surely a typo, never inserted as is. */
  | { kind: 'broken'; raw: string };

const MAX_NAME = 40;

export function placeholderName(inner: string): PlaceholderName | null {
  return SPELLINGS[foldForSearch(inner).replace(/\s+/g, '')] ?? null;
}

/**
 * Splits a body into text and placeholders. `{{` and `}}` stand for literal
 * braces (so `{{ten}}` prints "{ten}"); a lone `}` is kept as text.
 */
export function tokenizeBody(body: string): BodyToken[] {
  const tokens: BodyToken[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < body.length) {
    const ch = body[i]!;
    if ((ch === '{' || ch === '}') && body[i + 1] === ch) {
      text += ch;
      i += 2;
      continue;
    }
    if (ch !== '{') {
      text += ch;
      i++;
      continue;
    }
    const close = body.indexOf('}', i + 1);
    const inner = close === -1 ? '' : body.slice(i + 1, close);
    if (close !== -1 && inner.length <= MAX_NAME && !/[{\n]/.test(inner)) {
      flush();
      const trimmed = inner.trim();
      const first = trimmed[0] ?? '';
      tokens.push({
        kind: 'placeholder',
        raw: body.slice(i, close + 1),
        name: placeholderName(trimmed),
        capitalize: first !== first.toLowerCase(),
      });
      i = close + 1;
      continue;
    }
    flush();
    const lineEnd = body.indexOf('\n', i);
    const end = Math.min(lineEnd === -1 ? body.length : lineEnd, i + 20);
    tokens.push({ kind: 'broken', raw: body.slice(i, end) });
    i++;
  }
  flush();
  return tokens;
}

/**
 * The placeholders in a body that we do not know, as written (`{tên khách}`),
 * plus any unclosed `{`. Empty when the body is fine. For the options editor
 * and the pack schema.
 */
export function validatePlaceholders(body: string): string[] {
  const bad = new Set<string>();
  for (const token of tokenizeBody(body)) {
    if (token.kind === 'placeholder' && token.name === null) bad.add(token.raw);
    if (token.kind === 'broken') bad.add(token.raw);
  }
  return [...bad];
}

/** The known placeholders a body uses, each once, in order of appearance. */
export function placeholdersIn(body: string): PlaceholderName[] {
  const names = new Set<PlaceholderName>();
  for (const token of tokenizeBody(body)) {
    if (token.kind === 'placeholder' && token.name) names.add(token.name);
  }
  return [...names];
}
