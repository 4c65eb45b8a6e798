// Part of the string table (lib/i18n/strings.ts spreads it in): what the idea
// log's database tells the moderator. Apart so that lib/ideas/db.ts, which the
// background bundles, does not bring the whole table with it.
export const IDEA_LOG_STRINGS = {
  ideaLog_reload: [
    'Nhật ký ý tưởng vừa được nâng cấp ở một trang khác của tiện ích. Hãy tải lại trang này.',
    'The idea log was upgraded in another extension page. Reload this page.',
  ],
  ideaLog_blocked: [
    'Một trang cũ của tiện ích đang giữ nhật ký ý tưởng. Hãy đóng hoặc tải lại các trang đó.',
    'An older extension page holds the idea log open. Close or reload it.',
  ],
  ideaLog_terminated: [
    'Trình duyệt đã đóng nhật ký ý tưởng đột ngột. Hãy tải lại trang này.',
    'The browser closed the idea log unexpectedly. Reload this page.',
  ],
  ideaLog_tooNew: [
    'Nhật ký ý tưởng được tạo bởi phiên bản mới hơn của tiện ích. Hãy cập nhật tiện ích.',
    'The idea log was written by a newer version of the extension. Update the extension.',
  ],
  ideaLog_invalidComment: ['Bình luận không hợp lệ: $1', 'Invalid comment: $1'],
  ideaLog_invalidIdea: ['Ý tưởng không hợp lệ, chưa lưu: $1', 'Invalid idea, not saved: $1'],
  ideaLog_invalidEdit: ['Sửa không hợp lệ: $1', 'Invalid edit: $1'],
  ideaLog_notFound: [
    'Không tìm thấy ý tưởng (có thể đã bị xóa)',
    'Idea not found (it may have been deleted)',
  ],
  ideaLog_conflict: [
    'Ý tưởng này vừa được sửa ở nơi khác nên thay đổi của bạn chưa được lưu. Những gì bạn nhập vẫn còn đây: bấm "Tải bản mới nhất" rồi lưu lại.',
    'This idea was changed elsewhere, so your changes were not saved. What you typed is still here: press "Load the newest version", then save again.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
