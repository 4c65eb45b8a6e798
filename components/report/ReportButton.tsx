import { t } from '../../lib/i18n';
import { openReport } from './open-report';

/** "Báo cáo / Report": the idea log's and Options' way to the report page. */
export function ReportButton({ primary = false }: { primary?: boolean }) {
  return (
    <button
      type="button"
      class={primary ? 'primary' : undefined}
      title={t('report_openHint')}
      data-action="open-report"
      onClick={() => void openReport()}
    >
      {t('report_open')}
    </button>
  );
}
