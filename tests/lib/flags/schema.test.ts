import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseRulePack } from '../../../lib/flags';
import { requiredLiterals } from '../../../lib/flags/regex-prefilter';
import { checkRegex } from '../../../lib/flags/regex-safety';

const goodRule = {
  id: 'scam-loi-nhuan-khung',
  category: 'scam',
  severity: 'high',
  phrases: ['lợi nhuận khủng'],
  note: 'Mời đầu tư với lợi nhuận khủng',
};
const pack = (rules: unknown[]) => ({ format: 'khcn-moderator/rules', version: 1, rules });

describe('parseRulePack — gói hợp lệ', () => {
  test('gói mặc định trên đĩa hợp lệ', () => {
    const json = JSON.parse(readFileSync('public/packs/rules.vi.json', 'utf8'));
    const parsed = parseRulePack(json);
    expect(parsed.ok).toBe(true);
  });

  test('giữ nguyên các trường tuỳ chọn', () => {
    const parsed = parseRulePack(
      pack([
        {
          ...goodRule,
          regex: 'gov[-_]vn\\.[a-z]{2,}',
          accentSensitive: true,
          exceptions: ['cảnh báo'],
          correctionReplyId: 'scam-investment',
          source: 'https://tingia.gov.vn',
          needsModel: true,
        },
      ]),
    );
    expect(parsed.ok && parsed.pack.rules[0]?.correctionReplyId).toBe('scam-investment');
    expect(parsed.ok && parsed.pack.rules[0]?.needsModel).toBe(true);
  });

  test('gói cũ không có needsModel vẫn hợp lệ: quy tắc tự gắn cờ', () => {
    const parsed = parseRulePack(pack([goodRule]));
    expect(parsed.ok && parsed.pack.rules[0]?.needsModel).toBeUndefined();
  });
});

describe('parseRulePack — gói hỏng bị từ chối, nói rõ lỗi', () => {
  test.each([
    ['không phải đối tượng', 'xin chào', 'expected object'],
    ['sai định dạng', { ...pack([goodRule]), format: 'other' }, 'format'],
    ['sai phiên bản', { ...pack([goodRule]), version: 2 }, 'version'],
    ['trùng mã quy tắc', pack([goodRule, { ...goodRule, phrases: ['lãi khủng'] }]), 'bị trùng'],
    ['nhóm lạ', pack([{ ...goodRule, category: 'spam' }]), 'category'],
    ['mức độ lạ', pack([{ ...goodRule, severity: 'critical' }]), 'severity'],
    ['thiếu ghi chú', pack([{ ...goodRule, note: undefined }]), 'note'],
    ['không cụm từ, không regex', pack([{ ...goodRule, phrases: [] }]), 'ít nhất một cụm từ'],
    ['mã có dấu', pack([{ ...goodRule, id: 'lừa-đảo' }]), 'mã quy tắc'],
    ['regex không biên dịch được', pack([{ ...goodRule, regex: '(abc' }]), 'không hợp lệ'],
    ['regex lồng lượng từ', pack([{ ...goodRule, regex: '(a+)+b' }]), 'lồng nhau'],
    ['regex dùng \\b', pack([{ ...goodRule, regex: '\\blừa\\b' }]), '\\b'],
    ['nguồn không phải URL', pack([{ ...goodRule, source: 'tingia' }]), 'source'],
    ['needsModel không phải đúng/sai', pack([{ ...goodRule, needsModel: 'có' }]), 'needsModel'],
  ])('%s', (_name, json, message) => {
    const parsed = parseRulePack(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});

describe('checkRegex — chặn regex có thể treo trình duyệt', () => {
  test.each([
    ['(a+)+', false],
    ['(\\w*)*x', false],
    ['(x+y?){2,}', false],
    ['(?:[a-z]+\\.)*gov', false],
    ['(a|b)\\1', false],
    ['[a-z0-9.-]*gov\\.vn', true],
    ['(?:bit\\.ly|tinyurl\\.com)/[a-z0-9]+', true],
    ['(ab){2}', true],
    ['(a?)+', true],
  ])('%j → hợp lệ: %s', (source, ok) => {
    expect(checkRegex(source) === null).toBe(ok);
  });
});

describe('requiredLiterals — lọc nhanh trước khi chạy regex', () => {
  test.each([
    ['[a-z0-9_-]+\\.apk', ['.apk']],
    ['(?:bit\\.ly|t\\.ly)/\\w+', ['bit.ly', 't.ly']],
    ['ab?c', null],
    ['\\d+', null],
    ['x(?=abc)', null],
    ['GOV\\.VN', ['gov.vn']],
  ])('%j → %j', (source, literals) => {
    expect(requiredLiterals(source)).toEqual(literals);
  });
});
