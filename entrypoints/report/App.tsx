import { useLayoutEffect, useMemo } from 'preact/hooks';
import { downloadFile } from '../../components/download';
import { Bi } from '../../components/report/bi';
import { buildReportHtml } from '../../components/report/export-html';
import { RangePicker } from '../../components/report/RangePicker';
import { ReportView } from '../../components/report/ReportView';
import reportCss from '../../components/report/report.css?inline';
import { createReportModel } from '../../components/report/report-model';
import { both, pair } from '../../lib/i18n/both';
import { type ReportTable, reportFileName, tableCsv } from '../../lib/ideas/report-tables';
import './page.css';

/**
 * The report page (issue 17, item 4), opened in a tab from the sidebar's idea
 * log and from Options. It reads the log once, computes the chosen range,
 * and exports what it shows as one HTML file or one CSV per table.
 *
 * Two performance measures are left for the bench (scripts/bench/report.ts):
 * `khcn:report-compute` and `khcn:report-draw` (from the figures being ready
 * to the report laid out in the page).
 */
export function App() {
  const model = useMemo(() => createReportModel(undefined, location.search), []);
  const state = model.state.value;

  useLayoutEffect(() => {
    document.title = `KHCN Moderator — ${both('report_title')}`;
    void model.load();
  }, []);

  useLayoutEffect(() => {
    if (state.kind !== 'ready') return;
    // Reading the layout makes the browser lay the report out now: the draw time includes it.
    document.body.getBoundingClientRect();
    const end = performance.now();
    const ready = model.timings.readyAt;
    performance.measure('khcn:report-compute', { start: ready - model.timings.computeMs, end: ready });
    performance.measure('khcn:report-draw', { start: ready, end });
  }, [state]);

  const saveCsv = (table: ReportTable) => {
    if (state.kind !== 'ready') return;
    downloadFile(tableCsv(table), reportFileName(state.report, table.id), 'text/csv;charset=utf-8');
  };
  const saveHtml = () => {
    if (state.kind !== 'ready') return;
    const html = buildReportHtml(
      { report: state.report, topics: state.topics, madeAt: state.madeAt },
      reportCss,
    );
    downloadFile(html, reportFileName(state.report, 'html'), 'text/html;charset=utf-8');
  };

  return (
    <main class="report-page">
      <div class="report-controls no-print">
        <RangePicker model={model} />
        <div class="report-exports">
          <button type="button" class="primary" disabled={state.kind !== 'ready'} onClick={saveHtml}>
            <Bi p={pair('report_exportHtml')} />
          </button>
          <button type="button" disabled={state.kind !== 'ready'} onClick={() => print()}>
            <Bi p={pair('report_print')} />
          </button>
        </div>
      </div>
      {/* The report's own stylesheet, the same text the exported file carries. */}
      <style>{reportCss}</style>
      {state.kind === 'loading' ? (
        <p role="status" class="report-status">
          <Bi p={pair('report_loading')} />
        </p>
      ) : state.kind === 'error' ? (
        <p role="alert" class="report-status error">
          <Bi p={pair('report_failed', state.message)} />
        </p>
      ) : (
        <ReportView report={state.report} topics={state.topics} madeAt={state.madeAt} onCsv={saveCsv} />
      )}
    </main>
  );
}
