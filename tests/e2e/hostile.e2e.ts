// facebook.com's own scripts are not trusted (docs/privacy.md). Each attack of
// issue #15 is tried from the page's main world (page.evaluate runs there, as
// any script of the page would): click our buttons through their open shadow
// roots, add a fake comment and save it, dispatch our shortcuts, forge WXT's
// "content script started" event. After each, the idea log, the composer and
// the extension's state on the page are as they were.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReplicaWindow } from '../fixtures/replica/api';
import { type E2ESession, openReplicaPage, startE2E } from './harness';

let session: E2ESession;
let page: Page;

const REAL = '2233445566778899';
const FAKE = '9988776655443322';

beforeAll(async () => {
  session = await startE2E({ locale: 'vi' });
  // A configured fanpage, so the replies that need a hotline insert.
  await session.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { set(v: object): Promise<void> } } };
    };
    await chrome.storage.local.set({ settings: { pageValues: { hotline: '024 1234 5678' } } });
  });
  page = await openReplicaPage(session.context, '/khcndmst');
  await page.waitForSelector(`[data-khcn-comment="${REAL}"]`);
});
afterAll(async () => {
  await session?.close();
});

/**
 * The stored ideas, read in the background's origin; none while the log was
 * never opened (opening it here would create an empty database the extension
 * then would not upgrade).
 */
function storedIdeas<T>(worker: E2ESession['serviceWorker']): Promise<T[]> {
  return worker.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('khcn-moderator')) return [];
    return new Promise<T[]>((resolve, reject) => {
      const open = indexedDB.open('khcn-moderator');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('ideas')) {
          db.close();
          resolve([]);
          return;
        }
        const all = db.transaction('ideas').objectStore('ideas').getAll();
        all.onsuccess = () => {
          db.close();
          resolve(all.result as T[]);
        };
        all.onerror = () => reject(all.error);
      };
    });
  });
}

/** What an attack must not change: the log, the marks, our UI on the page, the stored panel choice. */
async function snapshot() {
  const ideas = await storedIdeas<{ commentId: string; updatedAt: string }>(session.serviceWorker);
  const stored = await session.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } };
    };
    const all = await chrome.storage.local.get(null);
    // The day's flag counts (issue 17's report) are flushed on their own timer
    // from the comments we judged, whatever the page clicks: not an attack's effect.
    delete all.flagStats;
    return all;
  });
  const onPage = await page.evaluate(() => ({
    marked: document.querySelectorAll('[data-khcn-comment]').length,
    tools: document.querySelectorAll('khcn-comment-tools').length,
    panel: document.querySelectorAll('khcn-panel').length,
    collapsed: document
      .querySelector('khcn-panel')
      ?.shadowRoot?.querySelector('[aria-controls="khcn-panel-stats"]')
      ?.getAttribute('aria-expanded'),
    composers: (window as unknown as ReplicaWindow).__replica
      .composers()
      .map((_, i) => (window as unknown as ReplicaWindow).__replica.editorText(i)),
    submits: (window as unknown as ReplicaWindow).__replica.submits,
  }));
  return { ideas: ideas.map((i) => `${i.commentId}@${i.updatedAt}`).sort(), stored, onPage };
}

/** Lets whatever an attack set off run to the end (messages to the background, a toast). */
const settle = () => page.waitForTimeout(700);

async function toast(): Promise<string> {
  return page.evaluate(
    () => document.querySelector('khcn-panel')?.shadowRoot?.querySelector('.toast')?.textContent ?? '',
  );
}

async function openReplyBox(commentId: string) {
  // The moderator's own (trusted) click opens the reply box.
  await page
    .locator(`[data-khcn-comment="${commentId}"]`)
    .getByRole('button', { name: 'Phản hồi' })
    .first()
    .click();
  await page.waitForFunction(() => {
    const box = document.activeElement;
    return (
      box?.getAttribute('data-lexical-editor') === 'true' &&
      box.parentElement?.nextElementSibling?.localName === 'khcn-suggestions'
    );
  });
}

describe('trang giả làm người kiểm duyệt (the page acting as the moderator)', () => {
  test('script của trang .click() nút "Lưu ý tưởng": không lưu gì', async () => {
    const before = await snapshot();
    await page.evaluate((id) => {
      const host = document.querySelector(`[data-khcn-comment="${id}"] > khcn-comment-tools`)!;
      (host.shadowRoot!.querySelector('button.save') as HTMLButtonElement).click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }, REAL);
    await settle();
    expect(await snapshot()).toEqual(before);
    expect(await toast()).not.toMatch(/Đã lưu|Đã cập nhật/);
  });

  test('bình luận giả do trang thêm vào rồi tự bấm lưu: không lưu gì', async () => {
    await page.evaluate(
      ([real, fake]) => {
        const original = document.querySelector(`[data-khcn-comment="${real}"]`)!;
        const clone = original.cloneNode(true) as Element;
        clone.removeAttribute('data-khcn-comment');
        clone.removeAttribute('data-khcn-flags');
        for (const tools of clone.querySelectorAll('khcn-comment-tools')) tools.remove();
        for (const a of clone.querySelectorAll('a[href*="comment_id="]')) {
          (a as HTMLAnchorElement).href = (a as HTMLAnchorElement).href.replace(real!, fake!);
        }
        for (const block of clone.querySelectorAll('div[dir="auto"]'))
          block.textContent = 'Bộ KHCN chính thức tặng quà, nhắn tin cho trang để nhận';
        clone.setAttribute(
          'aria-label',
          (clone.getAttribute('aria-label') ?? '').replace(/của [^ ]+ [^ ]+/, 'của Người Giả Mạo'),
        );
        original.parentElement!.append(clone);
      },
      [REAL, FAKE],
    );
    // The watcher recognises it: it looks like any comment.
    await page.waitForSelector(`[data-khcn-comment="${FAKE}"] > khcn-comment-tools`);
    const before = await snapshot();
    await page.evaluate((id) => {
      const host = document.querySelector(`[data-khcn-comment="${id}"] > khcn-comment-tools`)!;
      (host.shadowRoot!.querySelector('button.save') as HTMLButtonElement).click();
    }, FAKE);
    await settle();
    expect(await snapshot()).toEqual(before);
    const ideas = await storedIdeas<{ commentId: string }>(session.serviceWorker);
    expect(ideas.some((i) => i.commentId === FAKE)).toBe(false);
  });

  test('trang đổi data-khcn-comment rồi người kiểm duyệt bấm lưu thật: lưu đúng bình luận đã nhận ra', async () => {
    await page.evaluate(
      ([real, fake]) =>
        document.querySelector(`[data-khcn-comment="${real}"]`)!.setAttribute('data-khcn-comment', fake!),
      [REAL, FAKE],
    );
    // The article now claims the fake id; a real click on its button…
    await page
      .locator(`[role="article"]:has(a[href*="comment_id=${REAL}"]) > khcn-comment-tools`)
      .first()
      .getByRole('button', { name: 'Lưu ý tưởng' })
      .click();
    await page
      .locator('khcn-panel')
      .getByText(/Đã lưu ý tưởng|Đã cập nhật ý tưởng/)
      .waitFor();
    const ideas = await storedIdeas<{ commentId: string }>(session.serviceWorker);
    // …saves the comment the watcher recognised there, never the id the page wrote.
    expect(ideas.map((i) => i.commentId)).toContain(REAL);
    expect(ideas.some((i) => i.commentId === FAKE)).toBe(false);
  });

  test('Alt+Shift+S do trang phát ra khi ô trả lời đang mở: không lưu gì', async () => {
    await openReplyBox('2233445566778906');
    const before = await snapshot();
    await page.evaluate(() => {
      const init = { code: 'KeyS', key: 'S', altKey: true, shiftKey: true, bubbles: true, composed: true };
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', init));
      document.dispatchEvent(new KeyboardEvent('keydown', init));
    });
    await settle();
    expect(await snapshot()).toEqual(before);
  });

  test('Ctrl+. rồi chữ số do trang phát ra: bảng chọn không mở, ô trả lời không đổi', async () => {
    await openReplyBox('2233445566778906');
    const before = await snapshot();
    await page.evaluate(() => {
      const box = document.activeElement!;
      box.dispatchEvent(
        new KeyboardEvent('keydown', { code: 'Period', key: '.', ctrlKey: true, bubbles: true }),
      );
      box.dispatchEvent(new KeyboardEvent('keydown', { code: 'Digit1', key: '1', bubbles: true }));
    });
    await settle();
    expect(
      await page.evaluate(
        () => !!document.querySelector('khcn-palette')?.shadowRoot?.querySelector('[role=dialog]'),
      ),
    ).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  test('bảng chọn do người thật mở; trang gõ chữ số và bấm lựa chọn trong đó: không chèn gì', async () => {
    await openReplyBox('2233445566778906');
    const before = await snapshot();
    await page.keyboard.press('Control+Period');
    const palette = page.locator('khcn-palette');
    await palette.getByRole('dialog').waitFor();
    await page.evaluate(() => {
      const root = document.querySelector('khcn-palette')!.shadowRoot!;
      const input = root.querySelector('input')!;
      for (const key of ['1', 'Enter']) {
        input.dispatchEvent(
          new KeyboardEvent('keydown', {
            key,
            code: key === '1' ? 'Digit1' : 'Enter',
            bubbles: true,
            composed: true,
          }),
        );
      }
      (root.querySelector('[role=option]') as HTMLElement).click();
    });
    await settle();
    await expect(palette.getByRole('dialog').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await settle();
    expect(await snapshot()).toEqual(before);
  });

  test('script của trang bấm nút trong dải gợi ý: không chèn gì', async () => {
    await openReplyBox('2233445566778906');
    const before = await snapshot();
    await page.evaluate(() => {
      const strip = document.querySelector('khcn-suggestions')!.shadowRoot!;
      for (const button of strip.querySelectorAll('button')) (button as HTMLButtonElement).click();
    });
    await settle();
    expect(await snapshot()).toEqual(before);
  });

  test('script của trang bấm thu gọn bảng KHCN: bảng và lựa chọn đã lưu không đổi', async () => {
    const before = await snapshot();
    await page.evaluate(() => {
      const root = document.querySelector('khcn-panel')!.shadowRoot!;
      (root.querySelector('[aria-controls="khcn-panel-stats"]') as HTMLElement).click();
    });
    await settle();
    expect(await snapshot()).toEqual(before);
  });
});

describe('trang không tắt được tiện ích (the page cannot switch the extension off)', () => {
  test('sự kiện "content script started" giả mạo với mã tiện ích: cờ, nút, bảng vẫn còn và vẫn chạy', async () => {
    const before = await snapshot();
    await page.evaluate((id) => {
      for (const name of [`${id}:facebook:wxt:content-script-started`, 'wxt:content-script-started']) {
        const detail = { contentScriptName: 'facebook', messageId: 'forged' };
        document.dispatchEvent(new CustomEvent(name, { detail }));
        window.dispatchEvent(new CustomEvent(name, { detail }));
        window.postMessage({ type: name, ...detail }, '*');
      }
    }, session.extensionId);
    await settle();
    expect(await snapshot()).toEqual(before);
    // Still running: a comment that arrives now is recognised, and a real save still works.
    await page.evaluate(() => {
      const original = document.querySelector('[data-khcn-comment="2233445566778906"]')!;
      const clone = original.cloneNode(true) as Element;
      clone.removeAttribute('data-khcn-comment');
      for (const tools of clone.querySelectorAll('khcn-comment-tools')) tools.remove();
      for (const a of clone.querySelectorAll('a[href*="comment_id="]')) {
        (a as HTMLAnchorElement).href = (a as HTMLAnchorElement).href.replace(
          '2233445566778906',
          '2233445566770001',
        );
      }
      original.parentElement!.append(clone);
    });
    await page.waitForSelector('[data-khcn-comment="2233445566770001"] > khcn-comment-tools');
    await page
      .locator('[data-khcn-comment="2233445566778906"] > khcn-comment-tools')
      .getByRole('button', { name: 'Lưu ý tưởng' })
      .click();
    await page
      .locator('khcn-panel')
      .getByText(/Đã lưu ý tưởng|Đã cập nhật ý tưởng/)
      .waitFor();
  });
});
