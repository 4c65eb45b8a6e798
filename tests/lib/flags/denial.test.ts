import { describe, expect, test } from 'vitest';
import { deniedClaims, deniesWarning, negatedAt } from '../../../lib/flags/denial';

/** Where `word` starts in `text` (the exception phrase the matcher found). */
function at(text: string, word: string): number {
  const i = text.indexOf(word);
  if (i < 0) throw new Error(`"${word}" not in "${text}"`);
  return i;
}

describe('lời cảnh báo bị phủ định là lời khẳng định của người viết', () => {
  test.each([
    ['Phong thủy là khoa học chứ không phải mê tín', 'mê tín'],
    ['đó là toán học chứ đâu phải mê tín', 'mê tín'],
    ['khoa hoc do chu hong phai me tin nhen', 'me tin'],
    ['đây là từ học chứ ko mê tín', 'mê tín'],
    ['đúng 90% nha, đừng gọi là mê tín', 'mê tín'],
    ['vật lý năng lượng sinh học đó, đừng nói mê tín', 'mê tín'],
    ['Bên em uy tín, không phải lừa đảo đâu', 'lừa đảo'],
    ['Chẳng phải tin giả, báo đăng rồi', 'tin giả'],
  ])('phủ định: %s', (text, word) => {
    expect(deniesWarning(text, at(text, word))).toBe(true);
  });

  test.each([
    ['Phong thủy chỉ là mê tín thôi', 'mê tín'],
    ['Thần số học là mê tín, không có cơ sở', 'mê tín'],
    ['Không, đó là mê tín', 'mê tín'],
    ['Cảnh báo: trang này là lừa đảo', 'lừa đảo'],
    ['Đây là tin giả, đừng chia sẻ', 'tin giả'],
    ['mê tín dị đoan hết', 'mê tín'],
    ['Không phải ai cũng biết: cảnh báo lừa đảo mới', 'cảnh báo'],
  ])('vẫn là cảnh báo: %s', (text, word) => {
    expect(deniesWarning(text, at(text, word))).toBe(false);
  });
});

describe('lời đe dọa, lời hứa "xử lý giúp" của kẻ mạo danh không phải lời cảnh báo', () => {
  test.each([
    ['Cục Thuế: quá 3 ngày sẽ bị phạt 5 triệu, cài ứng dụng tại etax-vn.apk.link', 'bị phạt'],
    ['Thanh toan truoc 20/12 tai thue-dientu.gov-vn.cc de tranh bi phat cham nop', 'bi phat'],
    ['cập nhật số tài khoản ngân hàng cho đồng bộ, hông thì bị phạt', 'bị phạt'],
    ['Liên hệ ngay để giải trình, nếu không sẽ bị xử lý hình sự', 'xử lý'],
    ['xác minh tại thamdinh-cn.gov-vn.net, quá hạn sẽ bị xử phạt', 'xử phạt'],
    ['nhắn em số tài khoản và mã OTP em xử lý giúp ạ', 'xử lý'],
    ['chuyển phí xử lý nhanh 300k và gửi bill vào tin nhắn page', 'xử lý'],
    ['Lien he Thuong uy Minh qua Zalo 0398xxx006 de xu ly', 'xu ly'],
    ['kết bạn tài khoản Đội Trưởng A05 để được xử lý ưu tiên', 'xử lý'],
  ])('%s', (text, word) => {
    expect(deniesWarning(text, at(text, word))).toBe(true);
  });

  // Reports of a penalty already given stay warnings.
  test.each([
    ['Sản phẩm này đã bị xử phạt vì quảng cáo sai', 'xử phạt'],
    ['mua bằng giả cũng bị xử lý đấy', 'xử lý'],
    ['hành vi này có thể bị xử lý hình sự', 'xử lý'],
    ['Em vừa xử lý 1 vụ cả phòng kế toán bị lừa', 'xử lý'],
    ['báo ngân hàng xử lý nha', 'xử lý'],
  ])('vẫn là cảnh báo: %s', (text, word) => {
    expect(deniesWarning(text, at(text, word))).toBe(false);
  });
});

describe('lời khẳng định bị phủ định ngay tại chỗ: lời bác bỏ', () => {
  /** The denied stretches' text. */
  const denied = (text: string) => {
    const spans = deniedClaims(text);
    const out: string[] = [];
    for (let k = 0; k < spans.length; k += 2) out.push(text.slice(spans[k], spans[k + 1]));
    return out;
  };
  test.each([
    ['mật ong chanh không chữa viêm gan B', ['không chữa']],
    ['Ung thư không lây qua ăn chung.', ['không lây']],
    ['Cây xương rồng không hấp thụ bức xạ máy tính', ['không hấp thụ']],
    ['Đá muối không hút sóng điện từ, cũng không chữa hen suyễn', ['không hút', 'không chữa']],
    ['nam châm không làm thay đổi cấu trúc của nước', ['không làm thay đổi']],
    ['hieu ung gia duoc khong lam teo khoi u duoc', ['khong lam teo']],
    ['tỏi ko chữa covid đâu', ['ko chữa']],
    ['súc miệng nước muối không diệt được virus trong phổi', ['không diệt']],
    ['Xạ đen không thay được thuốc kháng virus', ['không thay']],
    ['cần tây không thay thế thuốc hạ áp', ['không thay thế']],
    ['nhiệt độ nước không thay đổi gì', []],
    ['lá này chẳng thể trị được ung thư', ['chẳng thể trị']],
  ])('%s → %j', (text, want) => {
    expect(denied(text)).toEqual(want);
  });

  test.each([
    'Uống lá đu đủ chữa khỏi ung thư',
    // "lấy" is not "lây"; "gây", "làm", "tan" are not read (the denialist says them too).
    'không thành công không lấy phí',
    'CO2 không hề làm nóng trái đất',
    'vệt khói để lâu không tan là hóa chất',
    'kem chống nắng không gây ung thư da',
    // A negation that does not stand right before the verb.
    'không ai chữa được như thầy',
  ])('không có: %s', (text) => {
    expect(denied(text)).toEqual([]);
  });

  test.each([
    ['nam châm không làm tăng năng suất', 'làm tăng', true],
    ['ko giúp giảm cân đâu', 'giúp giảm', true],
    ['vòng tay giúp tăng IQ', 'giúp tăng', false],
    ['không ai nói nó giúp tăng IQ', 'giúp tăng', false],
  ])('%s: «%s» bị phủ định → %s', (text, word, want) => {
    expect(negatedAt(text, at(text, word))).toBe(want);
  });
});
