import { describe, expect, test, vi } from 'vitest';

// The browser: no Node to read the model from disk, and the content script
// never loads the build's file (issue 14).
vi.mock('../../lib/judge/model-node', () => ({ readModelFromDisk: () => null }));

const { flagsFor, judgeComment, useFlagRules } = await import('../../lib/judge/active');
const { compileJudge } = await import('../../lib/judge');
const { shippedModel } = await import('../../lib/judge/default');
const { flagSummaries } = await import('../../lib/flags/hit');
const { bundledRulePack } = await import('../../lib/packs/defaults');

const TEXTS = [
  'Nạp 100k nhận ngay 288k, nổ hũ rút liền tay, link t.ly/xxxx',
  'Cảm ơn Bộ đã chia sẻ thông tin hữu ích',
  'Uống nước lá ổi mỗi sáng chữa khỏi tiểu đường, ai cần ib zalo 0912 345 678',
  'Đề xuất Bộ mở cổng dữ liệu cho sinh viên nghiên cứu, có hướng dẫn cụ thể',
];

describe('trang: bộ chấm dự phòng chỉ có quy tắc (không mô hình)', () => {
  test('dự phòng: quy tắc cần mô hình vẫn gắn cờ, nói là chưa xác nhận', () => {
    useFlagRules(bundledRulePack(), []);
    const notes = judgeComment(TEXTS[2]!).hits.map((h) => h.note);
    expect(notes.some((n) => n.includes('chưa được xác nhận'))).toBe(true);
  });

  test('trang không tải mô hình', () => {
    expect(shippedModel().ok).toBe(false);
  });

  test.each(TEXTS)('%s', (text) => {
    const pack = bundledRulePack();
    useFlagRules(pack, []);
    // The rules only, those that need the model flagging by themselves (unconfirmed).
    const rulesOnly = compileJudge({ ...pack, model: null, signsAloneWithoutModel: true }).judge(text);
    const here = judgeComment(text);
    expect(here.hits).toEqual(rulesOnly.hits);
    expect(here.intents).toEqual(rulesOnly.intents);
    expect(flagsFor(text)).toEqual(flagSummaries(rulesOnly.hits));
  });
});
