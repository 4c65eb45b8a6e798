// Part of the string table (lib/i18n/strings.ts spreads it in): how a flag and
// a suggested reply explain themselves to the moderator (lib/flags/hit.ts,
// lib/flags/detectors.ts, lib/judge, lib/replies/suggest.ts). Shown in the
// in-page UI, the sidebar and Options, so they follow the UI language
// (`translate(JUDGEMENT_STRINGS, …)`); where browser.i18n is missing (the
// classify CLI, unit tests) they read in Vietnamese, as the packs do. Apart so
// that the judge, which Options and the background also load, does not bring
// the whole table with it.
export const JUDGEMENT_STRINGS = {
  // How a rule's phrase matched the comment (lib/flags/hit.ts).
  flagHow_exact: ['đúng chính tả, có dấu', 'exact spelling, with diacritics'],
  flagHow_folded: ['không dấu', 'without diacritics'],
  flagHow_teencode: ['viết tắt / teencode', 'abbreviation / teencode'],
  flagHow_despaced: ['chữ bị tách rời', 'letters spaced out'],
  flagHow_combined: ['tổ hợp dấu hiệu', 'a combination of signs'],
  flagHow_model: ['mô hình', 'the model'],
  flagHow_weak: ['sai dấu, mô hình xác nhận', 'diacritics differ, the model agrees'],
  flagHow_moderator: ['quản trị viên gắn cờ', 'flagged by a moderator'],
  /** $1 the rule's id, $2 how it matched, $3 the words found «…», $4 the rule's note (the pack's words). */
  flagExplain_rule: ['Khớp quy tắc "$1" ($2): $3 — $4', 'Matched rule "$1" ($2): $3 — $4'],
  /** $1 the model's note. */
  flagExplain_model: ['Mô hình gắn cờ (không theo quy tắc nào) — $1', 'Flagged by the model (no rule) — $1'],
  // The detectors, as a model's note names them (lib/flags/detectors.ts).
  detector_phone: ['số điện thoại', 'a phone number'],
  detector_link: ['đường link', 'a link'],
  detector_unofficialLink: [
    'đường link không phải của cơ quan, ngân hàng chính thức',
    'a link not belonging to an official agency or bank',
  ],
  detector_shortLink: ['link rút gọn', 'a shortened link'],
  detector_suspiciousTld: ['tên miền đuôi hay bị lợi dụng', 'a domain ending often abused'],
  detector_lookalikeDomain: [
    'tên miền giả dạng ngân hàng / cơ quan nhà nước / Facebook',
    'a domain posing as a bank, a state agency or Facebook',
  ],
  detector_money: ['số tiền', 'an amount of money'],
  detector_handle: ['tài khoản liên hệ riêng', 'a private contact account'],
  // A flag from the model or from a moderator (lib/judge).
  modelNote_health: ['Có dấu hiệu thông tin sức khỏe sai lệch.', 'Signs of health misinformation.'],
  modelNote_pseudoscience: ['Có dấu hiệu thông tin giả khoa học.', 'Signs of pseudoscience.'],
  modelNote_scam: [
    'Có dấu hiệu lừa đảo (hứa lợi nhuận, nạp tiền, liên hệ riêng).',
    'Signs of a scam (promised profits, deposits, private contact).',
  ],
  modelNote_phishing: [
    'Có dấu hiệu lừa lấy tài khoản, mật khẩu, mã OTP qua liên kết.',
    'Signs of phishing for accounts, passwords or OTP codes through a link.',
  ],
  modelNote_impersonation: [
    'Có dấu hiệu mạo danh Bộ, cơ quan nhà nước, ngân hàng hoặc quản trị viên.',
    'Signs of impersonating the Ministry, a state agency, a bank or an admin.',
  ],
  /**
   * $1 the category's note above, $3 the words that weighed most; the
   * probability is $2 with a decimal comma ("0,87"), $4 with a point ("0.87").
   */
  modelNote: ['$1 Mô hình $2: $3.', '$1 Model $4: $3.'],
  /** A rule that needs the model, which agreed: $1 the rule's note, $2 the model's probability ("0,41"), $3 the same with a dot. */
  supportedNote: [
    '$1 (Quy tắc cần mô hình xác nhận — mô hình $2.)',
    '$1 (A rule the model must confirm — model $3.)',
  ],
  /** A rule that needs the model, flagging alone in the page's fallback (no model there): $1 the rule's note. */
  unconfirmedNote: [
    '$1 (Quy tắc cần mô hình xác nhận; mô hình chưa sẵn sàng nên cờ này chưa được xác nhận.)',
    '$1 (A rule the model must confirm; the model was not available, so this flag is unconfirmed.)',
  ],
  moderatorNote: ['Quản trị viên đã gắn cờ bình luận này.', 'A moderator flagged this comment.'],
  // Why a reply is suggested (lib/replies/suggest.ts), reasons joined by " · ".
  why_category_health: ['thông tin sức khỏe sai lệch', 'health misinformation'],
  why_category_pseudoscience: ['giả khoa học', 'pseudoscience'],
  why_category_scam: ['lừa đảo', 'scam'],
  why_category_phishing: ['lừa đảo qua liên kết, mã OTP', 'phishing through a link or OTP code'],
  why_category_impersonation: ['mạo danh', 'impersonation'],
  why_intent_thanks: ['lời cảm ơn', 'thanks'],
  why_intent_idea_received: ['đề xuất, ý tưởng', 'a proposal or idea'],
  why_intent_question: ['câu hỏi', 'a question'],
  why_intent_misinfo_correction: ['thông tin cần kiểm chứng', 'a claim to check'],
  why_intent_scam_warning: ['dấu hiệu lừa đảo', 'signs of a scam'],
  why_intent_impersonation_warning: ['nghi vấn trang giả mạo', 'a suspected fake page'],
  why_intent_rules_reminder: ['vi phạm quy tắc ứng xử', 'a breach of the house rules'],
  why_intent_complaint: ['phàn nàn, phản ánh', 'a complaint'],
  /** $1 the category (why_category_…). */
  why_flagged: ['Bình luận bị gắn cờ $1', 'The comment is flagged as $1'],
  /** $1 the category, $2 the rule's id. */
  why_flaggedByRule: ['Bình luận bị gắn cờ $1 (quy tắc "$2")', 'The comment is flagged as $1 (rule "$2")'],
  why_flaggedByModel: ['Bình luận bị gắn cờ $1 (mô hình)', 'The comment is flagged as $1 (the model)'],
  /** $1 the intent (why_intent_…). */
  why_maybe: ['Có thể là $1', 'Perhaps $1'],
  /** $1 the cue word, quoted. */
  why_cue: ['Có $1 → $2', '$1 → $2'],
  why_questionMark: ['dấu hỏi', 'a question mark'],
  why_trigger: ['Khớp cụm từ "$1"', 'Matches the phrase "$1"'],
  why_used: ['đã dùng $1 lần', 'used $1 times'],
} as const satisfies Record<string, readonly [string, string]>;
