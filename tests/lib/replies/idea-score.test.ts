import { describe, expect, test } from 'vitest';
import { IDEA_THRESHOLD, ideaScore } from '../../../lib/replies/idea-score';
import { foldForSearch } from '../../../lib/text';

const PROPOSALS = [
  'Tôi xin đề xuất Bộ xây dựng một nền tảng số kết nối nhà khoa học với doanh nghiệp nhỏ, để các nhóm nghiên cứu dễ tìm bên đặt hàng.',
  'Kiến nghị Bộ có cơ chế thí điểm quỹ đổi mới sáng tạo cấp tỉnh, mỗi tỉnh 10 tỷ đồng, ưu tiên dự án nông nghiệp công nghệ cao.',
  'Ý tưởng của em: số hóa toàn bộ kho sáng chế đã hết hạn bảo hộ và mở miễn phí cho sinh viên tra cứu, ứng dụng.',
  'Đề nghị Bộ nên hỗ trợ chi phí thử nghiệm, kiểm định cho các startup phần cứng vì đây là rào cản lớn nhất hiện nay.',
  'Góp ý: cần đào tạo giáo viên phổ thông về trí tuệ nhân tạo, có thể triển khai qua chương trình trực tuyến của các trường đại học.',
  `Sáng kiến xử lý rơm rạ:
- thu gom tại ruộng bằng máy cuộn
- ủ thành phân hữu cơ trong 30 ngày
Bộ cần hỗ trợ chuyển giao công nghệ này cho hợp tác xã.`,
  // Put softly, without the word "đề xuất".
  'Theo tôi trường học nên dạy lập trình từ lớp 3 vì trẻ em học rất nhanh',
];

const NOT_IDEAS = [
  'Cảm ơn trang đã chia sẻ thông tin hữu ích',
  'cam on ad nhieu',
  'Bao giờ có kết quả xét duyệt đề tài vậy ạ?',
  'Cho em hỏi thủ tục đăng ký sáng chế ở đâu?',
  'Hay quá',
  '👍👍👍',
  'Mua hàng giá rẻ inbox zalo 0912345678 nhé',
  'Xem ngay tại https://bit.ly/abc nhận quà',
  // A complaint, even one ending in "đề nghị xem xét".
  'Bộ làm việc quá chậm, hồ sơ của công ty tôi nộp từ tháng 1 đến nay chưa có kết quả, đề nghị xem xét',
  'Đồ ngu, cút đi',
  '',
];

describe('ideaScore', () => {
  test.each(PROPOSALS)('a real proposal is an idea: %s', (text) => {
    for (const variant of [text, foldForSearch(text)]) {
      const result = ideaScore(variant, []);
      expect(result.score).toBeGreaterThanOrEqual(IDEA_THRESHOLD);
      expect(result.isIdea).toBe(true);
    }
  });

  test.each(NOT_IDEAS)('not an idea: %j', (text) => {
    const result = ideaScore(text, []);
    expect(result.score).toBeLessThan(IDEA_THRESHOLD);
    expect(result.isIdea).toBe(false);
  });

  test('a flagged comment scores low even when worded like a proposal', () => {
    const text =
      'Tôi đề xuất mọi người nên đầu tư vào dự án công nghệ lượng tử này, lãi 30% mỗi tháng, cần hỗ trợ liên hệ.';
    const clean = ideaScore(text, []);
    const flagged = ideaScore(text, [{ severity: 'high' }]);
    expect(clean.isIdea).toBe(true);
    expect(flagged.isIdea).toBe(false);
    expect(flagged.score).toBeLessThan(clean.score / 2);
  });

  test('scores stay within 0..1', () => {
    const long = `${PROPOSALS.join(' ')} ${PROPOSALS.join(' ')}`;
    const result = ideaScore(long, []);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.score).toBeGreaterThan(0.8);
  });

  test('more concrete detail scores higher', () => {
    const vague = ideaScore('Tôi có ý tưởng hay lắm', []).score;
    const concrete = ideaScore(PROPOSALS[1]!, []).score;
    expect(concrete).toBeGreaterThan(vague);
  });
});
