// Drives Debian's Firefox ESR over WebDriver BiDi directly, with the built
// Firefox extension installed as a temporary add-on, pointed at the local
// replica. Playwright 1.65's Firefox (BiDi) driver calls BiDi commands that
// ESR 153 lacks (emulation.setMediaFeaturesOverride), so it cannot launch it;
// the few BiDi commands a smoke test needs are spoken here instead.
// Nothing leaves the machine: www.facebook.com resolves to loopback and port
// 443 is redirected to the replica's port.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';

export const FIREFOX_PATH = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

export interface LogEntry {
  level: string;
  text: string;
  source: string;
}

export interface FirefoxSession {
  /** The top-level browsing context: a window opened over BiDi, which has focus. */
  context: string;
  extensionId: string;
  /** Console messages and uncaught errors of the page's realms (BiDi log.entryAdded). */
  logs: LogEntry[];
  /** Firefox's stdout and stderr: content-script and extension console output and errors. */
  output(): string;
  send<T = unknown>(method: string, params: object): Promise<T>;
  /** Evaluates `expression` in the page's main world; returns its JSON-serialisable value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls `expression` until it is truthy; returns that value. */
  waitFor<T>(expression: string, timeoutMs?: number): Promise<T>;
  /** A real (trusted) mouse click in the middle of the element `expression` yields. */
  click(expression: string): Promise<void>;
  close(): Promise<void>;
}

/** The extension's gecko id (wxt.config.ts) and the moz-extension:// host it gets in tests. */
export const GECKO_ID = 'khcn-moderator@khcn.local';
export const EXTENSION_UUID = '6d1c2a4e-5b7f-4c3d-9e8a-0f1b2c3d4e5f';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

// Keeps Firefox off the network: no updates, telemetry, safe browsing,
// captive portal or connectivity checks, experiments.
function firefoxPrefs(replicaPort: number, downloadDir: string): Record<string, string | number | boolean> {
  return {
    // A fixed internal UUID, so tests can open the sidebar and options pages by URL.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    // Downloads ("Xuất JSON") land in the test's folder without a dialog.
    'browser.download.folderList': 2,
    'browser.download.dir': downloadDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
    'network.dns.localDomains': 'www.facebook.com',
    'network.socket.forcePort': `443=${replicaPort}`,
    'xpinstall.signatures.required': false,
    'remote.prefs.recommended': true,
    'app.update.enabled': false,
    'app.update.disabledForTesting': true,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'services.settings.server': 'data:,',
    'messaging-system.rsexperimentloader.enabled': false,
    'intl.locale.requested': 'vi',
    'intl.accept_languages': 'vi, en',
    // Content-script and extension console output and errors go to stdout,
    // where the harness keeps them (BiDi's log events miss those realms).
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
  };
}

function waitForEndpoint(browser: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = output.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    };
    browser.stdout?.on('data', onData);
    browser.stderr?.on('data', onData);
    browser.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before listening:\n${output}`));
    });
  });
}

interface BidiMessage {
  id?: number;
  type: 'success' | 'error' | 'event';
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: string;
  message?: string;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown; sharedId?: string };
  exceptionDetails?: { text: string };
}

export async function launchFirefox(options: {
  replicaPort: number;
  extensionDir?: string;
  headless?: boolean;
  /** Where downloads go (default: a folder inside the throw-away profile). */
  downloadDir?: string;
}): Promise<FirefoxSession> {
  const extensionDir = resolve(options.extensionDir ?? '.output/firefox-mv2');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension in ${extensionDir}: run \`npx wxt build -b firefox\` first`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'khcn-ff-'));
  await writeFile(
    join(profile, 'user.js'),
    Object.entries(firefoxPrefs(options.replicaPort, options.downloadDir ?? join(profile, 'downloads')))
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
      .join('\n'),
  );
  // Firefox 153 lets WebDriver navigate to moz-extension:// pages (the sidebar
  // and options pages) only with system access allowed.
  const args = [
    '--remote-debugging-port=0',
    '--remote-allow-system-access',
    '--no-remote',
    '--profile',
    profile,
  ];
  if (options.headless ?? true) args.unshift('--headless');
  const browser = spawn(FIREFOX_PATH, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', LANG: 'vi_VN.UTF-8' },
  });
  let output = '';
  browser.stdout.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  browser.stderr.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const cleanup = async () => {
    if (browser.exitCode === null) {
      const exited = new Promise((r) => browser.once('exit', r));
      browser.kill();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    }
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  };
  try {
    const endpoint = await waitForEndpoint(browser);
    const socket = new WebSocket(`${endpoint}/session`);
    await new Promise((ok, fail) => {
      socket.once('open', ok);
      socket.once('error', fail);
    });
    const logs: LogEntry[] = [];
    const pending = new Map<number, (message: BidiMessage) => void>();
    let lastId = 0;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as BidiMessage;
      if (message.id !== undefined) pending.get(message.id)?.(message);
      else if (message.method === 'log.entryAdded') {
        const p = message.params as { level: string; text: string; source: { realm: string }; type: string };
        logs.push({ level: p.level, text: p.text, source: p.type });
      }
    });
    const send = <T>(method: string, params: object) =>
      new Promise<T>((ok, fail) => {
        const id = ++lastId;
        pending.set(id, (message) => {
          pending.delete(id);
          if (message.type === 'error') fail(new Error(`${method}: ${message.error}: ${message.message}`));
          else ok(message.result as T);
        });
        socket.send(JSON.stringify({ id, method, params }));
      });

    await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    await send('session.subscribe', { events: ['log.entryAdded'] });
    const { extension } = await send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: extensionDir },
    });
    // The startup window of a headless Firefox never gets focus (no focus or
    // focusin events, document.hasFocus() false); a window opened over BiDi does.
    const { context } = await send<{ context: string }>('browsingContext.create', { type: 'window' });
    await send('browsingContext.activate', { context });

    const evaluateRaw = async (expression: string, resultOwnership: 'none' | 'root' = 'none') => {
      const reply = await send<EvaluateResult>('script.evaluate', {
        expression,
        target: { context },
        awaitPromise: true,
        resultOwnership,
      });
      if (reply.type === 'exception') throw new Error(`${expression}: ${reply.exceptionDetails?.text}`);
      return reply.result!;
    };
    // JSON round trip: BiDi's remote values are verbose for objects and arrays.
    const evaluate = async <T>(expression: string) => {
      const result = await evaluateRaw(`JSON.stringify(${expression}) ?? null`);
      return JSON.parse(String(result.value)) as T;
    };
    const waitFor = async <T>(expression: string, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await evaluate<T>(expression).catch(() => null);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const click = async (expression: string) => {
      const element = await evaluateRaw(
        `(() => { const e = ${expression}; e.scrollIntoView({ block: 'center' }); return e; })()`,
      );
      if (!element.sharedId) throw new Error(`no element: ${expression}`);
      await send('input.performActions', {
        context,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              {
                type: 'pointerMove',
                x: 0,
                y: 0,
                origin: { type: 'element', element: { sharedId: element.sharedId } },
              },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
    };

    return {
      context,
      extensionId: extension,
      logs,
      output: () => output,
      send,
      evaluate,
      waitFor,
      click,
      async close() {
        await send('browser.close', {}).catch(() => {});
        socket.close();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
