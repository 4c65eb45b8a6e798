import { describe, expect, test } from 'vitest';
import { claimsOutside } from '../../../lib/flags/claims';
import type { FlagHit } from '../../../lib/flags/hit';

/** A concept hit for each listed word where it first occurs in `text`. */
function concepts(text: string, words: Record<string, string[]>): Map<string, FlagHit[]> {
  const out = new Map<string, FlagHit[]>();
  for (const [concept, list] of Object.entries(words)) {
    for (const w of list) {
      const start = text.indexOf(w);
      if (start < 0) throw new Error(`"${w}" không có trong câu`);
      const hit: FlagHit = {
        ruleId: `~${concept}`,
        category: 'health',
        severity: 'low',
        matched: w,
        start,
        end: start + w.length,
        how: 'exact',
        note: '',
      };
      out.set(concept, [...(out.get(concept) ?? []), hit]);
    }
  }
  return out;
}

/** [start, end) of `w` in `text`: what cleared a stretch (a warning's words). */
function span(text: string, w: string): number[] {
  const start = text.indexOf(w);
  return [start, start + w.length];
}

describe('còn lời khẳng định ngoài phần câu mà lời cảnh báo đã gỡ (claimsOutside)', () => {
  test.each([
    [
      'Đừng nghe bác sĩ, uống lá này là chữa khỏi ung thư',
      'Đừng nghe',
      { 'cure-claim': ['chữa khỏi'] },
      true,
    ],
    [
      'Cảnh báo: vắc xin có gắn chip, tiêm vào là mất miễn dịch',
      'Cảnh báo',
      { 'vaccine-harm': ['gắn chip'] },
      true,
    ],
    ['Đừng tin tin đồn lá đu đủ chữa ung thư', 'Đừng tin', { 'cure-verb': ['chữa'] }, false],
    ['Máy chạy mãi là chuyện hoang đường', 'hoang đường', { 'free-energy': ['chạy mãi'] }, false],
    ['Cảnh báo, thuốc nam không chữa ung thư', 'Cảnh báo', { 'cure-verb': ['chữa'] }, false],
    ['Bác sĩ giấu hết, đừng tin bệnh viện', 'đừng tin', { 'hidden-truth': ['giấu'] }, true],
    ['Cảnh báo. Uống nước này là hết tiểu đường', 'Cảnh báo', { 'cure-verb': ['hết tiểu đường'] }, true],
    ['Đừng tin, ung thư là do nấm', 'Đừng tin', { disease: ['ung thư'] }, false],
  ])('%s (gỡ «%s») → %s', (text, warning, words, want) => {
    expect(claimsOutside(text, span(text, warning), concepts(text, words))).toBe(want);
  });

  test('không có gì bị gỡ: lời khẳng định nào cũng đứng ngoài', () => {
    const text = 'uống lá này là chữa khỏi ung thư';
    expect(claimsOutside(text, [], concepts(text, { 'cure-claim': ['chữa khỏi'] }))).toBe(true);
  });
});
