// The idea pipeline (issue 17) end to end, in Chromium with the built
// extension on the replica: set the moderator's name in Options, save a
// comment (a topic is suggested with its words), forward it to a unit from the
// row (the editor asks for the unit), answer it with a permalink (a bad link
// is refused and named), read the history, and see an old open idea stand out
// with the overdue badge, count and filters.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_TOPICS, suggestTopic } from '../../lib/ideas/topics';
import { POSTS } from '../fixtures/replica/content';
import { axeViolations } from './axe';
import {
  collectConsoleErrors,
  type E2ESession,
  openOptionsPage,
  openReplicaPage,
  openSidePanelPage,
  startE2E,
} from './harness';
import { storedIdeas } from './stored-ideas';

/** "Tôi gửi hồ sơ đề xuất nhiệm vụ từ tháng 3…": a complaint about a procedure. */
const SAVED = '2233445566778910';
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? '/tmp/khcn-e2e-pipeline';
const REPLY_LINK = `https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=${SAVED}&reply_comment_id=9988776655443322`;

function replicaText(id: string): string {
  type C = { id: string; paragraphs: string[]; replies?: C[] };
  const all = (POSTS as unknown as { comments: C[] }[]).flatMap((post) =>
    post.comments.flatMap((comment) => [comment, ...(comment.replies ?? [])]),
  );
  return all.find((comment) => comment.id === id)!.paragraphs.join('\n');
}

interface StoredIdea {
  id: string;
  commentId: string;
  status: string;
  topic: string | null;
  unit: string | null;
  answer: { text: string; answeredAt: string; permalink: string | null } | null;
  history: Record<string, unknown>[];
}

let session: E2ESession;
let panel: Page;
let panelErrors: ReturnType<typeof collectConsoleErrors>;

beforeAll(async () => {
  session = await startE2E({ locale: 'vi' });
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await session?.close();
});

const rowOf = (page: Page, commentId: string) =>
  page.locator('article.khcn-idea').filter({ has: page.locator(`a[href*="${commentId}"]`) });
const stored = async () => (await storedIdeas<StoredIdea>(panel)).find((idea) => idea.commentId === SAVED)!;

describe('quy trình ý tưởng / idea pipeline end to end', () => {
  test('Tùy chọn: đặt tên người kiểm duyệt; số ngày sai bị báo và không lưu', async () => {
    const options = await openOptionsPage(session.context, session.extensionId);
    const section = options.locator('section[aria-labelledby="pipeline-heading"]');
    await section.getByRole('heading', { name: 'Quy trình ý tưởng' }).waitFor();
    await section.getByLabel('Tên người kiểm duyệt').fill('Chị Lan');
    await section.getByLabel(/Cảnh báo ý tưởng chờ quá/).fill('-2');
    await section.getByRole('button', { name: 'Lưu tên và số ngày' }).click();
    await section.getByRole('alert').getByText('Số ngày chờ phải là số nguyên từ 0 đến 365.').waitFor();
    await section.getByLabel(/Cảnh báo ý tưởng chờ quá/).fill('14');
    await section.getByRole('button', { name: 'Lưu tên và số ngày' }).click();
    await section.getByText('Đã lưu.', { exact: true }).waitFor();
    expect(await axeViolations(options, ['section[aria-labelledby="pipeline-heading"]'])).toEqual([]);
    await section.screenshot({ path: `${SCREENSHOTS}/options-section.png` });
    await options.close();
  });

  test('lưu một bình luận: chủ đề được gợi ý kèm từ khóa quyết định', async () => {
    const page = await openReplicaPage(session.context, '/khcndmst');
    await page.waitForSelector(`[data-khcn-comment="${SAVED}"] khcn-comment-tools`);
    await page
      .locator(`[data-khcn-comment="${SAVED}"] khcn-comment-tools`)
      .getByRole('button', { name: 'Lưu ý tưởng' })
      .click();
    await page.locator('khcn-panel').getByText('Đã lưu ý tưởng', { exact: true }).waitFor();
    await page.close();

    panel = await openSidePanelPage(session.context, session.extensionId);
    panelErrors = collectConsoleErrors(panel);
    await rowOf(panel, SAVED).waitFor();
    const expected = suggestTopic(replicaText(SAVED), DEFAULT_TOPICS);
    expect(expected?.topicId).toBe('thu-tuc-hanh-chinh');
    expect((await stored()).topic).toBe('thu-tuc-hanh-chinh');
    await expect(rowOf(panel, SAVED).locator('.khcn-topic-chip').textContent()).resolves.toBe(
      'Chủ đề: Thủ tục hành chính',
    );
  });

  test('chuyển đơn vị từ hàng: trình sửa mở ra hỏi đơn vị; lưu ghi lịch sử có tên', async () => {
    const row = rowOf(panel, SAVED);
    await row.getByRole('combobox', { name: 'Trạng thái' }).selectOption('forwarded');
    const form = panel.getByRole('form', { name: 'Sửa ý tưởng' });
    await form.waitFor();
    await panel.getByText('Hãy chọn đơn vị tiếp nhận trong trình sửa.').waitFor();
    await expect(form.locator('.khcn-topic-why').textContent()).resolves.toMatch(
      /^Gợi ý theo từ khóa: Thủ tục hành chính — .*hồ sơ/,
    );
    await form.getByRole('combobox', { name: 'Đơn vị tiếp nhận' }).selectOption('Vụ Pháp chế');
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await row.getByText('Đơn vị tiếp nhận: Vụ Pháp chế').waitFor();
    const idea = await stored();
    expect(idea).toMatchObject({ status: 'forwarded', unit: 'Vụ Pháp chế' });
    expect(idea.history.map(({ at: _at, ...rest }) => rest)).toEqual([
      { by: 'Chị Lan', status: 'forwarded' },
      { by: 'Chị Lan', unit: 'Vụ Pháp chế' },
    ]);
  });

  test('trả lời: liên kết không phải Facebook bị báo và không lưu; liên kết đúng thì lưu; lịch sử mới nhất trước', async () => {
    const row = rowOf(panel, SAVED);
    await row.getByRole('button', { name: 'Sửa', exact: true }).click();
    const form = panel.getByRole('form', { name: 'Sửa ý tưởng' });
    await form.getByRole('combobox', { name: 'Trạng thái' }).selectOption('answered');
    await form.getByText('Đã trả lời: hãy nhập nội dung câu trả lời chính thức.').waitFor();
    await form
      .getByRole('textbox', { name: 'Nội dung câu trả lời' })
      .fill('Bộ đã tiếp nhận và sẽ trả lời hồ sơ của chị trong tuần này.');
    const link = form.getByRole('textbox', { name: /Liên kết bình luận trả lời/ });
    await link.fill('https://evil.example/reply');
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await form
      .locator('.khcn-editor-problems')
      .getByText(/https:\/\/www\.facebook\.com\//)
      .waitFor();
    await expect(link.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect((await stored()).status).toBe('forwarded');

    await link.fill(REPLY_LINK);
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    const idea = await stored();
    expect(idea).toMatchObject({
      status: 'answered',
      answer: { text: 'Bộ đã tiếp nhận và sẽ trả lời hồ sơ của chị trong tuần này.', permalink: REPLY_LINK },
    });
    expect(idea.history).toHaveLength(3);

    await row.getByRole('button', { name: 'Sửa', exact: true }).click();
    await form.waitFor();
    const history = form.locator('.khcn-idea-history li');
    await expect(history.allTextContents()).resolves.toEqual([
      expect.stringMatching(
        /^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4} — Chị Lan: trạng thái → Đã trả lời; ghi câu trả lời chính thức$/,
      ),
      expect.stringMatching(/— Chị Lan: đơn vị → Vụ Pháp chế$/),
      expect.stringMatching(/— Chị Lan: trạng thái → Đã chuyển đơn vị$/),
    ]);
    await form.screenshot({ path: `${SCREENSHOTS}/editor.png` });
    expect(await axeViolations(panel)).toEqual([]);
    await panel.screenshot({ path: `${SCREENSHOTS}/sidebar-editor.png`, fullPage: true });
    await form.getByRole('button', { name: 'Hủy', exact: true }).click();
    await form.waitFor({ state: 'detached' });
  });

  test('ý tưởng chờ quá hạn nổi bật: nhãn có chữ, số đếm, lọc theo thời gian chờ và đơn vị', async () => {
    // An idea saved 30 days ago and still new, written as the log stores it.
    await panel.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open('khcn-moderator');
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      const at = new Date(Date.now() - 30 * 86_400_000).toISOString();
      const commentId = '2233445566770001';
      await new Promise<void>((done, fail) => {
        const tx = db.transaction('ideas', 'readwrite');
        tx.objectStore('ideas').put({
          id: '00000000-0000-4000-8000-00000000e2e1',
          commentId,
          postId: null,
          parentId: null,
          permalink: `https://www.facebook.com/khcndmst/posts/1?comment_id=${commentId}`,
          pageUrl: null,
          text: 'Đề nghị Bộ hỗ trợ điện mặt trời cho trường học vùng cao',
          flags: [],
          status: 'new',
          tags: [],
          note: '',
          capturedAt: at,
          updatedAt: at,
          topic: 'nang-luong',
          unit: null,
          answer: null,
          groupId: null,
          history: [],
        });
        tx.oncomplete = () => done();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    });
    await panel.reload();
    const old = rowOf(panel, '2233445566770001');
    await old.getByText('⚠ Chờ 30 ngày').waitFor();
    await expect(rowOf(panel, SAVED).locator('.khcn-overdue').count()).resolves.toBe(0);
    const count = panel.locator('.khcn-overdue-count');
    await count.getByText('1 ý tưởng chờ quá 14 ngày').waitFor();
    await count.getByRole('button', { name: 'Xem các ý tưởng này' }).click();
    await panel.waitForFunction(() => document.querySelectorAll('article.khcn-idea').length === 1);
    await old.waitFor();
    await panel.screenshot({ path: `${SCREENSHOTS}/overdue-filter.png`, fullPage: true });

    await panel.getByRole('button', { name: 'Bỏ lọc' }).click();
    await panel.waitForFunction(() => document.querySelectorAll('article.khcn-idea').length === 2);
    await panel
      .locator('search')
      .getByRole('combobox', { name: 'Đơn vị tiếp nhận' })
      .selectOption('Vụ Pháp chế');
    await panel.waitForFunction(() => document.querySelectorAll('article.khcn-idea').length === 1);
    await rowOf(panel, SAVED).waitFor();
    await panel.locator('search').getByRole('combobox', { name: 'Đơn vị tiếp nhận' }).selectOption('');
    await panel.locator('search').getByRole('combobox', { name: 'Chủ đề' }).selectOption('nang-luong');
    await panel.waitForFunction(() => document.querySelectorAll('article.khcn-idea').length === 1);
    await old.waitFor();
    expect(panelErrors.problems).toEqual([]);
  });
});
