import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

/** Run the CLI exactly as the contract says: `npm run --silent classify < in.jsonl`. */
function classify(input: string): {
  lines: Record<string, unknown>[];
  status: number | null;
  stderr: string;
} {
  const result = spawnSync('npm', ['run', '--silent', 'classify'], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = result.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, status: result.status, stderr: result.stderr };
}

describe('classify CLI', () => {
  test('một dòng ra cho mỗi dòng vào, đúng thứ tự, dòng hỏng có "error" và vẫn chạy tiếp', () => {
    const input = [
      JSON.stringify({ id: 'c1', text: 'Đầu tư 1 được 3, lợi nhuận khủng!' }),
      JSON.stringify({
        id: 'c2',
        text: 'Em đề xuất Bộ hỗ trợ lắp cảm biến đo độ mặn cho ruộng lúa ở Đồng bằng sông Cửu Long, gửi cảnh báo qua tin nhắn cho nông dân khi nước mặn vượt 4 phần nghìn.',
      }),
      'không phải JSON',
      '',
      JSON.stringify({ id: 'c4' }),
      JSON.stringify([1, 2]),
      JSON.stringify({ id: 5, text: 'Truy cập mst-gov.vn.xyz để nhận tiền' }),
      `\ufeff${JSON.stringify({ id: 'c6', text: 'ok' })}`,
    ].join('\n');
    const { lines, status, stderr } = classify(
      `\ufeff${JSON.stringify({ id: 'c0', text: 'lợi nhuận khủng' })}\n${input}\n`,
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // 9 input lines → 9 output lines, in order; the blank line is a bad line.
    expect(lines.map((l) => l.id)).toEqual(['c0', 'c1', 'c2', null, null, 'c4', null, 5, 'c6']);

    const c1 = lines[1]!;
    expect(c1.flags).toEqual([
      { category: 'scam', ruleId: 'scam-dau-tu-1-duoc-3', severity: 'high', matched: 'Đầu tư 1 được 3' },
      { category: 'scam', ruleId: 'scam-loi-nhuan-khung', severity: 'high', matched: 'lợi nhuận khủng' },
      // Concepts "investment" + "profit promise" within a window: a combination rule.
      {
        category: 'scam',
        ruleId: 'combo-scam-invest-profit',
        severity: 'high',
        matched: 'Đầu tư 1 được 3, lợi nhuận khủng',
      },
    ]);
    // A scam: not an idea; the investment-scam warning is the first suggestion.
    expect((c1.idea as { isIdea: boolean }).isIdea).toBe(false);
    const c1Suggestions = c1.suggestions as { replyId: string; intent: string; score: number }[];
    expect(c1Suggestions[0]).toMatchObject({ replyId: 'scam-investment', intent: 'scam-warning' });
    expect(c1Suggestions.length).toBeLessThanOrEqual(5);
    for (const s of c1Suggestions) expect(Object.keys(s).sort()).toEqual(['intent', 'replyId', 'score']);
    const scores = c1Suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // A proposal: an idea, answered with "your idea is recorded" first.
    const c2 = lines[2]!;
    expect(c2.flags).toEqual([]);
    expect((c2.idea as { isIdea: boolean; score: number }).isIdea).toBe(true);
    expect((c2.suggestions as { intent: string }[])[0]?.intent).toBe('idea-received');

    for (const bad of [lines[3]!, lines[4]!, lines[5]!, lines[6]!]) {
      expect(typeof bad.error).toBe('string');
      expect(bad.flags).toBeUndefined();
    }
    expect(lines[4]!.error).toMatch(/empty line/);
    expect(lines[5]!.error).toContain('text');

    expect((lines[7]!.flags as { ruleId: string; matched: string }[])[0]).toMatchObject({
      ruleId: 'phish-ten-mien-gov-gia',
      matched: 'mst-gov.vn.xyz',
    });
    // A BOM at the start of a line (files glued together) is tolerated.
    expect(lines[8]!).toMatchObject({ id: 'c6', flags: [] });
    // (An explicit rule's phrase, which flags without the model's support.)
    expect(lines[0]!.flags).toContainEqual({
      category: 'scam',
      ruleId: 'scam-loi-nhuan-khung',
      severity: 'high',
      matched: 'lợi nhuận khủng',
    });
  }, 60_000);

  test('đầu vào rỗng → đầu ra rỗng', () => {
    const { lines, status } = classify('');
    expect(status).toBe(0);
    expect(lines).toEqual([]);
  }, 60_000);
});
