import { t } from '../../lib/i18n';
import { isFilterEmpty } from '../../lib/ideas/filter';
import { IDEA_STATUSES, type IdeaStatus } from '../../lib/ideas/schema';
import type { IdeaLogModel } from './idea-log-model';
import { statusLabel } from './labels';
import { PipelineFilters } from './PipelineFilters';

const DAY_FILTERS = [
  ['from', 'idea_filterFrom'],
  ['to', 'idea_filterTo'],
] as const;

/** Search, status, tag, flag and date filters, with the counts beside each status. */
export function IdeaFilters({ model }: { model: IdeaLogModel }) {
  const current = model.filter.value;
  const { setFilter } = model;
  return (
    <search class="khcn-idea-filters">
      <input
        type="search"
        aria-label={t('idea_search')}
        placeholder={t('idea_search')}
        value={current.search ?? ''}
        onInput={(event) => setFilter({ search: (event.currentTarget as HTMLInputElement).value })}
      />
      <label>
        {t('idea_filterStatus')}
        <select
          value={current.status ?? ''}
          onChange={(event) => {
            const value = (event.currentTarget as HTMLSelectElement).value;
            setFilter({ status: value ? (value as IdeaStatus) : undefined });
          }}
        >
          <option value="">{t('idea_all')}</option>
          {IDEA_STATUSES.map((status) => (
            <option key={status} value={status}>
              {`${statusLabel(status)} (${model.counts.value?.byStatus[status] ?? 0})`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('idea_filterTag')}
        <select
          value={current.tag ?? ''}
          onChange={(event) =>
            setFilter({ tag: (event.currentTarget as HTMLSelectElement).value || undefined })
          }
        >
          <option value="">{t('idea_all')}</option>
          {model.tags.value.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('idea_filterFlagged')}
        <select
          value={current.flagged === undefined ? '' : String(current.flagged)}
          onChange={(event) => {
            const value = (event.currentTarget as HTMLSelectElement).value;
            setFilter({ flagged: value === '' ? undefined : value === 'true' });
          }}
        >
          <option value="">{t('idea_all')}</option>
          <option value="true">{t('idea_flaggedOnly')}</option>
          <option value="false">{t('idea_unflaggedOnly')}</option>
        </select>
      </label>
      <PipelineFilters model={model} />
      {DAY_FILTERS.map(([which, label]) => (
        <label key={which}>
          {t(label)}
          <input
            type="date"
            value={(which === 'from' ? model.fromDay : model.toDay).value}
            onChange={(event) => model.setDay(which, (event.currentTarget as HTMLInputElement).value)}
          />
        </label>
      ))}
      {!isFilterEmpty(current) && (
        <button type="button" onClick={() => model.clearFilters()}>
          {t('idea_clearFilters')}
        </button>
      )}
    </search>
  );
}
