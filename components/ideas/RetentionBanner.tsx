import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { IdeaLogModel } from './idea-log-model';

/** Ideas past the retention period: export then delete them, and Undo until the sidebar closes. */
export function RetentionBanner({ model }: { model: IdeaLogModel }) {
  const undoButton = useRef<HTMLButtonElement>(null);
  const purged = model.purged.value;
  const expired = model.expired.value;
  useLayoutEffect(() => {
    if (purged) undoButton.current?.focus();
  }, [purged]);
  return (
    <div class="khcn-retention" aria-live="polite">
      {purged ? (
        <p class="khcn-retention-banner">
          <span>{t('idea_retentionDone', String(purged.length))}</span>
          <button ref={undoButton} type="button" onClick={() => void model.undoPurge()}>
            {t('idea_undo')}
          </button>
        </p>
      ) : expired.count > 0 ? (
        <p class="khcn-retention-banner">
          <span>{t('idea_retentionNotice', String(expired.count), String(expired.days))}</span>
          <button
            type="button"
            disabled={model.busy.value}
            onClick={() => void model.exportThenDeleteExpired()}
          >
            {t('idea_retentionExportDelete')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
