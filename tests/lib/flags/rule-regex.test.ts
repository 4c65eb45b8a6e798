import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EVIL_REGEXES } from '../../../lib/flags/evil-regexes';
import { compileRules } from '../../../lib/flags/matcher';
import { checkRegex } from '../../../lib/flags/regex-safety';
import {
  compileRuleRegex,
  MAX_REGEX_INPUT,
  ruleRegexProblem,
  spaceFree,
  WORK_BUDGET,
} from '../../../lib/flags/rule-regex';
import { parseRulePack, type Rule } from '../../../lib/flags/schema';

const pack = JSON.parse(readFileSync('public/packs/rules.vi.json', 'utf8')) as { rules: Rule[] };
const packRegexes = pack.rules.filter((r) => r.regex).map((r) => [r.id, r.regex!] as const);
/** The gov.vn rule as it was written for the browser's RegExp (a lookahead inside an alternative). */
const GOV_VN_BEFORE =
  '(?<![\\p{L}\\p{N}.@-])[a-z0-9.-]*(?:[a-z0-9-]gov[-_.]?vn|gov\\.vn(?:[-_][a-z0-9]|\\.(?:com|net|org|info|xyz|top|site|online|vip|live|pro|io|me|cc|app|link|click|shop|store|tk|ml|ga|cf|gq|icu|buzz|asia|club|biz|win|cloud|website|space|fun|work|co)(?![a-z0-9]))|gov[-_]?vn\\.[a-z]{2,})[a-z0-9./-]*';

function nativeMatches(source: string, text: string): { start: number; end: number }[] {
  const re = new RegExp(source, 'giu');
  const out: { start: number; end: number }[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A seeded generator (mulberry32): the same texts every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Texts built from the pieces these rules look for, so near-misses are common. */
function texts(count: number, seed: number): string[] {
  const pieces = [
    'gov',
    'vn',
    '.',
    '-',
    '_',
    '/',
    '@',
    'gov.vn',
    'gov-vn',
    '.com',
    '.co',
    '.top',
    '.vn',
    'x',
    'A',
    'ă',
    'đ',
    ' ',
    '\u00a0',
    '1',
    'bit.ly',
    '/abc',
    'tinyurl.com',
    's.id',
    'facebook',
    'faceb00k',
    'fb',
    'meta',
    'support',
    'verify',
    'apk',
    '.apk',
    'tải',
    'KHCN',
    'GOV.VN',
    '😀',
    '\n',
    'https://',
    'www.',
  ];
  const next = random(seed);
  return Array.from({ length: count }, () => {
    let s = '';
    const n = 1 + Math.floor(next() * 12);
    for (let i = 0; i < n; i++) s += pieces[Math.floor(next() * pieces.length)];
    return s;
  });
}

describe('compileRuleRegex — the default pack on the linear-time engine', () => {
  test.each(packRegexes)('%s compiles and reads whole comments of up to 800 characters', (_id, source) => {
    expect(ruleRegexProblem(source)).toBeNull();
    expect(compileRuleRegex(source).window).toBeGreaterThanOrEqual(800);
  });

  test.each(packRegexes)(
    '%s finds exactly what the browser’s RegExp finds (4,000 generated texts)',
    (id, source) => {
      const re = compileRuleRegex(source);
      const before = id === 'phish-ten-mien-gov-gia' ? GOV_VN_BEFORE : source;
      for (const text of texts(4000, id.length)) {
        expect([text, re.matches(text)]).toEqual([text, nativeMatches(before, text)]);
      }
    },
  );

  test.each([
    ['(?<![\\p{N}])\\d{3}-\\d{4}(?![\\p{N}])', 'gọi 090-1234 hoặc 1090-12345', [[4, 12]]],
    ['[a-z0-9_-]+\\.apk', 'tải KHCN_App.APK ngay', [[4, 16]]],
    ['\\u0111\\u1EA7u t\\u01B0', 'Đầu tư lãi', [[0, 6]]],
    ['lừa\\s+đảo', 'lừa\u00a0đảo', [[0, 7]]],
    ['a.b', 'a\nb a\u2028b axb', [[8, 11]]],
    ['x(?=y)', 'xz xy', [[3, 4]]],
    ['(?:ab|cd)(?!e)', 'abe cd', [[4, 6]]],
  ])('%s on %j → %j (JavaScript meaning of \\u, \\s, ., a final lookahead)', (source, text, spans) => {
    const found = compileRuleRegex(source)
      .matches(text)
      .map((m) => [m.start, m.end]);
    expect(found).toEqual(spans);
    expect(found).toEqual(nativeMatches(source, text).map((m) => [m.start, m.end]));
  });
});

describe('a long comment is read in a window around the literal text, not only its beginning', () => {
  const shortLinks = packRegexes.find(([id]) => id === 'phish-rut-gon-link')![1];
  const padding = 'Xin chào quý vị, tôi xin chia sẻ câu chuyện của mình. '.repeat(80);

  test.each([
    ['sau một đoạn dài', `${padding}Nhận quà tại bit.ly/qua-tang ngay`],
    ['ở cuối', `${padding}${padding}bit.ly/abc`],
    ['ở đầu', `bit.ly/abc ${padding}`],
  ])('link rút gọn %s được tìm thấy, đúng như RegExp', (_where, text) => {
    const re = compileRuleRegex(shortLinks);
    expect(text.length).toBeGreaterThan(re.window);
    const matcher = compileRules([
      { id: 'link', category: 'phishing', severity: 'high', phrases: [], regex: shortLinks, note: 'thử' },
    ]);
    const hits = matcher.scan(text).map((h) => [h.start, h.end]);
    expect(hits).toEqual(nativeMatches(shortLinks, text).map((m) => [m.start, m.end]));
    expect(hits).toHaveLength(1);
  });

  test('a lookbehind at the window’s edge sees the text before it', () => {
    const source = '(?<![\\p{L}])bit\\.ly/[a-z]+';
    const text = `${'.'.repeat(15_000)}xbit.ly/abc bit.ly/def`;
    const re = compileRuleRegex(source);
    expect(text.length).toBeGreaterThan(re.window);
    expect(re.matches(text, text.indexOf('bit.ly'))).toEqual(nativeMatches(source, text));
    expect(re.matches(text, text.indexOf('bit.ly'))).toHaveLength(1);
  });
});

describe('rule regexes a backtracking engine would hang on run in linear time', () => {
  test.each(EVIL_REGEXES.map((e) => [e.source, e.attack] as const))('%s', (source, attack) => {
    const problem = checkRegex(source);
    if (problem !== null) {
      // Rejected: the message names the problem.
      expect(problem.length).toBeGreaterThan(10);
      return;
    }
    const matcher = compileRules([
      { id: 'evil', category: 'scam', severity: 'low', phrases: [], regex: source, note: 'thử' },
    ]);
    // 29 characters took the browser's RegExp 61 s on (a|a)*$; 8,000 is Facebook's longest comment.
    for (const n of [29, MAX_REGEX_INPUT]) {
      const text = attack(n);
      let best = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 3; k++) {
        const started = performance.now();
        matcher.scan(text);
        best = Math.min(best, performance.now() - started);
      }
      // Not a timing test: the 5 ms budget is benchmarked (npm run bench -- regex), and the next test
      // checks the engine's work bound itself. This ceiling only tells linear from exponential: a
      // backtracking engine takes seconds to hours here, the linear one ~1 ms quiet and 56 ms once on a
      // 2-core machine at load 13, so the line sits far above any load.
      expect(best).toBeLessThan(1000);
    }
  });

  test('every accepted regex reads at most WORK_BUDGET / program size characters', () => {
    for (const { source } of EVIL_REGEXES) {
      if (ruleRegexProblem(source) !== null) continue;
      const re = compileRuleRegex(source);
      expect(re.window).toBeLessThanOrEqual(MAX_REGEX_INPUT);
      expect(re.window).toBeGreaterThan(0);
      expect(re.window).toBeLessThanOrEqual(WORK_BUDGET / 10);
    }
  });
});

describe('regexes the linear-time engine cannot run are refused with a message naming why', () => {
  test.each([
    ['a(?=b)c', 'ở cuối'],
    ['(?:a(?!b))+', 'ở cuối'],
    ['a(?!bc)', 'một ký tự'],
    ['a|b(?!c)', 'a|b'],
    ['(a)\\1', 'tham chiếu ngược'],
    ['(?<x>a)\\k<x>', 'tham chiếu ngược'],
    ['[\\Sa]', '\\S'],
    ['(?<=(a))b', 'RE2'],
    ['\\p{Script=Latin}', 'RE2'],
    ['x{1000}y{1000}', 'quá phức tạp'],
    ['x{1001}', 'RE2'],
    [`(?:${'[\\p{L}\\p{N}]{1,20}'.repeat(20)})`, 'quá phức tạp'],
    ['a'.repeat(501), 'quá dài'],
    ['\\blừa\\b', '\\b'],
  ])('%s → “%s”', (source, message) => {
    const problem = checkRegex(source);
    expect(problem).toContain(message);
    const parsed = parseRulePack({
      format: 'khcn-moderator/rules',
      version: 1,
      rules: [{ id: 'x', category: 'scam', severity: 'low', phrases: [], regex: source, note: 'thử' }],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
    // \b is refused by the check (ASCII-only, wrong for Vietnamese), not by the engine.
    if (message !== '\\b') expect(() => compileRuleRegex(source)).toThrow();
  });
});

describe('the whole message a moderator reads for a bad regex: both languages, Vietnamese first', () => {
  test.each([
    [
      '(a+)+b',
      'lượng từ lồng nhau ở vị trí 4 (kiểu (a+)+) có thể treo trình duyệt / ' +
        'a nested quantifier at position 4 (like (a+)+) can freeze the browser',
    ],
    ['(a)\\1', 'không dùng tham chiếu ngược (\\1, \\k<…>) / no back-references'],
    ['a'.repeat(501), 'biểu thức quá dài (tối đa 500 ký tự) / the pattern is too long'],
    [
      '\\blừa',
      'không dùng \\b: trong JavaScript nó chỉ hiểu chữ ASCII, sai với tiếng Việt — dùng (?<![\\p{L}\\p{N}]) / (?![\\p{L}\\p{N}]) / ' +
        'no \\b: in JavaScript it knows only ASCII letters, wrong for Vietnamese — use (?<![\\p{L}\\p{N}]) / (?![\\p{L}\\p{N}])',
    ],
    [
      '(abc',
      'biểu thức không hợp lệ / invalid pattern: Invalid regular expression: /(abc/iu: Unterminated group',
    ],
    ['[]a', 'lớp ký tự rỗng [] / an empty character class'],
    [
      'a(?=b)c',
      'phép nhìn trước (?=…)/(?!…) chỉ hỗ trợ một ký tự hoặc một lớp ký tự, ở cuối biểu thức, ví dụ (?![\\p{L}\\p{N}]) / ' +
        'a lookahead is supported only as one character or class at the very end, e.g. (?![\\p{L}\\p{N}])',
    ],
  ])('%s', (source, message) => {
    expect(checkRegex(source)).toBe(message);
  });

  test('a rule pack with several faults', () => {
    const rule = { category: 'scam', severity: 'low', note: 'thử' };
    const parsed = parseRulePack({
      format: 'khcn-moderator/rules',
      version: 1,
      concepts: [
        { id: 'c', label: 'l', words: ['ab'] },
        { id: 'c', label: 'l', words: ['ab'] },
      ],
      rules: [
        { ...rule, id: 'A', phrases: ['a'] },
        { ...rule, id: 'b', phrases: [], requires: ['zz'] },
        { ...rule, id: 'b', phrases: [] },
      ],
    });
    expect(parsed).toEqual({
      ok: false,
      error:
        'Gói quy tắc không hợp lệ / invalid rule pack:\n' +
        '✖ mã quy tắc chỉ gồm chữ thường không dấu, số và dấu gạch ngang / rule id: lowercase ASCII letters, digits and hyphens\n' +
        '  → at rules[0].id\n' +
        '✖ quy tắc cần ít nhất một cụm từ, một biểu thức chính quy hoặc một tổ hợp (requires) / a rule needs at least one phrase, a regex or a combination (requires)\n' +
        '  → at rules[2].phrases\n' +
        '✖ mã khái niệm "c" bị trùng / duplicate concept id\n' +
        '  → at concepts[1].id\n' +
        '✖ mã quy tắc "b" bị trùng (quy tắc số 2 và 3) / duplicate rule id\n' +
        '  → at rules[2].id\n' +
        '✖ cụm từ quá ngắn / phrase too short\n' +
        '  → at rules[0].phrases[0]\n' +
        '✖ "zz" không phải khái niệm nào trong gói, cũng không phải bộ dò (@phone, @link, @unofficial-link, @short-link, @suspicious-tld, @lookalike-domain, @money, @handle) / unknown concept or detector\n' +
        '  → at rules[1].requires[0]',
    });
  });
});

describe('spaceFree: khi không khớp nào chứa được dấu cách, chỉ những từ có chữ bắt buộc được đọc', () => {
  test.each([
    ['[a-z0-9_-]+\\.apk', true],
    ['(?<![\\p{L}\\p{N}.-])(?:bit\\.ly|t\\.ly)/[\\p{L}\\p{N}_-]+', true],
    ['x[!-~]+y', true],
    ['\\p{L}+ab', true],
    ['a\\u00e0b(?![a-z])', true],
    ['lừa\\s+đảo', false],
    ['a.b', false],
    ['[^a]x', false],
    ['x[\\x00-\\x7f]', false],
    ['\\p{Z}ab', false],
    ['\\P{L}ab', false],
    ['ab$', false],
    ['^ab', false],
    ['a\\u0020b', false],
    ['a b', false],
    ['a\u3000b', false],
    ['(?<=a b)cd', false],
    ['(?<!a+)cd', false],
  ])('%s → %s', (source, expected) => {
    expect(spaceFree(source)).toBe(expected);
  });

  // "ab+(?! )": the character after a word decides the final lookahead.
  const sources = [
    '[a-z0-9_-]+\\.apk',
    'x[!-~]+y',
    'ab+(?! )',
    'ab+(?!\u3000)',
    '(?<![a-z])ks+(?![a-z])',
    'support[a-z]*',
    ...packRegexes.map((r) => r[1]),
  ];
  // Spaces of every kind JavaScript's \s knows, and letters that fold to ASCII ones ("ſ" is an "s", "K" a "k").
  const pieces = [
    ' ',
    '\u00a0',
    '\u3000',
    '\t',
    '\u2028',
    '\n',
    'ſupport',
    'SUPPORT',
    '\u212As',
    'ks',
    'x!y',
    'ab',
    'abb',
    '.apk',
    'gov.vn.com',
    'fb-support.com',
    'a',
    '.',
    '-',
    'ă',
    '😀',
  ];
  test.each(sources)('%s finds exactly what the browser’s RegExp finds, word by word', (source) => {
    const re = compileRuleRegex(source);
    const next = random(source.length);
    for (let t = 0; t < 2000; t++) {
      let text = '';
      const n = 1 + Math.floor(next() * 12);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(next() * pieces.length)];
      expect([text, re.matches(text)]).toEqual([text, nativeMatches(source, text)]);
    }
  });

  // Past the words read one by one (16), the rest of the comment is read in one go.
  test.each([
    ['[a-z0-9_-]+\\.apk', 'x.apk'],
    ['support[a-z]*', 'ſupports'],
    ['x[!-~]+y', 'x!y'],
    [packRegexes.find((r) => r[1].includes('gov'))![1], 'xgov.vn'],
  ])('%s: 19 words that match, with spaces of every kind between them', (source, word) => {
    const spaces = [' ', '\u00a0', '\u3000', '\t', '\n'];
    const text = Array.from({ length: 19 }, (_, i) => `${i % 3 === 0 ? 'a' : ''}${word}`).join(spaces[2]);
    const mixed = Array.from({ length: 19 }, (_, i) => word + spaces[i % spaces.length]).join('');
    const re = compileRuleRegex(source);
    for (const t of [text, mixed]) {
      expect(re.matches(t).length).toBeGreaterThan(16);
      expect(re.matches(t)).toEqual(nativeMatches(source, t));
    }
  });
});
