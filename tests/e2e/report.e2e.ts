// The report page (issue 17, item 4) in Chromium with the built extension:
// seeded ideas with topics, statuses, answers and a group; the charts and
// tables show the right numbers; the HTML export is self-contained and
// escapes a hostile comment; the CSV matches the table; the Facebook replica's
// flagged comments are counted (counts only) into storage.local. The page's
// screenshot and its A4 print are written to test-results/report/ to be
// looked at (pdftoppm -png -r 60 report.pdf page).

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe';
import {
  collectConsoleErrors,
  type E2ESession,
  openExtensionPage,
  openReplicaPage,
  startE2E,
} from './harness';

const OUT = 'test-results/report';
const HOSTILE = '<script>alert("x")</script> & <b>đậm</b> — đề nghị hỗ trợ điện mặt trời áp mái cho hộ nghèo';
const GROUP = '00000000-0000-4000-8000-00000000a001';

/** Noon UTC of a November 2026 day: the same local day in every time zone from UTC−11 to UTC+11. */
const at = (day: number, plusDays = 0) => new Date(Date.UTC(2026, 10, day + plusDays, 12)).toISOString();

function idea(n: number, day: number, over: Record<string, unknown> = {}) {
  const commentId = String(5500000000000000 + n);
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    commentId,
    postId: '1122334455667788',
    parentId: null,
    permalink: `https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=${commentId}`,
    pageUrl: 'https://www.facebook.com/khcndmst',
    text: `Ý tưởng số ${n}`,
    authorName: `Người dân ${n}`,
    authorUrl: `https://www.facebook.com/profile.php?id=1000${n}`,
    flags: [],
    status: 'new',
    tags: [],
    note: '',
    capturedAt: at(day),
    updatedAt: at(day),
    topic: null,
    unit: null,
    answer: null,
    groupId: null,
    history: [],
    ...over,
  };
}

const answered = (day: number, days: number) => ({
  status: 'answered',
  unit: 'Cục Đổi mới sáng tạo',
  answer: { text: 'Bộ đã tiếp nhận và trả lời.', answeredAt: at(day, days), permalink: null },
});

/**
 * 12 ideas from 2 to 27 November 2026 (weeks 45–48): topics năng lượng 5, y sinh 4, none 3;
 * answers after 2, 4 and 10 days (median 4, p90 10); one group of three with two supporters.
 */
const IDEAS = [
  idea(1, 2, { topic: 'nang-luong', text: HOSTILE, groupId: GROUP, ...answered(2, 2) }),
  idea(2, 3, {
    topic: 'nang-luong',
    groupId: GROUP,
    authorUrl: 'https://www.facebook.com/profile.php?id=10001',
  }),
  idea(3, 4, { topic: 'nang-luong', groupId: GROUP }),
  idea(4, 10, { topic: 'nang-luong', ...answered(10, 4) }),
  idea(5, 11, {
    topic: 'nang-luong',
    ...answered(11, 10),
    status: 'adopted',
    history: [{ at: at(12), by: 'Lan', status: 'adopted' }],
  }),
  idea(6, 12, { topic: 'y-sinh', status: 'reviewing' }),
  idea(7, 17, { topic: 'y-sinh', status: 'forwarded', unit: 'Vụ Pháp chế' }),
  idea(8, 18, { topic: 'y-sinh' }),
  idea(9, 19, {
    topic: 'y-sinh',
    status: 'archived',
    history: [{ at: at(19), by: 'Lan', status: 'reviewing' }],
  }),
  idea(10, 24),
  idea(11, 25),
  idea(12, 27),
  // Outside the range: counted in no chart, but its group membership would (it has none).
  idea(13, 30, { topic: 'y-sinh' }),
];

const FLAGS = {
  days: {
    '2026-11-03': { scam: 3, phishing: 1 },
    '2026-11-20': { health: 2 },
    '2026-12-01': { scam: 50 },
  },
};

let session: E2ESession;
let page: Page;
let problems: ReturnType<typeof collectConsoleErrors>;

async function seed(target: Page): Promise<void> {
  await target.evaluate(
    async ({ ideas, flags }) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open('khcn-moderator');
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      await new Promise<void>((done, fail) => {
        const tx = db.transaction('ideas', 'readwrite');
        for (const item of ideas) tx.objectStore('ideas').put(item);
        tx.oncomplete = () => done();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
      };
      await chrome.storage.local.set({ flagStats: flags });
    },
    { ideas: IDEAS, flags: FLAGS },
  );
}

const section = (id: string) => page.locator(`#report-${id}`);

beforeAll(async () => {
  session = await startE2E({ locale: 'vi' });
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  // The sidebar page opens the database (creating it) before the seed.
  const sidebar = await openExtensionPage(session.context, session.extensionId, 'sidepanel.html');
  await sidebar.getByRole('button', { name: 'Báo cáo', exact: true }).waitFor();
  await seed(sidebar);
  // "Báo cáo" on the idea log's toolbar opens the report in a new tab.
  const [opened] = await Promise.all([
    session.context.waitForEvent('page'),
    sidebar.getByRole('button', { name: 'Báo cáo', exact: true }).click(),
  ]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe('/report.html');
  await opened.close();
  await sidebar.close();
  page = await openExtensionPage(
    session.context,
    session.extensionId,
    'report.html?from=2026-11-02&to=2026-11-29',
  );
  problems = collectConsoleErrors(page);
  await page.locator('article.report').waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('trang báo cáo / report page', () => {
  test('tổng, ý tưởng theo tuần và chủ đề', async () => {
    await expect.poll(() => page.locator('.report-total').getAttribute('data-total')).toBe('12');
    const weeks = await section('weeks')
      .locator('[data-week]')
      .evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-week'), g.getAttribute('data-total')]));
    expect(weeks).toEqual([
      ['2026-W45', '3'],
      ['2026-W46', '3'],
      ['2026-W47', '3'],
      ['2026-W48', '3'],
    ]);
    await expect
      .poll(() => section('weeks').locator('.legend').innerText())
      .toMatch(/Năng lượng\s*\/\s*Energy: 5/);
    expect(await section('weeks').locator('.legend').innerText()).toMatch(/Y sinh\s*\/\s*Biomedicine: 4/);
    expect(await section('weeks').locator('.legend').innerText()).toMatch(
      /Chưa có chủ đề\s*\/\s*No topic: 3/,
    );
  });

  test('bảng thay thế: "Xem bảng" mở bảng có chú thích, số khớp biểu đồ', async () => {
    const toggle = section('weeks').locator('button[aria-controls="report-weeks-tables"]');
    expect(await toggle.innerText()).toBe('Xem bảng / Show table');
    await toggle.press('Enter');
    expect(await toggle.innerText()).toBe('Ẩn bảng / Hide table');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const table = section('weeks').locator('table');
    expect(await table.locator('caption').innerText()).toContain(
      'Ý tưởng theo tuần và chủ đề — bảng số liệu',
    );
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent)));
    expect(rows[0]).toEqual(['2026-W45', '2026-11-02 – 2026-11-08', '3', '0', '0', '3']);
    expect(rows[2]).toEqual(['2026-W47', '2026-11-16 – 2026-11-22', '0', '3', '0', '3']);
    expect(await table.locator('tfoot').innerText()).toMatch(/5\s+4\s+3\s+12/);
  });

  test('phễu trạng thái theo lịch sử và trạng thái hiện tại', async () => {
    const reached = await section('funnel')
      .locator('[data-stage]')
      .evaluateAll((gs) =>
        gs.map((g) => [g.getAttribute('data-stage'), Number(g.getAttribute('data-reached'))]),
      );
    // Reviewing: 6 (reviewing), 7 (forwarded), 9 (archived after reviewing), 1, 4, 5 (answered or adopted);
    // forwarded: 7, and 1, 4, 5 (an answer is further along, whether or not "forwarded" was ever set).
    expect(reached).toEqual([
      ['new', 12],
      ['reviewing', 6],
      ['forwarded', 4],
      ['answered', 3],
      ['decided', 1],
    ]);
    expect(await section('funnel').locator('.report-summary').innerText()).toContain(
      '1 tiếp thu, 0 không tiếp thu',
    );
  });

  test('thời gian trả lời: trung vị 4 ngày, 90% trong 10 ngày; 9 chưa trả lời', async () => {
    expect(await section('answers').locator('[data-figure="median"]').innerText()).toBe('4 ngày / 4 days');
    expect(await section('answers').locator('[data-figure="p90"]').innerText()).toBe('10 ngày / 10 days');
    expect(await section('answers').locator('[data-figure="unanswered"]').innerText()).toBe('9');
  });

  test('nhóm lớn nhất: trích đoạn là chữ, không phải HTML', async () => {
    const group = section('groups').locator(`[data-group="${GROUP}"]`);
    expect(await group.getAttribute('data-size')).toBe('3');
    expect(await group.getAttribute('data-supporters')).toBe('2');
    expect(await group.locator('.lead').innerText()).toBe(HOSTILE);
    expect(await page.locator('article.report b, article.report script').count()).toBe(0);
  });

  test('cờ theo loại và ngày (chỉ trong khoảng ngày)', async () => {
    const totals = await section('flags')
      .locator('[data-category]')
      .evaluateAll((ds) => ds.map((d) => [d.getAttribute('data-category'), d.getAttribute('data-total')]));
    expect(totals).toEqual([
      ['health', '2'],
      ['scam', '3'],
      ['impersonation', '0'],
      ['pseudoscience', '0'],
      ['phishing', '1'],
    ]);
  });

  test('khoảng ngày: chọn "7 ngày qua" rồi tự chọn lại bằng bàn phím', async () => {
    // Today is the machine's: only idea 13 (30 November) can fall in the last 7 days, and only near that date.
    await page.getByRole('radio', { name: /7 ngày qua/ }).check();
    await expect.poll(() => page.locator('.report').getAttribute('data-from')).not.toBe('2026-11-02');
    await page.locator('input[name="from"]').fill('2026-11-16');
    await page.locator('input[name="to"]').fill('2026-11-29');
    await page.locator('input[name="to"]').press('Enter');
    await expect.poll(() => page.locator('.report-total').getAttribute('data-total')).toBe('6');
    await page.locator('input[name="from"]').fill('2026-11-02');
    await page.getByRole('button', { name: /^Xem \/ Show$/ }).click();
    await expect.poll(() => page.locator('.report-total').getAttribute('data-total')).toBe('12');
  });

  test('axe-core: không có vi phạm nghiêm trọng', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  test('xuất HTML: một tệp tự đủ, không script, không tài nguyên ngoài, trích đoạn đã thoát', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Tải HTML/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('khcn-bao-cao-2026-11-02_2026-11-29.html');
    const path = join(OUT, 'report.html');
    await download.saveAs(path);
    const html = await readFile(path, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/@import|url\((?!#)/i);
    expect(html).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;');
    expect(html).toContain('@media print');
    // Tables are open in the file: the week table's total row is there.
    expect(html).toContain('data-table="weeks"');
    expect(html).toContain('data-table="flags"');
    // Opened on its own, it shows the same report.
    const file = await session.context.newPage();
    await file.setContent(html);
    expect(await file.locator('.report-total').getAttribute('data-total')).toBe('12');
    expect(await file.locator('[data-figure="median"]').innerText()).toBe('4 ngày / 4 days');
    // The file as the officer prints it (look at it: pdftoppm -png -r 60 export.pdf export).
    await file.emulateMedia({ media: 'print' });
    await file.pdf({ format: 'A4', printBackground: true, path: join(OUT, 'export.pdf') });
    await file.close();
  });

  test('xuất CSV: một tệp cho bảng tuần, khớp với bảng', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section('weeks').locator('button[data-csv="weeks"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('khcn-bao-cao-2026-11-02_2026-11-29-y-tuong-theo-tuan.csv');
    const path = join(OUT, 'weeks.csv');
    await download.saveAs(path);
    const lines = (await readFile(path, 'utf8')).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF"Tuần / Week","Các ngày / Days","Năng lượng / Energy","Y sinh / Biomedicine","Chưa có chủ đề / No topic","Tổng / Total"',
    );
    expect(lines[1]).toBe('"2026-W45","2026-11-02 – 2026-11-08",3,0,0,3');
    expect(lines[5]).toBe('"Tổng / Total","",5,4,3,12');

    const [groups] = await Promise.all([
      page.waitForEvent('download'),
      section('groups').locator('button[data-csv="groups"]').click(),
    ]);
    await groups.saveAs(join(OUT, 'groups.csv'));
    const groupCsv = await readFile(join(OUT, 'groups.csv'), 'utf8');
    // The hostile excerpt is one quoted cell, its quotes doubled.
    expect(groupCsv).toContain('"<script>alert(""x"")</script> & <b>đậm</b>');
  });

  test('ảnh chụp và bản in A4 (để xem bằng mắt) / screenshot and A4 print to look at', async () => {
    await page.screenshot({ path: join(OUT, 'report.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: join(OUT, 'report.pdf') });
    await page.emulateMedia({ media: 'screen' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(problems.problems).toEqual([]);
  });
});

describe('đếm cờ trên trang Facebook (bản sao) / flag counts from the replica', () => {
  test('bình luận bị gắn cờ được đếm theo ngày và loại, không có mã hay lời bình luận', async () => {
    await session.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { remove(key: string): Promise<void> } } };
      };
      await chrome.storage.local.remove('flagStats');
    });
    const fb = await openReplicaPage(session.context, '/khcndmst');
    await fb.waitForSelector('[data-khcn-flags]');
    const shown = await fb.evaluate(() => {
      const counts: Record<string, number> = {};
      for (const el of document.querySelectorAll('[data-khcn-comment][data-khcn-flags]'))
        for (const c of new Set(el.getAttribute('data-khcn-flags')!.split(' ')))
          counts[c] = (counts[c] ?? 0) + 1;
      return counts;
    });
    // Hiding the page sends the batch at once (else within 5 s).
    await fb.close({ runBeforeUnload: true });
    const read = () =>
      session.serviceWorker.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        };
        return (await chrome.storage.local.get('flagStats')).flagStats as
          | { days: Record<string, Record<string, number>> }
          | undefined;
      });
    await expect
      .poll(async () => Object.keys((await read())?.days ?? {}).length, { timeout: 15_000 })
      .toBe(1);
    const stored = (await read())!;
    const [day, counts] = Object.entries(stored.days)[0]!;
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(counts).toEqual(shown);
    expect(JSON.stringify(stored)).not.toMatch(/\d{10,}|facebook|http/);
    await writeFile(join(OUT, 'flag-stats.json'), JSON.stringify(stored, null, 2));
  });
});
