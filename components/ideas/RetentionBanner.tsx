import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { IdeaLogModel } from './idea-log-model';

/**
 * Ideas past the retention period: export them, and delete them only once the
 * moderator says the file was saved (or asked twice to delete without an
 * export). What is deleted goes to the trash; Undo is offered at once.
 */
export function RetentionBanner({ model }: { model: IdeaLogModel }) {
  const focusTarget = useRef<HTMLButtonElement>(null);
  const purged = model.purged.value;
  const pending = model.pendingPurge.value;
  const expired = model.expired.value;
  const busy = model.busy.value;
  // Each new step takes the focus on its own main button, for keyboard users.
  useLayoutEffect(() => {
    if (purged || pending) focusTarget.current?.focus();
  }, [purged, pending]);
  return (
    <div class="khcn-retention" role="status" aria-live="polite">
      {pending ? (
        <p class="khcn-retention-banner">
          <span>
            {pending.step === 'exported'
              ? t('idea_retentionCheckFile', pending.fileName ?? '', String(pending.ideas.length))
              : t('idea_retentionNoExportConfirm', String(pending.ideas.length))}
          </span>
          <button ref={focusTarget} type="button" disabled={busy} onClick={() => void model.confirmPurge()}>
            {pending.step === 'exported' ? t('idea_retentionSavedDelete') : t('idea_retentionNoExportYes')}
          </button>
          <button type="button" onClick={() => model.cancelPurge()}>
            {t('idea_cancel')}
          </button>
        </p>
      ) : purged ? (
        <p class="khcn-retention-banner">
          <span>{t('idea_retentionDone', String(purged.length))}</span>
          <button ref={focusTarget} type="button" onClick={() => void model.undoPurge()}>
            {t('idea_undo')}
          </button>
        </p>
      ) : expired.count > 0 ? (
        <p class="khcn-retention-banner">
          <span>{t('idea_retentionNotice', String(expired.count), String(expired.days))}</span>
          <button type="button" disabled={busy} onClick={() => void model.exportExpired()}>
            {t('idea_retentionExportDelete')}
          </button>
          <button type="button" disabled={busy} onClick={() => void model.askPurgeWithoutExport()}>
            {t('idea_retentionNoExport')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
