// lib/facebook/composer.ts against REAL Lexical, in Chromium, on the replica.
// The library is bundled with esbuild and run in an isolated world made over
// CDP — the same situation as the content script (own JS world, shared DOM) —
// while Lexical's state is read in the page's main world (window.__replica).
// No extension is loaded: this proves the insertion code itself.

import { resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReplicaWindow } from '../fixtures/replica/api';
import { type Replica, startReplica } from '../fixtures/replica/server';
import { CHROMIUM_PATH, collectConsoleErrors, REPLICA_ORIGIN } from './harness';

const POST_PATH = '/khcndmst/posts/1122334455667788';

/** lib/facebook as one script that defines `__khcn` in the world it runs in. */
async function bundleFacebookLib(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "export * from './lib/facebook/composer';\nexport * from './lib/facebook/extract';",
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: '__khcn',
    platform: 'browser',
    target: 'chrome116',
    write: false,
    logLevel: 'warning',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced nothing');
  return out.text;
}

/** An isolated JS world in the page's main frame, like a content script's. */
async function contentWorld(page: Page, bundle: string) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'khcn-content-script',
  });
  const run = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  };
  await run(`${bundle}\n;typeof __khcn`);
  return run;
}

/** Runs `fn(window.__replica)` in the page's main world. */
function replica<T>(page: Page, fn: (api: ReplicaWindow['__replica']) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__replica)`) as Promise<T>;
}

/** Lexical's state text of the focused composer. */
function focusedEditorText(page: Page): Promise<string> {
  return replica(page, (api) => api.editorText(document.activeElement as Element));
}

/** Clicks "Phản hồi" under the comment whose timestamp link carries `id`. */
async function clickReply(page: Page, id: string): Promise<void> {
  const article = page.locator(
    `[role="article"]:has(> div > ul a[href*="comment_id=${id}"]:not([href*="reply_comment_id"])), ` +
      `[role="article"]:has(> div > ul a[href*="reply_comment_id=${id}"])`,
  );
  await article.getByRole('button', { name: 'Phản hồi', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-lexical-editor') === 'true');
}

interface Attempt {
  answered: { id: string; author: string; via: string } | null;
  result: { ok: boolean; method?: string; reason?: string };
}

/** The content script's path: the focused composer, which comment it answers, then the insertion. */
function insertIntoFocused(run: <T>(e: string) => Promise<T>, text: string): Promise<Attempt> {
  return run<Attempt>(`(async () => {
    const composer = __khcn.activeComposer(document);
    const answered = composer && __khcn.resolveCommentForComposer(composer, location.href, ['khcndmst']);
    const result = await __khcn.insertIntoComposer(composer, ${JSON.stringify(text)}, { win: window });
    return {
      answered: answered ? { id: answered.comment.id, author: answered.comment.author, via: answered.via } : null,
      result,
    };
  })()`);
}

let replicaServer: Replica;
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  [replicaServer, bundle] = await Promise.all([startReplica(), bundleFacebookLib()]);
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--host-resolver-rules=MAP www.facebook.com:443 127.0.0.1:${replicaServer.port}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await replicaServer?.close();
});

describe('chèn vào Lexical thật (bản sao, Chromium)', () => {
  let page: Page;
  let run: <T>(expression: string) => Promise<T>;
  let errors: ReturnType<typeof collectConsoleErrors>;

  beforeAll(async () => {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    errors = collectConsoleErrors(page);
    await page.goto(`${REPLICA_ORIGIN}${POST_PATH}`);
    await page.waitForFunction(() => (window as unknown as ReplicaWindow).__replica?.ready === true);
    run = await contentWorld(page, bundle);
  });

  afterAll(async () => {
    await page?.context().close();
  });

  test('thư viện chạy trong thế giới tách biệt, không lộ ra trang', async () => {
    expect(await run<string>('typeof __khcn.insertIntoComposer')).toBe('function');
    expect(await page.evaluate(() => typeof (window as unknown as { __khcn?: unknown }).__khcn)).toBe(
      'undefined',
    );
  });

  test('một dòng vào ô trả lời có sẵn @nhắc tên: sau nhắc tên, đúng một lần, bằng execCommand', async () => {
    await clickReply(page, '2233445566778899');
    expect(await focusedEditorText(page)).toBe('Nguyễn Văn An ');
    const text = 'Cảm ơn anh đã góp ý, bộ phận phụ trách sẽ phản hồi sớm.';
    const attempt = await insertIntoFocused(run, text);
    expect(attempt.answered).toEqual({ id: '2233445566778899', author: 'Nguyễn Văn An', via: 'mention' });
    expect(attempt.result).toEqual({ ok: true, method: 'execCommand' });
    expect(await focusedEditorText(page)).toBe(`Nguyễn Văn An ${text}`);
  });

  test('nhiều dòng vào ô trả lời một phản hồi: giữ xuống dòng, nhắc tên đứng trước, bằng paste', async () => {
    await clickReply(page, '2233445566778905');
    expect(await focusedEditorText(page)).toBe('Mai Phương Linh ');
    const text = 'Cảm ơn chị đã nhắc.\nThông tin y tế chính thống: https://moh.gov.vn\nBan biên tập';
    const attempt = await insertIntoFocused(run, text);
    expect(attempt.answered).toEqual({ id: '2233445566778905', author: 'Mai Phương Linh', via: 'mention' });
    expect(attempt.result).toEqual({ ok: true, method: 'paste' });
    expect(await focusedEditorText(page)).toBe(`Mai Phương Linh ${text}`);
  });

  test('con trỏ đang ở ĐẦU ô (trước @nhắc tên): vẫn chèn ở cuối, sau nhắc tên, một lần', async () => {
    await clickReply(page, '2233445566778903');
    expect(await focusedEditorText(page)).toBe('Phạm Thu Hà ');
    // The moderator clicked before the mention; Lexical has taken that caret.
    await page.keyboard.press('Home');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    const text = 'Cảm ơn chị!';
    const attempt = await insertIntoFocused(run, text);
    expect(attempt.result).toEqual({ ok: true, method: 'execCommand' });
    expect(await focusedEditorText(page)).toBe(`Phạm Thu Hà ${text}`);
  });

  test('ô bình luận chính của bài (trống): không gắn với bình luận nào, chèn đúng nguyên văn', async () => {
    const main = page.locator(
      '[role="dialog"] [data-lexical-editor="true"][aria-label^="Bình luận dưới tên"]',
    );
    await main.click();
    const found = await run<boolean>(
      `__khcn.findComposerFor(null, document, location.href, ['khcndmst']) === __khcn.activeComposer(document)`,
    );
    expect(found).toBe(true);
    const text = 'Dòng một\nDòng hai';
    const attempt = await insertIntoFocused(run, text);
    expect(attempt.answered).toBeNull();
    expect(attempt.result).toEqual({ ok: true, method: 'paste' });
    expect(await focusedEditorText(page)).toBe(text);
  });

  test('chèn tiếp vào ô đã có chữ: nối vào cuối, không nhân đôi', async () => {
    const before = await focusedEditorText(page);
    const attempt = await insertIntoFocused(run, ' — thêm');
    expect(attempt.result).toEqual({ ok: true, method: 'execCommand' });
    expect(await focusedEditorText(page)).toBe(`${before} — thêm`);
  });

  test('không ô nào có focus: từ chối, gợi ý sao chép', async () => {
    await page.locator('[role="dialog"] h2').click();
    const attempt = await insertIntoFocused(run, 'Cảm ơn');
    expect(attempt.result).toMatchObject({ ok: false, reason: 'no-composer' });
  });

  test('không gửi gì: submits = 0, không lỗi console', async () => {
    expect(await replica(page, (api) => api.submits)).toBe(0);
    expect(await replica(page, (api) => api.submitted)).toEqual([]);
    expect(errors.problems).toEqual([]);
  });
});
