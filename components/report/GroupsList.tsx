import { formatNumber, type Pair, pair } from '../../lib/i18n/both';
import type { Report } from '../../lib/ideas/report';
import { Bi } from './bi';

/**
 * The largest groups as a ranked list: each group's first idea (an excerpt,
 * rendered as text: a comment is never HTML), its topic, and a bar of its
 * members in the range next to the figures.
 */
export function GroupsList({
  report,
  topicName,
}: {
  report: Report;
  topicName: (id: string | null) => Pair;
}) {
  const largest = Math.max(1, ...report.groups.map((g) => g.inRange));
  return (
    <ol class="groups" data-chart="groups">
      {report.groups.map((group) => (
        <li
          key={group.groupId}
          data-group={group.groupId}
          data-size={group.size}
          data-supporters={group.supporters}
        >
          <blockquote class="lead">{group.leadText}</blockquote>
          <div class="group-meta">
            <svg width="120" height="10" viewBox="0 0 120 10" aria-hidden="true" class="group-bar">
              <rect width="120" height="10" class="track" />
              <rect width={(group.inRange / largest) * 120} height="10" class="bar" />
            </svg>
            <span>
              <Bi
                p={pair(
                  'report_groupLine',
                  formatNumber(group.inRange, 'vi'),
                  formatNumber(group.size, 'vi'),
                  formatNumber(group.supporters, 'vi'),
                )}
              />
            </span>
            <span class="muted">
              {' · '}
              <Bi p={topicName(group.topic)} />
              {` · ${group.leadCapturedAt.slice(0, 10)}`}
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}
