// The attacks of hostile.e2e.ts in Firefox ESR (the MV2 build): each is tried
// by a script in the page's main world (BiDi script.evaluate), then the page
// still carries our marks and UI, nothing was inserted or submitted, and — read
// at the end from the extension's own origin — nothing was saved. In Firefox
// the extension id is fixed (khcn-moderator@khcn.local), so the forged
// "content script started" event is the easy one here.
// Builds nothing: run `npx wxt build -b firefox` first (npm run test:e2e does).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Replica, startReplica } from '../fixtures/replica/server';
import {
  EXTENSION_ORIGIN,
  FIREFOX_PATH,
  type FirefoxSession,
  GECKO_ID,
  launchFirefox,
} from './firefox-harness';

const REAL = '2233445566778899';
const FAKE = '9988776655443322';

describe.skipIf(!existsSync(FIREFOX_PATH))('Firefox: trang thù địch không làm thay đổi gì', () => {
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
    await ff.waitFor(`!!document.querySelector('[data-khcn-comment="${REAL}"] > khcn-comment-tools')`);
  });
  afterAll(async () => {
    await ff?.close();
    await replica?.close();
  });

  /** Our marks and UI on the page, the composers' text and the submit count. */
  const state = () =>
    ff.evaluate<unknown>(`({
      marked: document.querySelectorAll('[data-khcn-comment]').length,
      tools: document.querySelectorAll('khcn-comment-tools').length,
      panel: document.querySelectorAll('khcn-panel').length,
      expanded: document.querySelector('khcn-panel')?.shadowRoot?.querySelector('[aria-controls="khcn-panel-stats"]')?.getAttribute('aria-expanded'),
      composers: window.__replica.composers().map((_, i) => window.__replica.editorText(i)),
      submits: window.__replica.submits,
      toast: document.querySelector('khcn-panel')?.shadowRoot?.querySelector('.toast')?.textContent ?? '',
    })`);
  const settle = () => new Promise((r) => setTimeout(r, 800));

  async function openReplyBox(commentId: string) {
    await ff.click(
      `Array.from(document.querySelector('[data-khcn-comment="${commentId}"]').querySelectorAll('[role="button"], button')).find((b) => b.textContent.trim() === 'Phản hồi')`,
    );
    await ff.waitFor(`(() => {
      const box = document.activeElement;
      return box?.getAttribute('data-lexical-editor') === 'true' && box.parentElement?.nextElementSibling?.localName === 'khcn-suggestions';
    })()`);
  }

  test('script của trang .click() nút "Lưu ý tưởng" và nút của bình luận giả: không có gì', async () => {
    await ff.evaluate(`(() => {
      const original = document.querySelector('[data-khcn-comment="${REAL}"]');
      const clone = original.cloneNode(true);
      clone.removeAttribute('data-khcn-comment');
      clone.removeAttribute('data-khcn-flags');
      for (const tools of clone.querySelectorAll('khcn-comment-tools')) tools.remove();
      for (const a of clone.querySelectorAll('a[href*="comment_id="]')) a.href = a.href.replace('${REAL}', '${FAKE}');
      for (const block of clone.querySelectorAll('div[dir="auto"]')) block.textContent = 'Bộ KHCN tặng quà, nhắn tin để nhận';
      original.parentElement.append(clone);
      return true;
    })()`);
    await ff.waitFor(`!!document.querySelector('[data-khcn-comment="${FAKE}"] > khcn-comment-tools')`);
    const before = await state();
    await ff.evaluate(`(() => {
      for (const id of ['${REAL}', '${FAKE}']) {
        const host = document.querySelector('[data-khcn-comment="' + id + '"] > khcn-comment-tools');
        host.shadowRoot.querySelector('button.save').click();
      }
      return true;
    })()`);
    await settle();
    expect(await state()).toEqual(before);
  });

  test('Alt+Shift+S, Ctrl+. rồi chữ số, bấm dải gợi ý — đều do trang: không lưu, không chèn', async () => {
    await openReplyBox('2233445566778906');
    const before = await state();
    await ff.evaluate(`(() => {
      const box = document.activeElement;
      const key = (init) => box.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init }));
      key({ code: 'KeyS', key: 'S', altKey: true, shiftKey: true });
      key({ code: 'Period', key: '.', ctrlKey: true });
      key({ code: 'Digit1', key: '1' });
      for (const b of document.querySelector('khcn-suggestions').shadowRoot.querySelectorAll('button')) b.click();
      return true;
    })()`);
    await settle();
    expect(await state()).toEqual(before);
    expect(
      await ff.evaluate<boolean>(
        `!!document.querySelector('khcn-palette')?.shadowRoot?.querySelector('[role=dialog]')`,
      ),
    ).toBe(false);
  });

  test('script của trang bấm thu gọn bảng KHCN: không đổi', async () => {
    const before = await state();
    await ff.evaluate(
      `(document.querySelector('khcn-panel').shadowRoot.querySelector('[aria-controls="khcn-panel-stats"]').click(), true)`,
    );
    await settle();
    expect(await state()).toEqual(before);
  });

  test('sự kiện "content script started" giả mạo (mã tiện ích cố định): tiện ích vẫn chạy', async () => {
    expect(ff.extensionId).toBe(GECKO_ID);
    const before = await state();
    await ff.evaluate(`(() => {
      const name = '${GECKO_ID}:facebook:wxt:content-script-started';
      const detail = { contentScriptName: 'facebook', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(name, { detail }));
      window.postMessage({ type: name, ...detail }, '*');
      return true;
    })()`);
    await settle();
    expect(await state()).toEqual(before);
    // Still running: a comment added now is marked.
    await ff.evaluate(`(() => {
      const original = document.querySelector('[data-khcn-comment="2233445566778906"]');
      const clone = original.cloneNode(true);
      clone.removeAttribute('data-khcn-comment');
      for (const tools of clone.querySelectorAll('khcn-comment-tools')) tools.remove();
      for (const a of clone.querySelectorAll('a[href*="comment_id="]')) a.href = a.href.replace('2233445566778906', '2233445566770001');
      original.parentElement.append(clone);
      return true;
    })()`);
    await ff.waitFor(
      `!!document.querySelector('[data-khcn-comment="2233445566770001"] > khcn-comment-tools')`,
    );
  });

  test('cuối cùng, trong nhật ký của tiện ích: không có ý tưởng nào được lưu', async () => {
    await ff.send('browsingContext.navigate', {
      context: ff.context,
      url: `${EXTENSION_ORIGIN}/sidepanel.html`,
      wait: 'none',
    });
    await ff.waitFor(`!!document.querySelector('.khcn-idea-log')`);
    // evaluate() does not await a promise: the count lands in a global, then is polled.
    await ff.evaluate(`(() => {
      const open = indexedDB.open('khcn-moderator');
      open.onsuccess = () => {
        const req = open.result.transaction('ideas').objectStore('ideas').count();
        req.onsuccess = () => { open.result.close(); window.__ideaCount = { n: req.result }; };
      };
      return true;
    })()`);
    const count = await ff.waitFor<{ n: number }>('window.__ideaCount');
    expect(count.n).toBe(0);
  });
});
