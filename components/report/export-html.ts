import { h, render } from 'preact';
import { both } from '../../lib/i18n/both';
import { ReportView, type ReportViewProps } from './ReportView';

/**
 * The report as ONE self-contained HTML file: inline CSS, inline SVG, no
 * script, no external resource (nothing to fetch when it is opened years
 * later, or mailed), tables open, print rules for A4 (report.css).
 *
 * The body is the ReportView tree rendered by Preact into a detached
 * element and serialised by the browser: every comment excerpt is a text
 * node, which serialisation escapes (& < > and, in attributes, "), so an
 * excerpt can never become markup. The few strings put around it (title,
 * CSS) go through escapeHtml / escapeStyle below.
 */

/** Text for HTML text or a double-quoted attribute: & < > " ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** CSS inside <style>: only "</style" could end it early; the report's own CSS never has it, but a slip stays harmless. */
export function escapeStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/** The serialised report tree (the browser's serialiser escapes every text and attribute). */
export function renderReportMarkup(props: ReportViewProps): string {
  const host = document.createElement('div');
  render(h(ReportView, { ...props, staticTables: true, onCsv: undefined }), host);
  // Reading the tree back as markup (not writing markup into the page).
  const markup = host.firstElementChild?.outerHTML ?? '';
  render(null, host);
  return markup;
}

export function buildReportHtml(props: ReportViewProps, css: string): string {
  const title = `${both('report_title')} — ${props.report.range.from} – ${props.report.range.to}`;
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script, no fetch, no form: the file only shows.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>body{margin:0;background:#fff}\n${escapeStyle(css)}</style>`,
    '</head>',
    '<body>',
    renderReportMarkup(props),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
