// Whether the extension raises Content Security Policy violations that a page
// can see (issue 14, eighth round: zod's eval probe). Not a benchmark: a probe,
// run by hand, printing what each document saw.
//
//   npx tsx scripts/bench/csp-probe.ts                  # Chromium, .output/chrome-mv3
//   PROBE_BROWSER=firefox npx tsx scripts/bench/csp-probe.ts   # Firefox, .output/firefox-mv2
//   KHCN_EXTENSION_DIR=<a build> …                      # another build (main's, say)
//
// A proxy in front of the replica gives its HTML a strict CSP (no
// 'unsafe-eval', with a report-uri) and collects the reports the browser
// sends, as facebook.com would receive them; a listener in the page's own
// world records every `securitypolicyviolation` event. The control: the page
// itself evaluating a string afterwards, which must show up in both. In
// Chromium the sidebar and options pages are opened too (their own documents,
// where the extension's CSP applies).
import { createServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { launchFirefox } from '../../tests/e2e/firefox-harness';
import { launchWithExtension, REPLICA_ORIGIN } from '../../tests/e2e/harness';
import { startReplica } from '../../tests/fixtures/replica/server';

const FIREFOX = process.env.PROBE_BROWSER === 'firefox';
const PAGE_CSP = "script-src 'self' 'unsafe-inline'; report-uri /csp-report";

const replica = await startReplica();
const pems = await generate([{ name: 'commonName', value: 'www.facebook.com' }], {
  keyType: 'ec',
  algorithm: 'sha256',
  extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'www.facebook.com' }] }],
});
const reports: string[] = [];
const proxy = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
  if (req.method === 'POST') {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      reports.push(body);
      res.writeHead(204).end();
    });
    return;
  }
  const upstream = httpsRequest(
    {
      host: '127.0.0.1',
      port: replica.port,
      path: req.url,
      method: req.method,
      headers: req.headers,
      rejectUnauthorized: false,
    },
    (answer) => {
      const headers = { ...answer.headers };
      if (String(headers['content-type']).startsWith('text/html'))
        headers['content-security-policy'] = PAGE_CSP;
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    },
  );
  req.pipe(upstream);
});
await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
const port = (proxy.address() as AddressInfo).port;

const LISTEN = `(() => {
  const seen = [];
  window.__cspSeen = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile), true);
})()`;
const SEEN = `JSON.stringify({ violations: window.__cspSeen, marked: document.querySelectorAll('[data-khcn-comment]').length })`;
// Appended from a timer: a script run inside the driver's own evaluation would
// be exempt from the CSP (Chromium lifts it for DevTools' evaluations).
const CONTROL = `(() => { setTimeout(() => { const s = document.createElement('script'); s.textContent = "try { eval('1') } catch {}"; document.head.append(s); }, 0); return 0; })()`;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (FIREFOX) {
  const ff = await launchFirefox({
    replicaPort: port,
    extensionDir: process.env.KHCN_EXTENSION_DIR ?? '.output/firefox-mv2',
  });
  await ff.send('script.addPreloadScript', { functionDeclaration: `() => ${LISTEN}` });
  await ff.send('browsingContext.navigate', {
    context: ff.context,
    url: 'https://www.facebook.com/khcndmst',
    wait: 'complete',
  });
  await ff.waitFor(`document.querySelectorAll('[data-khcn-comment]').length > 0`, 20_000);
  await settle(3000);
  console.log('page, extension running:', await ff.evaluate(SEEN));
  console.log('reports so far:', reports.length);
  await ff.evaluate(CONTROL);
  await settle(500);
  console.log('page, after the control:', await ff.evaluate(SEEN));
  await ff.close();
} else {
  const browser = await launchWithExtension({
    extensionDir: process.env.KHCN_EXTENSION_DIR ?? '.output/chrome-mv3',
    replicaPort: port,
  });
  await browser.context.addInitScript(LISTEN);
  const page = await browser.context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  await page.goto(`${REPLICA_ORIGIN}/khcndmst`);
  await page.waitForSelector('[data-khcn-comment]', { timeout: 20_000 });
  await settle(3000);
  console.log('page, extension running:', await page.evaluate(SEEN), 'console:', consoleLines);
  console.log('reports so far:', reports.length);
  await page.evaluate(CONTROL);
  await settle(500);
  console.log('page, after the control:', await page.evaluate(SEEN));
  for (const file of ['sidepanel.html', 'options.html']) {
    const own = await browser.context.newPage();
    await own.goto(`chrome-extension://${browser.extensionId}/${file}`);
    await settle(1500);
    console.log(`${file}:`, await own.evaluate(SEEN));
  }
  await browser.close();
}
console.log('CSP reports received:', reports.length, reports);
proxy.close();
await replica.close();
