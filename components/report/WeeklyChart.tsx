import { both, formatNumber, type Pair } from '../../lib/i18n/both';
import type { Report } from '../../lib/ideas/report';
import { countTicks, fillUrl, PatternDefs, Swatch } from './patterns';

const W = 720;
const H = 260;
const M = { left: 40, right: 8, top: 18, bottom: 34 };

/** 2026-11-30 → 30/11 */
function shortDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}`;
}

/**
 * Ideas per ISO week, stacked by topic. Each topic has a colour and a
 * texture (greyscale print), named in the legend; each bar carries its total
 * when there is room. Labels under the bars are the weeks' Mondays.
 */
export function WeeklyChart({
  report,
  topicName,
  labelledBy,
}: {
  report: Report;
  topicName: (id: string) => Pair;
  labelledBy: string;
}) {
  const prefix = 'weeks';
  const n = report.weeks.length;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const ticks = countTicks(Math.max(0, ...report.weeks.map((w) => w.total)));
  const top = ticks.at(-1)!;
  const band = plotW / n;
  const barW = Math.max(1, band * 0.72);
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const every = Math.ceil(n / 12);
  const columns = report.topicColumns;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={labelledBy}
        class="chart-svg"
        data-chart="weeks"
      >
        <title>{both('report_weeks_title')}</title>
        <PatternDefs prefix={prefix} count={columns.length} />
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} class="grid" />
            <text x={M.left - 4} y={y(t) + 4} text-anchor="end" class="tick">
              {formatNumber(t, 'vi')}
            </text>
          </g>
        ))}
        {report.weeks.map((week, i) => {
          const x = M.left + i * band + (band - barW) / 2;
          let base = 0;
          return (
            <g key={week.week} data-week={week.week} data-total={week.total}>
              <title>{`${week.week} (${week.from} – ${week.to}): ${week.total}`}</title>
              {columns.map((column, c) => {
                const v = week.byTopic[column] ?? 0;
                if (v === 0) return null;
                const y0 = y(base);
                base += v;
                return (
                  <rect
                    key={column}
                    x={x}
                    width={barW}
                    y={y(base)}
                    height={Math.max(0, y0 - y(base))}
                    fill={fillUrl(prefix, c)}
                    stroke="#ffffff"
                    stroke-width={n > 30 ? 0 : 0.6}
                  />
                );
              })}
              {n <= 27 && week.total > 0 ? (
                <text x={x + barW / 2} y={y(week.total) - 3} text-anchor="middle" class="value">
                  {formatNumber(week.total, 'vi')}
                </text>
              ) : null}
              {i % every === 0 ? (
                <text x={x + barW / 2} y={H - M.bottom + 14} text-anchor="middle" class="tick">
                  {shortDay(week.from)}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} class="axis" />
        <text x={M.left} y={H - 4} class="axis-title">
          {both('report_weekStarting')}
        </text>
      </svg>
      <figcaption>
        <ul class="legend">
          {columns.map((column, c) => {
            const name = topicName(column);
            return (
              <li key={column}>
                <Swatch prefix={prefix} index={c} />
                <span>
                  {name.vi}
                  <span class="en" lang="en">
                    {' / '}
                    {name.en}
                  </span>
                  {`: ${formatNumber(report.topicTotals[column] ?? 0, 'vi')}`}
                </span>
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}
