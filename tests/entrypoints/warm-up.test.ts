import { describe, expect, test } from 'vitest';
import { flagsFor, warmUpJudge } from '../../entrypoints/facebook.content/flag-comments';

describe('làm nóng bộ chấm trước khi đọc bình luận của trang', () => {
  test('mỗi câu mẫu một lượt riêng: trang được chạy xen giữa các câu', async () => {
    const judged: string[] = [];
    let pageTurns = 0;
    const pageTask = setInterval(() => {
      pageTurns += 1;
    }, 0);
    await warmUpJudge(new AbortController().signal, (text) => judged.push(text));
    clearInterval(pageTask);
    expect(judged.length).toBeGreaterThanOrEqual(5);
    expect(new Set(judged).size).toBe(judged.length);
    // The page's own timer ran between our pieces, not only after all of them.
    expect(pageTurns).toBeGreaterThanOrEqual(judged.length - 1);
  });

  test('dừng ngay khi phiên kết thúc (trang đóng, cài đặt đổi)', async () => {
    const stop = new AbortController();
    const judged: string[] = [];
    await warmUpJudge(stop.signal, (text) => {
      judged.push(text);
      stop.abort();
    });
    expect(judged).toHaveLength(1);
  });

  test('các câu mẫu chạm tới các loại cờ khác nhau của bộ chấm thật', async () => {
    const categories = new Set<string>();
    await warmUpJudge(new AbortController().signal, (text) => {
      for (const flag of flagsFor(text)) categories.add(flag.category);
    });
    // Cold paths of several kinds (rules, detectors, model) are the point of the warm-up.
    expect(categories.size).toBeGreaterThanOrEqual(3);
  });
});
