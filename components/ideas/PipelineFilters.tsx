import { t } from '../../lib/i18n';
import { topicName } from './IdeaHistory';
import type { IdeaLogModel } from './idea-log-model';

/** A select's value for "none set" (null in the filter); '' is "all" (undefined). */
const NONE = '\u0000none';

function toSelect(value: string | null | undefined): string {
  return value === undefined ? '' : value === null ? NONE : value;
}
function fromSelect(value: string): string | null | undefined {
  return value === '' ? undefined : value === NONE ? null : value;
}

/** The waiting choices: the pipeline's threshold first, then a week, a month, a quarter. */
export function waitingChoices(waitingDays: number): number[] {
  return [...new Set([waitingDays, 7, 30, 90].filter((days) => days > 0))].sort((a, b) => a - b);
}

/** Issue 17's filters: unit, topic and "waiting over N days", beside the log's own. */
export function PipelineFilters({ model }: { model: IdeaLogModel }) {
  const current = model.filter.value;
  const { units, topics, waitingDays } = model.pipeline.value;
  // A unit filtered on stays listed even if the list no longer names it.
  const unitChoices = current.unit && !units.includes(current.unit) ? [...units, current.unit] : units;
  return (
    <>
      <label>
        {t('pipe_unit')}
        <select
          value={toSelect(current.unit)}
          onChange={(event) => model.setFilter({ unit: fromSelect(event.currentTarget.value) })}
        >
          <option value="">{t('idea_all')}</option>
          <option value={NONE}>{t('pipe_noUnit')}</option>
          {unitChoices.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('pipe_topic')}
        <select
          value={toSelect(current.topic)}
          onChange={(event) => model.setFilter({ topic: fromSelect(event.currentTarget.value) })}
        >
          <option value="">{t('idea_all')}</option>
          <option value={NONE}>{t('pipe_noTopic')}</option>
          {topics.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topicName(topic.id, topics)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('pipe_filterWaiting')}
        <select
          value={current.waitingOver === undefined ? '' : String(current.waitingOver)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            model.setFilter({ waitingOver: value === '' ? undefined : Number(value) });
          }}
        >
          <option value="">{t('idea_all')}</option>
          {[
            ...new Set([
              ...waitingChoices(waitingDays),
              ...(current.waitingOver ? [current.waitingOver] : []),
            ]),
          ].map((days) => (
            <option key={days} value={String(days)}>
              {t('pipe_waitingOver', String(days))}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** "12 ý tưởng chờ quá 14 ngày" with a button that shows them; nothing when none or the warning is off. */
export function OverdueCount({ model }: { model: IdeaLogModel }) {
  const count = model.overdue.value;
  const { waitingDays } = model.pipeline.value;
  if (!count || waitingDays <= 0) return null;
  return (
    <p class="khcn-overdue-count">
      <span class="khcn-badge">{t('pipe_overdueCount', String(count), String(waitingDays))}</span>
      {model.filter.value.waitingOver !== waitingDays && (
        <button type="button" onClick={() => model.setFilter({ waitingOver: waitingDays })}>
          {t('pipe_overdueShow')}
        </button>
      )}
    </p>
  );
}
