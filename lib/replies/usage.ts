import { browser } from 'wxt/browser';
import { z } from 'zod';

export const ReplyUse = z.object({
  count: z.number().int().min(0),
  /** Milliseconds since the epoch. */
  lastUsed: z.number().int().min(0),
});
export type ReplyUse = z.infer<typeof ReplyUse>;

/** How often, and how lately, this moderator used each reply, keyed by reply id. */
export const UsageStats = z.record(z.string().min(1).max(64), ReplyUse);
export type UsageStats = z.infer<typeof UsageStats>;

export const USAGE_KEY = 'replyUsage';

/** A new record with one more use of `replyId` at `now`; the input is untouched. */
export function recordUse(usage: UsageStats, replyId: string, now: number | Date): UsageStats {
  const at = typeof now === 'number' ? now : now.getTime();
  const before = usage[replyId];
  return {
    ...usage,
    [replyId]: { count: (before?.count ?? 0) + 1, lastUsed: Math.max(at, before?.lastUsed ?? 0) },
  };
}

/**
 * Reads the stats from the extension's storage.local. A damaged entry is
 * dropped on its own rather than losing everyone's history.
 */
export async function loadUsage(): Promise<UsageStats> {
  const stored = (await browser.storage.local.get(USAGE_KEY))[USAGE_KEY];
  const whole = UsageStats.safeParse(stored);
  if (whole.success) return whole.data;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const kept: UsageStats = {};
  for (const [id, use] of Object.entries(stored)) {
    const entry = ReplyUse.safeParse(use);
    if (entry.success && id.length > 0 && id.length <= 64) kept[id] = entry.data;
  }
  return kept;
}

// Two quick insertions from the same page must not both read the old count.
let queue: Promise<unknown> = Promise.resolve();

/** Counts one use of a reply now and stores it; resolves to the new stats. */
export function recordUsage(replyId: string, now: number = Date.now()): Promise<UsageStats> {
  const next = queue.then(async () => {
    const updated = recordUse(await loadUsage(), replyId, now);
    await browser.storage.local.set({ [USAGE_KEY]: updated });
    return updated;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** Forgets all usage (privacy settings). */
export async function clearUsage(): Promise<void> {
  await browser.storage.local.remove(USAGE_KEY);
}
