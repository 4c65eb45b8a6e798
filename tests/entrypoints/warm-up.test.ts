import { describe, expect, test } from 'vitest';
import { flagsFor, WARM_UP_TEXTS } from '../../lib/judge/active';

describe('làm nóng bộ chấm (ở nền) trước khi đọc bình luận của trang', () => {
  test('các câu mẫu khác nhau và chạm tới các loại cờ khác nhau của bộ chấm thật', () => {
    expect(new Set(WARM_UP_TEXTS).size).toBe(WARM_UP_TEXTS.length);
    const categories = new Set<string>();
    for (const text of WARM_UP_TEXTS) for (const flag of flagsFor(text)) categories.add(flag.category);
    // Cold paths of several kinds (rules, detectors, model) are the point of the warm-up.
    expect(categories.size).toBeGreaterThanOrEqual(3);
  });
});
