import { describe, expect, test } from 'vitest';
import { flagSummaries } from '../../../lib/flags/hit';
import { compileRules } from '../../../lib/flags/matcher';
import type { Rule } from '../../../lib/flags/schema';

const RULES: Rule[] = [
  {
    id: 'scam-loi-nhuan',
    category: 'scam',
    severity: 'high',
    phrases: ['lợi nhuận khủng', 'lãi khủng'],
    note: 'Hứa lợi nhuận bất thường: dấu hiệu lừa đảo đầu tư.',
    correctionReplyId: 'scam-warning-investment',
  },
  {
    id: 'health-bach-benh',
    category: 'health',
    severity: 'medium',
    phrases: ['chữa bách bệnh'],
    note: 'Không có sản phẩm nào chữa được mọi bệnh.',
  },
];
const matcher = compileRules(RULES);

describe('flagSummaries: những gì trang và thanh bên hiển thị cho mỗi bình luận', () => {
  test.each<[string, string, string[]]>([
    ['bình luận bình thường: không cờ', 'Cảm ơn Bộ đã chia sẻ.', []],
    ['một quy tắc khớp hai lần: một cờ', 'Lợi nhuận khủng, lãi khủng mỗi ngày!', ['scam-loi-nhuan']],
    [
      'hai quy tắc: hai cờ, nặng trước',
      'Thuốc chữa bách bệnh, lợi nhuận khủng',
      ['scam-loi-nhuan', 'health-bach-benh'],
    ],
    ['không dấu vẫn khớp', 'loi nhuan khung lam', ['scam-loi-nhuan']],
  ])('%s', (_name, text, ruleIds) => {
    expect(flagSummaries(matcher.scan(text)).map((f) => f.ruleId)).toEqual(ruleIds);
  });

  test('mỗi cờ mang chữ khớp, lời giải thích và câu trả lời đính chính của quy tắc', () => {
    const [flag] = flagSummaries(matcher.scan('Đầu tư ngay, lợi nhuận khủng!'));
    expect(flag).toEqual({
      ruleId: 'scam-loi-nhuan',
      category: 'scam',
      severity: 'high',
      matched: 'lợi nhuận khủng',
      explanation: expect.stringContaining('Hứa lợi nhuận bất thường'),
      correctionReplyId: 'scam-warning-investment',
    });
    expect(flag!.explanation).toContain('«lợi nhuận khủng»');
  });
});
