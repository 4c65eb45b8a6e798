// The built extension against the replica's 2025 shape (`?shape=2025`: the
// structure of a saved real Facebook page — ~120 elements per comment, pfbid
// permalinks, base64 ids on avatar and name links, link preview cards, today's
// labels, composers with aria-placeholder only). Issue 14. Nothing is submitted.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReplicaWindow } from '../fixtures/replica/api';
import { type E2ESession, openReplicaPage, startE2E } from './harness';
import { storedIdeas } from './stored-ideas';

let session: E2ESession;
let page: Page;

beforeAll(async () => {
  session = await startE2E({ locale: 'vi' });
  await session.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { set(v: object): Promise<void> } } };
    };
    await chrome.storage.local.set({ settings: { pageValues: { hotline: '024 1234 5678' } } });
  });
  page = await openReplicaPage(session.context, '/khcndmst?shape=2025');
  await page.waitForSelector('[data-khcn-comment="2233445566778908"]');
});
afterAll(async () => {
  await session?.close();
});

describe('trang dạng 2025 (shape=2025)', () => {
  test('mọi bình luận có mã được đánh dấu đúng mã (phản hồi: reply_comment_id), mỗi cái một nút "Lưu ý tưởng"', async () => {
    const seen = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[role="article"][aria-label]')).map((article) => {
        const link = Array.from(
          article.querySelectorAll<HTMLAnchorElement>('ul a[href*="comment_id="]'),
        ).find((a) => a.closest('[role="article"]') === article);
        const url = link ? new URL(link.href) : null;
        const host = article.querySelector('khcn-comment-tools');
        const saves = Array.from(host?.shadowRoot?.querySelectorAll('button') ?? []).filter(
          (b) => b.textContent === 'Lưu ý tưởng',
        ).length;
        return {
          expected: url
            ? (url.searchParams.get('reply_comment_id') ?? url.searchParams.get('comment_id'))
            : null,
          marker: article.getAttribute('data-khcn-comment'),
          saves,
          pfbid: url?.pathname.includes('/posts/pfbid0') ?? false,
        };
      }),
    );
    const withIds = seen.filter((s) => s.expected !== null);
    expect(withIds.length).toBeGreaterThan(15);
    expect(withIds.every((s) => s.pfbid)).toBe(true);
    expect(withIds.filter((s) => s.marker !== s.expected || s.saves !== 1)).toEqual([]);
  });

  test('thẻ xem trước liên kết không lọt vào lời bình luận đã lưu; cờ lừa đảo vẫn có', async () => {
    const article = page.locator('[data-khcn-comment="2233445566778908"]');
    await expect(article.locator('[data-ft]').count()).resolves.toBe(1);
    // The flags come from the background's judge, after the marker: wait for them.
    await page.waitForSelector('[data-khcn-comment="2233445566778908"][data-khcn-flags]');
    await expect(article.getAttribute('data-khcn-flags')).resolves.toMatch(/scam|phishing/);
    await article.locator('khcn-comment-tools').getByRole('button', { name: 'Lưu ý tưởng' }).click();
    await page.locator('khcn-panel').getByText('Đã lưu ý tưởng').waitFor();
    const ideas = await storedIdeas<{ commentId: string; text: string; permalink: string }>(
      session.serviceWorker,
    );
    const idea = ideas.find((i) => i.commentId === '2233445566778908');
    expect(idea?.text).toBe(
      'Nhận hỗ trợ kinh phí nghiên cứu 50 triệu cho cá nhân, đăng ký tại https://mst-gov.vn.com/dang-ky trước ngày 30/6 kẻo hết suất.',
    );
    expect(idea?.permalink).toMatch(
      /^https:\/\/www\.facebook\.com\/khcndmst\/posts\/pfbid0\w+\?comment_id=2233445566778908$/,
    );
  });

  test('ô trả lời chỉ có aria-placeholder: dải gợi ý hiện, chèn sau phần nhắc tên, không gửi', async () => {
    await page
      .locator('[data-khcn-comment="2233445566778906"]')
      .getByRole('button', { name: 'Phản hồi' })
      .first()
      .click();
    await page.waitForFunction(() => {
      const box = document.activeElement;
      return (
        box?.getAttribute('data-lexical-editor') === 'true' &&
        box.parentElement?.nextElementSibling?.localName === 'khcn-suggestions'
      );
    });
    const box = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return {
        label: el.getAttribute('aria-label'),
        placeholder: el.getAttribute('aria-placeholder'),
        index: (window as unknown as ReplicaWindow).__replica.composers().indexOf(el),
      };
    });
    expect(box.label).toBeNull();
    expect(box.placeholder).toMatch(/^Trả lời dưới tên/);
    const mention = await page.evaluate(
      (i) => (window as unknown as ReplicaWindow).__replica.editorText(i),
      box.index,
    );
    await page.locator('khcn-suggestions').getByRole('toolbar').getByRole('button').first().click();
    await page.waitForFunction(
      ([i, before]) =>
        (window as unknown as ReplicaWindow).__replica.editorText(i).length > before.length + 20,
      [box.index, mention] as const,
    );
    const text = await page.evaluate(
      (i) => (window as unknown as ReplicaWindow).__replica.editorText(i),
      box.index,
    );
    expect(text.startsWith(mention.trimEnd())).toBe(true);
    await expect(page.evaluate(() => (window as unknown as ReplicaWindow).__replica.submits)).resolves.toBe(
      0,
    );
  });
});
