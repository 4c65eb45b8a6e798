import { formatNumber } from '../../lib/i18n/both';
import type { Cell, ReportTable } from '../../lib/ideas/report-tables';
import { Bi } from './bi';

function show(cell: Cell): string {
  return typeof cell === 'number' ? formatNumber(cell, 'vi') : cell;
}

/** A report table as an HTML table with its caption: the charts' alternative for screen readers and for print. */
export function DataTable({ table, id }: { table: ReportTable; id?: string }) {
  return (
    <table class="report-table" id={id} data-table={table.id}>
      <caption>
        <Bi p={table.caption} />
        {table.note ? (
          <span class="table-note">
            {' — '}
            <Bi p={table.note} />
          </span>
        ) : null}
      </caption>
      <thead>
        <tr>
          {table.header.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) =>
              c === 0 ? (
                <th key={c} scope="row">
                  {show(cell)}
                </th>
              ) : (
                <td key={c} class={typeof cell === 'number' ? 'num' : undefined}>
                  {show(cell)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {table.footer ? (
        <tfoot>
          <tr>
            {table.footer.map((cell, c) =>
              c === 0 ? (
                <th key={c} scope="row">
                  {show(cell)}
                </th>
              ) : (
                <td key={c} class={typeof cell === 'number' ? 'num' : undefined}>
                  {show(cell)}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
