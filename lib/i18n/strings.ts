// Source of the UI strings: one table, Vietnamese first, English alongside.
// `npm run locales` writes public/_locales/{vi,en}/messages.json
// from it; a unit test checks that the committed files match this table.
export const STRINGS = {
  extName: ['KHCN Moderator — hỗ trợ kiểm duyệt fanpage KH&CN', 'KHCN Moderator — moderation helper for the S&T fanpage'],
  extDescription: [
    'Gợi ý trả lời mẫu, gắn cờ tin sai, lừa đảo và lưu ý tưởng người dân cho fanpage KH&CN. Không gửi dữ liệu ra ngoài.',
    'Canned replies, misinformation and scam flags, and a citizen idea log for the S&T fanpage. Sends no data anywhere.',
  ],
  actionTitle: ['Mở bảng KHCN Moderator', 'Open the KHCN Moderator panel'],
  cmdOpenSidebar: ['Mở thanh bên KHCN Moderator', 'Open the KHCN Moderator sidebar'],
  cmdSaveIdea: ['Lưu bình luận đang trả lời thành ý tưởng', 'Save the comment being answered as an idea'],
  cmdNextFlag: ['Đến bình luận bị gắn cờ tiếp theo', 'Go to the next flagged comment'],
  cmdPreviousFlag: ['Về bình luận bị gắn cờ trước', 'Go to the previous flagged comment'],
  saveIdea: ['Lưu ý tưởng', 'Save idea'],
  ideaSaved: ['Đã lưu ý tưởng', 'Idea saved'],
  ideaUpdated: ['Đã cập nhật ý tưởng đã lưu', 'Saved idea updated'],
  ideaSaveFailed: ['Không lưu được ý tưởng: $1', 'Could not save the idea: $1'],
  extensionReloaded: [
    'Tiện ích vừa được cập nhật hoặc tải lại. Hãy tải lại trang Facebook (F5) rồi thử lại — chưa có gì bị mất.',
    'The extension was updated or reloaded. Reload the Facebook page (F5) and try again — nothing was lost.',
  ],
  panelTitle: ['KHCN Moderator', 'KHCN Moderator'],
  statsLine: ['Đã nhận $1 bình luận · $2 bị gắn cờ · $3 bỏ qua (chưa có mã)', '$1 comments seen · $2 flagged · $3 skipped (no id yet)'],
  layoutWarning: [
    'Trang có bài viết nhưng không nhận ra bình luận nào: có thể Facebook đã đổi bố cục. Gắn cờ và gợi ý tạm thời không hoạt động.',
    'The page shows posts but no comment was recognised: Facebook may have changed its layout. Flags and suggestions are paused.',
  ],
  flagBadge: ['Cờ: $1', 'Flag: $1'],
  category_health: ['sức khỏe', 'health'],
  category_scam: ['lừa đảo', 'scam'],
  category_impersonation: ['mạo danh', 'impersonation'],
  category_pseudoscience: ['giả khoa học', 'pseudoscience'],
  category_phishing: ['lừa lấy thông tin', 'phishing'],
  suggestionsLabel: ['Gợi ý trả lời', 'Suggested replies'],
  noComposer: [
    'Chưa chắc ô bình luận nào đang được trả lời: hãy bấm vào ô trả lời trước.',
    'Not sure which comment box to use: click into the reply box first.',
  ],
  paletteHint: ['Ctrl+. mở danh sách trả lời', 'Ctrl+. opens the reply list'],
  replyInserted: ['Đã chèn câu trả lời — kiểm tra rồi nhấn Enter để gửi.', 'Reply inserted — check it, then press Enter to send.'],
  paletteTitle: ['Chọn câu trả lời mẫu', 'Choose a canned reply'],
  paletteSearch: ['Tìm câu trả lời (gõ không dấu cũng được)', 'Search replies (diacritics optional)'],
  shortcutsTitle: ['Phím tắt', 'Keyboard shortcuts'],
  copiedFallback: ['Đã chép vào bộ nhớ tạm — nhấn Ctrl+V để dán.', 'Copied to the clipboard — press Ctrl+V to paste.'],
  sidepanelTitle: ['KHCN Moderator — thanh bên', 'KHCN Moderator — sidebar'],
  tabCurrent: ['Bình luận', 'Comments'],
  tabIdeas: ['Ý tưởng', 'Ideas'],
  currentComment: ['Bình luận đang trả lời', 'Comment being answered'],
  noCurrentComment: [
    'Mở ô trả lời dưới một bình luận trên fanpage để xem gợi ý.',
    'Open a reply box under a comment on the fanpage to see suggestions.',
  ],
  flaggedList: ['Bình luận bị gắn cờ', 'Flagged comments'],
  noFlagged: ['Chưa có bình luận nào bị gắn cờ trên trang này.', 'No flagged comments on this page yet.'],
  jumpTo: ['Đến bình luận', 'Go to comment'],
  notOnWatchedPage: [
    'Thanh bên hoạt động trên fanpage được theo dõi (mặc định facebook.com/khcndmst).',
    'The sidebar works on a watched fanpage (by default facebook.com/khcndmst).',
  ],
  exportJson: ['Xuất JSON', 'Export JSON'],
  exportCsv: ['Xuất CSV', 'Export CSV'],
  importJson: ['Nhập', 'Import'],
  optionsTitle: ['Tùy chọn KHCN Moderator', 'KHCN Moderator options'],
  optionsSaved: ['Đã lưu tùy chọn', 'Options saved'],
  watchedPages: ['Trang được theo dõi', 'Watched pages'],
  pageValues: ['Thông tin trang (dùng trong câu trả lời mẫu)', 'Page details (used in canned replies)'],
  privacy: ['Quyền riêng tư', 'Privacy'],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof STRINGS;

export function localeMessages(lang: 0 | 1): Record<string, { message: string; description?: string }> {
  return Object.fromEntries(
    Object.entries(STRINGS).map(([key, pair]) => [key, { message: pair[lang] }]),
  );
}
