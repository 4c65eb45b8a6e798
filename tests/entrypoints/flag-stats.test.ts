import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FlagSummary } from '../../lib/flags/hit';

const flag = (category: FlagSummary['category']) => ({ category }) as FlagSummary;

describe('content script: đếm cờ và gửi theo lô', () => {
  let sent: unknown[];
  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
    sent = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      sent.push(message);
      return Promise.resolve(true) as never;
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('gom trong 5 giây rồi gửi một lần; vẽ lại không đếm thêm; không gửi mã bình luận', async () => {
    const { countFlags, FLAG_STATS_SEND_MS } = await import('../../entrypoints/facebook.content/flag-stats');
    countFlags('1234567890123', [flag('scam'), flag('scam')]);
    countFlags('1234567890123', [flag('scam')]);
    countFlags('9876543210987', [flag('health')]);
    countFlags('5555555555555', []);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(FLAG_STATS_SEND_MS);
    expect(sent).toHaveLength(1);
    const message = sent[0] as { type: string; days: Record<string, Record<string, number>> };
    expect(message.type).toBe('stats:flags');
    expect(Object.values(message.days)).toEqual([{ scam: 1, health: 1 }]);
    expect(JSON.stringify(message)).not.toMatch(/1234567890123|9876543210987/);
  });

  test('trang bị ẩn (đóng thẻ, chuyển thẻ): gửi ngay', async () => {
    const { countFlags, tieFlagStatsTo } = await import('../../entrypoints/facebook.content/flag-stats');
    const lifetime = new AbortController();
    tieFlagStatsTo(lifetime.signal);
    countFlags('1234567890123', [flag('phishing')]);
    dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
  });

  test('nền không nhận được: số liệu được giữ lại cho lần gửi sau', async () => {
    const { countFlags, flushFlagCounts } = await import('../../entrypoints/facebook.content/flag-stats');
    const answers: unknown[] = [null, true];
    fakeBrowser.reset();
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      sent.push(message);
      return Promise.resolve(answers.shift()) as never;
    });
    countFlags('1', [flag('scam')]);
    flushFlagCounts();
    await vi.advanceTimersByTimeAsync(0);
    countFlags('2', [flag('scam')]);
    flushFlagCounts();
    await vi.advanceTimersByTimeAsync(0);
    const last = sent.at(-1) as { days: Record<string, Record<string, number>> };
    expect(Object.values(last.days)).toEqual([{ scam: 2 }]);
  });

  test('content script kết thúc: gửi phần còn lại, gỡ lắng nghe, không đếm nữa', async () => {
    const { countFlags, tieFlagStatsTo, FLAG_STATS_SEND_MS } = await import(
      '../../entrypoints/facebook.content/flag-stats'
    );
    const lifetime = new AbortController();
    tieFlagStatsTo(lifetime.signal);
    countFlags('1', [flag('scam')]);
    lifetime.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    countFlags('2', [flag('health')]);
    dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(FLAG_STATS_SEND_MS);
    expect(sent).toHaveLength(1);
  });
});
