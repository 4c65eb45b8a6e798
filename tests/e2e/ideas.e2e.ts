// The idea log end to end, in a real Chromium with the built extension on the
// replica: save comments with the in-page button, review and edit them in the
// sidebar page, export a real download, import it into a second browser with
// a fresh profile, and refuse a bad file without touching the log.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExportFile } from '../../lib/ideas/schema';
import { POSTS } from '../fixtures/replica/content';
import {
  collectConsoleErrors,
  type E2ESession,
  type LaunchedBrowser,
  launchWithExtension,
  openReplicaPage,
  openSidePanelPage,
  startE2E,
} from './harness';
import { storedIdeas } from './stored-ideas';

/** A top-level idea (cut with "Xem thêm"), a complaint, and a reply under a question. */
const SAVED = ['2233445566778902', '2233445566778910', '2233445566778901'];
const EDITED = '2233445566778910';

interface ReplicaComment {
  id: string;
  author: { name: string };
  paragraphs: string[];
  replies?: ReplicaComment[];
}

/** The replica's own record of a comment: its author and its words. */
function replicaComment(id: string): ReplicaComment {
  const all = (POSTS as unknown as { comments: ReplicaComment[] }[]).flatMap((post) =>
    post.comments.flatMap((comment) => [comment, ...(comment.replies ?? [])]),
  );
  const found = all.find((comment) => comment.id === id);
  if (!found) throw new Error(`no replica comment ${id}`);
  return found;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

let session: E2ESession;
let downloads: string;
let firstExport: string;

beforeAll(async () => {
  session = await startE2E({ locale: 'vi' });
  downloads = await mkdtemp(join(tmpdir(), 'khcn-e2e-ideas-'));
});
afterAll(async () => {
  await session?.close();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

/** Clicks "Xuất JSON" and returns the downloaded file's path and parsed content. */
async function exportJson(page: Page, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Xuất JSON', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^khcn-y-tuong-\d{4}-\d{2}-\d{2}\.json$/);
  const path = join(downloads, name);
  await download.saveAs(path);
  const raw = await readFile(path, 'utf8');
  return { path, raw, json: JSON.parse(raw) as { exportedAt: string; ideas: Record<string, unknown>[] } };
}

/** Picks a file through the "Nhập" button's file chooser. */
async function importFile(page: Page, path: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Nhập', exact: true }).click(),
  ]);
  await chooser.setFiles(path);
}

/** The comment ids in the log, read by the background (which owns the database). */
function ideasInBackground(): Promise<string[]> {
  return storedInBackground().then((ideas) => ideas.map((idea) => idea.commentId));
}

function storedInBackground() {
  return storedIdeas<{ commentId: string; capturedAt: string; updatedAt: string }>(session.serviceWorker);
}

const rowOf = (page: Page, commentId: string) =>
  page.locator('article.khcn-idea').filter({ has: page.locator(`a[href*="${commentId}"]`) });

describe('nhật ký ý tưởng: lưu, sửa, xuất, nhập / idea log end to end', () => {
  let panel: Page;
  let panelErrors: ReturnType<typeof collectConsoleErrors>;

  test('lưu 3 bình luận bằng nút trên trang; lưu lại một cái không nhân đôi', async () => {
    const page = await openReplicaPage(session.context, '/khcndmst');
    const pageErrors = collectConsoleErrors(page);
    const toast = page.locator('khcn-panel');
    for (const id of SAVED) {
      await page.waitForSelector(`[data-khcn-comment="${id}"] khcn-comment-tools`);
      await page
        .locator(`[data-khcn-comment="${id}"] khcn-comment-tools`)
        .getByRole('button', { name: 'Lưu ý tưởng' })
        .click();
      await toast.getByText('Đã lưu ý tưởng', { exact: true }).waitFor();
      // The message can still show from the previous save: the log itself says this one landed.
      await expect.poll(async () => (await ideasInBackground()).includes(id), { timeout: 10_000 }).toBe(true);
    }
    const once = (await storedInBackground()).find((idea) => idea.commentId === SAVED[0])!;
    await page
      .locator(`[data-khcn-comment="${SAVED[0]}"] khcn-comment-tools`)
      .getByRole('button', { name: 'Lưu ý tưởng' })
      .click();
    await toast.getByText('Đã cập nhật ý tưởng đã lưu').waitFor();
    const stored = await storedInBackground();
    expect(stored.map((idea) => idea.commentId).sort()).toEqual([...SAVED].sort());
    // Still one idea for that comment, updated in place: same capture time, a later update.
    const twice = stored.find((idea) => idea.commentId === SAVED[0])!;
    expect(twice.capturedAt).toBe(once.capturedAt);
    expect(twice.updatedAt > once.updatedAt).toBe(true);
    expect(pageErrors.problems).toEqual([]);
    await page.close();
  });

  test('thanh bên hiện đủ 3 ý tưởng; sửa trạng thái, nhãn, ghi chú của một ý tưởng', async () => {
    panel = await openSidePanelPage(session.context, session.extensionId);
    panelErrors = collectConsoleErrors(panel);
    await panel.waitForFunction(() => document.querySelectorAll('article.khcn-idea').length === 3);
    for (const id of SAVED) {
      const row = rowOf(panel, id);
      await expect(row.count()).resolves.toBe(1);
      const words = squash(replicaComment(id).paragraphs[0]!).slice(0, 40);
      await expect(row.locator('blockquote').textContent()).resolves.toContain(words);
    }
    const stored = await storedIdeas(panel);
    expect(stored.map((idea) => idea.commentId).sort()).toEqual([...SAVED].sort());

    const row = rowOf(panel, EDITED);
    await row.getByRole('combobox', { name: 'Trạng thái' }).selectOption('reviewing');
    await panel.waitForFunction(() => document.body.textContent.includes('Đang xem xét (1)'));

    await row.getByRole('button', { name: 'Sửa', exact: true }).click();
    const form = panel.getByRole('form', { name: 'Sửa ý tưởng' });
    await form.getByRole('combobox', { name: 'Trạng thái' }).selectOption('forwarded');
    // Forwarding asks for the unit (issue 17).
    await form.getByRole('combobox', { name: 'Đơn vị tiếp nhận' }).selectOption('Văn phòng Bộ');
    await form.getByRole('textbox', { name: /Nhãn/ }).fill('quy trình, khiếu nại');
    await form.getByRole('textbox', { name: 'Ghi chú' }).fill('Đã chuyển Văn phòng Bộ ngày 28/11');
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await expect(row.locator('.khcn-chip').allInnerTexts()).resolves.toEqual(['khiếu nại', 'quy trình']);
    await expect(row.getByRole('combobox', { name: 'Trạng thái' }).inputValue()).resolves.toBe('forwarded');
  });

  test('"Xuất JSON" tải về một tệp đúng hợp đồng', async () => {
    const { path, json } = await exportJson(panel, 'first.json');
    firstExport = path;
    expect(ExportFile.safeParse(json).success).toBe(true);
    expect(json).toMatchObject({ format: 'khcn-moderator/ideas', version: 1 });
    expect(new Date(json.exportedAt).toISOString()).toBe(json.exportedAt);
    expect(json.ideas).toHaveLength(3);
    expect(json.ideas.map((idea) => idea.commentId).sort()).toEqual([...SAVED].sort());
    for (const idea of json.ideas) {
      const commentId = idea.commentId as string;
      const source = replicaComment(commentId);
      for (const key of ['id', 'commentId', 'permalink', 'text', 'capturedAt', 'status', 'tags'])
        expect(idea, `${commentId}.${key}`).toHaveProperty(key);
      const permalink = idea.permalink as string;
      expect(permalink.startsWith('https://www.facebook.com/')).toBe(true);
      expect(permalink).toContain(commentId);
      // The comment's own words, whole (the cut one was opened), and nothing else.
      const text = squash(idea.text as string);
      for (const paragraph of source.paragraphs) expect(text).toContain(squash(paragraph));
      expect(text).not.toContain(source.author.name);
      expect(text).not.toMatch(/Thích|Phản hồi|Xem thêm|…$/);
      expect(Number.isNaN(Date.parse(idea.capturedAt as string))).toBe(false);
      expect(Array.isArray(idea.tags)).toBe(true);
    }
    const edited = json.ideas.find((idea) => idea.commentId === EDITED)!;
    expect(edited).toMatchObject({
      status: 'forwarded',
      tags: ['khiếu nại', 'quy trình'],
      note: 'Đã chuyển Văn phòng Bộ ngày 28/11',
    });
    expect(json.ideas.filter((idea) => idea.commentId !== EDITED).map((idea) => idea.status)).toEqual([
      'new',
      'new',
    ]);
  });

  test('xóa một ý tưởng rồi hoàn tác: trở lại nguyên vẹn', async () => {
    const before = await storedIdeas(panel);
    const row = rowOf(panel, SAVED[1]!);
    await row.getByRole('button', { name: 'Xóa', exact: true }).click();
    await panel.waitForFunction(() => document.querySelectorAll('article.khcn-idea').length === 2);
    await expect(storedIdeas(panel)).resolves.toHaveLength(2);
    await panel.getByRole('button', { name: 'Hoàn tác', exact: true }).click();
    await panel.waitForFunction(() => document.querySelectorAll('article.khcn-idea').length === 3);
    await panel.getByText('Đã khôi phục ý tưởng.').waitFor();
    const byId = (ideas: Record<string, unknown>[]) =>
      [...ideas].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(byId(await storedIdeas(panel))).toEqual(byId(before));
  });

  test('xóa trong thanh bên, đóng rồi mở lại: khôi phục từ thùng rác, nguyên vẹn', async () => {
    const byId = (ideas: Record<string, unknown>[]) =>
      [...ideas].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    const before = byId(await storedIdeas(panel));
    const first = await openSidePanelPage(session.context, session.extensionId);
    const firstErrors = collectConsoleErrors(first);
    await first.waitForFunction(() => document.querySelectorAll('article.khcn-idea').length === 3);
    await rowOf(first, SAVED[2]!).getByRole('button', { name: 'Xóa', exact: true }).click();
    await first.getByText('Đã chuyển ý tưởng vào thùng rác.').waitFor();
    await expect.poll(async () => (await storedIdeas(first)).length).toBe(2);
    expect(firstErrors.problems).toEqual([]);
    // Closing the sidebar drops the in-memory Undo; the trash stays.
    await first.close();

    const again = await openSidePanelPage(session.context, session.extensionId);
    const againErrors = collectConsoleErrors(again);
    await again.waitForFunction(() => document.querySelectorAll('article.khcn-idea').length === 2);
    await again.getByText('Thùng rác (1)').click();
    const trashed = again.getByRole('list', { name: 'Ý tưởng trong thùng rác' }).getByRole('listitem');
    await expect(trashed.count()).resolves.toBe(1);
    const words = squash(replicaComment(SAVED[2]!).paragraphs[0]!).slice(0, 30);
    await expect(trashed.first().textContent()).resolves.toContain(words);
    await trashed.first().getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await again.getByRole('status').filter({ hasText: 'Đã khôi phục 1 ý tưởng từ thùng rác.' }).waitFor();
    await again.waitForFunction(() => document.querySelectorAll('article.khcn-idea').length === 3);
    await again.getByText('Thùng rác (0)').waitFor();
    expect(byId(await storedIdeas(again))).toEqual(before);
    expect(againErrors.problems).toEqual([]);
    await again.close();
  });

  test('sửa cùng một ý tưởng ở hai trang thanh bên: báo xung đột, không mất gì', async () => {
    const [a, b] = [
      await openSidePanelPage(session.context, session.extensionId),
      await openSidePanelPage(session.context, session.extensionId),
    ];
    for (const page of [a, b])
      await page.waitForFunction(() => document.querySelectorAll('article.khcn-idea').length === 3);
    const stored = async () =>
      (await storedIdeas<{ commentId: string; status: string; note: string }>(a)).find(
        (idea) => idea.commentId === EDITED,
      )!;
    const before = await stored();

    // Page A opens the editor; page B changes the status meanwhile.
    await rowOf(a, EDITED).getByRole('button', { name: 'Sửa', exact: true }).click();
    const form = a.getByRole('form', { name: 'Sửa ý tưởng' });
    // The editor opens on the idea's own status (not the first option).
    await expect(form.getByRole('combobox', { name: 'Trạng thái' }).inputValue()).resolves.toBe(
      before.status,
    );
    await rowOf(b, EDITED).getByRole('combobox', { name: 'Trạng thái' }).selectOption('answered');
    await expect.poll(async () => (await stored()).status).toBe('answered');

    // Page A saves a note: refused, said in an alert, the typed note stays in the editor.
    const note = 'Ghi chú viết ở trang A';
    await form.getByRole('textbox', { name: 'Ghi chú' }).fill(note);
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await form.getByRole('alert').filter({ hasText: 'vừa được sửa ở nơi khác' }).waitFor();
    await expect(form.getByRole('textbox', { name: 'Ghi chú' }).inputValue()).resolves.toBe(note);
    expect(await stored()).toMatchObject({ status: 'answered', note: before.note });

    // Load the newest version and save again: B's status and A's note, both kept.
    await form.getByRole('button', { name: 'Tải bản mới nhất', exact: true }).click();
    await expect.poll(() => form.getByRole('combobox', { name: 'Trạng thái' }).inputValue()).toBe('answered');
    await expect(form.getByRole('textbox', { name: 'Ghi chú' }).inputValue()).resolves.toBe(note);
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    expect(await stored()).toMatchObject({ status: 'answered', note });
    await a.close();
    await b.close();
  });

  test('không có lỗi trong console của thanh bên', () => {
    expect(panelErrors.problems).toEqual([]);
  });
});

describe('trình duyệt thứ hai, hồ sơ mới: nhập tệp đã xuất / a second browser imports the file', () => {
  let second: LaunchedBrowser;
  let profile: string;
  let panel: Page;
  let panelErrors: ReturnType<typeof collectConsoleErrors>;

  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'khcn-e2e-second-'));
    second = await launchWithExtension({
      replicaPort: session.replica.port,
      userDataDir: profile,
      locale: 'vi',
    });
    panel = await openSidePanelPage(second.context, second.extensionId);
    panelErrors = collectConsoleErrors(panel);
  });
  afterAll(async () => {
    await second?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  test('nhập bằng "Nhập" rồi xuất lại: các ý tưởng giống hệt (trừ exportedAt)', async () => {
    expect(firstExport).toBeTruthy();
    await panel.getByText(/Chưa có ý tưởng nào/).waitFor();
    await importFile(panel, firstExport);
    await panel
      .getByRole('status')
      .filter({ hasText: 'Đã nhập: 3 mới, 0 cập nhật, 0 không đổi, 0 bị từ chối.' })
      .waitFor();
    await panel.waitForFunction(() => document.querySelectorAll('article.khcn-idea').length === 3);
    const first = JSON.parse(await readFile(firstExport, 'utf8'));
    const again = await exportJson(panel, 'second.json');
    expect(again.json.ideas).toEqual(first.ideas);
    expect(again.json).toMatchObject({ format: first.format, version: first.version });
  });

  test('tệp hỏng (cùng commentId hai lần): thông báo trong role="alert", nhật ký không đổi', async () => {
    const before = await storedIdeas(panel);
    const file = JSON.parse(await readFile(firstExport, 'utf8'));
    const copy = { ...file.ideas[0], id: '00000000-0000-4000-8000-0000000000aa', text: 'Bản sao' };
    const bad = join(downloads, 'trung-commentId.json');
    await writeFile(bad, JSON.stringify({ ...file, ideas: [...file.ideas, copy] }));
    await importFile(panel, bad);
    const alert = panel.getByRole('alert').filter({ hasText: 'trùng commentId' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Nhật ký không thay đổi.');
    await expect(alert.textContent()).resolves.toContain(`ideas[3].commentId`);
    expect(await storedIdeas(panel)).toEqual(before);
    await expect(panel.locator('article.khcn-idea').count()).resolves.toBe(3);
    expect(panelErrors.problems).toEqual([]);
  });
});
