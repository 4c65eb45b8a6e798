// Learning from the moderator, in a real Chromium on the replica: "Không đúng"
// on a flag badge clears the flag for that comment, "Gắn cờ…" flags one the
// judgement missed, Options lists what was learnt, and forgetting one puts the
// flag back on the page. The corrections live in the extension's IndexedDB.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectConsoleErrors, type E2ESession, openOptionsPage, openReplicaPage, startE2E } from './harness';

let session: E2ESession;
let page: Page;
const FLAGGED = '2233445566778906';

beforeAll(async () => {
  session = await startE2E({ locale: 'vi' });
  page = await openReplicaPage(session.context, '/khcndmst');
  await page.waitForFunction(
    (id) =>
      document
        .querySelector(`[data-khcn-comment="${id}"]`)
        ?.getAttribute('data-khcn-flags')
        ?.includes('scam'),
    FLAGGED,
  );
});
afterAll(async () => {
  await session?.close();
});

const flagsOf = (id: string) =>
  page.evaluate(
    (commentId) =>
      document.querySelector(`[data-khcn-comment="${commentId}"]`)?.getAttribute('data-khcn-flags') ?? '',
    id,
  );

describe('học từ quản trị viên (corrections)', () => {
  let unflagged = '';

  test('"Không đúng" trên huy hiệu bỏ cờ của bình luận đó, và bảng nhỏ báo đã ghi nhận', async () => {
    const errors = collectConsoleErrors(page);
    const tools = page.locator(`[data-khcn-comment="${FLAGGED}"] khcn-comment-tools`).first();
    await tools.getByRole('button', { name: /^Không đúng: lừa đảo/ }).click();
    await page.waitForFunction(
      (id) =>
        !(
          document.querySelector(`[data-khcn-comment="${id}"]`)?.getAttribute('data-khcn-flags') ?? ''
        ).includes('scam'),
      FLAGGED,
    );
    await expect
      .poll(() => page.locator('khcn-panel section').innerText())
      .toMatch(/Đã ghi nhận: bình luận này không phải lừa đảo/);
    expect(errors.problems).toEqual([]);
  });

  test('"Gắn cờ…" rồi chọn loại: bình luận được gắn cờ, nói rõ là quản trị viên', async () => {
    unflagged = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('[data-khcn-comment]:not([data-khcn-flags])'));
      return all[0]?.getAttribute('data-khcn-comment') ?? '';
    });
    expect(unflagged).not.toBe('');
    const tools = page.locator(`[data-khcn-comment="${unflagged}"] khcn-comment-tools`).first();
    await tools.getByRole('button', { name: 'Gắn cờ…' }).click();
    await tools.getByRole('group', { name: 'Gắn cờ…' }).getByRole('button', { name: 'mạo danh' }).click();
    await page.waitForFunction(
      (id) =>
        (
          document.querySelector(`[data-khcn-comment="${id}"]`)?.getAttribute('data-khcn-flags') ?? ''
        ).includes('impersonation'),
      unflagged,
    );
    expect(await flagsOf(unflagged)).toContain('impersonation');
  });

  test('Tùy chọn liệt kê hai điều đã học; bỏ "Không đúng" thì cờ trở lại trên trang', async () => {
    const options = await openOptionsPage(session.context, session.extensionId);
    const section = options.locator('section[aria-labelledby="learnt-heading"]');
    await expect.poll(() => section.locator('tbody tr').count()).toBe(2);
    await expect(section.innerText()).resolves.toContain('1 lần gắn cờ · 1 lần "Không đúng"');
    // The model is fetched from the extension's own file (no bundle carries it, issue 14).
    await expect.poll(() => section.innerText()).toContain('Mô hình đi kèm được huấn luyện trên');
    await expect(section.locator('[role=alert]').count()).resolves.toBe(0);
    const row = section.locator('tbody tr', { hasText: 'Không đúng' });
    await row.getByRole('button', { name: 'Bỏ điều đã học' }).click();
    await expect.poll(() => section.locator('tbody tr').count()).toBe(1);
    await page.waitForFunction(
      (id) =>
        (
          document.querySelector(`[data-khcn-comment="${id}"]`)?.getAttribute('data-khcn-flags') ?? ''
        ).includes('scam'),
      FLAGGED,
    );
    await options.close();
  });

  test('một .click() của chính trang lên "Không đúng" không làm gì (chỉ thao tác thật của người dùng)', async () => {
    await page.evaluate((id) => {
      const host = document.querySelector(`[data-khcn-comment="${id}"] khcn-comment-tools`);
      (host?.shadowRoot?.querySelector('button.dismiss') as HTMLButtonElement | null)?.click();
    }, FLAGGED);
    // Then a real correction on another comment: the background answers in order, so
    // had the page's click sent one, it would be listed before this one lands.
    const other = await page.evaluate(
      (skip) =>
        Array.from(document.querySelectorAll('[data-khcn-comment]:not([data-khcn-flags])'))
          .map((el) => el.getAttribute('data-khcn-comment') ?? '')
          .find((id) => id !== skip) ?? '',
      unflagged,
    );
    const tools = page.locator(`[data-khcn-comment="${other}"] khcn-comment-tools`).first();
    await tools.getByRole('button', { name: 'Gắn cờ…' }).click();
    await tools.getByRole('group', { name: 'Gắn cờ…' }).getByRole('button', { name: 'lừa đảo' }).click();
    await page.waitForFunction(
      (id) =>
        (
          document.querySelector(`[data-khcn-comment="${id}"]`)?.getAttribute('data-khcn-flags') ?? ''
        ).includes('scam'),
      other,
    );
    expect(await flagsOf(FLAGGED)).toContain('scam');
    const options = await openOptionsPage(session.context, session.extensionId);
    const section = options.locator('section[aria-labelledby="learnt-heading"]');
    await expect.poll(() => section.locator('tbody tr').count()).toBe(2);
    await expect(section.innerText()).resolves.toContain('2 lần gắn cờ · 0 lần "Không đúng"');
    await options.close();
  });
});
