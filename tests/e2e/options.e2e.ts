// The options page in Chromium with the built extension: live validation of a
// rule, keyboard reordering with visible focus, importing a pack through the
// preview, and axe-core with no serious or critical violation (light and dark).

import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe';
import {
  collectConsoleErrors,
  type LaunchedBrowser,
  launchWithExtension,
  openOptionsPage,
  openSidePanelPage,
  requireChromium,
} from './harness';

let browser: LaunchedBrowser;
let page: Page;
let problems: ReturnType<typeof collectConsoleErrors>;

interface StoredRules {
  rules: { id: string; regex?: string; note: string }[];
}

function storedRules(worker: Worker): Promise<StoredRules | undefined> {
  return worker.evaluate(async () => {
    // The service worker's own `chrome` (the e2e config has no extension typings).
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    };
    return (await chrome.storage.local.get('rulePack')).rulePack as StoredRules | undefined;
  });
}

const rules = () => page.locator('section[aria-labelledby="rules-heading"]');
const sharing = () => page.locator('section[aria-labelledby="sharing-heading"]');

beforeAll(async () => {
  requireChromium();
  // The options page needs no Facebook replica: port 9 (discard) is never reached.
  browser = await launchWithExtension({ replicaPort: 9, locale: 'vi' });
  // Every CSP violation an extension page's document sees (zod's eval probe raised
  // two per page load before entrypoints/shared/zod-jitless.ts).
  await browser.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __khcnCspViolations: string[] }).__khcnCspViolations = seen;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      true,
    );
  });
  page = await openOptionsPage(browser.context, browser.extensionId);
  problems = collectConsoleErrors(page);
  await page.getByRole('heading', { level: 1, name: 'Tùy chọn KHCN Moderator' }).waitFor();
  await rules().locator('.item-list li').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
});

const cspViolations = (p: Page) =>
  p.evaluate(() => (window as unknown as { __khcnCspViolations?: string[] }).__khcnCspViolations);

describe('trang tùy chọn / options page', () => {
  test('trang tùy chọn và thanh bên không vi phạm CSP của tiện ích (zod không thử eval)', async () => {
    expect(await cspViolations(page)).toEqual([]);
    const sidebar = await openSidePanelPage(browser.context, browser.extensionId);
    await sidebar.locator('#app *').first().waitFor();
    expect(await cspViolations(sidebar)).toEqual([]);
    await sidebar.close();
  });

  test('axe-core: không có vi phạm nghiêm trọng (giao diện sáng và tối)', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(24, 25, 26)',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('sửa quy tắc: regex nguy hiểm báo lỗi ngay dưới ô và không được lưu; sửa lại thì lưu', async () => {
    const firstId = (await rules().locator('.item-title').first().textContent())!;
    await rules().getByRole('button', { name: 'Sửa' }).first().click();
    const regex = page.locator('#rule-regex');
    await regex.fill('(a+)+$');
    await expect.poll(() => page.locator('#rule-regex-error').textContent()).toContain('lồng nhau');
    expect(await regex.getAttribute('aria-invalid')).toBe('true');
    await page.locator('form.item-form').getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(() => page.locator('form.item-form [role="alert"]').textContent())
      .toContain('Chưa lưu');
    expect(await storedRules(browser.serviceWorker)).toBeUndefined();

    // Axe on the open form with its inline error.
    expect(await axeViolations(page)).toEqual([]);

    await regex.fill('n[aạ]p\\s*th[eẻ]\\s*nh[aậ]n\\s*qu[aà]');
    await expect.poll(() => page.locator('#rule-regex-error').count()).toBe(0);
    await page.locator('form.item-form').getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(async () => (await storedRules(browser.serviceWorker))?.rules[0]?.regex)
      .toBe('n[aạ]p\\s*th[eẻ]\\s*nh[aậ]n\\s*qu[aà]');
    expect((await storedRules(browser.serviceWorker))?.rules[0]?.id).toBe(firstId);
  });

  test('bàn phím: Alt+↓ chuyển quy tắc xuống, tiêu điểm đi theo và nhìn thấy được', async () => {
    const titles = rules().locator('.item-title');
    const [first, second] = [await titles.nth(0).textContent(), await titles.nth(1).textContent()];
    await rules().getByRole('button', { name: 'Sửa' }).first().focus();
    await page.keyboard.press('Tab'); // to "Lên" (disabled: skipped) → "Xuống"
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Xuống');
    await page.keyboard.press('Alt+ArrowDown');
    await expect
      .poll(async () => (await storedRules(browser.serviceWorker))?.rules.slice(0, 2).map((r) => r.id))
      .toEqual([second, first]);
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('li')?.querySelector('.item-title')?.textContent),
      )
      .toBe(first);
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).not.toBe('0px');
  });

  test('ô thử: dán bình luận, thấy cờ có giải thích, gợi ý và điểm ý tưởng', async () => {
    await page.locator('#tester-comment').fill('Nạp thẻ nhận quà 500k, inbox ngay kẻo lỡ!');
    await expect.poll(() => page.locator('.tester-flags').textContent()).toContain('Khớp quy tắc');
    expect(await page.locator('.tester-suggestions li').count()).toBeGreaterThan(0);
    expect(await page.locator('.tester-idea').textContent()).toMatch(/Điểm ý tưởng: \d+%/);
  });

  test('nhập gói: tệp hỏng không đổi gì; tệp tốt xem trước rồi mới ghi', async () => {
    const before = await storedRules(browser.serviceWorker);
    const file = sharing().locator('#pack-file');
    await file.setInputFiles({
      name: 'hong.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'khcn-moderator/rules',
          version: 1,
          rules: [
            {
              id: 'x-hong',
              category: 'scam',
              severity: 'low',
              phrases: ['abc def'],
              regex: '(abc',
              note: 'n',
            },
          ],
        }),
      ),
    });
    await expect
      .poll(() => sharing().getByRole('alert').textContent())
      .toMatch(/rules\[0\] \(id "x-hong"\).*regex/);
    expect(await storedRules(browser.serviceWorker)).toEqual(before);

    const changedId = before!.rules[1]!.id;
    const incoming = {
      format: 'khcn-moderator/rules',
      version: 1,
      rules: [
        { ...before!.rules[1], note: 'Ghi chú do đồng nghiệp sửa.' },
        {
          id: 'phish-ma-otp-e2e',
          category: 'phishing',
          severity: 'high',
          phrases: ['gửi mã OTP'],
          note: 'Hỏi mã OTP.',
        },
      ],
    };
    await file.setInputFiles({
      name: 'dong-nghiep.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(incoming)),
    });
    const preview = page.locator('.import-preview');
    await preview.waitFor();
    expect(await preview.locator('[data-diff="added"]').textContent()).toContain('Thêm mới: 1');
    expect(await preview.locator('[data-diff="changed"]').textContent()).toContain(changedId);
    expect(await preview.locator('[data-diff="removed"]').textContent()).toContain('Bị xóa: 0');
    expect(await storedRules(browser.serviceWorker)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    await preview.getByRole('button', { name: 'Áp dụng' }).click();
    await expect
      .poll(async () => (await storedRules(browser.serviceWorker))?.rules.length)
      .toBe(before!.rules.length + 1);
    const after = (await storedRules(browser.serviceWorker))!;
    expect(after.rules.at(-1)?.id).toBe('phish-ma-otp-e2e');
    expect(after.rules[1]?.note).toBe('Ghi chú do đồng nghiệp sửa.');
  });

  test('tiếng Anh theo ngôn ngữ trình duyệt / English follows the browser', async () => {
    const english = await launchWithExtension({ replicaPort: 9, locale: 'en' });
    try {
      const en = await openOptionsPage(english.context, english.extensionId);
      await en.getByRole('heading', { level: 1, name: 'KHCN Moderator options' }).waitFor();
      expect(await en.evaluate(() => document.documentElement.lang)).toBe('en');
      await en.getByRole('button', { name: 'Up' }).first().waitFor();
      expect(await en.getByRole('button', { name: 'Down' }).count()).toBeGreaterThan(1);
      expect(await en.getByRole('heading', { name: 'Flag rules' }).count()).toBe(1);
    } finally {
      await english.close();
    }
  });

  test('không có lỗi trong console', () => {
    problems.stop();
    expect(problems.problems).toEqual([]);
  });
});
