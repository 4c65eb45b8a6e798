import { CATEGORIES } from '../../lib/flags/categories';
import { both, formatNumber, pair } from '../../lib/i18n/both';
import type { Report } from '../../lib/ideas/report';
import { countTicks } from './patterns';

const W = 340;
const H = 96;
const M = { left: 30, right: 6, top: 8, bottom: 18 };

/**
 * Flags per day as small multiples: one small chart per category, all on the
 * same scale, so the categories compare at a glance and no colour needs
 * matching (each chart is named by its title).
 */
export function FlagsChart({ report }: { report: Report }) {
  const days = report.flags.days;
  const top = countTicks(
    Math.max(0, ...days.map((d) => Math.max(...CATEGORIES.map((c) => d.byCategory[c])))),
  ).at(-1)!;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const band = plotW / days.length;
  const first = days[0]?.day ?? '';
  const last = days.at(-1)?.day ?? '';
  return (
    <figure class="chart">
      <p class="muted small">{both('report_flagsDays')}</p>
      <div class="multiples">
        {CATEGORIES.map((category) => {
          const title = pair(
            'report_flagsCategoryTotal',
            pair(`category_${category}`),
            report.flags.totals[category],
          );
          return (
            <div
              class="multiple"
              key={category}
              data-category={category}
              data-total={report.flags.totals[category]}
            >
              <h3>
                {title.vi}
                <span class="en" lang="en">
                  {' / '}
                  {title.en}
                </span>
              </h3>
              <svg viewBox={`0 0 ${W} ${H}`} class="chart-svg" aria-hidden="true">
                <line x1={M.left} x2={W - M.right} y1={M.top} y2={M.top} class="grid" />
                <text x={M.left - 3} y={M.top + 4} text-anchor="end" class="tick">
                  {formatNumber(top, 'vi')}
                </text>
                <text x={M.left - 3} y={M.top + plotH + 3} text-anchor="end" class="tick">
                  0
                </text>
                {days.map((d, i) => {
                  const v = d.byCategory[category];
                  if (v === 0) return null;
                  const h = (v / top) * plotH;
                  return (
                    <rect
                      key={d.day}
                      x={M.left + i * band + (days.length > 60 ? 0 : band * 0.15)}
                      width={Math.max(0.8, days.length > 60 ? band : band * 0.7)}
                      y={M.top + plotH - h}
                      height={h}
                      class="bar"
                    />
                  );
                })}
                <line x1={M.left} x2={W - M.right} y1={M.top + plotH} y2={M.top + plotH} class="axis" />
                <text x={M.left} y={H - 4} class="tick">
                  {first}
                </text>
                <text x={W - M.right} y={H - 4} text-anchor="end" class="tick">
                  {last}
                </text>
              </svg>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
