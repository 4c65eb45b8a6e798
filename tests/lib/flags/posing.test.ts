import { describe, expect, test } from 'vitest';
import { whatLeads } from '../../../lib/flags/posing';

// Written for these tests (not from the corpus): a message that poses and asks,
// in the order a sender label, a self-introduction or a notice puts them.
describe('whatLeads: xưng danh trước hay đòi hỏi trước', () => {
  test.each([
    [
      'nhãn người gửi kiểu SMS',
      'Vietcombank: tài khoản quý khách bị tạm khóa, xác thực tại vcb-baomat.top',
      'posing',
    ],
    [
      'không dấu, viết tắt ngân hàng',
      'NH THONG BAO: the ATM het han, gui ma 0TP ve so nay de gia han',
      'posing',
    ],
    [
      'tự giới thiệu là nhân viên',
      'Em là nhân viên ngân hàng, chị đọc giúp em mã OTP vừa gửi về nhé',
      'posing',
    ],
    [
      'quản trị trang mở lời',
      'Admin đây, bạn nào chưa được duyệt bình luận thì đăng nhập lại ở link này',
      'posing',
    ],
    [
      'đòi mã trước, tên cơ quan ở cuối',
      'Nhập mã OTP tại hotro-nhanh.xyz để nhận tiền hỗ trợ của Bộ KHCN',
      'ask',
    ],
    [
      'đường link trước, ký tên sau',
      'Đăng nhập Facebook ở qua-tang.site để nhận quà nhé - admin page',
      'ask',
    ],
    [
      'đòi phí trước, nhắc công an sau',
      'Chuyển khoản 2 triệu tiền bảo lãnh trước 17h, nếu không công an sẽ mời lên làm việc',
      'ask',
    ],
  ])('%s', (_name, text, want) => {
    expect(whatLeads(text)).toBe(want);
  });

  test.each([
    ['chỉ nêu tên cơ quan, không đòi gì', 'Bộ KHCN vừa công bố kết quả xét duyệt đề tài năm nay'],
    ['chỉ đòi mã, không xưng danh ai', 'Nhập mã OTP ở đây nhé mọi người'],
    ['bình luận thường', 'Cảm ơn bài viết rất hay'],
  ])('%s: không có gì để so', (_name, text) => {
    expect(whatLeads(text)).toBeNull();
  });
});
