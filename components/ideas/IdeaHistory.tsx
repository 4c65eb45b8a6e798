import { t, uiLanguage } from '../../lib/i18n';
import type { HistoryEntry } from '../../lib/ideas/schema';
import type { Topic } from '../../lib/ideas/topics';
import { statusLabel } from './labels';

/** A topic's name in the UI language; its id when the list no longer has it. */
export function topicName(id: string, topics: readonly Topic[]): string {
  const topic = topics.find((item) => item.id === id);
  return topic ? topic.label[uiLanguage()] : id;
}

/** What one history entry changed, as the moderator reads it ("trạng thái → Đã chuyển đơn vị; đơn vị → Vụ Pháp chế"). */
export function describeChange(entry: HistoryEntry, topics: readonly Topic[]): string {
  const parts: string[] = [];
  if (entry.status !== undefined) parts.push(t('pipe_historyStatus', statusLabel(entry.status)));
  if (entry.unit !== undefined)
    parts.push(entry.unit === null ? t('pipe_historyUnitCleared') : t('pipe_historyUnit', entry.unit));
  if (entry.topic !== undefined)
    parts.push(
      entry.topic === null
        ? t('pipe_historyTopicCleared')
        : t('pipe_historyTopic', topicName(entry.topic, topics)),
    );
  if (entry.answered !== undefined)
    parts.push(entry.answered ? t('pipe_historyAnswered') : t('pipe_historyUnanswered'));
  if (entry.groupId !== undefined)
    parts.push(entry.groupId === null ? t('pipe_historyUngrouped') : t('pipe_historyGrouped'));
  return parts.join('; ');
}

/** Vietnamese date and time in Vietnam's zone ("14:05 28/11/2026"), whatever the UI language: the ministry's format. */
export function historyTime(iso: string): string {
  return new Intl.DateTimeFormat('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric', // four digits: a history is read years later
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

/** The idea's history, newest first: when, who, what changed. */
export function IdeaHistory({
  history,
  topics,
}: {
  history: readonly HistoryEntry[];
  topics: readonly Topic[];
}) {
  const newestFirst = [...history].reverse();
  return (
    <section class="khcn-idea-history" aria-labelledby="khcn-idea-history-title">
      <h3 id="khcn-idea-history-title">{t('pipe_history')}</h3>
      {newestFirst.length === 0 ? (
        <p class="khcn-muted">{t('pipe_historyEmpty')}</p>
      ) : (
        <ol>
          {newestFirst.map((entry) => (
            <li key={`${entry.at}-${entry.by}-${describeChange(entry, topics)}`}>
              <time dateTime={entry.at}>{historyTime(entry.at)}</time>
              {' — '}
              <span class="khcn-history-by">{entry.by || t('pipe_historyNoName')}</span>
              {': '}
              {describeChange(entry, topics)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
