import { uiLanguage } from '../../lib/i18n';

// The idea log's own UI strings, Vietnamese first, English alongside — the
// same shape as lib/i18n/strings.ts, ready to move into the shared table.
// (The contract buttons "Xuất JSON", "Xuất CSV", "Nhập" already come from there.)
export const IDEA_STRINGS = {
  ideaLogTitle: ['Nhật ký ý tưởng', 'Idea log'],
  ideaCount: ['$1 ý tưởng', '$1 ideas'],
  searchIdeas: ['Tìm ý tưởng (có dấu hoặc không dấu)', 'Search ideas (with or without diacritics)'],
  filterStatus: ['Trạng thái', 'Status'],
  filterTag: ['Nhãn', 'Tag'],
  filterFlagged: ['Cờ', 'Flags'],
  filterFrom: ['Từ ngày', 'From'],
  filterTo: ['Đến ngày', 'To'],
  all: ['Tất cả', 'All'],
  flaggedOnly: ['Có cờ', 'Flagged'],
  unflaggedOnly: ['Không có cờ', 'Not flagged'],
  clearFilters: ['Bỏ lọc', 'Clear filters'],
  exportFilteredOnly: ['Chỉ xuất các ý tưởng đang lọc', 'Export only the filtered ideas'],
  listLabel: ['Danh sách ý tưởng', 'Ideas'],
  emptyLog: [
    'Chưa có ý tưởng nào. Bấm "Lưu ý tưởng" dưới một bình luận trên fanpage để lưu.',
    'No ideas yet. Press "Save idea" under a comment on the fanpage.',
  ],
  noMatch: ['Không có ý tưởng nào khớp bộ lọc.', 'No idea matches the filters.'],
  loading: ['Đang tải…', 'Loading…'],
  unknownAuthor: ['(không lưu tên)', '(name not kept)'],
  openComment: ['Mở bình luận', 'Open comment'],
  edit: ['Sửa', 'Edit'],
  delete: ['Xóa', 'Delete'],
  editTitle: ['Sửa ý tưởng', 'Edit idea'],
  tagsField: ['Nhãn (cách nhau bằng dấu phẩy)', 'Tags (comma separated)'],
  noteField: ['Ghi chú', 'Note'],
  save: ['Lưu', 'Save'],
  cancel: ['Hủy', 'Cancel'],
  deleted: ['Đã xóa ý tưởng.', 'Idea deleted.'],
  undo: ['Hoàn tác', 'Undo'],
  restored: ['Đã khôi phục ý tưởng.', 'Idea restored.'],
  saved: ['Đã lưu thay đổi.', 'Changes saved.'],
  exporting: ['Đang xuất $1 ý tưởng…', 'Exporting $1 ideas…'],
  exported: ['Đã xuất $1 ý tưởng vào tệp $2.', 'Exported $1 ideas to $2.'],
  importing: ['Đang nhập tệp $1…', 'Importing $1…'],
  flagged: ['Bị gắn cờ', 'Flagged'],
  flaggedWhy: ['Bị gắn cờ: $1', 'Flagged: $1'],
} as const satisfies Record<string, readonly [string, string]>;

export type IdeaStringKey = keyof typeof IDEA_STRINGS;

export function say(key: IdeaStringKey, ...substitutions: (string | number)[]): string {
  const text = IDEA_STRINGS[key][uiLanguage() === 'vi' ? 0 : 1];
  return text.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}

/** A pair picked by the UI language (for tables such as STATUS_LABELS). */
export function pick(pair: readonly [string, string]): string {
  return pair[uiLanguage() === 'vi' ? 0 : 1];
}
