import { expect, test } from 'vitest';
import type { IdeaStatus } from '../../../lib/ideas/schema';
import { daysWaiting, isOverdue, overdueCutoff } from '../../../lib/ideas/waiting';

const NOW = new Date('2026-11-28T03:00:00.000Z');
const daysAgo = (days: number, extraMs = 0) =>
  new Date(NOW.getTime() - days * 86_400_000 - extraMs).toISOString();

test.each<[string, string, number]>([
  ['vừa lưu', daysAgo(0), 0],
  ['gần một ngày', daysAgo(0, 86_399_999), 0],
  ['đúng một ngày', daysAgo(1), 1],
  ['14 ngày rưỡi', daysAgo(14, 43_200_000), 14],
  ['đồng hồ lùi (lưu "sau" bây giờ)', daysAgo(-1), 0],
])('số ngày chờ: %s', (_name, capturedAt, days) => {
  expect(daysWaiting(capturedAt, NOW)).toBe(days);
});

test.each<[string, IdeaStatus, string, boolean, number, boolean]>([
  ['mới, 15 ngày, ngưỡng 14', 'new', daysAgo(15), false, 14, true],
  ['mới, đúng 14 ngày: chưa quá', 'new', daysAgo(14), false, 14, false],
  ['mới, 14 ngày 1 phút: chưa đủ ngày thứ 15', 'new', daysAgo(14, 60_000), false, 14, false],
  ['đang xem xét, 30 ngày', 'reviewing', daysAgo(30), false, 14, true],
  ['đã chuyển đơn vị, 30 ngày', 'forwarded', daysAgo(30), false, 14, true],
  ['đã chuyển nhưng đã có câu trả lời', 'forwarded', daysAgo(30), true, 14, false],
  ['đã trả lời', 'answered', daysAgo(30), true, 14, false],
  ['được tiếp thu', 'adopted', daysAgo(30), false, 14, false],
  ['không tiếp thu', 'declined', daysAgo(30), false, 14, false],
  ['lưu trữ', 'archived', daysAgo(30), false, 14, false],
  ['ngưỡng 0: tắt cảnh báo', 'new', daysAgo(300), false, 0, false],
])('quá hạn chờ? %s', (_name, status, capturedAt, answered, days, overdue) => {
  expect(isOverdue({ status, capturedAt, answered }, NOW, days)).toBe(overdue);
  // The cut-off used by the filters agrees with the per-idea rule.
  if (days > 0 && !answered && ['new', 'reviewing', 'forwarded'].includes(status))
    expect(capturedAt <= overdueCutoff(NOW, days)).toBe(overdue);
});
