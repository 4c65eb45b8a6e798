import { describe, expect, test } from 'vitest';
import { bestHitPerRule, CATEGORIES, defaultMatcher, defaultRulePack } from '../../../lib/flags';

// The default pack's contract (docs/contracts.md): each rule has an id, a category and
// the phrases as a person writes them, with diacritics.
const DIACRITIC = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe('gói quy tắc mặc định (public/packs/rules.vi.json)', () => {
  const { rules } = defaultRulePack();

  const phraseRules = rules.filter((rule) => rule.requires === undefined);
  test.each(phraseRules.map((rule) => [rule.id, rule] as const))('%s có cụm từ viết có dấu', (_id, rule) => {
    expect(rule.phrases.length).toBeGreaterThan(0);
    expect(rule.phrases.some((phrase) => DIACRITIC.test(phrase))).toBe(true);
  });

  // A combination has no phrases of its own: its concepts hold the words, as a person writes them.
  test('mỗi khái niệm có từ viết có dấu', () => {
    for (const concept of defaultRulePack().concepts ?? []) {
      expect(
        concept.words.some((w) => DIACRITIC.test(w)),
        concept.id,
      ).toBe(true);
    }
  });

  test('đủ năm loại, mỗi loại nhiều quy tắc', () => {
    for (const category of CATEGORIES) {
      expect(rules.filter((rule) => rule.category === category).length, category).toBeGreaterThanOrEqual(5);
    }
  });

  test.each([
    ['Tài khoản của bạn sẽ bị khóa, xác minh ngay', 'phish-ten-mien-facebook-gia'],
    ['Nhấn vào đường link này để nhận quà', 'phish-rut-gon-link'],
    ['Nhận tiền hỗ trợ qua đường link bên dưới', 'phish-ten-mien-gov-gia'],
  ])('%s → %s', (text, ruleId) => {
    expect(
      defaultMatcher()
        .scan(text)
        .map((hit) => hit.ruleId),
    ).toContain(ruleId);
  });
});

test('bestHitPerRule giữ một cờ mỗi quy tắc, bản tốt nhất (đầu tiên) của nó', () => {
  const hits = defaultMatcher().scan('Thần dược! thần dược, than duoc chữa bách bệnh');
  const best = bestHitPerRule(hits);
  expect(new Set(best.map((h) => h.ruleId)).size).toBe(best.length);
  expect(new Set(hits.map((h) => h.ruleId))).toEqual(new Set(best.map((h) => h.ruleId)));
  for (const hit of best) expect(hit).toBe(hits.find((h) => h.ruleId === hit.ruleId));
  expect(hits.length).toBeGreaterThan(best.length);
});
