import { describe, expect, test } from 'vitest';
import {
  planStats,
  STATS_INTERVAL_MS,
  STATS_SETTLE_MS,
} from '../../entrypoints/facebook.content/stats-schedule';

// A fake clock: plain numbers in ms, nothing waits on real time.
describe('planStats: khi nào vẽ lại số đếm của bảng', () => {
  test('chưa vẽ lần nào: vẽ ngay (trang không hiện 0 dưới những bình luận đầu tiên)', () => {
    expect(planStats(5, Number.NEGATIVE_INFINITY)).toEqual({ kind: 'draw' });
  });

  test('đã quá một khoảng kể từ lần vẽ trước: lô này vẽ, trong khung hình của nó', () => {
    expect(planStats(1_000 + STATS_INTERVAL_MS, 1_000)).toEqual({ kind: 'draw' });
    expect(planStats(1_000 + STATS_INTERVAL_MS + 250, 1_000)).toEqual({ kind: 'draw' });
  });

  test('chưa tới hạn: chỉ một bộ hẹn giờ dự phòng, sau hạn thêm một khoảng chờ cho lô kế tiếp', () => {
    expect(planStats(1_300, 1_000)).toEqual({ kind: 'timer', ms: 700 + STATS_SETTLE_MS });
    expect(planStats(1_000, 1_000)).toEqual({ kind: 'timer', ms: STATS_INTERVAL_MS + STATS_SETTLE_MS });
  });

  test('bình luận đổ về đều: lô tới sau hạn vẽ trước khi bộ hẹn giờ kịp chạy', () => {
    // Batches every 300 ms from a redraw at t = 0: the first one past the
    // interval comes before the timer set by the first batch would fire.
    const shownAt = 0;
    const first = planStats(300, shownAt);
    expect(first.kind).toBe('timer');
    const timerFiresAt = 300 + (first as { ms: number }).ms;
    const batchTimes = [600, 900, 1_200];
    const drawingBatch = batchTimes.find((t) => planStats(t, shownAt).kind === 'draw');
    expect(drawingBatch).toBe(1_200);
    expect(drawingBatch!).toBeLessThan(timerFiresAt);
  });
});
