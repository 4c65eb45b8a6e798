/**
 * Detectors: the shapes a scam leaves in a comment whatever its words — a phone
 * number, a private contact handle, a shortened link, a domain dressed up as a
 * bank's or the government's, a top-level domain scammers favour, a sum of
 * money. Each finding is named and located, so a flag built on it explains
 * itself ("liên kết rút gọn «t.ly/x»"). Rules combine them with concepts
 * (`requires: ["@short-link", "gambling"]`), and the model reads their names.
 *
 * Every pattern here is linear: character classes and bounded repeats only, no
 * nested quantifier, so a hostile comment cannot make them backtrack.
 */
import { JUDGEMENT_STRINGS } from '../i18n/judgement-strings';
import { translate } from '../i18n/translate';

export const DETECTORS = [
  'phone',
  'link',
  'unofficial-link',
  'short-link',
  'suspicious-tld',
  'lookalike-domain',
  'money',
  'handle',
] as const;
export type Detector = (typeof DETECTORS)[number];

export interface Signal {
  detector: Detector;
  start: number;
  end: number;
  /** What the explanation shows: the number, the domain. */
  matched: string;
}

/** Each detector's name in the string table, for explanations. */
const DETECTOR_LABEL = {
  phone: 'detector_phone',
  link: 'detector_link',
  'unofficial-link': 'detector_unofficialLink',
  'short-link': 'detector_shortLink',
  'suspicious-tld': 'detector_suspiciousTld',
  'lookalike-domain': 'detector_lookalikeDomain',
  money: 'detector_money',
  handle: 'detector_handle',
} as const satisfies Record<Detector, keyof typeof JUDGEMENT_STRINGS>;

/** A detector's name in the UI language ("số điện thoại"), or undefined for a name that is not one. */
export function detectorLabel(detector: string): string | undefined {
  if (!Object.hasOwn(DETECTOR_LABEL, detector)) return undefined;
  return translate(JUDGEMENT_STRINGS, DETECTOR_LABEL[detector as Detector], []);
}

/** Link shorteners and redirectors: the real destination is hidden. */
const SHORTENERS = new Set([
  'bit.ly',
  'bitly.com',
  't.ly',
  'tinyurl.com',
  'cutt.ly',
  'shorturl.at',
  'rb.gy',
  'is.gd',
  'v.gd',
  's.id',
  'ow.ly',
  't.co',
  'goo.gl',
  'tiny.cc',
  'rebrand.ly',
  'shorten.asia',
  'linktr.ee',
  'bom.so',
  'bom.to',
  'tinyurl.vn',
  'short.gy',
  'shorturl.asia',
  'u.to',
  'lnkd.in',
  'qr.io',
]);

/** Top-level domains that cost little and that phishing and gambling sites use far more than others. */
const SUSPICIOUS_TLDS = new Set([
  'top',
  'xyz',
  'vip',
  'club',
  'online',
  'site',
  'icu',
  'buzz',
  'shop',
  'live',
  'cc',
  'tk',
  'ml',
  'ga',
  'cf',
  'gq',
  'pw',
  'win',
  'bid',
  'loan',
  'work',
  'click',
  'link',
  'fun',
  'cyou',
  'monster',
  'rest',
  'bar',
  'sbs',
  'lol',
  'store',
  'today',
  'life',
  'asia',
  'info',
  'biz',
  'cfd',
  'autos',
  'quest',
  'bond',
]);

/** Every top-level domain a bare "name.tld" in a comment is read as a link for. */
const KNOWN_TLDS = new Set([
  ...SUSPICIOUS_TLDS,
  'com',
  'net',
  'org',
  'vn',
  'io',
  'me',
  'co',
  'app',
  'dev',
  'ly',
  'gl',
  'gy',
  'gd',
  'id',
  'ee',
  'to',
  'so',
  'in',
  'at',
  'us',
  'tv',
  'ai',
  'edu',
  'gov',
]);

/**
 * Names a look-alike domain borrows. Official domains are below; any other
 * domain holding one of these names is dressed up as someone it is not.
 */
const BRANDS = [
  'vietcombank',
  'vcb',
  'techcombank',
  'tcb',
  'mbbank',
  'bidv',
  'agribank',
  'vietinbank',
  'tpbank',
  'sacombank',
  'vpbank',
  'acb',
  'momo',
  'zalopay',
  'vnpay',
  'shopee',
  'lazada',
  'facebook',
  'fb',
  'meta',
  'messenger',
  'zalo',
  'gov',
  'chinhphu',
  'bocongan',
  'congan',
  'vneid',
  'dichvucong',
  'evn',
  'thue',
  'khcn',
  'bkhcn',
  'most',
  'vnpost',
  'viettel',
  'vinaphone',
  'mobifone',
  'nganhang',
  'baohiem',
];

/** Official domains (and their subdomains) of the names above. */
const OFFICIAL = [
  'gov.vn',
  'vietcombank.com.vn',
  'techcombank.com.vn',
  'techcombank.com',
  'mbbank.com.vn',
  'bidv.com.vn',
  'agribank.com.vn',
  'vietinbank.vn',
  'tpb.vn',
  'sacombank.com.vn',
  'vpbank.com.vn',
  'acb.com.vn',
  'momo.vn',
  'zalopay.vn',
  'vnpay.vn',
  'shopee.vn',
  'lazada.vn',
  'facebook.com',
  'fb.com',
  'fb.me',
  'meta.com',
  'messenger.com',
  'm.me',
  'zalo.me',
  'zalo.vn',
  'chinhphu.vn',
  'evn.com.vn',
  'vnpost.vn',
  'viettel.vn',
  'viettel.com.vn',
  'vinaphone.com.vn',
  'mobifone.vn',
];

/** Letters, digits and hyphens, dots between: a host name, bounded so it cannot run away. */
const HOST =
  /(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,6}([a-z]{2,12}))(?![a-z0-9-])(\/[^\s]{0,200})?/giu;

/**
 * Vietnamese phone numbers as people type them: 0 or +84, then nine digits,
 * maybe split by spaces, dots or dashes ("09 8765 4321", "+84.912.345.678").
 */
const PHONE = /(?<![\d])(?:\+?84|0)[\s.-]?[1-9](?:[\s.-]?\d){7,8}(?!\d)/gu;

/**
 * The same number with a few digits hidden as "x" ("0826 4xx 919", "0975 xxx 302"):
 * how numbers are shown when shared and how a seller half-hides one. At least
 * six real digits, so "0xxx xxx xxx" is not a number.
 */
const MASKED_PHONE = /(?<![\d\p{L}])(?:\+?84|0)[\s.-]?[1-9](?:[\s.-]?[\dxX]){7,8}(?![\d\p{L}])/gu;

/** "@ten_tai_khoan", and "t.me/…" handles. */
const HANDLE = /(?<![\p{L}\p{N}_.])@[a-z0-9_.]{3,32}/giu;

/** A sum: "100k", "50tr", "5 triệu", "2.000.000đ", "500 USD", "1OOK" (letter O for zero). */
const MONEY =
  /(?<![\p{L}\p{N}])[0-9oO][0-9oO.,]{0,12}\s?(?:k|tr|triệu|trieu|củ|cu|m|đ|d|vnd|vnđ|usd|\$|nghìn|nghin|ngàn|ngan|tỷ|ty)(?![\p{L}\p{N}])/giu;

function isOfficial(host: string): boolean {
  for (const domain of OFFICIAL) {
    if (host === domain || host.endsWith(`.${domain}`)) return true;
  }
  return false;
}

function borrowsBrand(host: string): boolean {
  const labels = host.split(/[.-]/);
  for (const label of labels) {
    for (const brand of BRANDS) {
      // "vcb-xacthuc", "vietcombank-online", "bocongan": the whole label or its start.
      if (label === brand || (brand.length >= 4 && label.startsWith(brand))) return true;
    }
  }
  return false;
}

/** Quick check before the host regex: a dot with a letter or digit right after it ("t.ly", "abc.top"). */
function mayHaveHost(text: string): boolean {
  for (let i = text.indexOf('.'); i >= 0 && i + 1 < text.length; i = text.indexOf('.', i + 1)) {
    const c = text.charCodeAt(i + 1) | 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return true;
  }
  return false;
}

/** Any ASCII digit: the regex engine's scan for the first is quicker than a loop over every unit. */
const ASCII_DIGIT = /[0-9]/;

function digitCount(text: string): number {
  // Most comments hold no digit: counted from the first one, which the regex finds.
  const first = text.search(ASCII_DIGIT);
  if (first < 0) return 0;
  let n = 0;
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

/** Everything the detectors see in a comment, in reading order per detector. */
export function detect(text: string): Signal[] {
  const out: Signal[] = [];
  if (mayHaveHost(text)) {
    HOST.lastIndex = 0;
    for (let m = HOST.exec(text); m !== null; m = HOST.exec(text)) {
      const host = m[1]!.toLowerCase();
      const tld = m[2]!.toLowerCase();
      const hasScheme = /^https?:/i.test(m[0]);
      // A bare "a.b" is a link only with a known top-level domain ("v.v", "TP.HCM" are not).
      if (!hasScheme && !KNOWN_TLDS.has(tld)) continue;
      // A sum like "2.000.000" never reaches here (digits-only labels end in digits, TLDs are letters).
      const start = m.index;
      const end = start + m[0].length;
      const matched = m[0];
      out.push({ detector: 'link', start, end, matched });
      if (!isOfficial(host)) out.push({ detector: 'unofficial-link', start, end, matched: host });
      if (SHORTENERS.has(host) || host === 't.me') out.push({ detector: 'short-link', start, end, matched });
      if (SUSPICIOUS_TLDS.has(tld)) out.push({ detector: 'suspicious-tld', start, end, matched: host });
      if (!isOfficial(host) && borrowsBrand(host)) {
        out.push({ detector: 'lookalike-domain', start, end, matched: host });
      }
    }
  }
  const digits = digitCount(text);
  if (digits >= 9) {
    PHONE.lastIndex = 0;
    for (let m = PHONE.exec(text); m !== null; m = PHONE.exec(text)) {
      out.push({ detector: 'phone', start: m.index, end: m.index + m[0].length, matched: m[0] });
    }
  }
  if (digits >= 6 && /\d[\s.-]?[xX]/.test(text)) {
    MASKED_PHONE.lastIndex = 0;
    for (let m = MASKED_PHONE.exec(text); m !== null; m = MASKED_PHONE.exec(text)) {
      if (!/[xX]/.test(m[0]) || digitCount(m[0]) < 6) continue;
      out.push({ detector: 'phone', start: m.index, end: m.index + m[0].length, matched: m[0] });
    }
  }
  if (text.includes('@')) {
    HANDLE.lastIndex = 0;
    for (let m = HANDLE.exec(text); m !== null; m = HANDLE.exec(text)) {
      out.push({ detector: 'handle', start: m.index, end: m.index + m[0].length, matched: m[0] });
    }
  }
  if (digits > 0 || /[oO]{2}[kK]/.test(text)) {
    MONEY.lastIndex = 0;
    for (let m = MONEY.exec(text); m !== null; m = MONEY.exec(text)) {
      // "oo k" alone is not a sum: at least one real digit, or the 1OOK disguise.
      if (!/[0-9]/.test(m[0])) continue;
      out.push({ detector: 'money', start: m.index, end: m.index + m[0].length, matched: m[0] });
    }
  }
  return out;
}
