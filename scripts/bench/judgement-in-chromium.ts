/**
 * The judgement bench's loop run in Chromium's engine, not Node's: the
 * extension judges in its background (Chrome's service worker), and Debian's
 * Chromium carries a V8 years newer than Node 20's (11.3), so the Node figure
 * alone says little about what a moderator's browser spends. The same module
 * (`judge-timing.ts`, with lib/judge, lib/flags and lib/model) is bundled by
 * esbuild and timed on a blank page of headless Chromium: a page's main thread
 * runs the same JIT tiers as a service worker. Firefox's engine is not timed
 * here: playwright-core drives only Chromium.
 *
 * Run alone: `npx tsx scripts/bench/judgement-in-chromium.ts`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../../tests/e2e/harness';
import type { JudgeLines, JudgeTimings } from './judge-timing';

const ENTRY = join(import.meta.dirname, 'judge-timing.ts');
const GLOBAL = '__khcnJudgeTiming';

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'browser',
    target: 'chrome116',
    write: false,
    logLevel: 'warning',
  });
  const text = result.outputFiles[0]?.text;
  if (!text) throw new Error(`esbuild wrote nothing for ${ENTRY}`);
  return text;
}

export interface ChromiumTimings extends JudgeTimings {
  /** The browser's version string, e.g. "156.0.8078.129". */
  version: string;
}

/** Times the judge in headless Chromium on the given lines (the model read from `modelFile`). */
export async function timeJudgeInChromium(
  modelFile: string,
  lines: JudgeLines,
  rounds: number,
): Promise<ChromiumTimings> {
  const code = await bundle();
  const modelJson: unknown = JSON.parse(readFileSync(modelFile, 'utf8'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: code });
    const timings = await page.evaluate(
      ({ name, model, given, n }) => {
        const api = (
          globalThis as unknown as Record<string, { timeJudge: typeof import('./judge-timing').timeJudge }>
        )[name];
        if (!api) throw new Error(`the bundle did not define ${name}`);
        return api.timeJudge(model, given, n);
      },
      { name: GLOBAL, model: modelJson, given: lines, n: rounds },
    );
    return { ...timings, version: browser.version() };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadDir, CORPUS_DIR } = await import('../judgement/corpus');
  const lines = [...loadDir(join(CORPUS_DIR, 'families')), ...loadDir(join(CORPUS_DIR, 'blind'))];
  const t = await timeJudgeInChromium(
    resolve(import.meta.dirname, '../../lib/model/judge.vi.json'),
    {
      typical: lines.filter((l) => l.categories.length === 0).map((l) => l.text),
      reference: null,
      all: lines.map((l) => l.text),
    },
    7,
  );
  console.log(
    `Chromium ${t.version}: typical ${t.typical.us.toFixed(1)} µs (rounds ${t.typical.lo.toFixed(1)}–${t.typical.hi.toFixed(1)}), all ${t.all.us.toFixed(1)}, with intents and idea ${t.full.us.toFixed(1)}, phrases ${t.phrases.us.toFixed(1)}; model load ${t.loadMs.toFixed(1)} ms, compile ${t.compileMs.toFixed(1)} ms`,
  );
}
