// Part of the string table (lib/i18n/strings.ts spreads it in): what the
// checks of files, packs and stored data tell the moderator. They are shown in
// both languages at once (lib/i18n/bilingual.ts). Apart so that the modules the
// background bundles (lib/corrections, lib/ideas/instant.ts) do not bring the
// whole table with them.
export const CHECK_STRINGS = {
  check_more: ['và $1 lỗi khác', 'and $1 more'],
  check_unreadable: ['Không đọc được tệp.', 'The file could not be read.'],
  instant_notIso: ['cần thời điểm ISO 8601', 'expected an ISO 8601 date-time'],
  instant_outOfRange: [
    'thời điểm ngoài các năm 0000–$1 khi đổi sang giờ UTC',
    'the date falls outside the years 0000–$1 in UTC',
  ],
  // The idea log's import (lib/ideas/import.ts).
  import_logUnchanged: ['Nhật ký không thay đổi.', 'The log was not changed.'],
  import_tooLarge: ['Tệp quá lớn ($1 MB, tối đa $2 MB).', 'The file is too large ($1 MB, limit $2 MB).'],
  import_wholeFile: ['tệp', 'file'],
  import_empty: ['Tệp trống: không có gì để nhập.', 'The file is empty: nothing to import.'],
  import_csv: [
    'Đây là tệp CSV, không phải tệp JSON xuất từ KHCN Moderator. Chỉ nhập được tệp .json đã xuất.',
    'This is a CSV file, not a KHCN Moderator JSON export. Only exported .json files can be imported.',
  ],
  import_notJson: [
    'Tệp không phải JSON hợp lệ (có thể bị cắt ngang).',
    'The file is not valid JSON (it may be truncated).',
  ],
  import_forbiddenKey: ['Tệp chứa khóa bị cấm "$1" tại $2.', 'The file holds the forbidden key "$1" at $2.'],
  import_invalid: ['Tệp xuất không hợp lệ, không nhập gì cả.', 'Invalid export file, nothing imported.'],
  import_future: [
    'Tệp có thời điểm ở tương lai (quá một ngày so với đồng hồ máy này).',
    'The file holds dates in the future (more than a day past this machine’s clock).',
  ],
  import_dateInFuture: ['$1 ở tương lai', 'is in the future'],
  import_idTaken: [
    'id $1 đã thuộc về bình luận $2 trong nhật ký',
    'id already belongs to comment $2 in the log',
  ],
  import_conflict: ['Tệp mâu thuẫn với nhật ký hiện có.', 'The file conflicts with the current log.'],
  import_writeFailed: ['Không ghi được vào nhật ký.', 'Could not write to the log.'],
  // Shared packs (lib/packs/share.ts).
  pack_nothingChanged: ['Không có gì thay đổi.', 'Nothing was changed.'],
  pack_tooLarge: [
    'Tệp quá lớn để là một gói (tối đa 5 MB).',
    'The file is too large to be a pack (limit 5 MB).',
  ],
  pack_notJson: ['Tệp không phải JSON hợp lệ.', 'The file is not valid JSON.'],
  pack_notObject: [
    'Tệp không phải một gói (cần một đối tượng JSON).',
    'The file is not a pack (expected a JSON object).',
  ],
  pack_or: ['hoặc', 'or'],
  pack_wrongFormat: [
    'Không phải gói của KHCN Moderator: "format" là $1, cần $2.',
    'Not a KHCN Moderator pack: "format" is $1, expected $2.',
  ],
  pack_kind_replies: ['gói câu trả lời', 'reply pack'],
  pack_kind_rules: ['gói quy tắc', 'rule pack'],
  pack_wrongKind: ['Đây là $1, không phải $2.', 'This is a $1, not a $2.'],
  pack_badVersion: [
    'Phiên bản gói $1 chưa được hỗ trợ (cần 1).',
    'Pack version $1 is not supported (expected 1).',
  ],
  pack_invalid_replies: ['Gói câu trả lời không hợp lệ:', 'Invalid reply pack:'],
  pack_invalid_rules: ['Gói quy tắc không hợp lệ:', 'Invalid rule pack:'],
  pack_item: ['mục số $1', 'item $1'],
  pack_root: ['gốc', 'root'],
  // A stored pack set aside for the default (lib/packs/storage.ts).
  storedPack_replies: ['Thư viện câu trả lời', 'reply library'],
  storedPack_rules: ['Danh sách quy tắc', 'rule list'],
  storedPack_invalid: [
    '$1 đã lưu không còn hợp lệ, đang dùng gói mặc định.',
    'The stored $1 is no longer valid; using the default pack.',
  ],
  storedPack_unreadable: [
    '$1 đã lưu không đọc được, đang dùng gói mặc định.',
    'The stored $1 cannot be read; using the default pack.',
  ],
  // A selectors pack's checks (lib/facebook/selector-pack.ts); it was English only.
  selPack_notJson: ['không phải JSON: $1', 'not JSON: $1'],
  selPack_badSelector: ['không phải bộ chọn CSS hợp lệ', 'is not a valid CSS selector'],
  // A reply pack's checks (lib/replies/schema.ts) and a reply that cannot be filled in (lib/replies/render.ts).
  replyPack_emptyBody: ['nội dung trống', 'empty body'],
  replyPack_unknownPlaceholder: ['chỗ điền không hợp lệ', 'unknown placeholder: $1'],
  replyPack_badId: ['id chỉ gồm chữ thường, số và dấu gạch nối', 'lower-case words joined by -'],
  replyPack_twoVariants: ['hai biến thể cho cùng đối tượng "$1"', 'two variants for the same audience'],
  replyPack_duplicateId: ['trùng id "$1"', 'duplicate id "$1"'],
  replyPack_notJson: ['Tệp không phải JSON hợp lệ', 'Not valid JSON: $1'],
  replyPack_invalid: ['Gói câu trả lời không hợp lệ', 'Invalid reply pack:'],
  // What each reply placeholder stands for (lib/replies/placeholders.ts), shown in both languages.
  placeholder_ten: ['tên người bình luận', "commenter's name"],
  placeholder_danhXung: ['danh xưng', 'form of address'],
  placeholder_trang: ['tên trang', 'page name'],
  placeholder_lienKet: ['liên kết chính thức', 'official link'],
  placeholder_hotline: ['đường dây nóng', 'hotline'],
  placeholder_ngay: ['ngày hôm nay', "today's date"],
  placeholder_chuKy: ['chữ ký', 'signature'],
  render_notInserted: ['Chưa chèn câu trả lời.', 'Reply not inserted.'],
  render_noValue: ['Chưa có giá trị cho $1.', 'No value for $1.'],
  render_setInOptions: ['Điền trong Tùy chọn → Thông tin trang.', 'Set it in Options → Page details.'],
  render_unknownPlaceholder: ['Chỗ điền không hợp lệ: $1.', 'Unknown placeholder: $1.'],
  // Labelled corrections files (lib/corrections).
  corrections_notJson: ['Dòng $1: không phải JSON', 'line $1: not JSON'],
  corrections_line: ['Dòng $1', 'line $1'],
  corrections_duplicateId: ['Dòng $1: mã "$2" lặp lại', 'duplicate id'],
  corrections_empty: ['Tệp không có dòng nào', 'the file has no lines'],
  corrections_commentId: ['mã bình luận là số', 'numeric comment id'],
  corrections_needsIntent: ['reply-chosen cần "intent"', 'needs an intent'],
  corrections_needsCategories: ['$1 cần "categories"', 'needs categories'],
  // An idea's fields and the export file (lib/ideas/schema.ts).
  idea_httpsUrl: ['cần liên kết https', 'expected an https URL'],
  idea_facebookUrl: ['cần liên kết https://www.facebook.com/', 'expected an https://www.facebook.com/ URL'],
  idea_emptyTag: ['nhãn trống', 'empty tag'],
  idea_tagTooLong: ['nhãn quá dài', 'tag too long'],
  idea_emptyUnit: ['tên đơn vị trống', 'empty unit name'],
  idea_unitTooLong: ['tên đơn vị quá dài', 'unit name too long'],
  idea_topicId: ['mã chủ đề: chữ thường không dấu và gạch nối', 'topic id: lowercase ASCII and hyphens'],
  idea_emptyAnswer: ['câu trả lời trống', 'empty answer'],
  idea_uuid: ['cần UUID', 'expected a UUID'],
  idea_permalinkWithoutComment: [
    'liên kết không chứa mã bình luận $1',
    'the permalink does not contain the comment id',
  ],
  export_notOurs: ['không phải tệp xuất của KHCN Moderator (cần "$1")', 'not a KHCN Moderator export'],
  export_version: ['phiên bản không hỗ trợ (cần $1)', 'unsupported version'],
  export_duplicate: ['trùng $1 với ideas[$2]', 'duplicate $1 of ideas[$2]'],
  // The topic list and the units (lib/ideas/topics.ts, lib/ideas/pipeline-settings.ts).
  topic_emptyWord: ['từ khóa trống', 'empty word'],
  topic_wordTooLong: ['từ khóa dài quá 80 ký tự', 'word longer than 80 characters'],
  topic_wordWithoutLetters: ['từ khóa không có chữ cái hay chữ số nào', 'word has no letters or digits'],
  topic_id: [
    'mã chủ đề chỉ gồm chữ thường không dấu, số và dấu gạch nối',
    'id: lowercase ASCII letters, digits and hyphens',
  ],
  topic_missingVi: ['thiếu tên tiếng Việt', 'missing Vietnamese name'],
  topic_missingEn: ['thiếu tên tiếng Anh', 'missing English name'],
  topic_noWords: ['chủ đề cần ít nhất một từ khóa', 'a topic needs at least one word'],
  topic_emptyList: ['danh sách chủ đề trống', 'empty topic list'],
  topic_duplicateId: ['mã chủ đề "$1" bị trùng với chủ đề số $2', 'duplicate topic id'],
  /** $1 the topic's number (its name and the field's path follow in code: "$1$2" would read as a Chrome placeholder). */
  topic_where: ['Chủ đề số $1', 'topic $1'],
  topic_invalidList: ['Danh sách chủ đề không hợp lệ', 'invalid topic list'],
  unit_duplicate: ['đơn vị "$1" bị trùng', 'duplicate unit'],
  // A rule pack's checks (lib/flags/schema.ts).
  rulePack_ruleId: [
    'mã quy tắc chỉ gồm chữ thường không dấu, số và dấu gạch ngang',
    'rule id: lowercase ASCII letters, digits and hyphens',
  ],
  rulePack_phraseTooShort: ['cụm từ quá ngắn', 'phrase too short'],
  rulePack_phraseTooLong: ['cụm từ quá dài', 'phrase too long'],
  rulePack_phraseWithoutLetters: ['cụm từ phải có chữ hoặc số', 'a phrase needs a letter or a digit'],
  rulePack_ruleWithoutMatch: [
    'quy tắc cần ít nhất một cụm từ, một biểu thức chính quy hoặc một tổ hợp (requires)',
    'a rule needs at least one phrase, a regex or a combination (requires)',
  ],
  rulePack_duplicateConcept: ['mã khái niệm "$1" bị trùng', 'duplicate concept id'],
  /** $2 the detectors the pack may name, "@phone, @link, …". */
  rulePack_unknownPart: [
    '"$1" không phải khái niệm nào trong gói, cũng không phải bộ dò ($2)',
    'unknown concept or detector',
  ],
  rulePack_duplicateRule: ['mã quy tắc "$1" bị trùng (quy tắc số $2 và $3)', 'duplicate rule id'],
  rulePack_invalid: ['Gói quy tắc không hợp lệ', 'invalid rule pack'],
  // A rule's regex (lib/flags/regex-safety.ts, lib/flags/rule-regex.ts). A cause
  // the regex engine gives (in English) follows in code, after ": ".
  regex_tooLong: ['biểu thức quá dài (tối đa $1 ký tự)', 'the pattern is too long'],
  regex_invalid: ['biểu thức không hợp lệ', 'invalid pattern'],
  regex_wordBoundary: [
    'không dùng \\b: trong JavaScript nó chỉ hiểu chữ ASCII, sai với tiếng Việt — dùng (?<![\\p{L}\\p{N}]) / (?![\\p{L}\\p{N}])',
    'no \\b: in JavaScript it knows only ASCII letters, wrong for Vietnamese — use (?<![\\p{L}\\p{N}]) / (?![\\p{L}\\p{N}])',
  ],
  regex_backReference: ['không dùng tham chiếu ngược (\\1, \\k<…>)', 'no back-references'],
  regex_nestedQuantifier: [
    'lượng từ lồng nhau ở vị trí $1 (kiểu (a+)+) có thể treo trình duyệt',
    'a nested quantifier at position $1 (like (a+)+) can freeze the browser',
  ],
  regex_lookaheadNotLast: [
    'phép nhìn trước (?=…)/(?!…) chỉ được đặt ở cuối biểu thức',
    'a lookahead is allowed only at the very end',
  ],
  regex_trailingBackslash: ['biểu thức kết thúc bằng \\', 'the pattern ends with a backslash'],
  regex_badUnicodeEscape: ['mã \\u không hợp lệ ở vị trí $1', 'invalid \\u escape'],
  regex_spaceComplementInClass: [
    'không dùng \\S trong [ ] — viết [^…] cho phần bù',
    '\\S inside a character class is not supported',
  ],
  regex_emptyClass: ['lớp ký tự rỗng []', 'an empty character class'],
  regex_lookahead: [
    'phép nhìn trước (?=…)/(?!…) chỉ hỗ trợ một ký tự hoặc một lớp ký tự, ở cuối biểu thức, ví dụ (?![\\p{L}\\p{N}])',
    'a lookahead is supported only as one character or class at the very end, e.g. (?![\\p{L}\\p{N}])',
  ],
  regex_lookaheadAfterAlternatives: [
    'phép nhìn trước ở cuối không dùng được khi cả biểu thức là các nhánh a|b: bọc chúng trong (?:…)',
    'wrap top-level alternatives in (?:…) before a final lookahead',
  ],
  regex_empty: ['biểu thức rỗng', 'the pattern is empty'],
  regex_unsupported: [
    'biểu thức không chạy được trên bộ máy tuyến tính (RE2)',
    'not supported by the linear-time engine',
  ],
  regex_tooComplex: [
    'biểu thức quá phức tạp ($1 bước, tối đa $2): bớt lặp {n,m} hoặc bớt nhánh',
    'the pattern is too complex',
  ],
  // A rule pack past the matcher's limits (lib/flags/matcher.ts, lib/flags/aho-corasick.ts).
  rulePack_tooManyLetters: [
    'gói quy tắc có quá nhiều chữ cái khác nhau',
    'too many distinct letters in the rule pack',
  ],
  rulePack_tooManyCharacters: [
    'các cụm từ có quá nhiều ký tự khác nhau',
    'too many distinct characters in patterns',
  ],
  // The model file's checks (lib/model/schema.ts).
  model_notBase64: ['không phải base64', 'not base64'],
  model_notWeightChars: [
    'có ký tự ngoài bảng ký tự của trọng số',
    "a character outside the weights' alphabet",
  ],
  /** The labels, in order, follow in code. */
  model_labels: ['nhãn phải là', 'labels must be'],
  model_featuresCorrupt: [
    'features: mã hoá các hash bị hỏng hoặc thiếu',
    'the hashes are corrupt or truncated',
  ],
  model_weightsLength: ['weights: cần $1 ký tự, có $2', 'wrong length'],
  model_invalid: ['Tệp mô hình không hợp lệ', 'invalid model file'],
  // A report's dates (lib/ideas/report.ts) and a tab's batch of flag counts (lib/flags/flag-stats.ts).
  report_dayFormat: ['cần ngày dạng YYYY-MM-DD', 'expected a YYYY-MM-DD date'],
  report_noSuchDay: ['ngày không tồn tại', 'no such date'],
  report_startAfterEnd: ['ngày bắt đầu sau ngày kết thúc', 'the start is after the end'],
  report_rangeTooLong: ['khoảng ngày dài quá 5 năm', 'range longer than five years'],
  flagStats_tooManyDays: ['quá nhiều ngày trong một lần gửi', 'too many days in one batch'],
} as const satisfies Record<string, readonly [string, string]>;
