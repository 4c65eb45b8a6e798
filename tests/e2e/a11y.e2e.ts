// axe-core on the sidebar and on the in-page UI (panel, comment tools, the
// suggestion strip, the reply palette), light and dark: no serious or critical
// violation. The options page is checked in options.e2e.ts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe';
import { type E2ESession, openReplicaPage, openSidePanelPage, startE2E } from './harness';

let session: E2ESession;
beforeAll(async () => {
  session = await startE2E({ locale: 'vi' });
});
afterAll(async () => {
  await session?.close();
});

describe.each(['light', 'dark'] as const)('giao diện %s', (colorScheme) => {
  test('thanh bên (sidepanel.html) có một ý tưởng trong nhật ký', async () => {
    const fanpage = await openReplicaPage(session.context, '/khcndmst');
    await fanpage.waitForSelector('[data-khcn-comment="2233445566778902"] khcn-comment-tools');
    await fanpage
      .locator('[data-khcn-comment="2233445566778902"] khcn-comment-tools')
      .getByRole('button', { name: 'Lưu ý tưởng' })
      .click();
    await fanpage
      .locator('khcn-panel')
      .getByText(/Đã (lưu|cập nhật)/)
      .waitFor();
    const panel = await openSidePanelPage(session.context, session.extensionId);
    await panel.emulateMedia({ colorScheme });
    await panel
      .getByText(/bản đồ số các phòng thí nghiệm/)
      .first()
      .waitFor();
    expect(await axeViolations(panel)).toEqual([]);
    // The sidebar leads to the options page.
    const [options] = await Promise.all([
      session.context.waitForEvent('page'),
      panel.getByRole('button', { name: /^Tùy chọn/ }).click(),
    ]);
    await options.waitForURL(/options\.html/);
    await options.close();
    await panel.close();
    await fanpage.close();
  });

  test('giao diện trong trang Facebook (khcn-*)', async () => {
    const page: Page = await openReplicaPage(session.context, '/khcndmst');
    await page.emulateMedia({ colorScheme });
    // Facebook's dark theme is its own class on <html>; our UI follows it.
    if (colorScheme === 'dark')
      await page.evaluate(() => document.documentElement.classList.add('__fb-dark-mode'));
    await page.waitForSelector('[data-khcn-comment="2233445566778906"] khcn-comment-tools');
    await page
      .locator('[data-khcn-comment="2233445566778906"]')
      .getByRole('button', { name: 'Phản hồi' })
      .first()
      .click();
    await page.waitForSelector('khcn-suggestions');
    const theme = await page.evaluate(
      () => document.querySelector('khcn-suggestions')?.getAttribute('data-theme') ?? 'light',
    );
    expect(theme).toBe(colorScheme);
    const ours = ['khcn-panel', 'khcn-comment-tools', 'khcn-suggestions'];
    expect(await axeViolations(page, ours)).toEqual([]);
    await page.keyboard.press('Control+Period');
    await page.locator('khcn-palette').getByRole('dialog').waitFor();
    expect(await axeViolations(page, ['khcn-palette'])).toEqual([]);
    await page.keyboard.press('Escape');
    await page.close();
  });
});
