import { describe, expect, test } from 'vitest';
import { asksIfReal, relativeBelief } from '../../../lib/flags/stance';

describe('người thân tin: kể lại niềm tin của người khác', () => {
  test.each([
    ['Ba tui tin uống nước tiểu chữa bách bệnh, sáng nào cũng uống', 'Ba tui tin'],
    ["Chồng em tin 'thuốc lao làm mù mắt' nên bỏ thuốc lao giữa chừng", 'Chồng em tin'],
    ['Chú hàng xóm tin uống cà gai leo là âm tính', 'Chú hàng xóm tin'],
    ['Mạ tui nghe người ta nói uống nước lá bàng khỏi tiểu đường', 'Mạ tui nghe người ta'],
    ['Mẹ tôi cũng tin trái đất phẳng', 'Mẹ tôi cũng tin'],
    ['Bác mình nghe theo bỏ hóa trị, giờ di căn', 'Bác mình nghe theo'],
  ])('%s → «%s»', (text, words) => {
    expect(relativeBelief(text)?.matched).toBe(words);
  });

  test.each([
    // The seller speaks for himself, or tells what the remedy did: no belief retold.
    'Uống lá xạ đen khỏi ung thư, ib em',
    'Mẹ tôi uống lá đu đủ 3 tháng khỏi hẳn ung thư, ai cần ib',
    'Em biết chị đang hoang mang, nhưng chị tin em, bên em lấy lại được tiền',
    'Con mình nghe nhạc 528Hz xong thi được 9.5 toán',
    // "tin" inside another word is not believing.
    'Mẹ tôi tinh ý lắm, không bị lừa đâu',
    'Bà con tin tưởng thì ib em',
  ])('không phải: %s', (text) => {
    expect(relativeBelief(text)).toBeNull();
  });
});

describe('hỏi có thật không: người hỏi đang báo lại, không rao', () => {
  test.each([
    "mn ơi tin nhắn 'Bo KHCN: Ho so cua ban duoc duyet, xac nhan tai khcn-gov.top' là thật hay giả z",
    'Trang khcn-gov.vn.tk có phải trang chính thức của bộ không, sao đuôi lạ vậy?',
    'Uống nước chanh ấm buổi sáng diệt được tế bào ung thư thật ko ạ',
    'xe chay bang nuoc that ko ae',
    'Co tin nhan bao tk FB vi pham, bat vao fb-appeal-center.xyz. Minh ko bam. La gia dung ko?',
    'Thế là lừa phải không các cháu?',
    'Ad ơi cho em hỏi tin này có phải của Bộ không ạ',
    'hok pik web này có phải giả hok',
  ])('hỏi: %s', (text) => {
    expect(asksIfReal(text)).toBe(true);
  });

  test.each([
    'Thật không thể tin nổi, ông cụ nhà bên uống nước cây chó đẻ 3 tháng, gan mềm lại',
    'Uống lá này thật sự khỏi hẳn, ib em',
    'Tin này là thật 100%, nạp 100k nhận 300k, zalo 0912 345 678',
    'Bạn có phải là người may mắn hôm nay? Bấm link nhận quà',
    // "già đứng" is not "giả đúng": typed marks that differ are other words.
    'Khám BHYT chờ từ 6h sáng tới 11h, người già đứng không nổi',
  ])('không hỏi: %s', (text) => {
    expect(asksIfReal(text)).toBe(false);
  });
});
