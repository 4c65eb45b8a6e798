import { both, formatNumber, pair } from '../../lib/i18n/both';
import { ANSWER_BUCKETS, type Report } from '../../lib/ideas/report';
import { Bi } from './bi';
import { niceMax } from './patterns';

const W = 720;
const H = 170;
const M = { left: 8, right: 8, top: 18, bottom: 40 };

/** The key figures large (median, p90, answered, waiting), and the distribution of answer times below them. */
export function AnswerTimeChart({ report, labelledBy }: { report: Report; labelledBy: string }) {
  const a = report.answerTimes;
  const days = (d: number | null) => (d === null ? '—' : both('report_daysValue', Math.round(d * 10) / 10));
  const labels = [
    ...ANSWER_BUCKETS.map((upTo) => pair('report_bucketUpTo', upTo)),
    pair('report_bucketMore', ANSWER_BUCKETS.at(-1)!),
  ];
  const top = niceMax(Math.max(0, ...a.buckets));
  const band = (W - M.left - M.right) / labels.length;
  const plotH = H - M.top - M.bottom;
  return (
    <figure class="chart">
      <dl class="figures" data-chart="answer-figures">
        <div>
          <dt>
            <Bi p={pair('report_median')} />
          </dt>
          <dd data-figure="median">{days(a.medianDays)}</dd>
        </div>
        <div>
          <dt>
            <Bi p={pair('report_p90')} />
          </dt>
          <dd data-figure="p90">{days(a.p90Days)}</dd>
        </div>
        <div>
          <dt>
            <Bi p={pair('report_answeredCount')} />
          </dt>
          <dd data-figure="answered">{formatNumber(a.answered, 'vi')}</dd>
        </div>
        <div>
          <dt>
            <Bi p={pair('report_unansweredCount')} />
          </dt>
          <dd data-figure="unanswered">{formatNumber(a.unanswered, 'vi')}</dd>
        </div>
        {a.waitingDays > 0 ? (
          <div>
            <dt>
              <Bi p={pair('report_waitingLong', a.waitingDays)} />
            </dt>
            <dd data-figure="waiting">{formatNumber(a.waitingLong, 'vi')}</dd>
          </div>
        ) : null}
      </dl>
      {a.answered > 0 ? (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby={labelledBy}
          class="chart-svg"
          data-chart="answers"
        >
          <title>{both('report_answer_title')}</title>
          {a.buckets.map((count, i) => {
            const h = (count / top) * plotH;
            const x = M.left + i * band + band * 0.15;
            const y = M.top + plotH - h;
            return (
              <g key={i} data-bucket={i} data-count={count}>
                <rect x={x} y={y} width={band * 0.7} height={h} class="bar" />
                <text x={x + band * 0.35} y={y - 4} text-anchor="middle" class="value">
                  {formatNumber(count, 'vi')}
                </text>
                <text x={x + band * 0.35} y={H - M.bottom + 14} text-anchor="middle" class="tick">
                  {labels[i]!.vi}
                </text>
                <text
                  x={x + band * 0.35}
                  y={H - M.bottom + 27}
                  text-anchor="middle"
                  class="tick en"
                  lang="en"
                >
                  {labels[i]!.en}
                </text>
              </g>
            );
          })}
          <line x1={M.left} x2={W - M.right} y1={M.top + plotH} y2={M.top + plotH} class="axis" />
        </svg>
      ) : null}
    </figure>
  );
}
