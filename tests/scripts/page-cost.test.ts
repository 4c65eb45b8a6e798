import { describe, expect, test } from 'vitest';
import {
  closeEnough,
  DEFAULT_PAGE_MS_PER_COMMENT,
  MAX_UNITS,
  MIN_UNITS,
  nearestPoint,
  pageCostSetting,
  unitsForTarget,
} from '../../scripts/bench/page-cost';

describe('BENCH_PAGE_MS_PER_COMMENT: mục tiêu ms mỗi bình luận, hoặc lượng việc cố định', () => {
  test.each([
    ['không đặt: 0,85 ms', undefined, DEFAULT_PAGE_MS_PER_COMMENT],
    ['chuỗi rỗng: như không đặt', '', 0.85],
    ['một số ms', '0.7', 0.7],
    ['có khoảng trắng', ' 1 ', 1],
    ['"fixed": lượng việc cố định của các vòng trước', 'fixed', 'fixed'],
  ])('%s', (_name, value, expected) => {
    expect(pageCostSetting(value)).toBe(expected);
  });

  test.each([
    ['số âm', '-1'],
    ['số 0', '0'],
    ['chữ', 'nhanh'],
  ])('từ chối %s', (_name, value) => {
    expect(() => pageCostSetting(value)).toThrow(/BENCH_PAGE_MS_PER_COMMENT/);
  });
});

describe('số đơn vị việc cho mục tiêu, từ các lần đo', () => {
  test.each([
    // The DOM 0.5 ms, each unit 0.02 ms: 0.85 ms at 17.5 units, rounded to 18.
    [
      'hai điểm trên một đường thẳng: giải ra mục tiêu',
      [
        { units: 8, msPerComment: 0.66 },
        { units: 32, msPerComment: 1.14 },
      ],
      0.85,
      18,
    ],
    [
      'thứ tự các điểm không đổi kết quả',
      [
        { units: 32, msPerComment: 1.14 },
        { units: 8, msPerComment: 0.66 },
      ],
      0.85,
      18,
    ],
    // Three noisy points: least squares (slope 0.0175, through the means 21.33 / 0.8733).
    [
      'ba điểm có nhiễu: đường bình phương tối thiểu',
      [
        { units: 8, msPerComment: 0.7 },
        { units: 32, msPerComment: 1.1 },
        { units: 24, msPerComment: 0.82 },
      ],
      0.85,
      20,
    ],
    [
      'mục tiêu dưới giá của DOM một mình: số đơn vị ít nhất',
      [
        { units: 8, msPerComment: 1.04 },
        { units: 32, msPerComment: 1.41 },
      ],
      0.85,
      MIN_UNITS,
    ],
    [
      'mục tiêu quá xa: số đơn vị nhiều nhất',
      [
        { units: 8, msPerComment: 0.3 },
        { units: 32, msPerComment: 0.31 },
      ],
      5,
      MAX_UNITS,
    ],
  ])('%s', (_name, points, target, expected) => {
    expect(unitsForTarget(points, target)).toBe(expected);
  });

  test.each([
    ['một điểm: chưa có đường', [{ units: 32, msPerComment: 1 }]],
    [
      'giá không tăng theo việc (nhiễu lớn hơn khoảng đo): không có câu trả lời',
      [
        { units: 8, msPerComment: 1.2 },
        { units: 32, msPerComment: 1.1 },
      ],
    ],
    [
      'cùng một số đơn vị đo hai lần: không có độ dốc',
      [
        { units: 8, msPerComment: 1 },
        { units: 8, msPerComment: 1.1 },
      ],
    ],
  ])('%s', (_name, points) => {
    expect(unitsForTarget(points, 0.85)).toBeNull();
  });
});

describe('đủ gần mục tiêu, và điểm gần nhất', () => {
  test.each([
    ['đúng mục tiêu', 0.85, true],
    ['trong 5 %', 0.89, true],
    ['ngoài 5 % phía trên', 0.9, false],
    ['ngoài 5 % phía dưới', 0.8, false],
  ])('%s', (_name, measured, expected) => {
    expect(closeEnough(measured, 0.85)).toBe(expected);
  });

  test('giữ điểm đo gần mục tiêu nhất, không phải điểm cuối', () => {
    const points = [
      { units: 8, msPerComment: 0.7 },
      { units: 20, msPerComment: 0.87 },
      { units: 18, msPerComment: 0.79 },
    ];
    expect(nearestPoint(points, 0.85)).toEqual({ units: 20, msPerComment: 0.87 });
    expect(nearestPoint([], 0.85)).toBeNull();
  });
});
