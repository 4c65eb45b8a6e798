import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Intent } from '../../../lib/replies/intents';
import { parseReplyPack, type Reply } from '../../../lib/replies/schema';
import { type FlagHitLike, suggest } from '../../../lib/replies/suggest';
import { foldForSearch } from '../../../lib/text';

const parsed = parseReplyPack(readFileSync('public/packs/replies.vi.json', 'utf8'));
if (!parsed.ok) throw new Error(parsed.error);
const PACK = parsed.pack.replies;

const hit = (category: FlagHitLike['category'], over: Partial<FlagHitLike> = {}): FlagHitLike => ({
  ruleId: `${category}-rule`,
  category,
  severity: 'medium',
  matched: '',
  ...over,
});

// Comment → the intent that must come first. Each row also runs folded (no diacritics).
const CUE_TABLE: Array<[string, Intent]> = [
  ['Bao giờ có kết quả xét duyệt đề tài năm nay vậy ạ', 'question'],
  ['Cho em hỏi thủ tục đăng ký doanh nghiệp khoa học công nghệ ở đâu', 'question'],
  ['Làm sao để nộp hồ sơ trực tuyến', 'question'],
  ['Hồ sơ chứng nhận mất bao lâu?', 'question'],
  ['Tôi xin đề xuất Bộ xây dựng nền tảng số kết nối nhà khoa học với doanh nghiệp', 'idea-received'],
  ['Kiến nghị Bộ có cơ chế đặt hàng nghiên cứu từ địa phương', 'idea-received'],
  ['Tôi có một sáng kiến về xử lý rơm rạ thành phân bón hữu cơ', 'idea-received'],
  ['Giải pháp: mở dữ liệu khí tượng cho các nhóm khởi nghiệp nông nghiệp', 'idea-received'],
  ['Cảm ơn trang đã đăng thông tin rất hữu ích', 'thanks'],
  ['Cám ơn ad nhiều', 'thanks'],
  ['tks ad', 'thanks'],
  ['Gửi hồ sơ 3 tháng rồi mà không ai trả lời, thật sự rất bức xúc', 'complaint'],
  ['Xử lý quá chậm, tôi rất thất vọng', 'complaint'],
  ['Tôi muốn khiếu nại về việc hồ sơ bị trả lại nhiều lần', 'complaint'],
  // "hồ sơ đề xuất" is a form's name here, not a proposal: the complaint comes first.
  [
    'Tôi gửi hồ sơ đề xuất nhiệm vụ từ tháng 3 đến giờ vẫn chưa có phản hồi, gọi đường dây nóng thì không ai nghe máy.',
    'complaint',
  ],
  ['Cảm ơn Bộ, tôi xin góp ý là nên có cổng tra cứu sáng chế miễn phí', 'idea-received'],
  ['Cảm ơn, nhưng bao giờ thì có kết quả?', 'question'],
  ['Đồ ngu, cút đi', 'rules-reminder'],
  ['Nghe nói uống nước ion kiềm chữa bách bệnh, có thật không', 'misinfo-correction'],
  ['Tôi bị lừa rồi, có ai giúp lấy lại tiền không', 'scam-warning'],
  ['Trang này có phải trang chính thức không hay trang giả', 'impersonation-warning'],
];

const expandFolded = (rows: Array<[string, Intent]>) =>
  rows.flatMap(([text, intent]) => [[text, intent] as const, [foldForSearch(text), intent] as const]);

describe('intent cues on normalized text (with and without diacritics)', () => {
  test.each(expandFolded(CUE_TABLE))('%s → %s first', (text, intent) => {
    const result = suggest({ text }, [], PACK);
    expect(result[0]?.intent).toBe(intent);
  });

  test.each([
    ['bao gio co ket qua', 'question'],
    ['de xuat bo nen ho tro doanh nghiep nho', 'idea-received'],
    ['cam on ban bien tap', 'thanks'],
    ['cho mai khong thay tra loi, bat xuc qua', 'complaint'],
  ])('typed without diacritics: %s → %s', (text, intent) => {
    expect(suggest({ text }, [], PACK)[0]?.intent).toBe(intent);
  });
});

// Flagged comments: the category's reply first, whatever else the words say.
const FLAG_TABLE: Array<[string, FlagHitLike[], string, Intent]> = [
  [
    'Sóng 5G làm lây virus, mọi người cẩn thận?',
    [hit('pseudoscience', { matched: 'sóng 5G', correctionReplyId: 'misinfo-5g' })],
    'misinfo-5g',
    'misinfo-correction',
  ],
  [
    'Cảm ơn chia sẻ, mình uống lá này khỏi ung thư luôn',
    [hit('health', { matched: 'khỏi ung thư' })],
    'misinfo-health',
    'misinfo-correction',
  ],
  [
    'Vắc xin gây vô sinh đó, đừng tiêm',
    [hit('health', { matched: 'vắc xin gây vô sinh', correctionReplyId: 'misinfo-vaccine' })],
    'misinfo-vaccine',
    'misinfo-correction',
  ],
  [
    'Đầu tư 5 triệu lãi 30%/tháng, ai cần inbox?',
    [hit('scam', { matched: 'lãi 30%/tháng', severity: 'high' })],
    'scam-investment',
    'scam-warning',
  ],
  [
    'Tuyển cộng tác viên làm nhiệm vụ online, việc nhẹ lương cao',
    [hit('scam', { matched: 'việc nhẹ lương cao', correctionReplyId: 'scam-job' })],
    'scam-job',
    'scam-warning',
  ],
  [
    'Nhận quà tri ân tại link bit.ly/abc, đăng nhập để nhận',
    [hit('phishing', { matched: 'bit.ly' })],
    'phishing-link',
    'scam-warning',
  ],
  [
    'Ban quản trị Bộ KHCN đây, cho xin mã OTP để xác minh',
    [hit('phishing', { matched: 'mã OTP', correctionReplyId: 'phishing-otp' })],
    'phishing-otp',
    'scam-warning',
  ],
  [
    'Đây là trang chính thức mới của Bộ, mọi người theo dõi trang này nhé',
    [hit('impersonation', { matched: 'trang chính thức mới của Bộ' })],
    'impersonation-official-page',
    'impersonation-warning',
  ],
];

describe('a flagged comment gets its correction or warning first', () => {
  test.each(FLAG_TABLE)('%s → %s', (text, hits, replyId, intent) => {
    for (const variant of [text, foldForSearch(text)]) {
      const result = suggest({ text: variant }, hits, PACK);
      expect(result[0]).toMatchObject({ replyId, intent });
      expect(result[0]?.why).toMatch(/^Bình luận bị gắn cờ/);
      // A rule's flag makes its intent certain: its replies lead, as many as the pack has (up to 3).
      const ofIntent = PACK.filter((r) => r.intent === intent).length;
      expect(result.slice(0, Math.min(3, ofIntent)).every((s) => s.intent === intent)).toBe(true);
    }
  });

  test('the exact correction reply beats other replies of the same intent, even with more triggers', () => {
    const result = suggest(
      { text: 'Uống nước ion kiềm chữa khỏi ung thư, bài thuốc thần dược' },
      [hit('pseudoscience', { matched: 'nước ion kiềm', correctionReplyId: 'misinfo-pseudoscience' })],
      PACK,
    );
    expect(result[0]?.replyId).toBe('misinfo-pseudoscience');
    expect(result[0]?.why).toContain('quy tắc "pseudoscience-rule"');
    expect(result[1]?.replyId).toBe('misinfo-health');
  });

  test('thanks on a flagged comment stay below the warning', () => {
    const result = suggest({ text: 'Cảm ơn ad! Đầu tư lãi cao inbox em' }, [hit('scam')], PACK, {
      limit: 20,
    });
    const firstThanks = result.findIndex((s) => s.intent === 'thanks');
    const lastWarning = result.map((s) => s.intent).lastIndexOf('scam-warning');
    expect(firstThanks).toBeGreaterThan(lastWarning);
  });

  test('several categories: each gets its reply into the top 3', () => {
    const result = suggest(
      { text: 'Trang chính thức của Bộ đây, bấm link nhận quà' },
      [
        hit('impersonation', { correctionReplyId: 'impersonation-official-page', severity: 'high' }),
        hit('phishing', { correctionReplyId: 'phishing-link' }),
      ],
      PACK,
      { limit: 3 },
    );
    expect(result.map((s) => s.replyId).slice(0, 2)).toEqual([
      'impersonation-official-page',
      'phishing-link',
    ]);
  });
});

describe('trigger phrases choose within an intent', () => {
  test.each([
    ['Cho hỏi đăng ký sáng chế cần những gì?', 'question-ip'],
    ['Xin hỏi quỹ NAFOSTED bao giờ mở đợt xét duyệt đề tài?', 'question-research-funding'],
    ['Sản phẩm cần hợp quy theo tiêu chuẩn nào vậy?', 'question-standards'],
    ['Số điện thoại liên hệ của Bộ ở đâu ạ?', 'question-contact'],
  ])('%s → %s in the top 3', (text, replyId) => {
    for (const variant of [text, foldForSearch(text)]) {
      const top3 = suggest({ text: variant }, [], PACK, { limit: 3 }).map((s) => s.replyId);
      expect(top3).toContain(replyId);
    }
  });

  test('a trigger alone, with no cue, still suggests its reply', () => {
    const result = suggest({ text: 'Vụ tiền ảo hôm trước' }, [], PACK);
    expect(result[0]).toMatchObject({ replyId: 'scam-investment' });
    expect(result[0]?.why).toContain('Khớp cụm từ "tiền ảo"');
  });
});

describe('explanations, scores, limits', () => {
  test('why names the cue in Vietnamese', () => {
    expect(suggest({ text: 'Nộp ở đâu?' }, [], PACK)[0]?.why).toMatch(
      /Có dấu hỏi → câu hỏi|Có "ở đâu" → câu hỏi/,
    );
    expect(suggest({ text: 'de xuat mo cong du lieu' }, [], PACK)[0]?.why).toContain(
      'Có "đề xuất" → đề xuất, ý tưởng',
    );
  });

  test('scores are within 0..1 and sorted best first', () => {
    const result = suggest(
      { text: 'Cảm ơn, đề xuất của tôi bao giờ có trả lời? Quá chậm!' },
      [hit('scam', { severity: 'high', correctionReplyId: 'scam-investment' })],
      PACK,
      { limit: 50 },
    );
    expect(result.length).toBeGreaterThan(5);
    for (const s of result) expect(s.score).toBeGreaterThanOrEqual(0);
    for (const s of result) expect(s.score).toBeLessThanOrEqual(1);
    const scores = result.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test('limit caps the list (5 by default)', () => {
    const text = 'Cảm ơn, đề xuất của tôi bao giờ có trả lời? Quá chậm!';
    expect(suggest({ text }, [], PACK)).toHaveLength(5);
    expect(suggest({ text }, [], PACK, { limit: 2 })).toHaveLength(2);
  });

  test('a comment nothing recognises gets a neutral set of distinct intents, not thanks by default', () => {
    const result = suggest({ text: 'Hmm' }, [], PACK);
    expect(result.length).toBe(5);
    expect(result[0]?.intent).not.toBe('thanks');
    expect(new Set(result.slice(0, 3).map((s) => s.intent)).size).toBe(3);
  });

  test('the first three cover three distinct intents unless one is certain', () => {
    const result = suggest(
      { text: 'Cảm ơn Bộ, cho em hỏi bao giờ có kết quả, em đề xuất nên công khai tiến độ' },
      [],
      PACK,
    );
    expect(new Set(result.slice(0, 3).map((s) => s.intent)).size).toBe(3);
  });

  test('an empty library gives no suggestions', () => {
    expect(suggest({ text: 'Bao giờ?' }, [hit('scam')], [])).toEqual([]);
  });
});

describe('usage history breaks ties only', () => {
  const a: Reply = {
    id: 'cam-on-a',
    title: 'A',
    body: 'Cảm ơn {ten}',
    intent: 'thanks',
    triggers: [],
    tags: [],
    language: 'vi',
  };
  const b: Reply = { ...a, id: 'cam-on-b', title: 'B' };
  const q: Reply = { ...a, id: 'hoi', intent: 'question' };
  const now = Date.UTC(2026, 3, 1);

  test('of two equal replies, the one used more and lately comes first', () => {
    expect(suggest({ text: 'cảm ơn' }, [], [a, b], { now })[0]?.replyId).toBe('cam-on-a');
    const usage = { 'cam-on-b': { count: 12, lastUsed: now - 3_600_000 } };
    const result = suggest({ text: 'cảm ơn' }, [], [a, b], { usage, now });
    expect(result[0]?.replyId).toBe('cam-on-b');
    expect(result[0]?.why).toContain('đã dùng 12 lần');
  });

  test('heavy use does not override what the comment asks', () => {
    const usage = { 'cam-on-a': { count: 10_000, lastUsed: now } };
    expect(suggest({ text: 'Bao giờ có kết quả?' }, [], [a, q], { usage, now })[0]?.replyId).toBe('hoi');
  });
});
