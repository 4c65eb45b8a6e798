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
      JSON.stringify({ id: 'c2', text: 'Em đề xuất dùng cảm biến đo mặn cho ruộng lúa' }),
      'không phải JSON',
      '',
      JSON.stringify({ id: 'c4' }),
      JSON.stringify([1, 2]),
      JSON.stringify({ id: 5, text: 'Truy cập mst-gov.vn.xyz để nhận tiền' }),
      `\ufeff${JSON.stringify({ id: 'c6', text: 'ok' })}`,
    ].join('\n');
    const { lines, status, stderr } = classify(
      `\ufeff${JSON.stringify({ id: 'c0', text: 'thần dược' })}\n${input}\n`,
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // 8 non-blank input lines → 8 output lines; the blank line produces none.
    expect(lines.map((l) => l.id)).toEqual(['c0', 'c1', 'c2', null, 'c4', null, 5, 'c6']);

    const c1 = lines[1]!;
    expect(c1.flags).toEqual([
      { category: 'scam', ruleId: 'scam-dau-tu-1-duoc-3', severity: 'high', matched: 'Đầu tư 1 được 3' },
      { category: 'scam', ruleId: 'scam-loi-nhuan-khung', severity: 'high', matched: 'lợi nhuận khủng' },
    ]);
    expect(c1.idea).toEqual({ score: 0, isIdea: false });
    expect(c1.suggestions).toEqual([]);
    expect(lines[2]!.flags).toEqual([]);

    for (const bad of [lines[3]!, lines[4]!, lines[5]!]) {
      expect(typeof bad.error).toBe('string');
      expect(bad.flags).toBeUndefined();
    }
    expect(lines[4]!.error).toContain('text');

    expect((lines[6]!.flags as { ruleId: string; matched: string }[])[0]).toMatchObject({
      ruleId: 'phish-ten-mien-gov-gia',
      matched: 'mst-gov.vn.xyz',
    });
    // A BOM at the start of a line (files glued together) is tolerated.
    expect(lines[7]!).toMatchObject({ id: 'c6', flags: [] });
    expect(lines[0]!.flags).toEqual([
      { category: 'health', ruleId: 'health-than-duoc', severity: 'medium', matched: 'thần dược' },
    ]);
  }, 60_000);

  test('đầu vào rỗng → đầu ra rỗng', () => {
    const { lines, status } = classify('');
    expect(status).toBe(0);
    expect(lines).toEqual([]);
  }, 60_000);
});
