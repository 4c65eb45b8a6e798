import { describe, expect, test } from 'vitest';
import { browser } from 'wxt/browser';
import {
  clearUsage,
  loadUsage,
  recordUsage,
  recordUse,
  USAGE_KEY,
  UsageStats,
} from '../../../lib/replies/usage';

const T1 = Date.UTC(2026, 3, 1, 8);
const T2 = Date.UTC(2026, 3, 2, 9);

describe('recordUse', () => {
  test('counts a first use and a later one', () => {
    const once = recordUse({}, 'thanks-general', T1);
    expect(once).toEqual({ 'thanks-general': { count: 1, lastUsed: T1 } });
    const twice = recordUse(once, 'thanks-general', new Date(T2));
    expect(twice['thanks-general']).toEqual({ count: 2, lastUsed: T2 });
  });

  test('leaves the input untouched and other replies alone', () => {
    const before = { 'scam-job': { count: 4, lastUsed: T1 } };
    const after = recordUse(before, 'misinfo-5g', T2);
    expect(before).toEqual({ 'scam-job': { count: 4, lastUsed: T1 } });
    expect(after).toEqual({
      'scam-job': { count: 4, lastUsed: T1 },
      'misinfo-5g': { count: 1, lastUsed: T2 },
    });
  });

  test('a clock that went back does not move lastUsed back', () => {
    const usage = recordUse({ a: { count: 1, lastUsed: T2 } }, 'a', T1);
    expect(usage.a).toEqual({ count: 2, lastUsed: T2 });
  });
});

describe('UsageStats schema', () => {
  test.each([
    [{ a: { count: 1, lastUsed: T1 } }, true],
    [{ a: { count: -1, lastUsed: T1 } }, false],
    [{ a: { count: 1.5, lastUsed: T1 } }, false],
    [{ a: { count: 1 } }, false],
    [[], false],
  ])('%j valid: %s', (value, valid) => {
    expect(UsageStats.safeParse(value).success).toBe(valid);
  });
});

describe('storage', () => {
  test('starts empty, records and reloads from storage.local', async () => {
    expect(await loadUsage()).toEqual({});
    await recordUsage('thanks-general', T1);
    const after = await recordUsage('thanks-general', T2);
    expect(after).toEqual({ 'thanks-general': { count: 2, lastUsed: T2 } });
    expect((await browser.storage.local.get(USAGE_KEY))[USAGE_KEY]).toEqual(after);
    expect(await loadUsage()).toEqual(after);
  });

  test('quick uses in a row are all counted', async () => {
    await Promise.all([recordUsage('a', T1), recordUsage('a', T1), recordUsage('b', T1)]);
    expect(await loadUsage()).toEqual({ a: { count: 2, lastUsed: T1 }, b: { count: 1, lastUsed: T1 } });
  });

  test('a damaged entry is dropped, the rest is kept', async () => {
    await browser.storage.local.set({
      [USAGE_KEY]: { good: { count: 3, lastUsed: T1 }, bad: { count: 'many' } },
    });
    expect(await loadUsage()).toEqual({ good: { count: 3, lastUsed: T1 } });
  });

  test('garbage in storage reads as no history', async () => {
    await browser.storage.local.set({ [USAGE_KEY]: 'not an object' });
    expect(await loadUsage()).toEqual({});
  });

  test('clearUsage forgets everything', async () => {
    await recordUsage('a', T1);
    await clearUsage();
    expect(await loadUsage()).toEqual({});
  });
});
