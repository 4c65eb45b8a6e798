import { describe, expect, test, vi } from 'vitest';
import { timeJudge, timeRounds } from '../../scripts/bench/judge-timing';

describe('timeRounds: trung vị các vòng, µs mỗi bình luận', () => {
  test('mỗi vòng chạy hàm một lần cho mỗi câu, đủ số vòng', () => {
    const seen: string[] = [];
    timeRounds(['cảm ơn Bộ', 'cho em hỏi'], (t) => seen.push(t), 3);
    expect(seen).toEqual(['cảm ơn Bộ', 'cho em hỏi', 'cảm ơn Bộ', 'cho em hỏi', 'cảm ơn Bộ', 'cho em hỏi']);
  });

  test('trung vị của ba vòng là vòng giữa, không phải vòng chậm', () => {
    // A scripted clock, not a timed loop: each round reads the clock twice (start, end).
    // Rounds of 4, 40 and 10 ms over two comments: 2,000, 20,000 and 5,000 µs each.
    const clock = [0, 4, 100, 140, 200, 210];
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock.shift() ?? 0);
    try {
      const t = timeRounds(['một câu', 'câu khác'], () => {}, 3);
      expect(t).toEqual({ us: 5000, lo: 2000, hi: 20000 });
    } finally {
      now.mockRestore();
    }
  });
});

describe('timeJudge: mô hình hỏng thì báo lỗi, không đo luật một mình', () => {
  test.each([
    ['không phải đối tượng', 'mô hình', /expected object, received string/],
    ['thiếu trường', { version: 3 }, /at format/],
  ])('%s', (_name, json, why) => {
    const lines = { typical: ['cảm ơn'], reference: null, all: ['cảm ơn'] };
    expect(() => timeJudge(json, lines, 1)).toThrow(/Tệp mô hình không hợp lệ \/ invalid model file/);
    expect(() => timeJudge(json, lines, 1)).toThrow(why);
  });
});
