import { describe, expect, test } from 'vitest';
import { namesInstitution, whatLeads } from '../../../lib/flags/posing';

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
      'đòi mã trước, nhưng là tiền hỗ trợ "của Bộ": cơ quan tự rao món của mình',
      'Nhập mã OTP tại hotro-nhanh.xyz để nhận tiền hỗ trợ của Bộ KHCN',
      'posing',
    ],
    [
      'quét mã trước, quà "từ NHNN"',
      'Quét mã QR nhận 500k từ NHNN, đăng nhập app ngân hàng để xác nhận',
      'posing',
    ],
    [
      'đòi mã trước, Bộ chỉ là nhà bảo trợ',
      'Nhập mã OTP tại hotro-nhanh.xyz để nhận quà, chương trình do Bộ KHCN bảo trợ',
      'ask',
    ],
    [
      '"của quý khách" không phải cơ quan',
      'Cập nhật thông tin tại vcb-hotro.top để tránh khóa tài khoản của quý khách',
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

// Written for these tests: whom a message could speak as. Each `true` row names
// someone only the new lists know (not `whatLeads`' posing words), each `false`
// row is a scam or phishing text that names no one — before, the model alone
// could call it impersonation.
describe('namesInstitution: tin nhắn có nêu cơ quan, chức danh để mạo danh không', () => {
  test.each([
    ['Thư ký hội đồng xét duyệt đây, nhóm nào muốn ưu tiên thì chuyển 5tr rồi inbox', true],
    ['B.ộ đang hỗ trợ kinh phí 100tr, đăng ký qua Z.a.l.o 09.6x.xx.88.21', true],
    ['Sở Khoa học tỉnh hỗ trợ máy phun thuốc, nộp trước phí vận chuyển 2tr', true],
    ['[HTBank] Tai khoan cua QK se bi tam khoa, xac thuc tai htbank-xacthuc.top', true],
    ['EVNHCMC: Quy khach duoc giam 30% tien dien, dang ky tai evn-giam.top', true],
    ['e o phong giao duc, gui anh cccd nhan may tinh bang nha', true],
    ['Chuc mung ban trung thuong xe SH, vui long chuyen phi nhan giai 3tr vao STK 0812 0045 9921', false],
    ['Tai khoan cua ban se bi xoa sau 2h. Xac nhan bang cach gui ma OTP toi so nay', false],
    ['Chúc mừng! Bạn được chọn nhận 1 suất quà 7.000.000đ, hoàn tất hồ sơ qua zalo 0708 123 364', false],
    ['Vòng quay tri ân: bạn nhận được 1.500.000đ, đăng nhập tại vongquay-qua.site để nhận', false],
  ])('%s → %s', (text, expected) => {
    expect(namesInstitution(text)).toBe(expected);
  });
});
