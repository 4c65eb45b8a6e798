// `npm run demo`: builds the extension, serves the local replica of the
// fanpage and opens Chromium with the extension on
// https://www.facebook.com/khcndmst — no Facebook login, nothing leaves the
// machine. With a display: a window to work in, until you close it. Without
// one (or with --headless): walks through the main flows and saves screenshots.
//
//   npm run demo [-- --headless] [--out DIR] [--lang vi|en] [--no-build]

import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { errorMessage } from '../lib/errors';
import {
  collectContextErrors,
  launchWithExtension,
  openOptionsPage,
  openSidePanelPage,
  REPLICA_ORIGIN,
  requireChromium,
} from '../tests/e2e/harness';
import { buildReplica } from '../tests/fixtures/replica/build';
import { startReplica } from '../tests/fixtures/replica/server';

const argv = process.argv.slice(2);
const headless = argv.includes('--headless') || !process.env.DISPLAY;
const outIndex = argv.indexOf('--out');
const outDir = resolve(outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1]! : 'demo-screenshots');
const langIndex = argv.indexOf('--lang');
// The moderators' language first; `--lang en` shows the English UI.
const lang = langIndex >= 0 && argv[langIndex + 1] ? argv[langIndex + 1]! : 'vi';
const skipBuild = argv.includes('--no-build') || process.env.DEMO_SKIP_BUILD === '1';

const FANPAGE_URL = `${REPLICA_ORIGIN}/khcndmst`;
const POST_URL = `${REPLICA_ORIGIN}/khcndmst/posts/1122334455667788`;

interface DemoContext {
  context: BrowserContext;
  extensionId: string;
  /** The replica tab, shared by the steps that follow each other on it. */
  page: Page;
  warn(message: string): void;
  /** The locator when it shows up within `timeout` ms; otherwise a warning and null. */
  find(locator: Locator, what: string, timeout?: number): Promise<Locator | null>;
}

interface DemoStep {
  file: string;
  title: string;
  /** Does the step; returns the page to photograph (the replica tab by default). */
  run(demo: DemoContext): Promise<Page | undefined>;
  fullPage?: boolean;
}

async function openReplica(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __replica?: { ready?: boolean } }).__replica?.ready === true,
  );
}

/**
 * The walk-through. Each step is tolerant: what it cannot find is a warning,
 * and the screenshot shows what is there. Add steps here as features land.
 */
const STEPS: DemoStep[] = [
  {
    file: '01-fanpage.png',
    title: 'Fanpage với giao diện của tiện ích · the fanpage with the extension’s UI',
    async run(demo) {
      await openReplica(demo.page, FANPAGE_URL);
      await demo.find(
        demo.page.locator('[data-khcn-comment]').first(),
        'bình luận được nhận ra (data-khcn-comment)',
      );
      const flagged = await demo.find(
        demo.page.locator('[data-khcn-flags]').first(),
        'bình luận bị gắn cờ (data-khcn-flags)',
      );
      await flagged?.scrollIntoViewIfNeeded();
      return undefined;
    },
  },
  {
    file: '02-post-dialog.png',
    title: 'Bài viết mở trong hộp thoại · a post opened in its dialog',
    async run(demo) {
      await openReplica(demo.page, POST_URL);
      await demo.find(
        demo.page.locator('div[role="dialog"] [data-khcn-comment]').first(),
        'bình luận trong hộp thoại được nhận ra',
      );
      return undefined;
    },
  },
  {
    file: '03-reply-box.png',
    title: 'Ô trả lời đang mở, kèm gợi ý · a reply box open, with suggestions',
    async run(demo) {
      const article = demo.page
        .locator('div[role="dialog"] div[role="article"][aria-label*="Vũ Ngọc Lan"]')
        .first();
      const reply = await demo.find(
        article.getByRole('button', { name: /^(Phản hồi|Reply)$/ }),
        'nút "Phản hồi"',
      );
      if (!reply) return undefined;
      await reply.click();
      const strip = await demo.find(
        demo.page.locator('khcn-suggestions').first(),
        'dải gợi ý khcn-suggestions',
        8000,
      );
      await strip?.scrollIntoViewIfNeeded();
      return undefined;
    },
  },
  {
    file: '04-reply-inserted.png',
    title: 'Câu trả lời đã chèn, chưa gửi · a reply inserted, not sent',
    async run(demo) {
      const { page } = demo;
      const suggestion = await demo.find(
        page.locator('khcn-suggestions [role="toolbar"] button').first(),
        'nút gợi ý đầu tiên',
        3000,
      );
      if (suggestion) {
        await suggestion.click();
      } else {
        // The in-page shortcut for the first suggestion, as docs/shortcuts.md describes it.
        await page.keyboard.press('Alt+1');
      }
      await page.waitForTimeout(500);
      const state = await page.evaluate(() => {
        const api = (window as unknown as { __replica: { editorText(e?: Element): string; submits: number } })
          .__replica;
        const focused = document.activeElement;
        const text = focused?.getAttribute('data-lexical-editor') === 'true' ? api.editorText(focused) : '';
        return { text, submits: api.submits };
      });
      if (state.text.trim().split(/\s+/).length <= 3) demo.warn('ô trả lời chưa có câu trả lời được chèn');
      console.log(
        `  ô trả lời / reply box: ${JSON.stringify(state.text)} · đã gửi / submits: ${state.submits}`,
      );
      return undefined;
    },
  },
  {
    file: '05-save-idea.png',
    title: 'Lưu một ý tưởng · saving an idea',
    async run(demo) {
      const article = demo.page
        .locator('div[role="dialog"] div[role="article"][aria-label*="Lê Hoàng Cường"]')
        .first();
      const save = await demo.find(
        article.getByRole('button', { name: /^(Lưu ý tưởng|Save idea)$/ }),
        'nút "Lưu ý tưởng"',
      );
      if (save) {
        await save.scrollIntoViewIfNeeded();
        await save.click();
        await demo.page.waitForTimeout(500);
      }
      return undefined;
    },
  },
  {
    file: '06-sidepanel.png',
    title: 'Thanh bên (trang sidepanel.html) · the side panel page',
    fullPage: true,
    async run(demo) {
      const page = await openSidePanelPage(demo.context, demo.extensionId);
      await page.setViewportSize({ width: 420, height: 900 });
      await demo.find(page.getByRole('button', { name: /^(Xuất JSON|Export JSON)$/ }), 'nút "Xuất JSON"');
      return page;
    },
  },
  {
    file: '07-options.png',
    title: 'Trang tuỳ chọn · the options page',
    fullPage: true,
    async run(demo) {
      const page = await openOptionsPage(demo.context, demo.extensionId);
      await page.waitForLoadState('load');
      await page.waitForTimeout(300);
      return page;
    },
  },
];

function buildExtension(): void {
  if (skipBuild) return;
  console.log('› npx wxt build');
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Không build được tiện ích · the extension did not build.');
    process.exit(result.status ?? 1);
  }
}

async function walkThrough(context: BrowserContext, extensionId: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const errors = collectContextErrors(context);
  const page = await context.newPage();
  let warnings = 0;
  const demo: DemoContext = {
    context,
    extensionId,
    page,
    warn(message) {
      warnings++;
      console.warn(`  ⚠ ${message}`);
    },
    async find(locator, what, timeout = 5000) {
      try {
        await locator.waitFor({ state: 'attached', timeout });
        return locator;
      } catch {
        demo.warn(`không thấy ${what} · not found`);
        return null;
      }
    },
  };
  for (const step of STEPS) {
    console.log(`• ${step.title}`);
    let shot: Page = page;
    try {
      shot = (await step.run(demo)) ?? page;
    } catch (error) {
      demo.warn(`bước lỗi · step failed: ${errorMessage(error).split('\n')[0]}`);
    }
    try {
      await shot.screenshot({ path: join(outDir, step.file), fullPage: step.fullPage ?? false });
    } catch (error) {
      demo.warn(`không chụp được · no screenshot: ${String(error).split('\n')[0]}`);
    }
  }
  errors.stop();
  for (const problem of errors.problems) demo.warn(`console: ${problem.text} (${problem.url})`);
  const files = (await readdir(outDir)).sort();
  console.log(`\nẢnh chụp màn hình · screenshots: ${outDir}`);
  for (const file of files) console.log(`  ${join(outDir, file)}`);
  if (warnings > 0) console.log(`${warnings} cảnh báo · warnings (xem ở trên · see above)`);
}

async function main(): Promise<void> {
  requireChromium();
  buildExtension();
  await buildReplica();
  const replica = await startReplica();
  const browser = await launchWithExtension({ replicaPort: replica.port, headless, locale: lang });
  const shutdown = async () => {
    await browser.close();
    await replica.close();
  };
  const uiLanguage = await browser.serviceWorker
    .evaluate(() =>
      (
        globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }
      ).chrome.i18n.getUILanguage(),
    )
    .catch(() => '?');
  if (!uiLanguage.startsWith(lang)) {
    console.warn(
      `  ⚠ Chromium's UI language is ${uiLanguage}, not ${lang}: Debian ships other languages in \`chromium-l10n\` ` +
        `(sudo apt-get install chromium-l10n). Giao diện ${lang} cần gói chromium-l10n.`,
    );
  }
  process.once('SIGINT', () => void shutdown().then(() => process.exit(130)));
  try {
    if (headless) {
      await walkThrough(browser.context, browser.extensionId);
    } else {
      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      await openReplica(page, FANPAGE_URL);
      console.log(
        [
          '',
          `Chromium đang mở ${FANPAGE_URL} (bản sao cục bộ, không cần đăng nhập Facebook).`,
          `Chromium shows ${FANPAGE_URL} (a local replica, no Facebook login needed).`,
          `Thanh bên · side panel: nút của tiện ích trên thanh công cụ, hoặc chrome-extension://${browser.extensionId}/sidepanel.html`,
          'Đóng cửa sổ để kết thúc · close the window to finish.',
        ].join('\n'),
      );
      await new Promise<void>((done) => browser.context.on('close', () => done()));
    }
  } finally {
    await shutdown();
  }
}

await main();
