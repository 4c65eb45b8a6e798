import { CATEGORIES } from '../flags/categories';
import { both, type Pair, pair } from '../i18n/both';
import { csvCell } from './export';
import { ANSWER_BUCKETS, NO_TOPIC, type Report } from './report';
import { IDEA_STATUSES } from './schema';
import type { Topic } from './topics';

/**
 * The report's figures as tables: ONE source for the screen readers' tables
 * on the report page, the exported HTML and the CSV files, so the three
 * always say the same. Cells are raw numbers and plain text; each renderer
 * formats them (the page: Vietnamese digit grouping; CSV: plain digits).
 */

export const REPORT_TABLE_IDS = ['weeks', 'funnel', 'status', 'answers', 'groups', 'flags'] as const;
export type ReportTableId = (typeof REPORT_TABLE_IDS)[number];

export type Cell = string | number;
export interface ReportTable {
  id: ReportTableId;
  caption: Pair;
  header: string[];
  rows: Cell[][];
  /** A totals row, when the table has one. */
  footer?: Cell[];
  /** Said under the caption: what the table leaves out. */
  note?: Pair;
}

/** A topic's name in both languages; an id the list no longer has is shown as it is. */
export function topicNamer(topics: readonly Pick<Topic, 'id' | 'label'>[]): (id: string | null) => Pair {
  const byId = new Map(topics.map((t) => [t.id, t.label]));
  return (id) => {
    if (id === null || id === NO_TOPIC) return pair('report_noTopic');
    return byId.get(id) ?? { vi: id, en: id };
  };
}

const slash = (p: Pair) => `${p.vi} / ${p.en}`;

/** Days rounded to one decimal for tables (the figures stay exact in the report). */
export function roundDays(days: number | null): Cell {
  return days === null ? '' : Math.round(days * 10) / 10;
}

export function reportTables(report: Report, topics: readonly Pick<Topic, 'id' | 'label'>[]): ReportTable[] {
  const topicName = topicNamer(topics);
  const share = (n: number) => (report.total === 0 ? 0 : Math.round((n / report.total) * 1000) / 10);
  const weeks: ReportTable = {
    id: 'weeks',
    caption: pair('report_tableCaption', pair('report_weeks_title')),
    header: [
      both('report_col_week'),
      both('report_col_days'),
      ...report.topicColumns.map((c) => slash(topicName(c))),
      both('report_col_total'),
    ],
    rows: report.weeks.map((w) => [
      w.week,
      `${w.from} – ${w.to}`,
      ...report.topicColumns.map((c) => w.byTopic[c] ?? 0),
      w.total,
    ]),
    footer: [
      both('report_col_total'),
      '',
      ...report.topicColumns.map((c) => report.topicTotals[c] ?? 0),
      report.total,
    ],
  };
  const funnel: ReportTable = {
    id: 'funnel',
    caption: pair('report_tableCaption', pair('report_funnel_title')),
    header: [both('report_col_stage'), both('report_col_reached'), `${both('report_col_share')} (%)`],
    rows: report.funnel.map((row) => [both(`report_stage_${row.stage}`), row.reached, share(row.reached)]),
  };
  const status: ReportTable = {
    id: 'status',
    caption: pair('report_tableCaption', pair('report_col_status')),
    header: [both('report_col_status'), both('report_col_count'), `${both('report_col_share')} (%)`],
    rows: IDEA_STATUSES.map((s) => [both(`idea_status_${s}`), report.current[s], share(report.current[s])]),
    footer: [both('report_col_total'), report.total, report.total === 0 ? 0 : 100],
  };
  const a = report.answerTimes;
  const answers: ReportTable = {
    id: 'answers',
    caption: pair('report_tableCaption', pair('report_answer_title')),
    // Buckets count ideas; the last rows are the key figures (their unit in the label).
    header: [both('report_col_item'), both('report_col_value')],
    rows: [
      ...ANSWER_BUCKETS.map((upTo, i) => [both('report_bucketUpTo', upTo), a.buckets[i] ?? 0]),
      [both('report_bucketMore', ANSWER_BUCKETS.at(-1)!), a.buckets[ANSWER_BUCKETS.length] ?? 0],
      [both('report_answeredCount'), a.answered],
      [both('report_unansweredCount'), a.unanswered],
      ...(a.waitingDays > 0 ? [[both('report_waitingLong', a.waitingDays), a.waitingLong]] : []),
      [both('report_medianDays'), roundDays(a.medianDays)],
      [both('report_p90Days'), roundDays(a.p90Days)],
    ],
  };
  const groups: ReportTable = {
    id: 'groups',
    caption: pair('report_tableCaption', pair('report_groups_title')),
    header: [
      both('report_col_rank'),
      both('report_col_lead'),
      both('report_col_topic'),
      both('report_col_inRange'),
      both('report_col_size'),
      both('report_col_supporters'),
      both('report_col_since'),
    ],
    rows: report.groups.map((g, i) => [
      i + 1,
      g.leadText,
      slash(topicName(g.topic)),
      g.inRange,
      g.size,
      g.supporters,
      g.leadCapturedAt.slice(0, 10),
    ]),
  };
  const flagged = report.flags.days.filter((d) => d.total > 0);
  const flags: ReportTable = {
    id: 'flags',
    caption: pair('report_tableCaption', pair('report_flags_title')),
    note: pair('report_flagsNoteTable'),
    header: [
      both('report_col_day'),
      ...CATEGORIES.map((c) => both(`category_${c}`)),
      both('report_col_total'),
    ],
    rows: flagged.map((d) => [d.day, ...CATEGORIES.map((c) => d.byCategory[c]), d.total]),
    footer: [both('report_col_total'), ...CATEGORIES.map((c) => report.flags.totals[c]), report.flags.total],
  };
  return [weeks, funnel, status, answers, groups, flags];
}

/**
 * One table as a CSV file for Excel: UTF-8 with a BOM, CRLF lines, every
 * cell through the idea export's csvCell (a comment excerpt that starts
 * like a formula is defused). Numbers are written plainly (1234.5), so a
 * spreadsheet reads them as numbers whatever its locale does with commas.
 */
export function tableCsv(table: ReportTable): string {
  const line = (cells: readonly Cell[]) =>
    `${cells.map((c) => (typeof c === 'number' ? String(c) : csvCell(c))).join(',')}\r\n`;
  return `\uFEFF${[table.header, ...table.rows, ...(table.footer ? [table.footer] : [])].map(line).join('')}`;
}

/** `khcn-bao-cao-2026-11-30_2026-12-06-tuan.csv`: the range and the table in the name. */
export function reportFileName(report: Pick<Report, 'range'>, what: ReportTableId | 'html'): string {
  const base = `khcn-bao-cao-${report.range.from}_${report.range.to}`;
  return what === 'html' ? `${base}.html` : `${base}-${CSV_NAMES[what]}.csv`;
}

const CSV_NAMES: Record<ReportTableId, string> = {
  weeks: 'y-tuong-theo-tuan',
  funnel: 'pheu-trang-thai',
  status: 'trang-thai-hien-tai',
  answers: 'thoi-gian-tra-loi',
  groups: 'nhom-lon-nhat',
  flags: 'co-theo-ngay',
};
