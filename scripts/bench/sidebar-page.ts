import type { Page } from 'playwright-core';

/**
 * What the benches that drive the built sidebar share (ideas.ts, groups.ts):
 * one way to time the first render, so their figures compare.
 */

/** Reload → the first rendered idea row, in the page's own clock (ms since navigation). */
export async function firstRender(page: Page): Promise<number> {
  await page.reload({ waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => (document.querySelector('article.khcn-idea') ? performance.now() : 0),
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Calls a function of a bench file in the page. tsx compiles with esbuild's
 * keepNames, whose `__name` helper does not exist in the page: define it first.
 */
export function callInPage<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return page.evaluate(
    `(() => { globalThis.__name = globalThis.__name || ((f) => f); return (${fn.toString()})(${JSON.stringify(arg)}); })()`,
  ) as Promise<R>;
}
