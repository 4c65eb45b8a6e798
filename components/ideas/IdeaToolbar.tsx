import { useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { ReportButton } from '../report/ReportButton';
import type { IdeaLogModel } from './idea-log-model';

/** Export (JSON, CSV) and import: the contract's "Xuất JSON" and "Nhập" buttons, always in reach. */
export function IdeaToolbar({ model }: { model: IdeaLogModel }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = model.busy.value;
  return (
    <div class="khcn-idea-toolbar">
      <button type="button" disabled={busy} onClick={() => void model.exportAs('json')}>
        {t('exportJson')}
      </button>
      <button type="button" disabled={busy} onClick={() => void model.exportAs('csv')}>
        {t('exportCsv')}
      </button>
      <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
        {t('importJson')}
      </button>
      <ReportButton />
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(event) => {
          const input = event.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          // Cleared so that picking the same file again still imports it.
          input.value = '';
          if (file) void model.importFile(file);
        }}
      />
      <label class="khcn-idea-check">
        <input
          type="checkbox"
          checked={model.onlyFiltered.value}
          onChange={(event) => {
            model.onlyFiltered.value = (event.currentTarget as HTMLInputElement).checked;
          }}
        />
        {t('idea_exportFilteredOnly')}
      </label>
      <label class="khcn-idea-check">
        <input
          type="checkbox"
          checked={model.includeTrash.value}
          onChange={(event) => {
            model.includeTrash.value = (event.currentTarget as HTMLInputElement).checked;
          }}
        />
        {t('idea_exportWithTrash')}
      </label>
    </div>
  );
}
