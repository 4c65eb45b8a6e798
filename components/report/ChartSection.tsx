import { useState } from 'preact/hooks';
import { type Pair, pair } from '../../lib/i18n/both';
import type { ReportTable } from '../../lib/ideas/report-tables';
import { Bi, BiPara } from './bi';
import { DataTable } from './DataTable';

export interface ChartSectionProps {
  id: string;
  title: Pair;
  summary: Pair;
  /** The chart itself; absent when there is nothing to draw (the summary says so). */
  chart?: preact.ComponentChildren;
  tables: ReportTable[];
  /** The exported file has no script: its tables are always shown. */
  staticTables?: boolean;
  /** One CSV per table, downloaded by its own button (see docs/report.md: why not one file). */
  onCsv?: (table: ReportTable) => void;
}

/**
 * One section of the report: title, a summary in words (what the chart
 * shows, for everyone and first for screen readers), the chart, and its
 * table(s) behind "Xem bảng / Show table".
 */
export function ChartSection({ id, title, summary, chart, tables, staticTables, onCsv }: ChartSectionProps) {
  const [open, setOpen] = useState(false);
  const shown = staticTables || open;
  const tablesId = `${id}-tables`;
  return (
    <section class="report-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <Bi p={title} />
      </h2>
      <BiPara p={summary} id={`${id}-summary`} />
      {chart ? <div class="report-chart">{chart}</div> : null}
      {staticTables ? null : (
        <div class="report-actions no-print">
          <button type="button" aria-expanded={open} aria-controls={tablesId} onClick={() => setOpen(!open)}>
            <Bi p={pair(open ? 'report_hideTable' : 'report_showTable')} />
          </button>
          {onCsv
            ? tables.map((table) => (
                <button key={table.id} type="button" data-csv={table.id} onClick={() => onCsv(table)}>
                  <Bi p={pair('report_exportCsv')} />
                  {tables.length > 1 ? ` (${table.caption.vi.replace(/ — .*$/, '')})` : ''}
                </button>
              ))
            : null}
        </div>
      )}
      <div id={tablesId} class="report-tables" hidden={!shown}>
        {shown ? tables.map((table) => <DataTable key={table.id} table={table} />) : null}
      </div>
    </section>
  );
}
