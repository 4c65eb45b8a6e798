import { STRINGS } from '../i18n/strings';
import { isolateBidi } from '../text/invisible';
import { EXPORT_FORMAT, EXPORT_VERSION, type Idea } from './schema';

/** The order fields are written in: the contract's fields first, then the rest. */
const EXPORT_KEYS = [
  'id',
  'commentId',
  'permalink',
  'text',
  'capturedAt',
  'status',
  'tags',
  'postId',
  'parentId',
  'pageUrl',
  'authorName',
  'authorUrl',
  'flags',
  'note',
  'updatedAt',
  'topic',
  'unit',
  'answer',
  'groupId',
  'history',
] as const satisfies readonly (keyof Idea)[];

/** An idea as written to a file: fixed key order, absent optional fields left out. */
export function toExportedIdea(idea: Idea): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of EXPORT_KEYS) {
    if (idea[key] !== undefined) out[key] = idea[key];
  }
  return out;
}

/**
 * The JSON export as a list of chunks (one per idea), so 50,000 ideas go into
 * a Blob without building one giant string first. One idea per line keeps the
 * file readable and diffable.
 */
export function exportJsonParts(
  ideas: readonly Idea[],
  now: Date,
  trash?: readonly (Idea & { deletedAt: string })[],
): string[] {
  const head = `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(now.toISOString())},"ideas":[`;
  const parts: string[] = [head];
  ideas.forEach((idea, i) => {
    parts.push(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(toExportedIdea(idea))}`);
  });
  const closeIdeas = ideas.length ? '\n]' : ']';
  if (!trash) {
    parts.push(`${closeIdeas}}\n`);
    return parts;
  }
  // The trash only when asked for, beside `ideas` (a field older readers ignore).
  parts.push(`${closeIdeas},"trash":[`);
  trash.forEach((idea, i) => {
    const exported = { ...toExportedIdea(idea), deletedAt: idea.deletedAt };
    parts.push(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(exported)}`);
  });
  parts.push(trash.length ? '\n]}\n' : ']}\n');
  return parts;
}

export function exportJson(ideas: readonly Idea[], now: Date): string {
  return exportJsonParts(ideas, now).join('');
}

const CSV_COLUMNS: readonly { header: string; cell: (idea: Idea) => string }[] = [
  { header: 'Mã ý tưởng (id)', cell: (idea) => idea.id },
  { header: 'Mã bình luận (commentId)', cell: (idea) => idea.commentId },
  { header: 'Trạng thái (status)', cell: (idea) => STRINGS[`idea_status_${idea.status}`][0] },
  { header: 'Nhãn (tags)', cell: (idea) => idea.tags.join('; ') },
  { header: 'Nội dung (text)', cell: (idea) => idea.text },
  { header: 'Người viết (author)', cell: (idea) => idea.authorName ?? '' },
  { header: 'Trang cá nhân (authorUrl)', cell: (idea) => idea.authorUrl ?? '' },
  { header: 'Ghi chú (note)', cell: (idea) => idea.note },
  {
    header: 'Cờ (flags)',
    cell: (idea) => idea.flags.map((flag) => `${flag.category}:${flag.ruleId}`).join('; '),
  },
  { header: 'Liên kết (permalink)', cell: (idea) => idea.permalink },
  { header: 'Trang (pageUrl)', cell: (idea) => idea.pageUrl ?? '' },
  { header: 'Mã bài viết (postId)', cell: (idea) => idea.postId ?? '' },
  { header: 'Trả lời bình luận (parentId)', cell: (idea) => idea.parentId ?? '' },
  { header: 'Thời điểm lưu (capturedAt)', cell: (idea) => toVietnamTime(idea.capturedAt) },
  { header: 'Cập nhật (updatedAt)', cell: (idea) => toVietnamTime(idea.updatedAt) },
  // Issue 17, the idea pipeline. The topic is its id (the list's labels live in the settings).
  { header: 'Chủ đề (topic)', cell: (idea) => idea.topic ?? '' },
  { header: 'Đơn vị phụ trách (unit)', cell: (idea) => idea.unit ?? '' },
  { header: 'Trả lời chính thức (answer)', cell: (idea) => idea.answer?.text ?? '' },
  {
    header: 'Ngày trả lời (answer.answeredAt)',
    cell: (idea) => (idea.answer ? toVietnamTime(idea.answer.answeredAt) : ''),
  },
  { header: 'Liên kết trả lời (answer.permalink)', cell: (idea) => idea.answer?.permalink ?? '' },
  // One id per group: sorting or filtering by it puts a group's rows together.
  { header: 'Nhóm (groupId)', cell: (idea) => idea.groupId ?? '' },
  { header: 'Số lần đổi (history)', cell: (idea) => String(idea.history.length) },
];

/**
 * One CSV cell. A cell Excel would read as a formula (= + - @, or a leading
 * tab or carriage return) gets a leading apostrophe, so a comment cannot run
 * in the spreadsheet of the person the moderator reports to.
 */
export function csvCell(value: string): string {
  // A formula is refused even behind invisible characters ("\u200B=HYPERLINK(…)").
  const safe = /^[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*[=+\-@\t\r]/.test(value)
    ? `'${value}`
    : value;
  // A bidi override in a comment must not reverse the cells after it.
  return `"${isolateBidi(safe).replace(/"/g, '""')}"`;
}

/** CSV for Excel: UTF-8 with a BOM (else Excel misreads Vietnamese), CRLF lines. */
export function exportCsvParts(ideas: readonly Idea[]): string[] {
  const parts = [`\uFEFF${CSV_COLUMNS.map((column) => csvCell(column.header)).join(',')}\r\n`];
  for (const idea of ideas) {
    parts.push(`${CSV_COLUMNS.map((column) => csvCell(column.cell(idea))).join(',')}\r\n`);
  }
  return parts;
}

export function exportCsv(ideas: readonly Idea[]): string {
  return exportCsvParts(ideas).join('');
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** An instant written in Vietnam's time (UTC+7, no daylight saving): `2026-11-28T09:30:00+07:00`. */
export function toVietnamTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}+07:00`;
}

/** `khcn-y-tuong-2026-11-28.json` — the date is the moderator's (Vietnam) date. */
export function exportFileName(kind: 'json' | 'csv', now: Date): string {
  return `khcn-y-tuong-${toVietnamTime(now.toISOString()).slice(0, 10)}.${kind}`;
}

export const EXPORT_MIME = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
} as const;
