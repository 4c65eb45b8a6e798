// Benchmark of issue 3, item 8: 3,000 comments arriving in batches of 50 on the
// replica (/khcndmst/bench), run in ONE run
//   - without the extension (plain Chromium),
//   - with the built extension (.output/chrome-mv3, through tests/e2e/harness.ts),
//   - with only lib/facebook's watcher, bundled and run in an isolated world
//     (the content script's situation), to tell the page layer's own share.
//   - with the contracts' floor (scripts/bench/contract-floor.ts): the least
//     any extension keeping the contracts (docs/contracts.md) must do per comment.
// The extension's scripting time is read from a CDP trace: every V8 call into
// its scripts (FunctionCall events whose script is the extension's) on the
// page's main thread, grouped per batch by user-timing marks. The page's own
// scripting is read the same way for the replica's own script. Long tasks come from
// a `longtask` PerformanceObserver in the page. The delay from a batch to its
// flags (since issue 14's fifth round the judge answers from the background,
// after the batch's task) is read by a MutationObserver in the page on
// `data-khcn-flags`: per flagged comment, from its batch's mark to the first
// write of its flags; after the last batch the run waits for the flags to
// settle. Not a test: figures vary with the machine's load.
//
// Run alone: `npx tsx scripts/bench/facebook.ts` (build first: `npx wxt build`).

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH, launchWithExtension, REPLICA_ORIGIN } from '../../tests/e2e/harness';
import { FIXED_WORK_UNITS } from '../../tests/fixtures/replica/framework-cost';
import { startReplica } from '../../tests/fixtures/replica/server';
import {
  type AlternatedRun,
  addedByBuild,
  addedPerRun,
  attributeLongTasks,
  firstAfter,
  RENDERING_EVENTS,
  spanAt,
  type TraceEvent,
} from './long-tasks';
import { type CostPoint, closeEnough, nearestPoint, pageCostSetting, unitsForTarget } from './page-cost';
import { quantile, sum } from './stats';

const TOTAL = Number(process.env.BENCH_TOTAL ?? 3000);
/** The replica's shape for the bench page: `2025` (the saved real page's, default) or `classic`. */
const SHAPE = process.env.BENCH_SHAPE === 'classic' ? 'classic' : '2025';
const FRAMEWORK = process.env.BENCH_FRAMEWORK === 'off' ? 'off' : 'on';
/**
 * `BENCH_PAGE_MS_PER_COMMENT`: the page's own script per comment, in ms of
 * CPU on this machine (default 0.85, the issue's 0.7–1 ms), reached by
 * calibrating the framework module's work before the runs (`calibratePage`);
 * `fixed`: the module's fixed amount of the rounds before the eleventh.
 */
const PAGE_COST =
  SHAPE === '2025' && FRAMEWORK === 'on' ? pageCostSetting(process.env.BENCH_PAGE_MS_PER_COMMENT) : 'fixed';
const BATCH = Number(process.env.BENCH_BATCH ?? 50);
const FIRST_ID = 7000000000000000n; // the replica's bench ids (generatedComment)
const EXTENSION_DIR = resolve(process.env.KHCN_EXTENSION_DIR ?? '.output/chrome-mv3');
const WATCHER_URL = 'khcn-bench-watcher.js';
const FLOOR_URL = 'khcn-bench-contract-floor.js';
const PAGE_SCRIPT = '/__replica/page.js';
const GOAL_P95_MS = 4;
/** `BENCH_FLAG_DELAY=0` leaves out the observer that times the flags (see the header). */
const WATCH_FLAGS = process.env.BENCH_FLAG_DELAY !== '0';
const GOAL_OVERHEAD = 0.1;
/**
 * The frame's intersection observations: not among the rendering steps above
 * (the rows before issue 14's sixth round did not count them), reported on
 * their own. `content-visibility: auto` is one of their users: Chromium
 * watches every such element with an intersection observer, every frame.
 */
const INTERSECTIONS_EVENT = 'IntersectionObserverController::computeIntersections';

interface RunResult {
  label: string;
  /** Extension (or watcher) scripting per batch, ms. */
  perBatch: number[];
  /** Extension (or watcher) scripting per main-thread task during the batches, ms. */
  perTask: number[];
  /**
   * Its calls in each frame's task during the batches (the animation-frame
   * callbacks: the watcher's batch), CPU and wall ms: what it adds to the
   * page's frames, the tasks it made long most often (issue 14, tenth round).
   */
  inFrames: { cpu: number[]; wall: number[] };
  /** Before the first batch: injection and the initial scan. */
  startup: number;
  /** Longest single piece of extension work, ms. */
  longestSlice: number;
  /** Page's own scripting per batch (the replica's script, appendBatch and its listeners), ms. */
  pageOwn: number[];
  longTasks: number;
  /**
   * The Long Tasks API's entries matched to the trace's tasks (issue 14, sixth
   * round): how many are the page's own batch tasks (appendBatch's timer),
   * frames (animation-frame callbacks, style, layout, paint), or other tasks;
   * and how many the measured script made long (under 50 ms without its calls).
   */
  longTasksByKind: { batch: number; frame: number; other: number; unmatched: number; madeLong: number };
  /** The page's own batch tasks (appendBatch's timer task, the first left out), medians of wall and CPU time, ms. */
  batchTaskMedian: { wall: number; cpu: number };
  /** Intersection observations on the main thread during the batches, CPU ms. */
  intersections: number;
  /** Style, layout and paint on the page's main thread during the batches (CPU ms). */
  rendering: number;
  /** The same by step (trace event name: UpdateLayoutTree is style), CPU ms. */
  renderingSteps: Record<string, number>;
  /** Tasks over 50 ms on the page's main thread in the trace, from the bench page's load. */
  longTasksTraced: number;
  /** Of those, the ones holding the measured script's work: its time in each (ms). */
  longTasksWithMeasured: number[];
  /** Of those, the ones under 50 ms without the measured script's calls (wall time): long tasks it added. */
  longTasksAdded: number;
  /** Of those, frames (the watcher's batch runs in the frame's animation-frame callbacks). */
  framesAdded: number;
  /**
   * CPU time of the extension's own process (its service worker) over the
   * run, ms: off the page's main thread, reported so that moving work there
   * is never mistaken for making it disappear.
   */
  offPage: number | null;
  marked: number;
  /** Per comment flagged: ms from its batch's mark to its `data-khcn-flags` written. */
  flagDelays: number[];
  note?: string;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '—');
/** A few values listed, many summarised: median and largest. */
const summarise = (values: number[]) =>
  values.length <= 6
    ? values.map(ms).join(', ')
    : `median ${ms(quantile(values, 0.5))}, largest ${ms(Math.max(...values))}`;

/** A script for an isolated world (the content script's situation), named so the trace can attribute it. */
async function isolatedBundle(
  contents: string,
  sourceUrl: string,
  define: Record<string, string> = {},
): Promise<string> {
  const result = await build({
    define,
    stdin: { contents, resolveDir: resolve('.'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome116',
    write: false,
    logLevel: 'warning',
  });
  return `${result.outputFiles[0]?.text ?? ''}\n//# sourceURL=${sourceUrl}`;
}

/** lib/facebook's watcher alone. */
const watcherBundle = () =>
  isolatedBundle(
    `import { createCommentWatcher } from './lib/facebook/watcher';
createCommentWatcher({
  root: document.body,
  pageUrl: () => location.href,
  onComments: () => {},
});`,
    WATCHER_URL,
  );

/** The contracts' floor (scripts/bench/contract-floor.ts), whole or in part. */
const floorBundle = (parts = { words: true, button: true }) =>
  isolatedBundle(`import './scripts/bench/contract-floor';`, FLOOR_URL, {
    FLOOR_READS_WORDS: String(parts.words),
    FLOOR_ADDS_BUTTON: String(parts.button),
  });

/** `BENCH_FLOOR_PARTS=1`: the floor also without its words, without its button, and with neither. */
const FLOOR_PARTS = [
  { label: 'floor without words', words: false, button: true },
  { label: 'floor without button', words: true, button: false },
  { label: 'floor: id and marker only', words: false, button: false },
] as const;

async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      recordMode: 'recordAsMuchAsPossible',
      includedCategories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel'],
    },
  });
  return async () => {
    const done = new Promise<void>((resolveDone) => cdp.once('Tracing.tracingComplete', () => resolveDone()));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/**
 * Calls into the measured scripts on the page's main thread, outermost only
 * (a call nested in another is already inside its time): start (µs), wall
 * duration and thread (CPU) duration (µs). CPU time is what we report: the
 * machine is shared, and wall time counts the moments another process ran.
 */
function measuredCalls(events: TraceEvent[], isMeasured: (url: string) => boolean, pid: number, tid: number) {
  const calls = events
    .filter(
      (e) =>
        e.pid === pid &&
        e.tid === tid &&
        e.ph === 'X' &&
        (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.run') &&
        isMeasured(e.args?.data?.url ?? ''),
    )
    // A call's CPU time cannot exceed its wall time; the trace's thread time
    // sometimes does (issue 14, sixth round: 6.88 ms wall read as 43.76 ms of
    // CPU, in 3 of 17 traces), and one such call moved a run's p95 per batch
    // from 4.20 to 6.02 ms. Capped at the wall time.
    .map((e) => {
      const dur = e.dur ?? 0;
      return { ts: e.ts, dur, tdur: Math.min(e.tdur ?? dur, dur) };
    })
    .sort((a, b) => a.ts - b.ts);
  const outermost: typeof calls = [];
  for (const call of calls) {
    const last = outermost.at(-1);
    if (last && call.ts < last.ts + last.dur) continue;
    outermost.push(call);
  }
  return outermost;
}

interface OpenBench {
  page: Page;
  /** How many comments this page appends (TOTAL, or fewer for the page's calibration). */
  total: number;
  cdp: CDPSession;
  /** Ends the trace that began before the bench page loaded (start-up included). */
  stopTrace: () => Promise<TraceEvent[]>;
}

/**
 * The page's framework work per comment, in units (`?work=` on the bench
 * page; framework-cost.ts): set once per invocation by `calibratePage`
 * before any run, so that every run of a series (with and without the
 * extension) loads the same page; null: the page's fixed amount
 * (`BENCH_PAGE_MS_PER_COMMENT=fixed`).
 */
let pageWork: number | null = null;

async function openBench(
  context: BrowserContext,
  { total = TOTAL, work = pageWork }: { total?: number; work?: number | null } = {},
): Promise<OpenBench> {
  await context.addInitScript((watchFlags: boolean) => {
    const w = window as unknown as { __longTasks: [number, number][] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      // When and how long: the run matches each entry to the trace's task.
      for (const entry of list.getEntries()) w.__longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
    // When each comment's flags are first written (issue 14, fifth round: the
    // judge may answer after the batch's task): the comment's id and the time.
    // Records are queued only for this one attribute, so the extension's other
    // writes pay nothing for it; the callback runs in the page's world, which
    // the trace attributes to neither the extension nor the replica's script.
    const f = window as unknown as { __flagsAt: Map<string, number> };
    f.__flagsAt = new Map();
    if (!watchFlags) return;
    new MutationObserver((records) => {
      const now = performance.now();
      for (const record of records) {
        const id = (record.target as Element).getAttribute('data-khcn-comment');
        if (id && !f.__flagsAt.has(id) && (record.target as Element).hasAttribute('data-khcn-flags'))
          f.__flagsAt.set(id, now);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-khcn-flags'] });
  }, WATCH_FLAGS);
  const page = await context.newPage();
  // A first page on the same site: the bench page then loads in the same
  // renderer, whose trace already runs, so the extension's start is in it.
  await page.goto(`${REPLICA_ORIGIN}/profile.php?id=1`);
  const cdp = await context.newCDPSession(page);
  const stopTrace = await startTrace(cdp);
  await page.goto(
    `${REPLICA_ORIGIN}/khcndmst/bench?total=${total}&batch=${BATCH}&shape=${SHAPE}&framework=${FRAMEWORK}${work === null ? '' : `&work=${work}`}`,
  );
  await page.waitForFunction(
    () => (window as unknown as { __replica?: { ready?: boolean } }).__replica?.ready,
  );
  return { page, cdp, stopTrace, total };
}

/** Appends every batch, waiting after each for the extension's marker on its last comment, then for idle. */
async function runBatches(
  { page, stopTrace, total }: OpenBench,
  label: string,
  opts: { expectMarkers: boolean; isMeasured: (url: string) => boolean; before?: () => Promise<void> },
): Promise<RunResult> {
  await page.evaluate(() => performance.mark('khcn-bench-start'));
  await opts.before?.();
  // Let the initial scan finish.
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null), { timeout: 1000 })));
  let missing = 0;
  for (let i = 0, appended = 0; appended < total; i += 1) {
    await page.evaluate((index) => {
      const api = (window as unknown as { __replica: { appendBatch(): number } }).__replica;
      performance.mark(`khcn-bench-batch-${index}`);
      // appendBatch itself as the task's callback: the trace then attributes
      // its time to the page's own script.
      setTimeout(api.appendBatch, 0);
    }, i);
    appended = Math.min(total, appended + BATCH);
    const lastId = String(FIRST_ID + BigInt(appended - 1));
    const ok = await page.evaluate(
      async ({ id, wait }) => {
        // Whether the batch's last comment is marked. It is the page's last
        // article (a new thread at the end, or a reply in the last thread):
        // found walking back from the end of the document, past a few hundred
        // elements. A query for its marker walked the whole page (3,000
        // comments: ~400,000 elements) at every poll, in the run with the
        // extension only, and made long tasks of its own (issue 14, sixth
        // round: 53-107 ms each, counted by the Long Tasks API).
        // (No named helper: tsx would wrap it in a __name() the page lacks.)
        const deadline = performance.now() + 5000;
        let ok = !wait;
        for (let idle = 0; ; ) {
          if (wait) {
            let last: Element = document.body;
            while (last.lastElementChild) last = last.lastElementChild;
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
            walker.currentNode = last;
            let node: Node | null = last;
            while (node && (node as Element).getAttribute('role') !== 'article') node = walker.previousNode();
            ok = (node as Element | null)?.getAttribute('data-khcn-comment') === id;
          }
          if (!ok && idle === 0 && performance.now() < deadline) {
            await new Promise((r) => setTimeout(r, 4));
            continue;
          }
          if (idle === 2) break;
          await new Promise((r) => requestIdleCallback(() => r(null), { timeout: 500 }));
          idle += 1;
        }
        return ok;
      },
      { id: lastId, wait: opts.expectMarkers },
    );
    if (!ok) missing += 1;
  }
  // Flags may come after the marker (judged in the background): wait until
  // none has been written for half a second (5 s at most) before ending.
  if (opts.expectMarkers && WATCH_FLAGS)
    await page.evaluate(async () => {
      const f = window as unknown as { __flagsAt: Map<string, number> };
      const deadline = performance.now() + 5000;
      let count = -1;
      while (count !== f.__flagsAt.size && performance.now() < deadline) {
        count = f.__flagsAt.size;
        await new Promise((r) => setTimeout(r, 500));
      }
    });
  await page.evaluate(() => performance.mark('khcn-bench-end'));
  const events = await stopTrace();
  // `BENCH_TRACE_OUT=prefix`: the raw trace, for a closer look at one run.
  if (process.env.BENCH_TRACE_OUT)
    writeFileSync(
      `${process.env.BENCH_TRACE_OUT}-${label.replace(/\W+/g, '-')}.json`,
      JSON.stringify(events),
    );

  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('khcn-bench-'));
  const anchor = marks.find((e) => e.name === 'khcn-bench-start');
  if (!anchor) throw new Error(`${label}: no user-timing marks in the trace`);
  const markTs = (name: string) => marks.find((e) => e.name === name)?.ts ?? Number.NaN;
  const calls = measuredCalls(events, opts.isMeasured, anchor.pid, anchor.tid);
  const within = (from: number, to: number) =>
    sum(calls.filter((c) => c.ts >= from && c.ts < to).map((c) => c.tdur)) / 1000;

  const pageCalls = measuredCalls(events, (url) => url.endsWith(PAGE_SCRIPT), anchor.pid, anchor.tid);
  const pageWithin = (from: number, to: number) =>
    sum(pageCalls.filter((c) => c.ts >= from && c.ts < to).map((c) => c.tdur)) / 1000;
  const batches = Math.ceil(total / BATCH);
  /** The batch whose window holds `ts` (-1: before the first batch's mark). */
  const batchAt = (ts: number) => {
    let index = -1;
    while (index + 1 < batches && markTs(`khcn-bench-batch-${index + 1}`) <= ts) index += 1;
    return index;
  };
  const perBatch: number[] = [];
  const pageOwn: number[] = [];
  for (let i = 0; i < batches; i += 1) {
    const from = markTs(`khcn-bench-batch-${i}`);
    const to = i + 1 < batches ? markTs(`khcn-bench-batch-${i + 1}`) : markTs('khcn-bench-end');
    perBatch.push(within(from, to));
    pageOwn.push(pageWithin(from, to));
  }
  // Start-up: from the bench page's own script (the content script runs after it, at document idle).
  const pageStart =
    events.find(
      (e) =>
        e.pid === anchor.pid &&
        e.tid === anchor.tid &&
        e.name === 'EvaluateScript' &&
        (e.args?.data?.url ?? '').endsWith(PAGE_SCRIPT),
    )?.ts ?? markTs('khcn-bench-start');
  const startup = within(pageStart, markTs('khcn-bench-batch-0'));
  // Style, layout and paint on the main thread during the batches: what the
  // page's DOM costs to render, our additions included.
  const renderingFrom = markTs('khcn-bench-batch-0');
  const renderingTo = markTs('khcn-bench-end');
  /** CPU time (ms) of the page's main-thread slices so named during the batches. */
  const duringBatches = (named: (name: string) => boolean) =>
    sum(
      events
        .filter(
          (e) =>
            e.pid === anchor.pid &&
            e.tid === anchor.tid &&
            e.ph === 'X' &&
            named(e.name) &&
            e.ts >= renderingFrom &&
            e.ts < renderingTo,
        )
        .map((e) => e.tdur ?? e.dur ?? 0),
    ) / 1000;
  const rendering = duringBatches((name) => RENDERING_EVENTS.has(name));
  // The same time per step (style, layout, paint…): which one our additions make heavier.
  const renderingSteps: Record<string, number> = {};
  for (const e of events)
    if (
      e.pid === anchor.pid &&
      e.tid === anchor.tid &&
      e.ph === 'X' &&
      RENDERING_EVENTS.has(e.name) &&
      e.ts >= renderingFrom &&
      e.ts < renderingTo
    )
      renderingSteps[e.name] = (renderingSteps[e.name] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
  // Long tasks on the page's main thread since the bench page loaded, and
  // those holding any of the measured script's work (with its share).
  const longTaskEvents = events.filter(
    (e) =>
      e.pid === anchor.pid &&
      e.tid === anchor.tid &&
      e.ph === 'X' &&
      // The task event's name differs between Chromium versions.
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
      (e.dur ?? 0) > 50_000 &&
      e.ts >= pageStart,
  );
  const frameSteps = events.filter(
    (e) =>
      e.pid === anchor.pid &&
      e.tid === anchor.tid &&
      (e.name === 'FireAnimationFrame' || e.name === 'UpdateLayoutTree' || e.name === 'Layout'),
  );
  const longTaskShares = longTaskEvents
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const inside = calls.filter((c) => c.ts >= task.ts && c.ts < end);
      return {
        task: task.dur ?? 0,
        wall: sum(inside.map((c) => c.dur)),
        cpu: sum(inside.map((c) => c.tdur)),
        // A frame: the task runs the animation-frame callbacks or updates the
        // rendering (the watcher's batch lands there); else the page's batch
        // task (where our share is the mutation callback) or another.
        frame: frameSteps.some((e) => e.ts >= task.ts && e.ts < end),
      };
    })
    .filter((share) => share.wall > 0);
  const longTasksWithMeasured = longTaskShares.map((share) => share.cpu / 1000);
  // The measured script's time in each main-thread task during the batches:
  // how long it holds the page at once (a batch's work may be split in several tasks).
  const tasks = events
    .filter(
      (e) =>
        e.pid === anchor.pid &&
        e.tid === anchor.tid &&
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        e.ts >= renderingFrom &&
        e.ts < renderingTo,
    )
    .sort((a, b) => a.ts - b.ts);
  const perTask: number[] = [];
  let t = 0;
  let lastTask = -1;
  for (const call of calls) {
    if (call.ts < renderingFrom || call.ts >= renderingTo) continue;
    while (t < tasks.length && tasks[t]!.ts + (tasks[t]!.dur ?? 0) <= call.ts) t += 1;
    const task = tasks[t];
    if (!task || task.ts > call.ts) {
      perTask.push(call.tdur / 1000);
      continue;
    }
    if (lastTask !== t) {
      perTask.push(0);
      lastTask = t;
    }
    perTask[perTask.length - 1]! += call.tdur / 1000;
  }
  // Our calls in the frames' tasks: the tasks holding an animation-frame callback.
  const animationFrames = events
    .filter((e) => e.pid === anchor.pid && e.tid === anchor.tid && e.name === 'FireAnimationFrame')
    .sort((a, b) => a.ts - b.ts);
  const inFrames = { cpu: [] as number[], wall: [] as number[] };
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const next = animationFrames[firstAfter(animationFrames, task.ts - 1)];
    if (!next || next.ts >= end) continue;
    const inside = calls.filter((c) => c.ts >= task.ts && c.ts < end);
    if (inside.length === 0) continue;
    inFrames.cpu.push(sum(inside.map((c) => c.tdur)) / 1000);
    inFrames.wall.push(sum(inside.map((c) => c.dur)) / 1000);
  }
  // A task the measured script made long: under 50 ms without its calls.
  const added = longTaskShares.filter((share) => share.task - share.wall <= 50_000);
  const longTasksAdded = added.length;
  const framesAdded = added.filter((share) => share.frame).length;
  if (process.env.BENCH_DEBUG) {
    console.error(label, perBatch.map((v) => v.toFixed(1)).join(' '));
    console.error(label, 'rendering steps (ms):', JSON.stringify(renderingSteps));
  }
  if (process.env.BENCH_DEBUG && opts.expectMarkers)
    // The tools hosts' heights, flagged or not: a badge that changes its host's
    // size shifts everything below it (the page's next frame lays it out and paints it again).
    console.error(
      label,
      'tools heights (px: count), unflagged / flagged:',
      await page.evaluate(() =>
        // No named helper inside: tsx would wrap it in a __name() the page lacks.
        [':not([data-khcn-flags])', '[data-khcn-flags]']
          .map((which) => {
            const counts: Record<string, number> = {};
            for (const host of document.querySelectorAll(
              `[data-khcn-comment]${which} > khcn-comment-tools`,
            )) {
              const h = String(Math.round(host.getBoundingClientRect().height * 10) / 10);
              counts[h] = (counts[h] ?? 0) + 1;
            }
            return JSON.stringify(counts);
          })
          .join(' / '),
      ),
    );
  if (process.env.BENCH_HEAP || process.env.BENCH_DEBUG)
    console.error(
      label,
      gcInWindows(events, anchor, calls, pageCalls, perBatch, markTs('khcn-bench-batch-0'), batchAt),
    );
  if (process.env.BENCH_DEBUG && opts.expectMarkers)
    console.error(label, p95Windows(events, anchor, calls, perBatch, markTs('khcn-bench-batch-0'), batchAt));
  const longestSlice = Math.max(0, ...calls.map((c) => c.tdur / 1000));
  const intersections = duringBatches((name) => name === INTERSECTIONS_EVENT);
  const { longTasks, marked, flagDelays, startMark } = await page.evaluate(
    ({ first, batch }) => {
      const w = window as unknown as { __longTasks: [number, number][]; __flagsAt: Map<string, number> };
      // From its batch's mark (before appendBatch) to its flags written, per flagged comment.
      const delays: number[] = [];
      for (const [id, at] of w.__flagsAt) {
        const index = Number((BigInt(id) - BigInt(first)) / BigInt(batch));
        const mark = performance.getEntriesByName(`khcn-bench-batch-${index}`)[0];
        if (mark) delays.push(at - mark.startTime);
      }
      return {
        longTasks: w.__longTasks,
        startMark: performance.getEntriesByName('khcn-bench-start')[0]?.startTime ?? Number.NaN,
        marked: document.querySelectorAll('[data-khcn-comment]').length,
        flagDelays: delays,
      };
    },
    { first: String(FIRST_ID), batch: BATCH },
  );
  const {
    byKind: longTasksByKind,
    batchTaskMedian,
    notBatch,
  } = attributeLongTasks(
    events,
    anchor,
    longTasks.map(([start, duration]) => ({ ts: anchor.ts + (start - startMark) * 1000, duration })),
    calls,
  );
  if (process.env.BENCH_DEBUG)
    // Where the API's entries that are not the page's batch tasks fall: batch index (-1: before the first) and ms after its mark.
    console.error(
      label,
      'Long Tasks API entries other than batch tasks:',
      notBatch
        .map((e) => {
          const index = batchAt(e.ts);
          const from = index < 0 ? pageStart : markTs(`khcn-bench-batch-${index}`);
          return `${e.kind} at batch ${index} +${((e.ts - from) / 1000).toFixed(0)} ms (${e.duration} ms)`;
        })
        .join('; ') || 'none',
    );
  return {
    label,
    perBatch,
    perTask,
    inFrames,
    startup,
    longestSlice,
    pageOwn,
    longTasks: longTasks.length,
    longTasksByKind,
    batchTaskMedian,
    intersections,
    longTasksTraced: longTaskEvents.length,
    rendering,
    renderingSteps,
    longTasksWithMeasured,
    longTasksAdded,
    framesAdded,
    marked,
    flagDelays,
    offPage: null,
    note: missing ? `${missing} batches not marked within 5 s` : undefined,
  };
}

/** The bench page in a Chromium without the extension (the baseline and the watcher-only run). */
async function openPlainBench(port: number, setup?: Parameters<typeof openBench>[1]) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--host-resolver-rules=MAP www.facebook.com:443 127.0.0.1:${port}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
    ],
  });
  try {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 900 },
    });
    return { browser, bench: await openBench(context, setup) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function runWithout(port: number, label = 'without'): Promise<RunResult> {
  const { browser, bench } = await openPlainBench(port);
  try {
    return await runBatches(bench, label, { expectMarkers: false, isMeasured: () => false });
  } finally {
    await browser.close();
  }
}

/** A bundle run in an isolated world of a plain Chromium (the watcher alone, the contracts' floor). */
async function runIsolated(
  port: number,
  label: string,
  bundle: string,
  sourceUrl: string,
): Promise<RunResult> {
  const { browser, bench } = await openPlainBench(port);
  const { cdp } = bench;
  try {
    return await runBatches(bench, label, {
      expectMarkers: true,
      isMeasured: (url) => url.endsWith(sourceUrl),
      before: async () => {
        const { frameTree } = await cdp.send('Page.getFrameTree');
        const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
          frameId: frameTree.frame.id,
          worldName: 'khcn-bench',
        });
        const { exceptionDetails } = await cdp.send('Runtime.evaluate', {
          expression: bundle,
          contextId: executionContextId,
        });
        if (exceptionDetails)
          throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      },
    });
  } finally {
    await browser.close();
  }
}

/** Batches appended per calibration page: the median of 15 (the first, cold, left out). */
const CALIBRATION_BATCHES = 16;

/** The page's own script per comment (median batch, CPU ms) and its batch task's median CPU, at `units`. */
async function pageCostAt(port: number, units: number): Promise<{ msPerComment: number; batchTask: number }> {
  const { browser, bench } = await openPlainBench(port, { total: CALIBRATION_BATCHES * BATCH, work: units });
  try {
    const result = await runBatches(bench, `calibration at ${units} units`, {
      expectMarkers: false,
      isMeasured: () => false,
    });
    return {
      msPerComment: quantile(result.pageOwn.slice(1), 0.5) / BATCH,
      batchTask: result.batchTaskMedian.cpu,
    };
  } finally {
    await browser.close();
  }
}

interface PageCalibration {
  targetMs: number;
  units: number;
  msPerComment: number;
  batchTask: number;
  /** Every amount tried, in order, with its batch task's CPU. */
  tried: (CostPoint & { batchTask: number })[];
}

/**
 * The framework module's units that make one comment cost `targetMs` of the
 * page's script on this machine now (issue 14, eleventh round): two amounts
 * measured (8 units and the fixed 32), then the line through all points
 * solved for the target and measured, up to three times, until within 5 %.
 * Once per invocation: every run then loads the page with the same units.
 */
async function calibratePage(port: number, targetMs: number): Promise<PageCalibration> {
  const tried: PageCalibration['tried'] = [];
  const measure = async (units: number) => {
    const { msPerComment, batchTask } = await pageCostAt(port, units);
    tried.push({ units, msPerComment, batchTask });
    console.error(
      `page calibration: ${units} units, ${ms(msPerComment)} ms per comment, batch task ${ms(batchTask)} ms of CPU (load ${loadavg()[0]!.toFixed(1)})`,
    );
    return msPerComment;
  };
  await measure(8);
  await measure(FIXED_WORK_UNITS);
  for (let attempt = 0; attempt < 3; attempt++) {
    const next = unitsForTarget(tried, targetMs);
    if (next === null || tried.some((p) => p.units === next)) break;
    if (closeEnough(await measure(next), targetMs)) break;
  }
  // Two points at least were measured: there is a nearest.
  const best = nearestPoint(tried, targetMs)!;
  return { targetMs, tried, ...best };
}

/** What the bench prints about the page's cost (under each table). */
function calibrationLine(c: PageCalibration | null): string {
  if (!c)
    return `The page's framework work: ${PAGE_COST === 'fixed' && FRAMEWORK === 'on' && SHAPE === '2025' ? `the fixed ${FIXED_WORK_UNITS} units (\`BENCH_PAGE_MS_PER_COMMENT=fixed\`)` : 'off'}.`;
  return `The page's framework work: **${c.units} units**, calibrated before the runs for ${c.targetMs} ms of the page's script per comment: measured ${ms(c.msPerComment)} ms per comment, the page's batch task ${ms(c.batchTask)} ms of CPU (median of ${CALIBRATION_BATCHES - 1} batches without the extension; tried: ${c.tried.map((p) => `${p.units} → ${ms(p.msPerComment)}`).join(', ')}).${closeEnough(c.msPerComment, c.targetMs) ? '' : ' **Not within 5 % of the target.**'}`;
}

function extensionProblem(dir = EXTENSION_DIR): string | null {
  const manifest = resolve(dir, 'manifest.json');
  if (!existsSync(manifest)) return `no built extension in ${dir} (run \`npx wxt build\`)`;
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { content_scripts?: unknown[] };
  if (!parsed.content_scripts?.length)
    return 'the built extension has no content script (run `npx wxt build`)';
  return null;
}

/** A process's parent pid and its CPU time (user + system, every thread it ever had), from /proc/PID/stat. */
function procStat(pid: string): { ppid: string; cpuMs: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces) in parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // state(3) ppid(4) … utime(14) stime(15), in clock ticks (100 a second on Linux).
    return { ppid: fields[1]!, cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 };
  } catch {
    return null;
  }
}

/**
 * CPU time (ms) of the extension processes of the browser that uses
 * `userDataDir` (Linux, /proc; null elsewhere). Only that browser's: other
 * Chromiums on a shared machine are not counted. Read from each process's
 * stat (its whole thread group, threads that ended included) — summing the
 * live threads' schedstat lost the time of threads that ended between the
 * two reads, and the difference could come out negative.
 */
function extensionProcessCpuMs(userDataDir: string): number | null {
  try {
    const ours = new Map<string, boolean>();
    const isOurs = (pid: string, depth = 0): boolean => {
      const known = ours.get(pid);
      if (known !== undefined) return known;
      let result = false;
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (cmdline.includes(`--user-data-dir=${userDataDir}`)) result = true;
        else if (depth < 6) {
          const parent = procStat(pid)?.ppid;
          result = parent !== undefined && parent !== '0' && parent !== '1' && isOurs(parent, depth + 1);
        }
      } catch {
        result = false;
      }
      ours.set(pid, result);
      return result;
    };
    let ms = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let cmdline: string;
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmdline.includes('--extension-process') || !isOurs(pid)) continue;
      ms += procStat(pid)?.cpuMs ?? 0;
    }
    return ms;
  } catch {
    return null;
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/**
 * `BENCH_PROFILE=1`: where the extension's time goes, from V8's sampling
 * profiler over the whole run (printed to stderr, not part of the table).
 * Self time per function of the extension's scripts, and the time under each
 * of them (their callees, the DOM calls they make included). Sampling beside
 * the trace slows both: read the shares, not the milliseconds.
 * `BENCH_PROFILE=batches` starts it once the panel is mounted: the batches
 * without the session's start-up (with `BENCH_TOTAL=100`, the first two).
 * `BENCH_PROFILE_TOP=n` lists n functions in each list instead of 40 (a
 * small share, e.g. the flag counts' sends, is below the first 40).
 * `BENCH_PROFILE_OUT=file` also saves the raw profile (with `BENCH_TRACE_OUT`,
 * its samples can be put in their batch windows). The sampler counts wall
 * time: a call blocked without CPU (an IPC send, issue 14 ninth round) is
 * sampled as if it worked.
 */
async function profileExtension(cdp: CDPSession, isMeasured: (url: string) => boolean) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    // The samples' times are the trace's clock.
    if (process.env.BENCH_PROFILE_OUT) writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(profile));
    const nodes = new Map<number, ProfileNode>();
    for (const node of profile.nodes as ProfileNode[]) nodes.set(node.id, node);
    const parent = new Map<number, number>();
    for (const node of nodes.values()) for (const child of node.children ?? []) parent.set(child, node.id);
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    const self = new Map<string, number>();
    const under = new Map<string, number>();
    let measured = 0;
    const name = (n: ProfileNode) =>
      `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
    for (let i = 0; i < samples.length; i += 1) {
      const dt = (deltas[i + 1] ?? 0) / 1000;
      let id: number | undefined = samples[i];
      const stack: ProfileNode[] = [];
      while (id !== undefined) {
        const node = nodes.get(id);
        if (!node) break;
        stack.push(node);
        id = parent.get(id);
      }
      const ours = stack.filter((n) => isMeasured(n.callFrame.url));
      if (ours.length === 0) continue;
      measured += dt;
      const leaf = stack[0]!;
      const key = isMeasured(leaf.callFrame.url)
        ? name(leaf)
        : `${name(ours[0]!)} → ${leaf.callFrame.functionName || '(native)'}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      for (const n of new Set(ours.map(name))) under.set(n, (under.get(n) ?? 0) + dt);
    }
    const top = (map: Map<string, number>) =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, Number(process.env.BENCH_PROFILE_TOP ?? 40))
        .map(
          ([k, v]) =>
            `  ${v.toFixed(1).padStart(8)} ms ${((100 * v) / measured).toFixed(1).padStart(5)} %  ${k}`,
        );
    console.error(
      `Profile: ${measured.toFixed(1)} ms sampled in the extension's scripts\nSelf:\n${top(self).join('\n')}\nTotal (self and callees):\n${top(under).join('\n')}`,
    );
  };
}

/** The main thread's GC work: a scavenge, a full collection, or a step of incremental marking. */
const GC_EVENTS = new Set(['MinorGC', 'MajorGC', 'V8.GC_MC_INCREMENTAL']);

/**
 * Where the main thread's GC steps fall (issue 14, eighth round, second
 * part): inside the measured script's calls (their CPU time is then counted
 * in our batch's figure), inside the page's own script, or elsewhere (frames,
 * idle tasks). And how much of it lands in the p95's windows — the batches at
 * or above the run's p95 — which is what garbage of ours can make larger.
 */
function gcInWindows(
  events: TraceEvent[],
  anchor: TraceEvent,
  calls: { ts: number; dur: number; tdur: number }[],
  pageCalls: { ts: number; dur: number; tdur: number }[],
  perBatch: number[],
  from: number,
  batchAt: (ts: number) => number,
): string {
  const gcs = events.filter(
    (e) =>
      e.pid === anchor.pid && e.tid === anchor.tid && e.ph === 'X' && GC_EVENTS.has(e.name) && e.ts >= from,
  );
  const inside = (list: { ts: number; dur: number }[], ts: number) => spanAt(list, ts) >= 0;
  const tally: Record<'ours' | 'page' | 'other', [number, number]> = {
    ours: [0, 0],
    page: [0, 0],
    other: [0, 0],
  };
  const byKind: Record<string, [number, number]> = {};
  const p95 = quantile(perBatch, 0.95);
  const topWindows = new Set(perBatch.flatMap((v, i) => (v >= p95 ? [i] : [])));
  let inTop = 0;
  /** Each step in our calls: its batch and CPU time. */
  const stepsAt: string[] = [];
  let inTopMs = 0;
  for (const gc of gcs) {
    const ms = (gc.tdur ?? gc.dur ?? 0) / 1000;
    const where = inside(calls, gc.ts) ? 'ours' : inside(pageCalls, gc.ts) ? 'page' : 'other';
    tally[where][0] += 1;
    tally[where][1] += ms;
    if (where === 'ours') {
      const key = gc.name;
      byKind[key] = [(byKind[key]?.[0] ?? 0) + 1, (byKind[key]?.[1] ?? 0) + ms];
      // At or after the first batch's mark (the steps are read from there).
      const index = batchAt(gc.ts);
      stepsAt.push(`${index}: ${ms.toFixed(1)} ms`);
      if (topWindows.has(index)) {
        inTop += 1;
        inTopMs += ms;
      }
    }
  }
  const f = ([n, t]: number[]) => `${n} (${t!.toFixed(1)} ms)`;
  return `GC steps on the main thread during the batches: in our calls ${f(tally.ours)} [${Object.entries(
    byKind,
  )
    .map(([k, v]) => `${k} ${f(v)}`)
    .join(
      ', ',
    )}], in the page's script ${f(tally.page)}, elsewhere ${f(tally.other)}; in the p95's windows (${topWindows.size} batches ≥ ${p95.toFixed(2)} ms): ${inTop} (${inTopMs.toFixed(1)} ms); ours by batch: ${stepsAt.join(', ') || 'none'}`;
}

/**
 * What the p95's windows (the batches at or above the run's p95) hold, by
 * the task each of the measured script's calls ran in: the frame's
 * animation-frame callbacks (the watcher's batch, the judge's answers written
 * with it), microtasks (the mutation callback after the page's batch task,
 * the panel's effects), a timer of ours (the flags' 250 ms wait, the stats,
 * the health check), or another task; and the GC steps inside those calls
 * (issue 14, ninth round: the p95 is the third or fourth largest of 60).
 */
function p95Windows(
  events: TraceEvent[],
  anchor: TraceEvent,
  calls: { ts: number; dur: number; tdur: number }[],
  perBatch: number[],
  from: number,
  batchAt: (ts: number) => number,
): string {
  const onMain = (named: (name: string) => boolean) =>
    events
      .filter((e) => e.pid === anchor.pid && e.tid === anchor.tid && e.ph === 'X' && named(e.name))
      .sort((a, b) => a.ts - b.ts);
  const frames = onMain((n) => n === 'FireAnimationFrame');
  const microtasks = onMain((n) => n === 'RunMicrotasks');
  const timers = onMain((n) => n === 'TimerFire');
  const gcs = onMain((n) => GC_EVENTS.has(n));
  const p95 = quantile(perBatch, 0.95);
  const kinds = ['frame', 'microtasks', 'timer', 'other'] as const;
  const windows = new Map<number, Record<(typeof kinds)[number] | 'gc', number>>();
  for (const call of calls) {
    if (call.ts < from) continue;
    const index = batchAt(call.ts);
    if (!(perBatch[index]! >= p95)) continue;
    const kind =
      spanAt(microtasks, call.ts) >= 0
        ? 'microtasks'
        : spanAt(frames, call.ts) >= 0
          ? 'frame'
          : spanAt(timers, call.ts) >= 0
            ? 'timer'
            : 'other';
    const row = windows.get(index) ?? { frame: 0, microtasks: 0, timer: 0, other: 0, gc: 0 };
    row[kind] += call.tdur / 1000;
    for (let g = firstAfter(gcs, call.ts); g < gcs.length && gcs[g]!.ts < call.ts + call.dur; g++)
      row.gc += (gcs[g]!.tdur ?? gcs[g]!.dur ?? 0) / 1000;
    windows.set(index, row);
  }
  const listed = [...windows]
    .sort((a, b) => perBatch[b[0]]! - perBatch[a[0]]!)
    .map(
      ([index, row]) =>
        `batch ${index} ${perBatch[index]!.toFixed(2)} ms = ${kinds
          .filter((k) => row[k] > 0)
          .map((k) => `${k} ${row[k].toFixed(2)}`)
          .join(' + ')}${row.gc > 0 ? ` (GC inside ${row.gc.toFixed(2)})` : ''}`,
    );
  return `the p95's windows (≥ ${p95.toFixed(2)} ms), by task: ${listed.join('; ')}`;
}

interface SamplingHeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: SamplingHeapNode[];
}

/**
 * `BENCH_HEAP=1`: what the extension's scripts allocate during the batches,
 * from V8's sampling heap profiler (started once the panel is mounted, like
 * `BENCH_PROFILE=batches`), objects collected since included — the garbage
 * is what matters here. Bytes are attributed to the innermost frame of ours
 * on the allocation's stack (a DOM or builtin call we make counts as ours).
 * Sampled every 1 KiB on average: read the totals to a few per cent.
 */
async function sampleHeap(cdp: CDPSession, isMeasured: (url: string) => boolean, batches: number) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as never);
  return async () => {
    const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as {
      profile: { head: SamplingHeapNode };
    };
    const self = new Map<string, number>();
    let ours = 0;
    let all = 0;
    const name = (n: SamplingHeapNode) =>
      `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
    const walk = (node: SamplingHeapNode, innermost: string | null) => {
      const here = isMeasured(node.callFrame.url) ? name(node) : innermost;
      all += node.selfSize;
      if (here && node.selfSize) {
        ours += node.selfSize;
        const key = here === name(node) ? here : `${here} → ${node.callFrame.functionName || '(native)'}`;
        self.set(key, (self.get(key) ?? 0) + node.selfSize);
      }
      for (const child of node.children) walk(child, here);
    };
    walk(profile.head, null);
    const top = [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.BENCH_PROFILE_TOP ?? 40))
      .map(
        ([k, v]) =>
          `  ${(v / 1024).toFixed(0).padStart(8)} KiB ${((100 * v) / ours).toFixed(1).padStart(5)} %  ${k}`,
      );
    console.error(
      `Heap: the extension's scripts allocated ${(ours / 1024).toFixed(0)} KiB over ${batches} batches (${(ours / 1024 / batches).toFixed(1)} KiB per batch; the page's thread ${(all / 1024).toFixed(0)} KiB)\n${top.join('\n')}`,
    );
    await cdp.send('HeapProfiler.disable');
  };
}

async function runWithExtension(
  port: number,
  dir = EXTENSION_DIR,
  label = 'with extension',
): Promise<RunResult> {
  const launched = await launchWithExtension({ replicaPort: port, extensionDir: dir });
  try {
    const bench = await openBench(launched.context);
    const cpuBefore = extensionProcessCpuMs(launched.userDataDir);
    const isMeasured = (url: string) => url.startsWith(`chrome-extension://${launched.extensionId}/`);
    // `BENCH_PROFILE=batches`: from the panel on (the batches, not the start-up's first API calls and mount).
    const profileFrom = process.env.BENCH_PROFILE;
    let stopProfile =
      profileFrom && profileFrom !== 'batches' ? await profileExtension(bench.cdp, isMeasured) : null;
    let stopHeap = null as (() => Promise<void>) | null;
    const result = await runBatches(bench, label, {
      expectMarkers: true,
      isMeasured,
      // The session starts after its settings and packs are read from storage
      // (promise continuations, which the trace does not attribute to the
      // content script): on a loaded machine it began at or after the first
      // batch's mark (issue 14, seventh round: 2 of 4 traces, load 5.7-6.4;
      // the content script ran 108-116 ms before it), so that batch's window
      // held the start-up and the first scan. The panel is mounted just
      // before the watcher is created, in the same continuation.
      before: async () => {
        await bench.page.waitForFunction(() => document.querySelector('khcn-panel') !== null, null, {
          timeout: 10_000,
        });
        if (profileFrom === 'batches') stopProfile = await profileExtension(bench.cdp, isMeasured);
        if (process.env.BENCH_HEAP)
          stopHeap = await sampleHeap(bench.cdp, isMeasured, Math.ceil(TOTAL / BATCH));
      },
    });
    await stopProfile?.();
    await stopHeap?.();
    const cpuAfter = extensionProcessCpuMs(launched.userDataDir);
    if (cpuBefore !== null && cpuAfter !== null) result.offPage = cpuAfter - cpuBefore;
    return result;
  } finally {
    await launched.close();
  }
}

/** A run without the extension (the first, or `BENCH_RUNS`' `again`). */
const isBaseline = (r: RunResult) => r.label.startsWith('without');

function table(runs: RunResult[], without: RunResult, skipped: string | null): string[] {
  const header = ['Measure', ...runs.map((r) => r.label), 'Goal'];
  const row = (name: string, cells: string[], goal: string) => `| ${name} | ${cells.join(' | ')} | ${goal} |`;
  const ownTotal = sum(without.pageOwn);
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    row(
      'Extension scripting per batch, median (ms)',
      runs.map((r) => (isBaseline(r) ? '—' : ms(quantile(r.perBatch, 0.5)))),
      '—',
    ),
    row(
      'Extension scripting per batch, p95 (ms)',
      runs.map((r) => (isBaseline(r) ? '—' : ms(quantile(r.perBatch, 0.95)))),
      `≤ ${GOAL_P95_MS}`,
    ),
    row(
      'Extension scripting per main-thread task, p95 / largest (ms)',
      runs.map((r) =>
        isBaseline(r)
          ? '—'
          : `${ms(quantile(r.perTask, 0.95))} / ${ms(Math.max(0, ...r.perTask))} (${r.perTask.length} tasks)`,
      ),
      '—',
    ),
    row(
      "Extension scripting in the page's frames, per frame: CPU median / p95, wall median / p95 (ms)",
      runs.map((r) =>
        isBaseline(r) || r.inFrames.cpu.length === 0
          ? '—'
          : `${ms(quantile(r.inFrames.cpu, 0.5))} / ${ms(quantile(r.inFrames.cpu, 0.95))}, ${ms(quantile(r.inFrames.wall, 0.5))} / ${ms(quantile(r.inFrames.wall, 0.95))} (${r.inFrames.cpu.length} frames)`,
      ),
      '—',
    ),
    row(
      'Extension scripting, all batches (ms)',
      runs.map((r) => (isBaseline(r) ? '—' : ms(sum(r.perBatch)))),
      '—',
    ),
    row(
      "Extension's own process (service worker), whole run (ms) — off the page's thread",
      runs.map((r) => (r.offPage === null ? '—' : ms(r.offPage))),
      '—',
    ),
    row(
      'Extension start-up + first scan (ms)',
      runs.map((r) => (isBaseline(r) ? '—' : ms(r.startup))),
      '—',
    ),
    row(
      'Longest single extension call (ms)',
      runs.map((r) => (isBaseline(r) ? '—' : ms(r.longestSlice))),
      '< 50',
    ),
    row(
      "Page's own scripting, all batches (ms)",
      runs.map((r) => ms(sum(r.pageOwn))),
      '—',
    ),
    row(
      'Style, layout and paint on the main thread, all batches (ms)',
      runs.map((r) => ms(r.rendering)),
      '—',
    ),
    row(
      '… of which style (UpdateLayoutTree) / layout / pre-paint, paint and layerize (ms)',
      runs.map((r) => {
        const step = (name: string) => r.renderingSteps[name] ?? 0;
        return `${ms(step('UpdateLayoutTree'))} / ${ms(step('Layout'))} / ${ms(step('PrePaint') + step('Paint') + step('Layerize'))}`;
      }),
      '—',
    ),
    row(
      'Intersection observations on the main thread, all batches (ms) — not in the rows above',
      runs.map((r) => ms(r.intersections)),
      '—',
    ),
    row(
      "Overhead vs page's own (without run)",
      runs.map((r) => (isBaseline(r) ? '—' : `${((100 * sum(r.perBatch)) / ownTotal).toFixed(1)} %`)),
      `≤ ${GOAL_OVERHEAD * 100} %`,
    ),
    row(
      'Long tasks > 50 ms',
      runs.map((r) => String(r.longTasks)),
      `no more than without (${without.longTasks})`,
    ),
    row(
      "… of which (trace): the page's batch tasks / frames / other / not found",
      runs.map((r) => {
        const k = r.longTasksByKind;
        return `${k.batch} / ${k.frame} / ${k.other} / ${k.unmatched}`;
      }),
      '—',
    ),
    row(
      '… of which the measured script made long (under 50 ms without its calls)',
      runs.map((r) => (isBaseline(r) ? '—' : String(r.longTasksByKind.madeLong))),
      '0 (no long task added)',
    ),
    row(
      "The page's batch task (appendBatch's timer), median wall / CPU time (ms)",
      runs.map((r) => `${ms(r.batchTaskMedian.wall)} / ${ms(r.batchTaskMedian.cpu)}`),
      '—',
    ),
    row(
      'Main-thread tasks > 50 ms in the trace (wall time, rendering included), from the load',
      runs.map((r) => String(r.longTasksTraced)),
      '—',
    ),
    row(
      '… of which hold script work of the measured column (its ms in each)',
      runs.map((r) =>
        isBaseline(r)
          ? '—'
          : `${r.longTasksWithMeasured.length}${r.longTasksWithMeasured.length ? ` (${summarise(r.longTasksWithMeasured)})` : ''}`,
      ),
      '—',
    ),
    row(
      '… of which would be under 50 ms without that work (long tasks it added): all / frames',
      runs.map((r) => (isBaseline(r) ? '—' : `${r.longTasksAdded} / ${r.framesAdded}`)),
      '0 (no long task added)',
    ),
    row(
      'Comments flagged (data-khcn-flags); from the batch mark to the flags written, p50 / p95 / largest (ms)',
      runs.map((r) =>
        isBaseline(r) || r.flagDelays.length === 0
          ? '—'
          : `${r.flagDelays.length}; ${ms(quantile(r.flagDelays, 0.5))} / ${ms(quantile(r.flagDelays, 0.95))} / ${ms(Math.max(...r.flagDelays))}`,
      ),
      'prompt',
    ),
    row(
      'Comments marked data-khcn-comment',
      runs.map((r) => `${r.marked}${r.note ? ` (${r.note})` : ''}`),
      `${TOTAL} (0 without)`,
    ),
  ];
  if (skipped) lines.push('', `With extension: not run — ${skipped}.`);
  lines.push(
    '',
    "The trace starts before the bench page loads: start-up counts the extension's calls from the page's own script to the first batch. 'Long tasks > 50 ms' is the browser's Long Tasks API (a PerformanceObserver in the page, from its load); the trace rows count the main thread's tasks over 50 ms of wall time from the same moment — they include style, layout and the tracing's own overhead, so they read higher — how many of them hold any call into the measured script, and how many of those it made long (under 50 ms of wall time without its calls). A batch run at the animation frame lands in the frame's task, whose style and layout are the page's own: holding our work does not make a task ours.",
    '',
    "Long Tasks API by task: each entry matched to the trace's task that starts within 2 ms of it. Measured in issue 14's sixth round, Chromium reports the page's own tasks and almost never a frame's (animation-frame callbacks — the watcher's batch —, style, layout, paint, intersection observations; 9 entries in 54 runs, the page's first frame at its load among them), however long: the API's count is how many of the page's batch tasks (the replica's script, near 50 ms each) went over 50 ms, and our only work in them is the watcher's mutation callback. 'Made long' counts the entries whose task (by the trace's duration; the API rounds to the millisecond) is under 50 ms without the measured script's calls. The page's batch task's median shows how fast the page ran in each run: the count moves with it (add `again` to `BENCH_RUNS` for a second run without).",
  );
  if (WATCH_FLAGS)
    lines.push(
      '',
      "Flags' delay: a MutationObserver in the page times each comment's first `data-khcn-flags`. With it, the Long Tasks API counts more long tasks with the extension than the trace shows (measured, issue 14 fifth round: 64-123 against 41-66 without the observer, for main's build and this one alike): read the Long Tasks API row from a run with `BENCH_FLAG_DELAY=0`; the trace's rows are not affected.",
    );
  lines.push(
    '',
    "Watcher only: lib/facebook's watcher alone (finds, reads and marks comments). Contracts' floor: " +
      'a bare script doing only what the contracts ask of every comment (its id as data-khcn-comment, ' +
      'its words read for flags, a button in a shadow root), with no flags computed and no checks ' +
      '(scripts/bench/contract-floor.ts). Both run in an isolated world, as a content script does.',
  );
  if (runs.some((r) => r.label.startsWith('floor')))
    lines.push(
      '',
      'Floor parts (`BENCH_FLOOR_PARTS=1`): the same script without reading the words, without the button, or with neither (only finding each comment, reading its id and writing the marker).',
    );
  lines.push(
    '',
    `${TOTAL} comments in batches of ${BATCH}, one run; headless Chromium (${CHROMIUM_PATH}); ` +
      "extension time = CPU time of V8 calls into the extension's scripts on the page's main thread (CDP trace); the page's own = the same for the replica's script (`appendBatch()` and its listeners).",
  );
  return lines;
}

/**
 * `BENCH_RUNS` picks the columns (comma-separated: without, extension,
 * watcher, floor; default all four) — e.g. `BENCH_RUNS=without,extension`
 * for interleaved with/without pairs; `again` adds a second run without
 * the extension after the others (without, extension, without again: the
 * spread of two runs alike). `BENCH_SHAPE=classic` runs the
 * replica's 2026-11 shape instead of the 2025 one; `BENCH_FRAMEWORK=off`
 * drops the page's modelled per-comment script (framework-cost.ts).
 */
const RUNS = new Set((process.env.BENCH_RUNS ?? 'without,extension,watcher,floor').split(','));

/**
 * `BENCH_PAIRS=n`: "long tasks added" over a series instead of one pair
 * (issue 14, tenth round). Runs without the extension and with it
 * alternately, n rounds, every run with the extension bracketed by runs
 * without (without, A, without, B, without, A, …); with
 * `KHCN_EXTENSION_DIRS=name=dir,name=dir` each round runs every build (an
 * A/B series in one invocation), else the one build of `KHCN_EXTENSION_DIR`.
 * Prints one row per run with the extension: the API's count with minus the
 * mean of its two neighbours without, the entries its calls made long, the
 * trace's tasks it made long, p95 and overhead; then per build the spread.
 */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 0);

function seriesBuilds(): { name: string; dir: string }[] {
  const list = process.env.KHCN_EXTENSION_DIRS;
  if (!list) return [{ name: 'extension', dir: EXTENSION_DIR }];
  return list.split(',').map((entry, i) => {
    const at = entry.indexOf('=');
    return at > 0
      ? { name: entry.slice(0, at), dir: resolve(entry.slice(at + 1)) }
      : { name: `build ${i + 1}`, dir: resolve(entry) };
  });
}

async function runSeries(port: number): Promise<{ title: string; lines: string[] }> {
  const builds = seriesBuilds();
  for (const b of builds) {
    const problem = extensionProblem(b.dir);
    if (problem) throw new Error(`${b.name}: ${problem}`);
  }
  const load = () => loadavg()[0]!.toFixed(1);
  const runs: { result: RunResult; build: string | null; load: string }[] = [];
  const log = (r: (typeof runs)[number]) =>
    console.error(
      `series run ${runs.length}: ${r.build ?? 'without'}, load ${r.load}, API ${r.result.longTasks}, made long ${r.result.longTasksByKind.madeLong}, trace added ${r.result.longTasksAdded} / ${r.result.framesAdded}`,
    );
  const without = async () => {
    const at = load();
    runs.push({ result: await runWithout(port), build: null, load: at });
    log(runs[runs.length - 1]!);
  };
  await without();
  for (let round = 0; round < PAIRS; round++)
    for (const b of builds) {
      const at = load();
      runs.push({ result: await runWithExtension(port, b.dir, `with ${b.name}`), build: b.name, load: at });
      log(runs[runs.length - 1]!);
      await without();
    }
  const series: AlternatedRun[] = runs.map(({ result, build }) => ({
    build,
    api: result.longTasks,
    madeLong: result.longTasksByKind.madeLong,
    traceAdded: result.longTasksAdded,
    framesAdded: result.framesAdded,
  }));
  const rows = addedPerRun(series);
  const signed = (v: number) => (Number.isFinite(v) ? `${v > 0 ? '+' : ''}${v.toFixed(1)}` : '—');
  const lines = [
    "| Run | Build | Load | Long Tasks API, with (without before, after) | with − without | … made long by our calls | Trace: tasks our work made long, all / frames | p95 per batch (ms) | Ours per frame, CPU / wall, median (ms) | Overhead | The page's batch task, median CPU, with (without) (ms) | The page's script per comment, median, with (ms) |",
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const { result, load: at } = runs[row.index]!;
    // With the flags' observer (not `BENCH_FLAG_DELAY=0`): when each run's flags came.
    if (WATCH_FLAGS && result.flagDelays.length)
      console.error(
        `series run ${row.index + 1} (${row.build}): flags written after their batch's mark, p50 / p95 ${ms(quantile(result.flagDelays, 0.5))} / ${ms(quantile(result.flagDelays, 0.95))} ms`,
      );
    const neighbours = [runs[row.index - 1], runs[row.index + 1]].filter((r) => r && r.build === null);
    const ownTotal = sum(neighbours.map((r) => sum(r!.result.pageOwn))) / neighbours.length;
    lines.push(
      `| ${row.index + 1} | ${row.build} | ${at} | ${row.api} (${row.without.join(', ')}) | ${signed(row.diff)} | ${row.madeLong} | ${row.traceAdded} / ${row.framesAdded} | ${ms(quantile(result.perBatch, 0.95))} | ${ms(quantile(result.inFrames.cpu, 0.5))} / ${ms(quantile(result.inFrames.wall, 0.5))} | ${((100 * sum(result.perBatch)) / ownTotal).toFixed(1)} % | ${ms(result.batchTaskMedian.cpu)} (${neighbours.map((r) => ms(r!.result.batchTaskMedian.cpu)).join(', ')}) | ${ms(quantile(result.pageOwn, 0.5) / BATCH)} |`,
    );
  }
  lines.push(
    '',
    '| Build | Runs | with − without: mean (least … most) | … made long by our calls, all runs | Trace: made long, all / frames, all runs |',
    '|---|---|---|---|---|',
  );
  for (const b of addedByBuild(rows))
    lines.push(
      `| ${b.build} | ${b.runs} | ${signed(b.diffMean)} (${signed(b.diffMin)} … ${signed(b.diffMax)}) | ${b.madeLong} | ${b.traceAdded} / ${b.framesAdded} |`,
    );
  lines.push(
    '',
    "Each run with the extension is compared with the runs without just before and after it (the page's batch task sits near 50 ms, so the API's count moves with the machine between runs). 'Made long by our calls': the API's entries whose task is under 50 ms without the extension's calls; the trace's row: every main-thread task over 50 ms that would be under it without them (frames: those holding the animation frame's work). Load: the 1-minute load average when the run started.",
  );
  return {
    title: `Facebook page layer, long tasks added: ${PAIRS} round(s) alternated (${builds.map((b) => b.name).join(', ')}), ${TOTAL} comments in batches of ${BATCH}`,
    lines,
  };
}

export async function run(): Promise<{ title: string; lines: string[] }> {
  const replica = await startReplica();
  try {
    const calibration = PAGE_COST === 'fixed' ? null : await calibratePage(replica.port, PAGE_COST);
    pageWork = calibration?.units ?? null;
    if (PAIRS > 0) {
      const series = await runSeries(replica.port);
      return { ...series, lines: [...series.lines, '', calibrationLine(calibration)] };
    }
    const [watcherScript, floorScript] = await Promise.all([watcherBundle(), floorBundle()]);
    const skipped = RUNS.has('extension') ? extensionProblem() : 'not asked for (BENCH_RUNS)';
    const without = await runWithout(replica.port);
    const runs = [without];
    if (RUNS.has('watcher'))
      runs.push(await runIsolated(replica.port, 'watcher only', watcherScript, WATCHER_URL));
    if (RUNS.has('floor'))
      runs.push(await runIsolated(replica.port, "contracts' floor", floorScript, FLOOR_URL));
    if (process.env.BENCH_FLOOR_PARTS)
      for (const part of FLOOR_PARTS)
        runs.push(await runIsolated(replica.port, part.label, await floorBundle(part), FLOOR_URL));
    if (!skipped) runs.splice(1, 0, await runWithExtension(replica.port));
    // The page's batch tasks sit near 50 ms, so the Long Tasks API's count
    // moves with the machine between two runs: a second run without, after
    // the extension's, shows how much (and brackets the run with it).
    if (RUNS.has('again')) runs.push(await runWithout(replica.port, 'without, again'));
    return {
      title: `Facebook page layer: ${TOTAL} comments in batches of ${BATCH} (replica shape: ${SHAPE}, page's framework cost: ${FRAMEWORK})`,
      lines: [
        ...table(runs, without, RUNS.has('extension') ? skipped : null),
        '',
        calibrationLine(calibration),
      ],
    };
  } finally {
    await replica.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { title, lines } = await run();
  console.log(`## ${title}\n\n${lines.join('\n')}`);
}
