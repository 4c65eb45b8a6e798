import { describe, expect, test } from 'vitest';
import { refineThresholds, type Thresholds } from '../../scripts/judgement/refine';

const start: Thresholds = { categories: [0.7, 0.7, 0.7, 0.7, 0.7], idea: 0.3 };
/** A judgement whose value peaks where `peak` says, falling with the distance from it. */
const peakedAt = (peak: number[]) => (t: Thresholds) =>
  -t.categories.reduce((sum, v, i) => sum + Math.abs(v - peak[i]!), 0);

describe('ngưỡng kiểm lại bằng chính phán đoán', () => {
  test.each([
    ['đỉnh trùng điểm xuất phát: không đổi', [0.7, 0.7, 0.7, 0.7, 0.7], [0.7, 0.7, 0.7, 0.7, 0.7]],
    ['sức khỏe tốt hơn ở 0,65: hạ một bậc', [0.65, 0.7, 0.7, 0.7, 0.7], [0.65, 0.7, 0.7, 0.7, 0.7]],
    [
      'lừa đảo tốt hơn ở 0,75, giả khoa học ở 0,675',
      [0.7, 0.75, 0.7, 0.675, 0.7],
      [0.7, 0.75, 0.7, 0.675, 0.7],
    ],
    ['đỉnh xa hơn hai bậc: chỉ đi tối đa 0,05', [0.5, 0.7, 0.7, 0.7, 0.9], [0.65, 0.7, 0.7, 0.7, 0.75]],
  ])('%s', (_name, peak, want) => {
    expect(refineThresholds(start, peakedAt(peak)).categories).toEqual(want);
  });

  test('bằng điểm thì giữ ngưỡng cũ; ngưỡng ý tưởng không đổi', () => {
    const flat = () => 0;
    expect(refineThresholds(start, flat)).toEqual(start);
  });

  test('không ra ngoài khoảng 0,3–0,95', () => {
    const low: Thresholds = { categories: [0.3, 0.95, 0.7, 0.7, 0.7], idea: 0.3 };
    const got = refineThresholds(low, peakedAt([0, 1, 0.7, 0.7, 0.7])).categories;
    expect(got[0]).toBe(0.3);
    expect(got[1]).toBe(0.95);
  });
});
