import { describe, expect, test } from 'vitest';
import { compareHits, type FlagHit, MATCH_KINDS, sortHits } from '../../../lib/flags/hit';
import { seededRandom } from '../../../lib/model/train';

const hit = (
  ruleId: string,
  severity: FlagHit['severity'],
  how: FlagHit['how'],
  start: number,
  end: number,
): FlagHit => ({
  ruleId,
  category: 'scam',
  severity,
  matched: 'x'.repeat(end - start),
  start,
  end,
  how,
  note: '',
});

describe('sortHits: cùng thứ tự với hits.sort(compareHits)', () => {
  test.each([
    ['không có hit nào', []],
    ['một hit', [hit('a', 'low', 'exact', 0, 3)]],
    ['nặng trước nhẹ', [hit('nhe', 'low', 'exact', 0, 3), hit('nang', 'high', 'exact', 5, 8)]],
    [
      'đúng chính tả trước bỏ dấu',
      [hit('bo-dau', 'medium', 'folded', 0, 3), hit('dung', 'medium', 'exact', 9, 12)],
    ],
    [
      'cùng mức: đọc từ trái sang',
      [hit('sau', 'medium', 'exact', 9, 12), hit('truoc', 'medium', 'exact', 0, 3)],
    ],
    ['cùng chỗ: dài trước ngắn', [hit('ngan', 'high', 'exact', 0, 3), hit('dai', 'high', 'exact', 0, 9)]],
    [
      'bằng nhau hết: giữ thứ tự cũ',
      [
        hit('mot', 'high', 'exact', 0, 3),
        hit('hai', 'high', 'exact', 0, 3),
        hit('ba', 'high', 'exact', 0, 3),
      ],
    ],
  ])('%s', (_name, hits) => {
    const want = [...hits].sort(compareHits).map((h) => h.ruleId);
    expect(sortHits([...hits]).map((h) => h.ruleId)).toEqual(want);
  });

  test('5.000 danh sách ngẫu nhiên (1–30 hit, nhiều hit bằng nhau) ra đúng thứ tự và giữ nguyên mảng', () => {
    const random = seededRandom(13);
    const severities = ['high', 'medium', 'low'] as const;
    for (let k = 0; k < 5000; k++) {
      const n = 1 + Math.floor(random() * 30);
      const hits: FlagHit[] = [];
      for (let i = 0; i < n; i++) {
        const start = Math.floor(random() * 6);
        hits.push(
          hit(
            `r${i}`,
            severities[Math.floor(random() * 3)]!,
            MATCH_KINDS[Math.floor(random() * 4)]!,
            start,
            start + 1 + Math.floor(random() * 3),
          ),
        );
      }
      const want = [...hits].sort(compareHits).map((h) => h.ruleId);
      const sorted = sortHits(hits);
      expect(sorted).toBe(hits);
      expect(sorted.map((h) => h.ruleId)).toEqual(want);
    }
  });
});
