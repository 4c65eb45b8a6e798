// Launches Debian's Chromium with the built extension, pointed at the local
// replica: www.facebook.com resolves to the replica on loopback, and its
// self-signed certificate is accepted. Nothing leaves the machine.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type ConsoleMessage, chromium, type Page, type Worker } from 'playwright-core';
import { type Replica, startReplica } from '../fixtures/replica/server';

export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const REPLICA_ORIGIN = 'https://www.facebook.com';

export interface LaunchOptions {
  extensionDir?: string;
  headless?: boolean;
  /** Port of the running replica (startReplica().port). */
  replicaPort: number;
  /** A profile folder to reuse; by default a fresh temporary one, removed on close. */
  userDataDir?: string;
  /** More Chromium switches (e.g. --lang=en). */
  args?: string[];
  /**
   * Browser UI language (browser.i18n, navigator.language): 'vi' by default,
   * the moderators' language, whatever the machine's LANG; 'en' for English.
   * Debian's Chromium needs `chromium-l10n` for any language but en-US.
   */
  locale?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** The browser's profile folder: tells its processes from other Chromiums' (the page bench). */
  userDataDir: string;
  close(): Promise<void>;
}

/** Says how to install Chromium and exits non-zero when it is missing. */
export function requireChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  console.error(
    [
      `Chromium not found at ${CHROMIUM_PATH}.`,
      'Không tìm thấy Chromium. Cài đặt / Install it with:',
      '  sudo apt-get install chromium',
      'or point $CHROMIUM at a Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}

/** Whether Debian's Chromium has the language pack for `locale` (package chromium-l10n). */
export function hasChromiumLocale(locale: string): boolean {
  if (process.env.CHROMIUM || locale.startsWith('en')) return true;
  return existsSync(`/usr/lib/chromium/locales/${locale}.pak`);
}

export function chromiumArgs(extensionDir: string, replicaPort: number): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // One argv element: no shell quoting around the rule.
    `--host-resolver-rules=MAP www.facebook.com:443 127.0.0.1:${replicaPort}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--metrics-recording-only',
  ];
}

export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedBrowser> {
  const extensionDir = resolve(options.extensionDir ?? '.output/chrome-mv3');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension in ${extensionDir}: run \`npx wxt build\` first`);
  }
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'khcn-e2e-')));
  const args = [...chromiumArgs(extensionDir, options.replicaPort), ...(options.args ?? [])];
  const locale = options.locale ?? 'vi';
  args.push(`--lang=${locale}`);
  // Playwright's own headless switch works with extensions in Debian's
  // Chromium 156 (it is the new headless mode, which loads extensions).
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args,
    locale,
    // On Linux Chromium takes its UI language (browser.i18n) from the
    // environment; --lang alone does not change it.
    env: {
      ...process.env,
      LANGUAGE: locale,
      LC_ALL: '',
      LANG: locale === 'vi' ? 'vi_VN.UTF-8' : 'en_US.UTF-8',
    },
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
  });
  try {
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 20_000,
      }));
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      extensionId,
      serviceWorker,
      userDataDir,
      async close() {
        await context.close().catch(() => {});
        if (ownProfile) await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
      },
    };
  } catch (error) {
    await context.close().catch(() => {});
    if (ownProfile) await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
}

export async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  file: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${file}`);
  return page;
}

/** The side panel's page in an ordinary tab (the side panel UI itself is not scriptable). */
export function openSidePanelPage(context: BrowserContext, extensionId: string): Promise<Page> {
  return openExtensionPage(context, extensionId, 'sidepanel.html');
}

export function openOptionsPage(context: BrowserContext, extensionId: string): Promise<Page> {
  return openExtensionPage(context, extensionId, 'options.html');
}

/**
 * Opens a replica page as https://www.facebook.com/<path> and waits for the
 * replica's script (window.__replica) to be ready.
 */
export async function openReplicaPage(context: BrowserContext, path = '/khcndmst'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${REPLICA_ORIGIN}${path.startsWith('/') ? path : `/${path}`}`);
  await page.waitForFunction(
    () => (window as unknown as { __replica?: { ready?: boolean } }).__replica?.ready === true,
  );
  return page;
}

export interface ConsoleProblem {
  kind: 'console' | 'pageerror';
  text: string;
  url: string;
}

/**
 * Collects console errors and uncaught exceptions of a page from now on.
 * Read `problems` at the end of a test and expect it to be empty.
 */
export function collectConsoleErrors(page: Page): { problems: ConsoleProblem[]; stop(): void } {
  const problems: ConsoleProblem[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push({ kind: 'console', text: message.text(), url: page.url() });
  };
  const onError = (error: Error) =>
    problems.push({ kind: 'pageerror', text: String(error), url: page.url() });
  page.on('console', onConsole);
  page.on('pageerror', onError);
  return {
    problems,
    stop() {
      page.off('console', onConsole);
      page.off('pageerror', onError);
    },
  };
}

/** Console errors of every page in the context, pages opened later included. */
export function collectContextErrors(context: BrowserContext): { problems: ConsoleProblem[]; stop(): void } {
  const problems: ConsoleProblem[] = [];
  const stops: Array<() => void> = [];
  const watch = (page: Page) => {
    const collector = collectConsoleErrors(page);
    stops.push(collector.stop);
    // Share one list: push what this page collects into it.
    collector.problems.push = (...items: ConsoleProblem[]) => problems.push(...items);
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
  return {
    problems,
    stop() {
      context.off('page', watch);
      for (const stop of stops) stop();
    },
  };
}

export interface E2ESession extends LaunchedBrowser {
  replica: Replica;
}

/** The replica and a browser with the extension, closed together. */
export async function startE2E(options: Omit<LaunchOptions, 'replicaPort'> = {}): Promise<E2ESession> {
  const replica = await startReplica();
  try {
    const browser = await launchWithExtension({ ...options, replicaPort: replica.port });
    return {
      ...browser,
      replica,
      async close() {
        await browser.close();
        await replica.close();
      },
    };
  } catch (error) {
    await replica.close();
    throw error;
  }
}
