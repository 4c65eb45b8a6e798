import { z } from 'zod';
import { CATEGORIES, type Category } from '../flags/categories';
import type { FlagDays } from '../flags/flag-stats';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { supporterKey } from './groups';
import { instantMs } from './instant';
import { IDEA_STATUSES, type Idea, type IdeaStatus } from './schema';
import type { Topic } from './topics';

/**
 * The weekly brief's figures (issue 17, item 4), computed from the idea log
 * and the flag counts in ONE pass over the ideas: a year of data (50,000
 * ideas) must compute in well under half a second, so there is no per-idea
 * search, no per-week scan, and only the answered ideas' durations are sorted.
 *
 * Days are the moderator's calendar days: an instant is shifted by
 * `utcOffsetMinutes` (Vietnam: +420, no daylight saving) before it is cut
 * into a day. What each figure counts, exactly, is in docs/report.md.
 */

const DAY_MS = 86_400_000;

/** A calendar day, `YYYY-MM-DD` (a real date: no 30 February). */
export const DayKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual(CHECK_STRINGS, 'report_dayFormat'))
  .refine(
    (day) => {
      const n = dayNumber(day);
      return Number.isFinite(n) && dayKey(n) === day;
    },
    bilingual(CHECK_STRINGS, 'report_noSuchDay'),
  );
export type DayKey = z.infer<typeof DayKey>;

/** A report's days, both ends included; at most five years (a report, not an archive scan). */
export const ReportRange = z
  .object({ from: DayKey, to: DayKey })
  .refine((range) => range.from <= range.to, bilingual(CHECK_STRINGS, 'report_startAfterEnd'))
  .refine(
    (range) => dayNumber(range.to) - dayNumber(range.from) < 5 * 366,
    bilingual(CHECK_STRINGS, 'report_rangeTooLong'),
  );
export type ReportRange = z.infer<typeof ReportRange>;

/** Days since 1970-01-01 of a `YYYY-MM-DD`. */
export function dayNumber(day: string): number {
  return Math.floor(
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS,
  );
}

/** The `YYYY-MM-DD` of a day number. */
export function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The moderator's day (a day number) of an instant. */
export function localDayOf(ms: number, utcOffsetMinutes: number): number {
  return Math.floor((ms + utcOffsetMinutes * 60_000) / DAY_MS);
}

/** Monday of the ISO week holding `day` (1970-01-01 was a Thursday). */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** `2026-W49`: the ISO 8601 week of a day (the week's Thursday decides the year). */
export function isoWeek(day: number): string {
  const thursday = mondayOf(day) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Math.floor(Date.UTC(year, 0, 1) / DAY_MS)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const REPORT_PRESETS = ['last7', 'last4weeks', 'thisQuarter', 'thisYear'] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

/**
 * The date-range presets, ending today: the last 7 days and the last 4 weeks
 * (28 days) count back from today, today included; this quarter and this
 * year start on their first day.
 */
export function presetRange(preset: ReportPreset, today: string): ReportRange {
  const end = dayNumber(today);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  switch (preset) {
    case 'last7':
      return { from: dayKey(end - 6), to: today };
    case 'last4weeks':
      return { from: dayKey(end - 27), to: today };
    case 'thisQuarter':
      return { from: dayKey(Math.floor(Date.UTC(year, month - (month % 3), 1) / DAY_MS)), to: today };
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/** The ideas with no topic: a column of their own in the weekly chart (no topic id is empty). */
export const NO_TOPIC = '';

export interface WeekRow {
  /** `2026-W49`. */
  week: string;
  /** Monday of the week, and its last day inside the range (the first and last weeks may be partial). */
  from: string;
  to: string;
  /** Ideas saved that week, per topic id (NO_TOPIC for none); every column of `topicColumns`. */
  byTopic: Record<string, number>;
  total: number;
}

/** The main path of an idea, in order; an idea that reached a stage counts in every earlier one. */
export const FUNNEL_STAGES = ['new', 'reviewing', 'forwarded', 'answered', 'decided'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelRow {
  stage: FunnelStage;
  /** Ideas that reached this stage or a later one. */
  reached: number;
}

export interface AnswerTimes {
  /** Ideas of the range with an official answer: the durations below are theirs. */
  answered: number;
  /** Ideas of the range without one: not in the median (their wait has not ended), counted here. */
  unanswered: number;
  /** Of the unanswered, those saved more than `waitingDays` days before the range's end. */
  waitingLong: number;
  waitingDays: number;
  /** Days from saving to the official answer; null when nothing was answered. */
  medianDays: number | null;
  p90Days: number | null;
  /** How many answers took each bucket's time (ANSWER_BUCKETS, upper bounds in days). */
  buckets: number[];
}

/** Upper bounds (days, inclusive) of the answer-time distribution; the last bucket is "more". */
export const ANSWER_BUCKETS = [1, 3, 7, 14, 30, 60] as const;

export interface GroupRow {
  groupId: string;
  /** Members saved in the range (the order of the list). */
  inRange: number;
  /** Members in the whole log. */
  size: number;
  /** Distinct commenters among all members (see `supporterKey`). */
  supporters: number;
  /** The first member saved: who raised it first, and its words (an excerpt, plain text). */
  leadText: string;
  leadCapturedAt: string;
  /** The topic most members have (ties: the lead's), null when none has one. */
  topic: string | null;
}

export interface FlagDayRow {
  day: string;
  byCategory: Record<Category, number>;
  total: number;
}

export interface Report {
  range: ReportRange;
  /** Ideas saved in the range. */
  total: number;
  /** The weekly chart's columns: topic ids in the topic list's order, then unknown ids, then NO_TOPIC; only those with ideas. */
  topicColumns: string[];
  topicTotals: Record<string, number>;
  weeks: WeekRow[];
  funnel: FunnelRow[];
  /** Ideas of the range by their status now. */
  current: Record<IdeaStatus, number>;
  /** Of the decided: adopted and declined. */
  adopted: number;
  declined: number;
  archived: number;
  answerTimes: AnswerTimes;
  groups: GroupRow[];
  flags: { days: FlagDayRow[]; totals: Record<Category, number>; total: number };
}

export interface ReportInput {
  ideas: readonly Idea[];
  flagDays?: FlagDays;
  range: ReportRange;
  topics?: readonly Pick<Topic, 'id'>[];
  /** The moderator's offset from UTC in minutes (Vietnam: 420). */
  utcOffsetMinutes: number;
  /** settings.pipeline.waitingDays: an unanswered idea older than this stands out (0: never). */
  waitingDays?: number;
  /** How many groups to list (default 10). */
  topGroups?: number;
}

/** Rank of each status on the main path; archived keeps the rank it reached before (from its history). */
const STATUS_RANK: Record<IdeaStatus, number> = {
  new: 0,
  reviewing: 1,
  forwarded: 2,
  answered: 3,
  adopted: 4,
  declined: 4,
  archived: 0,
};

/** Excerpt length of a group's lead text. */
export const EXCERPT_CHARS = 160;

/** Plain-text excerpt: whitespace collapsed, cut at a code point with "…". */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  return points.length <= max
    ? flat
    : `${points
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** One rule for who supports an idea, the same the groups count (lib/ideas/groups.ts). */
export { supporterKey };

/** The p-quantile (0 < p ≤ 1) of sorted values by nearest rank: a value that occurred, no interpolation. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function zeroCategories(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}

interface GroupAcc {
  inRange: number;
  size: number;
  supporters: Set<string>;
  lead: Idea;
  topics: Map<string, number>;
}

export function computeReport(input: ReportInput): Report {
  const range = input.range;
  const offset = input.utcOffsetMinutes;
  const first = dayNumber(range.from);
  const last = dayNumber(range.to);
  const firstMonday = mondayOf(first);
  const weekCount = Math.floor((mondayOf(last) - firstMonday) / 7) + 1;
  const weekTopic: Map<string, number>[] = Array.from({ length: weekCount }, () => new Map());
  const weekTotals = new Array<number>(weekCount).fill(0);
  const topicTotals = new Map<string, number>();
  const reachedAtLeast = new Array<number>(5).fill(0);
  const current = Object.fromEntries(IDEA_STATUSES.map((s) => [s, 0])) as Record<IdeaStatus, number>;
  let adopted = 0;
  let declined = 0;
  const durations: number[] = [];
  let unanswered = 0;
  let waitingLong = 0;
  const waitingDays = input.waitingDays ?? 0;
  // Saved before this instant and still unanswered: waiting long at the range's end.
  const waitingCutoff = (last + 1 - waitingDays) * DAY_MS - offset * 60_000;
  const groups = new Map<string, GroupAcc>();
  let total = 0;

  for (const idea of input.ideas) {
    const capturedMs = instantMs(idea.capturedAt);
    const day = localDayOf(capturedMs, offset);
    const inRange = day >= first && day <= last;
    if (idea.groupId !== null) {
      // Groups are whole: a member outside the range still counts in the group's size.
      let group = groups.get(idea.groupId);
      if (!group) {
        group = { inRange: 0, size: 0, supporters: new Set(), lead: idea, topics: new Map() };
        groups.set(idea.groupId, group);
      }
      group.size++;
      if (inRange) group.inRange++;
      group.supporters.add(supporterKey(idea));
      if (
        idea.capturedAt < group.lead.capturedAt ||
        (idea.capturedAt === group.lead.capturedAt && idea.id < group.lead.id)
      )
        group.lead = idea;
      if (idea.topic !== null) group.topics.set(idea.topic, (group.topics.get(idea.topic) ?? 0) + 1);
    }
    if (!inRange) continue;
    total++;

    const week = Math.floor((mondayOf(day) - firstMonday) / 7);
    const topic = idea.topic ?? NO_TOPIC;
    const counts = weekTopic[week]!;
    counts.set(topic, (counts.get(topic) ?? 0) + 1);
    weekTotals[week]!++;
    topicTotals.set(topic, (topicTotals.get(topic) ?? 0) + 1);

    // The furthest stage reached: the current status, every status in the history, and an answer on record.
    let rank = STATUS_RANK[idea.status];
    // The history is oldest first: the last decision in it is the latest (for an idea archived since).
    let lastDecision: 'adopted' | 'declined' | null = null;
    for (const entry of idea.history) {
      if (entry.answered === true && rank < 3) rank = 3;
      if (entry.status === undefined) continue;
      const r = STATUS_RANK[entry.status];
      if (r > rank) rank = r;
      if (entry.status === 'adopted' || entry.status === 'declined') lastDecision = entry.status;
    }
    const decidedAs = idea.status === 'adopted' || idea.status === 'declined' ? idea.status : lastDecision;
    if (idea.answer !== null && rank < 3) rank = 3;
    for (let r = 0; r <= rank; r++) reachedAtLeast[r]!++;
    if (rank === 4) {
      if (decidedAs === 'declined') declined++;
      else adopted++;
    }
    current[idea.status]++;

    if (idea.answer !== null) {
      const days = (instantMs(idea.answer.answeredAt) - capturedMs) / DAY_MS;
      // An answer dated before the save (a comment answered before it was saved) waited 0 days.
      durations.push(Math.max(0, days));
    } else {
      unanswered++;
      if (waitingDays > 0 && capturedMs < waitingCutoff) waitingLong++;
    }
  }

  // Columns: the topic list's order first (the moderator's order), unknown ids (a topic removed since) after, no topic last.
  const topicColumns: string[] = [];
  for (const topic of input.topics ?? []) if (topicTotals.has(topic.id)) topicColumns.push(topic.id);
  const listed = new Set(topicColumns);
  const unknown = [...topicTotals.keys()].filter((id) => id !== NO_TOPIC && !listed.has(id)).sort();
  topicColumns.push(...unknown);
  if (topicTotals.has(NO_TOPIC)) topicColumns.push(NO_TOPIC);

  const weeks: WeekRow[] = weekTopic.map((counts, i) => {
    const monday = firstMonday + i * 7;
    const byTopic: Record<string, number> = {};
    for (const column of topicColumns) byTopic[column] = counts.get(column) ?? 0;
    return {
      week: isoWeek(monday),
      from: dayKey(Math.max(monday, first)),
      to: dayKey(Math.min(monday + 6, last)),
      byTopic,
      total: weekTotals[i]!,
    };
  });

  durations.sort((a, b) => a - b);
  const buckets = new Array<number>(ANSWER_BUCKETS.length + 1).fill(0);
  for (const d of durations) {
    let b = 0;
    while (b < ANSWER_BUCKETS.length && d > ANSWER_BUCKETS[b]!) b++;
    buckets[b]!++;
  }

  const topGroups = [...groups.entries()]
    .filter(([, g]) => g.inRange > 0)
    .sort(
      ([idA, a], [idB, b]) =>
        b.inRange - a.inRange ||
        b.size - a.size ||
        b.supporters.size - a.supporters.size ||
        (idA < idB ? -1 : 1),
    )
    .slice(0, input.topGroups ?? 10)
    .map(([groupId, g]): GroupRow => {
      let topic: string | null = g.lead.topic;
      let best = topic === null ? 0 : (g.topics.get(topic) ?? 0);
      for (const [id, n] of g.topics) if (n > best) [topic, best] = [id, n];
      return {
        groupId,
        inRange: g.inRange,
        size: g.size,
        supporters: g.supporters.size,
        leadText: excerpt(g.lead.text),
        leadCapturedAt: g.lead.capturedAt,
        topic,
      };
    });

  const flagRows: FlagDayRow[] = [];
  const flagTotals = zeroCategories();
  let flagTotal = 0;
  const stored = input.flagDays?.days ?? {};
  for (let d = first; d <= last; d++) {
    const key = dayKey(d);
    const byCategory = zeroCategories();
    let dayTotal = 0;
    const counts = stored[key];
    if (counts)
      for (const category of CATEGORIES) {
        const n = counts[category] ?? 0;
        byCategory[category] = n;
        flagTotals[category] += n;
        dayTotal += n;
      }
    flagTotal += dayTotal;
    flagRows.push({ day: key, byCategory, total: dayTotal });
  }

  return {
    range,
    total,
    topicColumns,
    topicTotals: Object.fromEntries(topicColumns.map((c) => [c, topicTotals.get(c) ?? 0])),
    weeks,
    funnel: FUNNEL_STAGES.map((stage, r) => ({ stage, reached: reachedAtLeast[r]! })),
    current,
    adopted,
    declined,
    archived: current.archived,
    answerTimes: {
      answered: durations.length,
      unanswered,
      waitingLong,
      waitingDays,
      medianDays: nearestRank(durations, 0.5),
      p90Days: nearestRank(durations, 0.9),
      buckets,
    },
    groups: topGroups,
    flags: { days: flagRows, totals: flagTotals, total: flagTotal },
  };
}
