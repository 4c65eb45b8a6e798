import { t } from '../../lib/i18n';
import type { Idea } from '../../lib/ideas/schema';
import type { Topic } from '../../lib/ideas/topics';
import { daysWaiting, isOverdue, waitingFieldsOf } from '../../lib/ideas/waiting';
import { topicName } from './IdeaHistory';

export interface IdeaPipelineMetaProps {
  idea: Idea;
  now: Date;
  topics: readonly Topic[];
  /** settings.pipeline.waitingDays (0: no warning). */
  waitingDays: number;
}

/**
 * A row's pipeline line: the overdue badge (words and an icon, not colour
 * alone), the topic and the unit. Nothing when none applies.
 */
/** Whether the row has a pipeline line (the row then gives its quote one line less: see idea-log.css). */
export function hasPipelineLine(idea: Idea, now: Date, waitingDays: number): boolean {
  // A record without the v4 fields (written raw, not through the schema) shows none of them.
  return (
    (idea.topic ?? null) !== null ||
    (idea.unit ?? null) !== null ||
    isOverdue(waitingFieldsOf(idea), now, waitingDays)
  );
}

export function IdeaPipelineMeta({ idea, now, topics, waitingDays }: IdeaPipelineMetaProps) {
  const overdue = isOverdue(waitingFieldsOf(idea), now, waitingDays);
  const topic = idea.topic ?? null;
  const unit = idea.unit ?? null;
  if (!overdue && topic === null && unit === null) return null;
  return (
    <div class="khcn-idea-pipeline">
      {overdue && (
        <span class="khcn-badge khcn-overdue" title={t('pipe_waitingTitle', String(waitingDays))}>
          {t('pipe_waitingBadge', String(daysWaiting(idea.capturedAt, now)))}
        </span>
      )}
      {topic !== null && (
        <span class="khcn-pipeline-chip khcn-topic-chip">
          {t('pipe_topic')}: {topicName(topic, topics)}
        </span>
      )}
      {unit !== null && (
        <span class="khcn-pipeline-chip khcn-unit-chip">
          {t('pipe_unit')}: {unit}
        </span>
      )}
    </div>
  );
}
