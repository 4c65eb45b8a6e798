// Which tasks the Long Tasks API counts, read from the bench's CDP trace
// (issue 14, sixth round): scripts/bench/facebook.ts matches each entry the
// page's `longtask` observer saw to the main thread's task of the trace.

import { quantile, sum } from './stats';

/** A trace event as CDP's Tracing domain reports it (the fields the bench reads). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  /** Thread (CPU) time, µs, when the trace records it. */
  tdur?: number;
  args?: { data?: { url?: string; functionName?: string } };
}

/** Trace events of the rendering steps (nested ones are not among them). */
export const RENDERING_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize']);

/**
 * Which task each Long Tasks API entry is (issue 14, sixth round). Each entry
 * is matched to the main thread's task of the trace that starts within 2 ms
 * of it (the two clocks are tied by the `khcn-bench-start` mark), then
 * classed: the page's own batch task (the timer that runs `appendBatch`), a
 * frame (animation-frame callbacks, style, layout, paint), or another task.
 * An entry the measured script made long is one whose task (the trace's
 * duration) is under 50 ms without its calls' wall time. Also the page's batch tasks' median wall time: the API's count
 * with and without the extension moves with it (the replica's batch task sits
 * near 50 ms), so a run whose page was slower or faster shows here.
 */
/** In spans sorted by start: the index of the first starting after `ts`. */
export function firstAfter(spans: readonly { ts: number }[], ts: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.ts <= ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In spans sorted by start: the index of the one running at `ts`, or -1. */
export function spanAt(spans: readonly { ts: number; dur?: number }[], ts: number): number {
  const index = firstAfter(spans, ts) - 1;
  const span = spans[index];
  return span && ts < span.ts + (span.dur ?? 0) ? index : -1;
}

export function attributeLongTasks(
  events: TraceEvent[],
  anchor: TraceEvent,
  entries: { ts: number; duration: number }[],
  calls: { ts: number; dur: number }[],
) {
  const onMain = events
    .filter((e) => e.pid === anchor.pid && e.tid === anchor.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const after = (ts: number) => firstAfter(tasks, ts);
  const taskAt = (ts: number) => spanAt(tasks, ts);
  const batchTasks = new Set<number>();
  const frameTasks = new Set<number>();
  for (const e of onMain) {
    const isBatch = e.name === 'FunctionCall' && e.args?.data?.functionName === 'appendBatch';
    const isFrame = RENDERING_EVENTS.has(e.name) || e.name === 'FireAnimationFrame';
    if (!isBatch && !isFrame) continue;
    const index = taskAt(e.ts);
    if (index >= 0) (isBatch ? batchTasks : frameTasks).add(index);
  }
  const byKind = { batch: 0, frame: 0, other: 0, unmatched: 0, madeLong: 0 };
  /** The entries that are not the page's batch tasks, for a closer look (`BENCH_DEBUG`). */
  const notBatch: { kind: 'frame' | 'other' | 'unmatched'; ts: number; duration: number }[] = [];
  for (const entry of entries) {
    // The API's entry and the trace's task start within 2 ms of each other (the closest long one wins).
    let best = -1;
    for (let i = after(entry.ts - 2000); i < tasks.length && tasks[i]!.ts <= entry.ts + 2000; i++)
      if (
        (tasks[i]!.dur ?? 0) >= 30_000 &&
        (best < 0 || Math.abs(tasks[i]!.ts - entry.ts) < Math.abs(tasks[best]!.ts - entry.ts))
      )
        best = i;
    if (best < 0) {
      byKind.unmatched += 1;
      notBatch.push({ kind: 'unmatched', ts: entry.ts, duration: entry.duration });
      continue;
    }
    if (batchTasks.has(best)) byKind.batch += 1;
    else {
      const kind = frameTasks.has(best) ? 'frame' : 'other';
      byKind[kind] += 1;
      notBatch.push({ kind, ts: entry.ts, duration: entry.duration });
    }
    const task = tasks[best]!;
    const ours = sum(
      calls.filter((c) => c.ts >= task.ts && c.ts < task.ts + (task.dur ?? 0)).map((c) => c.dur),
    );
    // The trace's duration, not the entry's: the API rounds it to the millisecond,
    // and a task of 50.4 ms reported as 50 would count as ours for 0.1 ms of our work.
    if (ours > 0 && (task.dur ?? 0) - ours <= 50_000) byKind.madeLong += 1;
  }
  // The first batch task is left out: it also compiles the page's script.
  const batchTaskList = [...batchTasks].sort((a, b) => a - b).slice(1);
  return {
    byKind,
    notBatch,
    batchTaskMedian: {
      wall: quantile(
        batchTaskList.map((i) => (tasks[i]!.dur ?? 0) / 1000),
        0.5,
      ),
      cpu: quantile(
        batchTaskList.map((i) => (tasks[i]!.tdur ?? tasks[i]!.dur ?? 0) / 1000),
        0.5,
      ),
    },
  };
}

/**
 * One run of an alternated series (`BENCH_PAIRS`): without the extension
 * (`build` null) or with one build; its Long Tasks API count, the entries its
 * calls made long, and the trace's tasks its calls made long (all, frames).
 */
export interface AlternatedRun {
  build: string | null;
  api: number;
  madeLong: number;
  traceAdded: number;
  framesAdded: number;
}

/** A run with the extension, beside the runs without it just before and after. */
export interface AddedInRun {
  /** Its place in the series (0: the first run). */
  index: number;
  build: string;
  api: number;
  /** The API's count in the nearest run without before it and after it (one of them at the series' ends). */
  without: number[];
  /** `api` minus the mean of `without`: what the goal's "no more long tasks with than without" reads. */
  diff: number;
  madeLong: number;
  traceAdded: number;
  framesAdded: number;
}

/**
 * "Long tasks added", per run with the extension, against the runs without
 * that bracket it (issue 14, tenth round). The page's batch task sits near
 * 50 ms, so the API's count moves with the machine from one run to the next:
 * one with/without pair says little, and a series says how far the
 * difference spreads and where it centres.
 */
export function addedPerRun(runs: readonly AlternatedRun[]): AddedInRun[] {
  const out: AddedInRun[] = [];
  runs.forEach((run, index) => {
    if (run.build === null) return;
    const without: number[] = [];
    for (let i = index - 1; i >= 0; i--)
      if (runs[i]!.build === null) {
        without.push(runs[i]!.api);
        break;
      }
    for (let i = index + 1; i < runs.length; i++)
      if (runs[i]!.build === null) {
        without.push(runs[i]!.api);
        break;
      }
    out.push({
      index,
      build: run.build,
      api: run.api,
      without,
      diff: without.length ? run.api - sum(without) / without.length : Number.NaN,
      madeLong: run.madeLong,
      traceAdded: run.traceAdded,
      framesAdded: run.framesAdded,
    });
  });
  return out;
}

/** Per build, over its runs: the with − without difference (mean, least, most) and the totals made long. */
export function addedByBuild(rows: readonly AddedInRun[]) {
  const builds = [...new Set(rows.map((r) => r.build))];
  return builds.map((build) => {
    const mine = rows.filter((r) => r.build === build);
    const diffs = mine.map((r) => r.diff).filter((d) => Number.isFinite(d));
    return {
      build,
      runs: mine.length,
      diffMean: diffs.length ? sum(diffs) / diffs.length : Number.NaN,
      diffMin: diffs.length ? Math.min(...diffs) : Number.NaN,
      diffMax: diffs.length ? Math.max(...diffs) : Number.NaN,
      madeLong: sum(mine.map((r) => r.madeLong)),
      traceAdded: sum(mine.map((r) => r.traceAdded)),
      framesAdded: sum(mine.map((r) => r.framesAdded)),
    };
  });
}
