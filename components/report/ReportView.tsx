import { CATEGORIES } from '../../lib/flags/categories';
import { type Pair, pair } from '../../lib/i18n/both';
import { NO_TOPIC, type Report } from '../../lib/ideas/report';
import { type ReportTable, reportTables, topicNamer } from '../../lib/ideas/report-tables';
import type { Topic } from '../../lib/ideas/topics';
import { AnswerTimeChart } from './AnswerTimeChart';
import { Bi, BiPara } from './bi';
import { ChartSection } from './ChartSection';
import { FlagsChart } from './FlagsChart';
import { FunnelChart } from './FunnelChart';
import { GroupsList } from './GroupsList';
import { WeeklyChart } from './WeeklyChart';

export interface ReportViewProps {
  report: Report;
  topics: readonly Pick<Topic, 'id' | 'label'>[];
  /** When the report was made, as the moderator reads it ("06/12/2026 09:30"). */
  madeAt: string;
  /** For the exported file: tables always shown, no buttons. */
  staticTables?: boolean;
  onCsv?: (table: ReportTable) => void;
}

function argmax<T>(items: readonly T[], value: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || value(item) > value(best)) best = item;
  return best;
}

/** 2026-11-30 → 30/11/2026 */
export function viDate(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/**
 * The whole report, from the computed figures only: the page shows it, and
 * the HTML export is this same tree rendered with its tables open. What each
 * figure counts is in docs/report.md.
 */
export function ReportView({ report, topics, madeAt, staticTables, onCsv }: ReportViewProps) {
  const topicName = topicNamer(topics);
  const [weeks, funnel, status, answers, groups, flags] = reportTables(report, topics);
  const section = { staticTables, onCsv };

  // "No topic" is not a topic: it leads the summary only when no idea has one.
  const topTopic =
    argmax(
      report.topicColumns.filter((c) => c !== NO_TOPIC),
      (c) => report.topicTotals[c] ?? 0,
    ) ?? report.topicColumns[0];
  const busiest = argmax(report.weeks, (w) => w.total);
  const weeksSummary: Pair =
    report.total === 0
      ? pair('report_weeks_empty')
      : pair(
          'report_weeks_summary',
          report.total,
          report.weeks.length,
          topicName(topTopic ?? null),
          report.topicTotals[topTopic ?? ''] ?? 0,
          busiest?.week ?? '',
          busiest?.total ?? 0,
        );

  const reached = Object.fromEntries(report.funnel.map((r) => [r.stage, r.reached]));
  const funnelSummary = pair(
    'report_funnel_summary',
    report.total,
    reached.reviewing ?? 0,
    reached.forwarded ?? 0,
    reached.answered ?? 0,
    reached.decided ?? 0,
    report.adopted,
    report.declined,
    report.archived,
  );

  const a = report.answerTimes;
  const round = (d: number | null) => Math.round((d ?? 0) * 10) / 10;
  const answerSummary =
    a.answered === 0
      ? pair('report_answer_none', a.unanswered)
      : pair(
          'report_answer_summary',
          round(a.medianDays),
          round(a.p90Days),
          a.answered,
          a.unanswered,
          a.waitingLong,
          a.waitingDays,
        );

  const largest = report.groups[0];
  const groupsSummary = largest
    ? pair('report_groups_summary', report.groups.length, largest.inRange, largest.supporters)
    : pair('report_groups_empty');

  const topCategory = argmax(CATEGORIES, (c) => report.flags.totals[c]);
  const flagsSummary =
    report.flags.total === 0
      ? pair('report_flags_empty')
      : pair(
          'report_flags_summary',
          report.flags.total,
          report.flags.days.length,
          pair(`category_${topCategory ?? 'scam'}`),
          report.flags.totals[topCategory ?? 'scam'],
        );

  return (
    <article class="report" data-from={report.range.from} data-to={report.range.to}>
      <header class="report-header">
        <h1>
          <Bi p={pair('report_title')} />
        </h1>
        <p class="report-range">
          <strong>
            <Bi p={pair('report_rangeLine', viDate(report.range.from), viDate(report.range.to))} />
          </strong>
        </p>
        <p class="muted">
          <Bi p={pair('report_madeAt', madeAt)} />
        </p>
        <p class="report-total" data-total={report.total}>
          <Bi p={pair('report_total', report.total)} />
        </p>
      </header>
      <ChartSection
        id="report-weeks"
        title={pair('report_weeks_title')}
        summary={weeksSummary}
        chart={
          report.total > 0 ? (
            <WeeklyChart
              report={report}
              topicName={topicName}
              labelledBy="report-weeks-title report-weeks-summary"
            />
          ) : undefined
        }
        tables={[weeks!]}
        {...section}
      />
      <ChartSection
        id="report-funnel"
        title={pair('report_funnel_title')}
        summary={funnelSummary}
        chart={
          report.total > 0 ? (
            <FunnelChart report={report} labelledBy="report-funnel-title report-funnel-summary" />
          ) : undefined
        }
        tables={[funnel!, status!]}
        {...section}
      />
      <ChartSection
        id="report-answers"
        title={pair('report_answer_title')}
        summary={answerSummary}
        chart={<AnswerTimeChart report={report} labelledBy="report-answers-title report-answers-summary" />}
        tables={[answers!]}
        {...section}
      />
      <ChartSection
        id="report-groups"
        title={pair('report_groups_title')}
        summary={groupsSummary}
        chart={report.groups.length > 0 ? <GroupsList report={report} topicName={topicName} /> : undefined}
        tables={[groups!]}
        {...section}
      />
      <ChartSection
        id="report-flags"
        title={pair('report_flags_title')}
        summary={flagsSummary}
        chart={report.flags.total > 0 ? <FlagsChart report={report} /> : undefined}
        tables={[flags!]}
        {...section}
      />
      <footer class="report-footer muted">
        <BiPara p={pair('report_footer')} />
      </footer>
    </article>
  );
}
