// The replica itself, in a real Chromium with the extension loaded: proves the
// fixture renders Facebook's markup and behaves like Facebook's composers, so
// the extension's e2e tests stand on solid ground. No extension feature is
// asserted here.

import { get } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReplicaWindow } from '../fixtures/replica/api';
import { POST_IDEAS_ID, POST_TASKS_ID, POSTS } from '../fixtures/replica/content';
import { collectConsoleErrors, type E2ESession, openReplicaPage, startE2E } from './harness';

let session: E2ESession;

beforeAll(async () => {
  session = await startE2E();
});

afterAll(async () => {
  await session?.close();
});

const PAGE_NAME = 'Thông tin Khoa học và Công nghệ';

function replica<T>(page: Page, fn: (api: ReplicaWindow['__replica']) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__replica)`) as Promise<T>;
}

describe('máy chủ bản sao (replica server)', () => {
  test('phục vụ HTTPS trên loopback với chứng chỉ cho www.facebook.com', async () => {
    const { status, subject } = await new Promise<{ status: number; subject: string }>((resolve, reject) => {
      get(
        `${session.replica.url}/khcndmst`,
        { rejectUnauthorized: false, servername: 'www.facebook.com' },
        (response) => {
          const cert = (response.socket as TLSSocket).getPeerCertificate();
          response.resume();
          resolve({ status: response.statusCode ?? 0, subject: String(cert.subject?.CN) });
        },
      ).on('error', reject);
    });
    expect(session.replica.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(status).toBe(200);
    expect(subject).toBe('www.facebook.com');
  });

  test('service worker của tiện ích đã chạy', () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    expect(session.serviceWorker.url()).toMatch(new RegExp(`^chrome-extension://${session.extensionId}/`));
  });
});

describe('trang fanpage /khcndmst', () => {
  let page: Page;
  let errors: ReturnType<typeof collectConsoleErrors>;

  beforeAll(async () => {
    page = await openReplicaPage(session.context, '/khcndmst');
    errors = collectConsoleErrors(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  test('mở dưới địa chỉ https://www.facebook.com/khcndmst', async () => {
    expect(page.url()).toBe('https://www.facebook.com/khcndmst');
    expect(await page.title()).toContain(PAGE_NAME);
  });

  test('bình luận có đúng cấu trúc của Facebook', async () => {
    const first = await page.evaluate(() => {
      const article = document.querySelector('div[role="article"]') as HTMLElement;
      const links = [...article.querySelectorAll('a')];
      return {
        label: article.getAttribute('aria-label'),
        firstLinkText: links[0]?.textContent,
        firstLinkHidden: links[0]?.getAttribute('aria-hidden'),
        profileHref: links[1]?.href,
        profileText: links[1]?.textContent,
        blocks: [...article.querySelectorAll('div[dir="auto"] > div[dir="auto"]')].map((d) => d.textContent),
        actions: [...article.querySelectorAll('ul [role="button"]')].map((b) => b.textContent),
        timestamp: links.at(-1)?.href,
        timestampText: links.at(-1)?.textContent,
        // The extension's own khcn- hosts are not the replica's markup.
        unclassed: [...article.querySelectorAll('*')].filter(
          (e) =>
            !(e instanceof SVGElement) &&
            !e.localName.startsWith('khcn-') &&
            !/\bx[0-9a-z]+/.test(e.className),
        ).length,
      };
    });
    expect(first.label).toBe('Bình luận của Nguyễn Văn An 3 giờ trước');
    expect(first.firstLinkText).toBe('');
    expect(first.firstLinkHidden).toBe('true');
    expect(first.profileText).toBe('Nguyễn Văn An');
    const profileCommentId = new URL(first.profileHref ?? '').searchParams.get('comment_id') ?? '';
    expect(atob(profileCommentId)).toBe(`comment:${POST_IDEAS_ID}_2233445566778899`);
    expect(first.blocks).toEqual([
      'Cho em hỏi hồ sơ đề xuất ý tưởng gửi qua kênh nào ạ?',
      'Em tìm trên cổng thông tin của Bộ mà chưa thấy mẫu đơn.',
    ]);
    expect(first.actions).toEqual(['Thích', 'Phản hồi']);
    const timestamp = new URL(first.timestamp ?? '');
    expect(timestamp.origin + timestamp.pathname).toBe(
      `https://www.facebook.com/khcndmst/posts/${POST_IDEAS_ID}`,
    );
    expect(timestamp.searchParams.get('comment_id')).toBe('2233445566778899');
    expect(first.timestampText).toBe('3 giờ');
    expect(first.unclassed).toBe(0);
  });

  test('phản hồi nằm cạnh (không nằm trong) bình luận cha, id cha lấy từ URL', async () => {
    const reply = await page.evaluate(() => {
      const article = [...document.querySelectorAll('div[role="article"]')].find((a) =>
        a.getAttribute('aria-label')?.startsWith('Phản hồi của Trần Thị Bình'),
      ) as HTMLElement;
      const link = [...article.querySelectorAll<HTMLAnchorElement>('a[href*="comment_id="]')].at(-1);
      return {
        nestedInArticle: article.parentElement?.closest('[role="article"]') !== null,
        href: link?.href ?? '',
      };
    });
    expect(reply.nestedInArticle).toBe(false);
    const url = new URL(reply.href);
    expect(url.searchParams.get('comment_id')).toBe('2233445566778899');
    expect(url.searchParams.get('reply_comment_id')).toBe('2233445566778901');
  });

  test('có các biến thể: data-commentid, đang đăng, bình luận của chính trang, HTML hiện dạng chữ', async () => {
    const variants = await page.evaluate(() => {
      const articles = [...document.querySelectorAll<HTMLElement>('div[role="article"]')];
      const byAuthor = (name: string) => articles.find((a) => a.getAttribute('aria-label')?.includes(name));
      const pending = byAuthor('Đinh Thị Hoa');
      const pageComment = articles.find((a) =>
        a.getAttribute('aria-label')?.startsWith('Phản hồi của Thông tin Khoa học'),
      );
      const xss = byAuthor('Lý Gia Huy');
      return {
        wrapped: [...document.querySelectorAll('div[data-commentid]')].map((w) => [
          w.getAttribute('data-commentid'),
          w.querySelector('[role="article"] a[href*="comment_id=22"]') !== null,
        ]),
        pendingLinks: pending?.querySelectorAll('a[href*="/posts/"]').length,
        pendingText: pending?.textContent,
        pageAuthorHref: pageComment?.querySelectorAll('a')[1]?.getAttribute('href'),
        xssText: xss?.querySelector('div[dir="auto"]')?.textContent,
        images: document.querySelectorAll('img').length,
      };
    });
    expect(variants.wrapped).toEqual([
      ['2233445566778909', true],
      ['2233445566778915', true],
    ]);
    expect(variants.pendingLinks).toBe(0);
    expect(variants.pendingText).toContain('Đang đăng…');
    expect(variants.pageAuthorHref).toBe('https://www.facebook.com/khcndmst');
    expect(variants.xssText).toContain('<img src=x onerror=alert(1)>');
    expect(variants.images).toBe(0);
  });

  test('"Xem thêm" mở phần chữ bị cắt', async () => {
    const article = page.locator('div[role="article"][aria-label^="Bình luận của Lê Hoàng Cường"]').first();
    await expect
      .poll(() => article.locator('div[dir="auto"] > div[dir="auto"]').allTextContents())
      .toEqual([expect.stringMatching(/…$/)]);
    await article.getByRole('button', { name: 'Xem thêm', exact: true }).click();
    const blocks = await article.locator('div[dir="auto"] > div[dir="auto"]').allTextContents();
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toContain('rút ngắn thời gian');
    expect(await article.getByRole('button', { name: 'Xem thêm', exact: true }).count()).toBe(0);
  });

  test('"Phản hồi" mở ô trả lời NGOÀI bình luận, có sẵn @tên, đang được focus', async () => {
    const article = page.locator('div[role="article"][aria-label^="Bình luận của Phạm Thu Hà"]');
    await article.getByRole('button', { name: 'Phản hồi' }).click();
    const composer = page.getByRole('textbox', { name: `Trả lời dưới tên ${PAGE_NAME}` });
    await expect.poll(() => composer.count()).toBe(1);
    const state = await composer.evaluate((root) => ({
      focused: document.activeElement === root,
      insideArticle: root.closest('[role="article"]') !== null,
      lexical: root.getAttribute('data-lexical-editor'),
      editable: root.getAttribute('contenteditable'),
      text: (window as unknown as ReplicaWindow).__replica.editorText(root),
    }));
    expect(state).toEqual({
      focused: true,
      insideArticle: false,
      lexical: 'true',
      editable: 'true',
      text: 'Phạm Thu Hà ',
    });

    await page.keyboard.type('Cảm ơn bạn đã góp ý!');
    expect(
      await composer.evaluate((root) => (window as unknown as ReplicaWindow).__replica.editorText(root)),
    ).toBe('Phạm Thu Hà Cảm ơn bạn đã góp ý!');

    // Shift+Enter is a new line, not a submit.
    const before = await replica(page, (api) => api.submits);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Chúc bạn một ngày tốt lành.');
    expect(await replica(page, (api) => api.submits)).toBe(before);
    expect(await replica(page, (api) => api.editorText(document.activeElement as Element))).toBe(
      'Phạm Thu Hà Cảm ơn bạn đã góp ý!\nChúc bạn một ngày tốt lành.',
    );

    await page.keyboard.press('Enter');
    expect(await replica(page, (api) => api.submits)).toBe(before + 1);
    const last = await replica(page, (api) => api.submitted.at(-1));
    expect(last).toEqual({
      text: 'Phạm Thu Hà Cảm ơn bạn đã góp ý!\nChúc bạn một ngày tốt lành.',
      composer: `Trả lời dưới tên ${PAGE_NAME}`,
      postId: POST_IDEAS_ID,
      parentId: '2233445566778903',
    });
    expect(await replica(page, (api) => api.editorText(document.activeElement as Element))).toBe('');

    // The page's reply shows up as a sibling reply, first without an id, then with one.
    const reply = page.locator(`div[role="article"][aria-label^="Phản hồi của ${PAGE_NAME}"]`, {
      hasText: 'Chúc bạn một ngày tốt lành.',
    });
    await expect
      .poll(() => reply.locator('a[href*="reply_comment_id="]').getAttribute('href'), { timeout: 5000 })
      .toContain('comment_id=2233445566778903&reply_comment_id=91');
  });

  test('ô bình luận chính: Enter gửi bình luận dưới tên trang', async () => {
    const composer = page.getByRole('textbox', { name: `Bình luận dưới tên ${PAGE_NAME}` }).first();
    await composer.click();
    await page.keyboard.type('Bộ xin ghi nhận các ý kiến.');
    const before = await replica(page, (api) => api.submits);
    await page.keyboard.press('Enter');
    expect(await replica(page, (api) => api.submits)).toBe(before + 1);
    expect(await replica(page, (api) => api.submitted.at(-1)?.parentId)).toBeNull();
    await expect
      .poll(() =>
        page.locator(`div[role="article"][aria-label^="Bình luận dưới tên ${PAGE_NAME}"]`).allTextContents(),
      )
      .toContainEqual(expect.stringContaining('Bộ xin ghi nhận các ý kiến.'));
  });

  test('"Xem thêm bình luận" thêm bình luận vào cuối danh sách', async () => {
    const count = () => page.locator('div[role="article"]').count();
    const before = await count();
    const more = page.getByRole('button', { name: 'Xem thêm bình luận' }).first();
    await more.click();
    expect(await count()).toBeGreaterThan(before);
    const firstPost = POSTS[0];
    const allMore = (firstPost?.moreComments ?? []).reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0);
    while ((await page.getByRole('button', { name: 'Xem thêm bình luận' }).count()) > 1) await more.click();
    expect(await count()).toBe(before + allMore);
    expect(await replica(page, (api) => api.appendComments(3))).toBe(3);
    expect(await count()).toBe(before + allMore + 3);
  });

  test('Facebook vẽ lại bình luận thành nút mới (rerender)', async () => {
    const marked = await page.evaluate(() => {
      const node = document.querySelector('div[role="article"]') as HTMLElement & { __seen?: boolean };
      node.__seen = true;
      return node.getAttribute('aria-label');
    });
    expect(await replica(page, (api) => api.rerender('2233445566778899'))).toBe(1);
    const after = await page.evaluate(() => {
      const node = document.querySelector('div[role="article"]') as HTMLElement & { __seen?: boolean };
      return { label: node.getAttribute('aria-label'), seen: node.__seen === true };
    });
    expect(after).toEqual({ label: marked, seen: false });
  });

  test('không có lỗi trên console', () => {
    expect(errors.problems).toEqual([]);
  });
});

describe('các trang khác của bản sao', () => {
  test('bài viết mở trong hộp thoại aria-modal, có bình luận và ô soạn', async () => {
    const page = await openReplicaPage(session.context, `/khcndmst/posts/${POST_TASKS_ID}`);
    const dialog = page.locator('div[role="dialog"][aria-modal="true"]');
    expect(await dialog.count()).toBe(1);
    expect(await dialog.locator('div[role="article"]').count()).toBe(5);
    expect(await page.locator('div[role="article"]').count()).toBe(5);
    expect(await dialog.getByRole('textbox', { name: `Bình luận dưới tên ${PAGE_NAME}` }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    expect(page.url()).toBe('https://www.facebook.com/khcndmst');
    expect(await page.locator('div[role="dialog"]').count()).toBe(0);
    await page.close();
  });

  test('?locale=en hiện nhãn tiếng Anh', async () => {
    const page = await openReplicaPage(session.context, '/khcndmst?locale=en');
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll('div[role="article"]')]
        .slice(0, 2)
        .map((a) => a.getAttribute('aria-label')),
    );
    expect(labels).toEqual([
      'Comment by Nguyễn Văn An 3 hours ago',
      'Reply by Thông tin Khoa học và Công nghệ 2 hours ago',
    ]);
    expect(await page.getByRole('textbox', { name: `Comment as ${PAGE_NAME}` }).count()).toBe(2);
    await page.locator('div[role="article"]').first().getByRole('button', { name: 'Reply' }).click();
    expect(await page.getByRole('textbox', { name: 'Reply to Nguyễn Văn An…' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'View more comments' }).count()).toBe(2);
    await page.close();
  });

  test('trang đo hiệu năng thêm từng lượt bình luận', async () => {
    const page = await openReplicaPage(session.context, '/khcndmst/bench?total=120&batch=50');
    expect(await page.locator('div[role="article"]').count()).toBe(0);
    expect(await replica(page, (api) => api.appendBatch())).toBe(70);
    expect(await page.locator('div[role="article"]').count()).toBe(50);
    expect(await replica(page, (api) => api.appendBatch())).toBe(20);
    expect(await replica(page, (api) => api.appendBatch())).toBe(0);
    expect(await page.locator('div[role="article"]').count()).toBe(120);
    const ids = await page.$$eval('div[role="article"] a[href*="/posts/"]', (links) => links.length);
    expect(ids).toBe(120);
    await page.close();
  });

  test('/otherpage là trang khác, cũng có bình luận', async () => {
    const page = await openReplicaPage(session.context, '/otherpage');
    expect(page.url()).toBe('https://www.facebook.com/otherpage');
    expect(await page.locator('div[role="article"]').count()).toBe(4);
    await page.close();
  });
});
