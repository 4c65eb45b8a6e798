import { signal } from '@preact/signals';
import { errorMessage } from '../../lib/errors';
import { type FlagDays, localDay } from '../../lib/flags/flag-stats';
import { flagStatsItem } from '../../lib/flags/flag-stats-store';
import { getIdeasDb, listAllIdeas } from '../../lib/ideas/db';
import { loadPipeline, type PipelineSettings } from '../../lib/ideas/pipeline-settings';
import {
  computeReport,
  presetRange,
  type Report,
  type ReportPreset,
  ReportRange,
} from '../../lib/ideas/report';
import type { Idea } from '../../lib/ideas/schema';
import type { Topic } from '../../lib/ideas/topics';

/** Where the report's data comes from: the extension's IndexedDB and storage.local (injectable for tests). */
export interface ReportSources {
  loadIdeas(): Promise<Idea[]>;
  loadFlags(): Promise<FlagDays>;
  loadPipeline(): Promise<Pick<PipelineSettings, 'topics' | 'waitingDays'>>;
  now(): Date;
}

export const browserSources: ReportSources = {
  loadIdeas: async () => listAllIdeas(await getIdeasDb()),
  loadFlags: () => flagStatsItem.get(),
  loadPipeline,
  now: () => new Date(),
};

export type ReportState =
  | { kind: 'loading' }
  | { kind: 'ready'; report: Report; topics: readonly Topic[]; madeAt: string }
  | { kind: 'error'; message: string };

/** What the bench and the page's console read: how long reading and computing took, in ms. */
export interface ReportTimings {
  readMs: number;
  computeMs: number;
  /** performance.now() when the figures were ready (the page measures its drawing from here). */
  readyAt: number;
}

/** `06/12/2026 09:30`, the moderator's clock. */
export function madeAtText(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(now.getDate())}/${two(now.getMonth() + 1)}/${now.getFullYear()} ${two(now.getHours())}:${two(now.getMinutes())}`;
}

/** The range a page address asks for (`?preset=thisYear`, `?from=…&to=…`), else the last 4 weeks. */
export function rangeFromSearch(
  search: string,
  today: string,
): { preset: ReportPreset | 'custom'; range: ReportRange } {
  const params = new URLSearchParams(search);
  const parsed = ReportRange.safeParse({ from: params.get('from'), to: params.get('to') });
  if (parsed.success) return { preset: 'custom', range: parsed.data };
  const preset = params.get('preset') as ReportPreset | null;
  const known = preset && ['last7', 'last4weeks', 'thisQuarter', 'thisYear'].includes(preset) ? preset : null;
  return { preset: known ?? 'last4weeks', range: presetRange(known ?? 'last4weeks', today) };
}

export function createReportModel(sources: ReportSources = browserSources, search = '') {
  const today = localDay(sources.now());
  const initial = rangeFromSearch(search, today);
  const preset = signal<ReportPreset | 'custom'>(initial.preset);
  const range = signal<ReportRange>(initial.range);
  const state = signal<ReportState>({ kind: 'loading' });
  const rangeError = signal<string | null>(null);
  let data: {
    ideas: Idea[];
    flags: FlagDays;
    pipeline: Pick<PipelineSettings, 'topics' | 'waitingDays'>;
  } | null = null;
  const timings: ReportTimings = { readMs: 0, computeMs: 0, readyAt: 0 };

  function compute(): void {
    if (!data) return;
    const now = sources.now();
    const started = performance.now();
    const report = computeReport({
      ideas: data.ideas,
      flagDays: data.flags,
      range: range.value,
      topics: data.pipeline.topics,
      waitingDays: data.pipeline.waitingDays,
      utcOffsetMinutes: -now.getTimezoneOffset(),
    });
    timings.readyAt = performance.now();
    timings.computeMs = timings.readyAt - started;
    state.value = { kind: 'ready', report, topics: data.pipeline.topics, madeAt: madeAtText(now) };
  }

  return {
    preset,
    range,
    state,
    rangeError,
    timings,
    today,
    /** Reads the log, the flag counts and the topic list once, then computes. */
    async load(): Promise<void> {
      state.value = { kind: 'loading' };
      try {
        const started = performance.now();
        const [ideas, flags, pipeline] = await Promise.all([
          sources.loadIdeas(),
          sources.loadFlags(),
          sources.loadPipeline(),
        ]);
        timings.readMs = performance.now() - started;
        performance.measure('khcn:report-read', { start: started, duration: timings.readMs });
        data = { ideas, flags, pipeline };
        compute();
      } catch (error) {
        state.value = { kind: 'error', message: errorMessage(error) };
      }
    },
    choosePreset(next: ReportPreset): void {
      preset.value = next;
      range.value = presetRange(next, today);
      rangeError.value = null;
      compute();
    },
    /** A custom range from the date fields; an invalid one is said, and the report stays as it was. */
    chooseCustom(from: string, to: string): void {
      preset.value = 'custom';
      const parsed = ReportRange.safeParse({ from, to });
      if (!parsed.success) {
        rangeError.value = parsed.error.issues[0]?.message ?? '';
        return;
      }
      rangeError.value = null;
      range.value = parsed.data;
      compute();
    },
  };
}
export type ReportModel = ReturnType<typeof createReportModel>;
