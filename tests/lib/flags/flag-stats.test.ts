import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addFlagCounts,
  FlagCountBatch,
  FlagCounter,
  type FlagDays,
  localDay,
} from '../../../lib/flags/flag-stats';
import { flagStatsItem, recordFlagCounts } from '../../../lib/flags/flag-stats-store';
import { Message } from '../../../lib/messages';

describe('FlagCounter: mỗi bình luận bị gắn cờ đếm một lần cho mỗi loại mỗi ngày', () => {
  test.each<[string, [string, string[]][], Record<string, number>]>([
    ['một bình luận, một loại', [['111', ['scam']]], { scam: 1 }],
    [
      'vẽ lại cùng bình luận không đếm thêm',
      [
        ['111', ['scam']],
        ['111', ['scam']],
        ['111', ['scam']],
      ],
      { scam: 1 },
    ],
    ['hai loại của một bình luận', [['111', ['scam', 'phishing', 'scam']]], { scam: 1, phishing: 1 }],
    [
      'loại mới của bình luận đã đếm (sửa cờ) được đếm',
      [
        ['111', ['scam']],
        ['111', ['scam', 'health']],
      ],
      { scam: 1, health: 1 },
    ],
    [
      'hai bình luận khác nhau',
      [
        ['111', ['scam']],
        ['222', ['scam']],
      ],
      { scam: 2 },
    ],
  ])('%s', (_name, calls, expected) => {
    const counter = new FlagCounter(() => '2026-12-06');
    for (const [id, categories] of calls) counter.record(id, categories as never);
    expect(counter.take()).toEqual({ '2026-12-06': expected });
    expect(counter.hasPending).toBe(false);
  });

  test('sang ngày mới, cùng bình luận được đếm lại cho ngày mới', () => {
    let today = '2026-12-06';
    const counter = new FlagCounter(() => today);
    counter.record('111', ['scam']);
    today = '2026-12-07';
    counter.record('111', ['scam']);
    expect(counter.take()).toEqual({ '2026-12-06': { scam: 1 }, '2026-12-07': { scam: 1 } });
  });

  test('ngày do người gọi đọc một lần cho cả lô: đếm vào ngày đó, không hỏi lại đồng hồ', () => {
    let asked = 0;
    const counter = new FlagCounter(() => {
      asked++;
      return '2026-12-06';
    });
    const day = counter.today();
    counter.record('1', ['scam'], day);
    counter.record('2', ['scam', 'health'], day);
    counter.record('1', ['scam'], day);
    expect(asked).toBe(1);
    expect(counter.take()).toEqual({ '2026-12-06': { scam: 2, health: 1 } });
  });

  test('đã gửi rồi thì không gửi lại; gửi lỗi thì trả lại để lần sau gửi', () => {
    const counter = new FlagCounter(() => '2026-12-06');
    counter.record('111', ['scam']);
    const sent = counter.take();
    counter.record('111', ['scam']);
    expect(counter.hasPending).toBe(false);
    counter.restore(sent);
    counter.record('222', ['scam']);
    expect(counter.take()).toEqual({ '2026-12-06': { scam: 2 } });
  });

  test('gói gửi đi chỉ có ngày và con số: không mã, không lời, không tác giả', () => {
    const counter = new FlagCounter(() => '2026-12-06');
    counter.record('987654321012345', ['impersonation']);
    const json = JSON.stringify(counter.take());
    expect(json).not.toContain('987654321012345');
    expect(json).toBe('{"2026-12-06":{"impersonation":1}}');
  });
});

describe('addFlagCounts: cộng dồn và xóa ngày cũ', () => {
  test.each<[string, FlagDays, Record<string, Record<string, number>>, FlagDays]>([
    [
      'cộng vào ngày đã có',
      { days: { '2026-12-06': { scam: 2 } } },
      { '2026-12-06': { scam: 3, health: 1 } },
      { days: { '2026-12-06': { scam: 5, health: 1 } } },
    ],
    [
      'thêm ngày mới',
      { days: {} },
      { '2026-12-05': { phishing: 1 } },
      { days: { '2026-12-05': { phishing: 1 } } },
    ],
    [
      'ngày quá 400 ngày bị xóa, kể cả trong gói mới',
      { days: { '2025-11-01': { scam: 9 }, '2025-11-02': { scam: 1 } } },
      { '2025-11-01': { scam: 1 } },
      { days: { '2025-11-02': { scam: 1 } } },
    ],
    ['số 0 không tạo ngày', { days: {} }, { '2026-12-06': { scam: 0 } }, { days: {} }],
  ])('%s', (_name, stored, batch, expected) => {
    expect(addFlagCounts(stored, batch, '2026-12-06')).toEqual(expected);
  });

  test('cộng theo thứ tự nào cũng ra cùng kết quả (hai thẻ gửi cùng lúc)', () => {
    const a = { '2026-12-06': { scam: 1 } };
    const b = { '2026-12-06': { scam: 2, health: 1 } };
    const start: FlagDays = { days: {} };
    expect(addFlagCounts(addFlagCounts(start, a, '2026-12-06'), b, '2026-12-06')).toEqual(
      addFlagCounts(addFlagCounts(start, b, '2026-12-06'), a, '2026-12-06'),
    );
  });
});

describe('tin nhắn stats:flags', () => {
  test.each<[string, unknown, boolean]>([
    ['hợp lệ', { type: 'stats:flags', days: { '2026-12-06': { scam: 1 } } }, true],
    ['loại cờ lạ bị từ chối', { type: 'stats:flags', days: { '2026-12-06': { spam: 1 } } }, false],
    ['số âm bị từ chối', { type: 'stats:flags', days: { '2026-12-06': { scam: -1 } } }, false],
    ['ngày sai dạng', { type: 'stats:flags', days: { 'hôm nay': { scam: 1 } } }, false],
    [
      'quá 7 ngày một lần',
      {
        type: 'stats:flags',
        days: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((d) => [`2026-12-0${d}`, { scam: 1 }])),
      },
      false,
    ],
  ])('%s', (_name, message, ok) => {
    expect(Message.safeParse(message).success).toBe(ok);
  });

  test('FlagCountBatch là kiểu của gói', () => {
    expect(FlagCountBatch.parse({ '2026-12-06': { health: 2 } })).toEqual({ '2026-12-06': { health: 2 } });
    const eightDays = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7, 8].map((d) => [`2026-12-0${d}`, { health: 1 }]),
    );
    expect(FlagCountBatch.safeParse(eightDays).error?.issues.map((i) => i.message)).toEqual([
      'quá nhiều ngày trong một lần gửi / too many days in one batch',
    ]);
  });

  test('localDay theo lịch máy', () => {
    expect(localDay(new Date(2026, 11, 6, 23, 59))).toBe('2026-12-06');
  });
});

describe('recordFlagCounts (nền): lưu vào storage.local của tiện ích', () => {
  test('hai gói gửi cùng lúc đều được cộng, không gói nào ghi đè gói kia', async () => {
    const now = new Date(2026, 11, 6, 12);
    await Promise.all([
      recordFlagCounts({ '2026-12-06': { scam: 1 } }, now),
      recordFlagCounts({ '2026-12-06': { scam: 2, health: 1 } }, now),
      recordFlagCounts({ '2026-12-05': { phishing: 1 } }, now),
    ]);
    expect(await flagStatsItem.get()).toEqual({
      days: { '2026-12-06': { scam: 3, health: 1 }, '2026-12-05': { phishing: 1 } },
    });
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toContain('flagStats');
  });
});
