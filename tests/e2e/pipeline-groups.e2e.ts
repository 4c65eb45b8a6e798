// Issue 17 end to end, in Chromium with the built extension on the replica:
// save three paraphrases of one idea with the in-page button, see the
// sidebar's "Đã có N ý tưởng tương tự", group them, undo, group again, open the
// group, and check the exported JSON holds the group and its history.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportJson } from '../../lib/ideas/export';
import { ExportFile, Idea } from '../../lib/ideas/schema';
import { axeViolations } from './axe';
import {
  collectConsoleErrors,
  type E2ESession,
  openReplicaPage,
  openSidePanelPage,
  startE2E,
} from './harness';
import { storedIdeas } from './stored-ideas';

/** The replica's three paraphrases (tests/fixtures/replica/content.ts, under "Xem thêm bình luận"). */
const PARAPHRASES = ['2233445566778940', '2233445566778941', '2233445566778942'];
const GROUP_BUTTON = 'Gộp thành nhóm với các ý tưởng đã chọn';

/**
 * The log the moderator already has: the labelled paraphrase set's other
 * ideas (tests/fixtures/ideas/paraphrases.jsonl), imported first. In a log of
 * three ideas every word is rare and similarity means little; a real log is
 * hundreds or thousands of ideas.
 */
function existingLog(): string {
  const lines = readFileSync(join(import.meta.dirname, '../fixtures/ideas/paraphrases.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { group: string; text: string })
    .filter((line) => line.group !== 'dien-mat-troi-truong');
  const ideas = lines.map((line, i) => {
    const commentId = String(5500000000000000 + i);
    return Idea.parse({
      id: `00000000-0000-4000-8000-${(0x5500 + i).toString(16).padStart(12, '0')}`,
      commentId,
      permalink: `https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=${commentId}`,
      text: line.text,
      capturedAt: new Date(Date.UTC(2026, 9, 1) + i * 3_600_000).toISOString(),
      status: 'new',
      tags: [],
    });
  });
  return exportJson(ideas, new Date(Date.UTC(2026, 10, 1)));
}

interface Stored {
  id: string;
  commentId: string;
  groupId: string | null;
  history: { at: string; by: string; groupId?: string | null }[];
  updatedAt: string;
}

let session: E2ESession;
let downloads: string;
let panel: Page;
let panelErrors: ReturnType<typeof collectConsoleErrors>;
/** The three saved paraphrases' idea ids, in the order they were saved. */
let pipeline: string[] = [];

beforeAll(async () => {
  session = await startE2E({ locale: 'vi' });
  downloads = await mkdtemp(join(tmpdir(), 'khcn-e2e-groups-'));
});
afterAll(async () => {
  await session?.close();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

const stored = () => storedIdeas<Stored>(session.serviceWorker);
const similarStatus = () => panel.locator('.khcn-similar-status');
describe('ý tưởng tương tự và nhóm / similar ideas and groups', () => {
  test('lưu ba cách nói của một ý tưởng: thanh bên báo ý tưởng tương tự', async () => {
    panel = await openSidePanelPage(session.context, session.extensionId);
    panelErrors = collectConsoleErrors(panel);
    // The moderator's name, as the Options page would store it: it goes into the history.
    await panel.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set({ pipeline: { moderatorName: 'Vũ Ngọc Lan' } }),
    );
    const file = join(downloads, 'existing.json');
    await writeFile(file, existingLog());
    const [chooser] = await Promise.all([
      panel.waitForEvent('filechooser'),
      panel.getByRole('button', { name: 'Nhập', exact: true }).click(),
    ]);
    await chooser.setFiles(file);
    await panel.getByText(/Đã nhập/).waitFor();
    const background = (await stored()).length;
    expect(background).toBeGreaterThan(300);

    const page = await openReplicaPage(session.context, '/khcndmst');
    const pageErrors = collectConsoleErrors(page);
    const more = page.getByRole('button', { name: 'Xem thêm bình luận' }).first();
    while ((await page.locator(`[data-khcn-comment="${PARAPHRASES[2]}"]`).count()) === 0) await more.click();

    const saved: string[] = [];
    for (const id of PARAPHRASES) {
      const tools = page.locator(`[data-khcn-comment="${id}"] khcn-comment-tools`);
      await tools.waitFor();
      await tools.getByRole('button', { name: 'Lưu ý tưởng' }).click();
      await expect
        .poll(async () => (await stored()).find((idea) => idea.commentId === id)?.id, { timeout: 10_000 })
        .toBeTruthy();
      const ideaId = (await stored()).find((idea) => idea.commentId === id)!.id;
      // Each save is looked up at once: the notice is about the idea just saved,
      // and the paraphrases saved before it are among the similar ones.
      await expect
        .poll(() => panel.locator('.khcn-similar').getAttribute('data-source-id'), { timeout: 10_000 })
        .toBe(ideaId);
      await expect(similarStatus().textContent()).resolves.toMatch(/^Đã có [1-5] ý tưởng tương tự$/);
      const hits = await panel
        .locator('.khcn-similar-hit')
        .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.ideaId));
      for (const before of saved) expect(hits).toContain(before);
      saved.push(ideaId);
    }
    pipeline = saved;
    expect(pageErrors.problems).toEqual([]);
    await page.close();
  });

  test('gộp nhóm, hoàn tác, gộp lại', async () => {
    const notice = panel.getByRole('region', { name: 'Các ý tưởng tương tự' });
    const box = (ideaId: string) => notice.locator(`li[data-idea-id="${ideaId}"] input[type="checkbox"]`);
    /** The moderator ticks exactly the other two paraphrases, by keyboard. */
    async function tickParaphrases() {
      for (const checkbox of await notice.locator('input[type="checkbox"]:checked').all()) {
        await checkbox.focus();
        await panel.keyboard.press('Space');
      }
      for (const ideaId of pipeline.slice(0, 2)) {
        await box(ideaId).focus();
        await panel.keyboard.press('Space');
        await expect.poll(() => box(ideaId).isChecked()).toBe(true);
      }
      await expect(notice.locator('input[type="checkbox"]:checked').count()).resolves.toBe(2);
    }
    await tickParaphrases();
    const before = await stored();
    await notice.getByRole('button', { name: GROUP_BUTTON }).click();
    await panel.getByText('Đã gộp nhóm: 3 ý tưởng, 3 người ủng hộ.').waitFor();

    const grouped = (await stored()).filter((idea) => idea.groupId !== null);
    expect(grouped.map((idea) => idea.id).sort()).toEqual([...pipeline].sort());
    const groupId = grouped[0]!.groupId;
    expect(groupId).toMatch(/^[0-9a-f-]{36}$/);
    for (const idea of grouped) {
      expect(idea.groupId).toBe(groupId);
      expect(idea.history).toEqual([{ at: expect.any(String), by: 'Vũ Ngọc Lan', groupId }]);
    }

    // Undo has the focus: Enter takes the grouping back, exactly.
    await expect(panel.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Hoàn tác');
    await panel.keyboard.press('Enter');
    await panel.getByText('Đã hoàn tác.').waitFor();
    const byId = (ideas: Stored[]) => [...ideas].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await stored())).toEqual(byId(before));

    await expect.poll(() => notice.getByText('Trong nhóm').count()).toBe(0);
    await tickParaphrases();
    await notice.getByRole('button', { name: GROUP_BUTTON }).click();
    await panel.getByText('Đã gộp nhóm: 3 ý tưởng, 3 người ủng hộ.').waitFor();
    const again = (await stored()).filter((idea) => idea.groupId !== null);
    expect(again.map((idea) => idea.id).sort()).toEqual([...pipeline].sort());
    expect(new Set(again.map((idea) => idea.groupId)).size).toBe(1);
    await expect.poll(() => notice.getByText('Trong nhóm 3 ý tưởng').count()).toBe(2);
  });

  test('xem nhóm từ một hàng: số ý tưởng, người ủng hộ, mọi liên kết', async () => {
    const row = panel.locator(`article.khcn-idea[data-idea-id="${pipeline[2]}"]`);
    await row.getByRole('button', { name: 'Nhóm · Xem nhóm' }).click();
    const view = panel.getByRole('region', { name: 'Nhóm 3 ý tưởng · 3 người ủng hộ' });
    await view.waitFor();
    const links = await view
      .getByRole('link', { name: 'Mở bình luận' })
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
    expect(links).toHaveLength(3);
    for (const id of PARAPHRASES) expect(links.some((href) => href.includes(id))).toBe(true);
    // The notice and the group view, as axe-core reads them (serious and critical only).
    expect(await axeViolations(panel, ['.khcn-similar', '.khcn-group-view'])).toEqual([]);
    // For a person to look at (kept after the run): the notice and the open group.

    // At a sidebar's width, where the row's buttons wrap.
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.screenshot({ path: join(tmpdir(), 'khcn-pipeline-groups.png'), fullPage: true });
  });

  test('tệp JSON xuất ra có groupId và lịch sử', async () => {
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Xuất JSON', exact: true }).click(),
    ]);
    const path = join(downloads, 'groups.json');
    await download.saveAs(path);
    const json = JSON.parse(await readFile(path, 'utf8'));
    expect(ExportFile.safeParse(json).success).toBe(true);
    const ideas = (json.ideas as Stored[]).filter((idea) => PARAPHRASES.includes(idea.commentId));
    expect(ideas).toHaveLength(3);
    expect((json.ideas as Stored[]).filter((idea) => idea.groupId !== null)).toHaveLength(3);
    const groupId = ideas[0]!.groupId;
    expect(groupId).toBeTruthy();
    for (const idea of ideas) {
      expect(idea.groupId).toBe(groupId);
      expect(idea.history).toHaveLength(1);
      expect(idea.history[0]).toMatchObject({ by: 'Vũ Ngọc Lan', groupId });
    }
  });

  test('không có lỗi trên console của thanh bên', () => {
    expect(panelErrors.problems).toEqual([]);
  });
});
