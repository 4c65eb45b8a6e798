import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { isFilterEmpty } from '../../lib/ideas/filter';
import { GroupView } from './GroupView';
import { IdeaEditor } from './IdeaEditor';
import { IdeaFilters } from './IdeaFilters';
import { IdeaRow } from './IdeaRow';
import { IdeaToolbar } from './IdeaToolbar';
import { IdeaTrash } from './IdeaTrash';
import { createIdeaLogModel, type IdeaLogModel, type IdeaLogOptions } from './idea-log-model';
import { OverdueCount } from './PipelineFilters';
import { RetentionBanner } from './RetentionBanner';
import { SimilarPanel } from './SimilarPanel';
import { VirtualList } from './VirtualList';
import './idea-log.css';

export interface IdeaLogProps extends IdeaLogOptions {
  /** Fixed row height (px) of the virtual list. */
  rowHeight?: number;
}

/**
 * The sidebar's idea log: search, filters, a virtual list over paged cursor
 * queries, status/tag/note editing, delete with Undo, export and import.
 * What it knows and does is its model (idea-log-model.ts); this lays it out.
 */
export function IdeaLog({ rowHeight = 160, ...options }: IdeaLogProps) {
  // Options are read once, when the log opens: the model lives as long as the component.
  const model = useMemo(() => createIdeaLogModel(options), []);
  useEffect(() => model.start(), [model]);

  const current = model.filter.value;
  const total = model.counts.value?.total ?? 0;
  const shown = model.ideas.value;
  const editing = model.editing.value;
  const today = model.now();

  return (
    <section
      class="khcn-idea-log"
      aria-label={t('idea_logTitle')}
      aria-busy={model.busy.value || model.loading.value}
    >
      <header class="khcn-idea-head">
        <h2>{t('idea_logTitle')}</h2>
        <span class="khcn-muted">{t('idea_count', String(total))}</span>
      </header>

      <IdeaToolbar model={model} />

      <div role="alert" class="khcn-alert">
        {model.alert.value}
      </div>
      <p role="status" class="khcn-progress">
        {model.progress.value}
      </p>

      <RetentionBanner model={model} />
      <IdeaFilters model={model} />
      <OverdueCount model={model} />

      {editing && (
        <IdeaEditor
          key={editing.id}
          idea={editing}
          conflict={model.conflict.value}
          onSave={(patch) => void model.saveEdit(editing, patch)}
          onCancel={() => model.closeEditor()}
          onLoadNewest={() => model.loadNewest()}
          pipeline={model.pipeline.value}
          now={today}
        />
      )}

      <SimilarPanel model={model} />
      <GroupView model={model} />

      {shown.length === 0 ? (
        <p class="khcn-muted khcn-idea-empty">
          {model.loading.value
            ? t('idea_loading')
            : isFilterEmpty(current)
              ? t('idea_emptyLog')
              : t('idea_noMatch')}
        </p>
      ) : (
        <VirtualList
          items={shown}
          rowHeight={rowHeight}
          keyOf={(idea) => idea.id}
          label={t('idea_listLabel')}
          onNearEnd={model.loadMore}
          renderRow={(idea) => (
            <IdeaRow
              idea={idea}
              now={today}
              onStatus={(target, status) => void model.changeStatus(target, status)}
              onEdit={(target) => {
                model.editing.value = target;
              }}
              onDelete={(target) => void model.remove(target)}
              pipeline={model.pipeline.value}
              onFindSimilar={(target) => void model.similar.findFor(target, true)}
              onViewGroup={(groupId) => void model.groups.view(groupId)}
            />
          )}
        />
      )}

      <IdeaTrash model={model} />

      <UndoToast model={model} />
    </section>
  );
}

/** The message after a delete, with Undo (focused, so a keyboard user can take it back at once). */
function UndoToast({ model }: { model: IdeaLogModel }) {
  const undoButton = useRef<HTMLButtonElement>(null);
  const toast = model.toast.value;
  // As soon as it is drawn: a keyboard user can take the delete back at once.
  useLayoutEffect(() => {
    if (toast?.undo) undoButton.current?.focus();
  }, [toast]);
  if (!toast) return null;
  return (
    <div class="khcn-toast" role="status">
      <span>{toast.message}</span>
      {toast.undo && (
        <button ref={undoButton} type="button" onClick={() => model.undoFromToast()}>
          {t('idea_undo')}
        </button>
      )}
    </div>
  );
}
