import { t } from '../../lib/i18n';
import { ReportButton } from './ReportButton';

/** Options' way to the weekly report (the same page the idea log opens). */
export function ReportSection() {
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('report_optionsHeading')}</h2>
      <p>{t('report_optionsIntro')}</p>
      <ReportButton primary />
    </section>
  );
}
