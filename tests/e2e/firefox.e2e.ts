// The Firefox build (.output/firefox-mv2, MV2) in Debian's real Firefox ESR
// against the local replica: the content script marks and flags comments,
// hosts its khcn- UI, and inserts a suggested reply through Firefox's own
// path (wrappedJSObject/cloneInto) without submitting anything.
// Builds nothing: run `npx wxt build -b firefox` first (CI does).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Replica, startReplica } from '../fixtures/replica/server';
import { FIREFOX_PATH, type FirefoxSession, launchFirefox } from './firefox-harness';

// Skipped only where Firefox is not installed (`apt-get install firefox-esr`).
describe.skipIf(!existsSync(FIREFOX_PATH))('Firefox: tiện ích trên trang (extension on the page)', () => {
  let replica: Replica;
  let ff: FirefoxSession;

  beforeAll(async () => {
    replica = await startReplica();
    ff = await launchFirefox({ replicaPort: replica.port });
    await ff.send('browsingContext.navigate', {
      context: ff.context,
      url: 'https://www.facebook.com/khcndmst',
      wait: 'complete',
    });
    await ff.waitFor('window.__replica?.ready === true');
    await ff.waitFor(`!!document.querySelector('[data-khcn-comment="2233445566778899"]')`);
  });
  afterAll(async () => {
    await ff?.close();
    await replica?.close();
  });

  test('tiện ích được cài tạm thời với đúng mã gecko', () => {
    expect(ff.extensionId).toBe('khcn-moderator@khcn.local');
  });

  test('mọi bình luận có mã đều được đánh dấu bằng đúng mã của nó', async () => {
    // The ids a person would read from each comment's timestamp link.
    const expected = await ff.evaluate<string[]>(`Array.from(document.querySelectorAll('[role="article"]'))
      .map((article) => {
        const link = Array.from(article.querySelectorAll('a[href*="comment_id="]'))
          .find((a) => a.closest('[role="article"]') === article && /comment_id=\\d/.test(a.href));
        if (!link) return null;
        const url = new URL(link.href);
        return url.searchParams.get('reply_comment_id') ?? url.searchParams.get('comment_id');
      })
      .filter((id) => id !== null)`);
    const found = await ff.evaluate<Array<{ id: string; role: string }>>(
      `Array.from(document.querySelectorAll('[data-khcn-comment]')).map((e) => ({ id: e.getAttribute('data-khcn-comment'), role: e.getAttribute('role') }))`,
    );
    expect(expected.length).toBeGreaterThan(15);
    expect(found[0]!.id).toBe('2233445566778899');
    expect(found.map((m) => m.id).sort()).toEqual([...expected].sort());
    expect(found.every((m) => m.role === 'article')).toBe(true);
  });

  test('bình luận lừa đảo 2233445566778906 được gắn cờ scam', async () => {
    const flags = await ff.evaluate<string | null>(
      `document.querySelector('[data-khcn-comment="2233445566778906"]').getAttribute('data-khcn-flags')`,
    );
    expect(flags?.split(' ')).toContain('scam');
    const unflagged = await ff.evaluate<string | null>(
      `document.querySelector('[data-khcn-comment="2233445566778899"]').getAttribute('data-khcn-flags')`,
    );
    expect(unflagged).toBeNull();
  });

  test('công cụ bình luận có shadow root mở với nút "Lưu ý tưởng"; có khcn-panel', async () => {
    const tools = await ff.evaluate<Array<{ open: boolean; buttons: string[] }>>(
      `Array.from(document.querySelectorAll('khcn-comment-tools')).map((host) => ({
        open: host.shadowRoot !== null,
        buttons: host.shadowRoot ? Array.from(host.shadowRoot.querySelectorAll('button')).map((b) => b.textContent.trim() + ' ' + (b.getAttribute('aria-label') ?? '') + ' ' + (b.title ?? '')) : [],
      }))`,
    );
    expect(tools.length).toBeGreaterThan(15);
    expect(tools.every((t) => t.open && t.buttons.length > 0)).toBe(true);
    expect(tools[0]!.buttons.join(' ')).toMatch(/Lưu ý tưởng|Save idea/);
    expect(await ff.evaluate<boolean>(`!!document.querySelector('khcn-panel')`)).toBe(true);
  });

  test('bấm "Phản hồi" rồi gợi ý đầu: câu trả lời chèn sau phần nhắc tên, không gửi', async () => {
    await ff.click(
      `Array.from(document.querySelector('[data-khcn-comment="2233445566778906"]').querySelectorAll('[role="button"], button')).find((b) => b.textContent.trim() === 'Phản hồi')`,
    );
    // The strip sits next to the reply box that now has focus.
    const index = await ff.waitFor<number>(`(() => {
      const box = document.activeElement;
      if (box?.getAttribute('data-lexical-editor') !== 'true') return 0;
      if (box.parentElement?.nextElementSibling?.localName !== 'khcn-suggestions') return 0;
      return window.__replica.composers().indexOf(box) + 1;
    })()`);
    const composer = index - 1;
    const mention = await ff.evaluate<string>(`window.__replica.editorText(${composer})`);
    expect(mention.trim().length).toBeGreaterThan(0);
    await ff.click(
      `document.activeElement.parentElement.nextElementSibling.shadowRoot.querySelector('button')`,
    );
    await ff.waitFor(`window.__replica.editorText(${composer}).length > ${mention.length + 20}`);
    const text = await ff.evaluate<string>(`window.__replica.editorText(${composer})`);
    expect(text.startsWith(mention.trimEnd())).toBe(true);
    expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
    expect(await ff.evaluate<number>('window.__replica.submits')).toBe(0);
  });

  test('bấm "Lưu ý tưởng" lưu bình luận (một trình nghe chung cho mọi nút)', async () => {
    // The buttons have no listener of their own: one session listener on the
    // document reads the click's composed path (Firefox's Xray wrappers included).
    await ff.click(
      `document.querySelector('[data-khcn-comment="2233445566778899"] > khcn-comment-tools').shadowRoot.querySelector('button.save')`,
    );
    // The panel may still show the previous test's message: wait for this one.
    const toast = await ff.waitFor<string>(
      `(() => {
        const text = document.querySelector('khcn-panel')?.shadowRoot?.querySelector('.toast')?.textContent ?? '';
        return /Đã lưu ý tưởng|Đã cập nhật ý tưởng|Idea saved|Saved idea updated/.test(text) ? text : '';
      })()`,
    );
    expect(toast).toMatch(/Đã lưu ý tưởng|Idea saved/);
  });

  test('không có lỗi JavaScript trong trang hay tiện ích', () => {
    expect(ff.logs.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});
