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

  // A proposal put as a plain sentence, a question or a bidding is still a proposal;
  // the same facts told without it are not (issue 13, twelfth round).
  test.each([
    [
      'câu mở bằng "Nên"',
      'Nên cho tạm ứng 50% kinh phí ngay khi ký hợp đồng đề tài.',
      'Tôi được tạm ứng 50% kinh phí ngay khi ký hợp đồng đề tài.',
    ],
    [
      '"Đề nghị" đầu câu',
      'Đề nghị rút gọn mẫu thuyết minh ở vòng sơ tuyển.',
      'Mẫu thuyết minh ở vòng sơ tuyển dài 40 trang.',
    ],
    [
      'không dấu',
      'nen cho tra cuu trang thai ho so bang tin nhan',
      'cho tra cuu trang thai ho so bang tin nhan',
    ],
    [
      'hỏi "sao Bộ không…"',
      'Sao Bộ không lập một đường dây nóng để dân hỏi tin thật hay giả?',
      'Bộ có đường dây nóng để dân hỏi tin thật hay giả không?',
    ],
    [
      'hỏi "tại sao chúng ta không…"',
      'tại sao chúng ta không có bảo tàng khoa học tương tác như ở Singapore?',
      'chúng ta có bảo tàng khoa học tương tác như ở Singapore không?',
    ],
    [
      'giục "… đi ad"',
      'Video trên page không có phụ đề, thêm phụ đề cho mấy clip phóng sự đi ad',
      'Video trên page không có phụ đề, ba tôi xem mấy clip phóng sự không hiểu',
    ],
  ])('đề xuất theo lối %s', (_shape, proposal, told) => {
    expect(ideaScore(proposal).score - ideaScore(told).score).toBeGreaterThan(0.15);
  });

  // Only "nên" as a modal counts (0.1): not the 0.35 of a proposal's opening.
  test.each([
    [
      '"nên" sau dấu phẩy là "cho nên"',
      'Ảnh chụp ban ngày phơi sáng rất ngắn, nên các ngôi sao mờ không kịp lên ảnh.',
      'Ảnh chụp ban ngày phơi sáng rất ngắn, vì vậy các ngôi sao mờ không kịp lên ảnh.',
    ],
    [
      '"Phải công nhận" là khen',
      'Phải công nhận page dạo này làm nội dung hay hẳn.',
      'Công nhận page dạo này làm nội dung hay hẳn.',
    ],
    [
      '"Nên đừng" là khuyên người đọc',
      'Nghiên cứu lặp lại không xác nhận. Nên đừng mua khóa học đó.',
      'Nghiên cứu lặp lại không xác nhận. Vậy đừng mua khóa học đó.',
    ],
  ])('không phải lời mở đề xuất: %s', (_why, text, without) => {
    expect(ideaScore(text).score - ideaScore(without).score).toBeLessThanOrEqual(0.1 + 1e-9);
  });
});
