import { both, formatNumber, pair } from '../../lib/i18n/both';
import type { Report } from '../../lib/ideas/report';

const W = 720;
const ROW = 40;
const LABEL_W = 230;

/**
 * The status funnel as horizontal bars, each labelled directly with its
 * stage (Vietnamese, English under it), its count and its share of the saved
 * ideas: readable in greyscale, no legend to match.
 */
export function FunnelChart({ report, labelledBy }: { report: Report; labelledBy: string }) {
  const total = report.total;
  const H = report.funnel.length * ROW + 8;
  const plotW = W - LABEL_W - 110;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={labelledBy}
        class="chart-svg"
        data-chart="funnel"
      >
        <title>{both('report_funnel_title')}</title>
        {report.funnel.map((row, i) => {
          const label = pair(`report_stage_${row.stage}`);
          const w = total === 0 ? 0 : (row.reached / total) * plotW;
          const share = total === 0 ? 0 : Math.round((row.reached / total) * 100);
          const y = 4 + i * ROW;
          return (
            <g key={row.stage} data-stage={row.stage} data-reached={row.reached}>
              <text x={LABEL_W - 8} y={y + 15} text-anchor="end" class="label">
                {label.vi}
              </text>
              <text x={LABEL_W - 8} y={y + 29} text-anchor="end" class="label-en" lang="en">
                {label.en}
              </text>
              <rect x={LABEL_W} y={y + 4} width={plotW} height={ROW - 12} class="track" />
              <rect
                x={LABEL_W}
                y={y + 4}
                width={Math.max(w, row.reached > 0 ? 1 : 0)}
                height={ROW - 12}
                class="bar"
              />
              <text x={LABEL_W + Math.max(w, 0) + 6} y={y + 23} class="value">
                {`${formatNumber(row.reached, 'vi')} (${share}%)`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
