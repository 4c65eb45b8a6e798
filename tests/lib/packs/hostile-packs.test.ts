import { describe, expect, test, vi } from 'vitest';
import { compileRules } from '../../../lib/flags/matcher';
import { MAX_PACK_BYTES, parsePackFile, readPackFile } from '../../../lib/packs/share';
import { loadRulePack, saveRulePack } from '../../../lib/packs/storage';

const rule = (over: Record<string, unknown>) => ({
  id: 'r1',
  category: 'scam',
  severity: 'high',
  phrases: [],
  note: 'Thử',
  ...over,
});
const ruleFile = (rules: unknown[]) => JSON.stringify({ format: 'khcn-moderator/rules', version: 1, rules });

describe('tệp quá lớn bị từ chối theo kích thước, trước khi đọc', () => {
  test('một tệp 5 MB + 1 byte: không đọc byte nào', async () => {
    const readText = vi.fn(async () => '{}');
    const huge = { size: MAX_PACK_BYTES + 1 } as Blob;
    const parsed = await readPackFile(huge, undefined, readText);
    expect(parsed).toEqual({ ok: false, error: expect.stringContaining('tối đa 5 MB') });
    expect(readText).not.toHaveBeenCalled();
  });

  test('một tệp nhỏ được đọc và kiểm tra như thường', async () => {
    const parsed = await readPackFile(new Blob([ruleFile([rule({ phrases: ['lừa đảo'] })])]));
    expect(parsed.ok).toBe(true);
  });

  test('không đọc được tệp: nói rõ, không có gì thay đổi', async () => {
    const parsed = await readPackFile(new Blob(['x']), undefined, async () => {
      throw new Error('NotReadableError');
    });
    expect(parsed).toEqual({ ok: false, error: expect.stringContaining('Không đọc được tệp') });
  });
});

/** Rule packs as an attacker would write them: each is refused whole, with a message naming the rule. */
describe('gói quy tắc độc hại bị từ chối cả gói, nói rõ vì sao, không có gì thay đổi', () => {
  test.each([
    ['lookahead giữa biểu thức', rule({ regex: 'a(?=b)c' }), /rules\[0\].*ở cuối/],
    ['tham chiếu ngược', rule({ regex: '(a)\\1' }), /rules\[0\].*tham chiếu ngược/],
    ['lượng từ lồng nhau', rule({ regex: '(a+)+$' }), /rules\[0\].*lồng nhau/],
    ['biểu thức quá phức tạp', rule({ regex: 'x{1000}y{1000}' }), /rules\[0\].*quá phức tạp/],
    ['biểu thức quá dài', rule({ regex: 'a'.repeat(501) }), /rules\[0\].*quá dài/],
    ['\\p{Script=…} RE2 không hiểu', rule({ regex: '\\p{Script=Latin}+x' }), /rules\[0\].*RE2/],
    ['regex không biên dịch', rule({ regex: '(abc' }), /rules\[0\].*không hợp lệ/],
    ['mã quy tắc lạ', rule({ id: '__proto__', phrases: ['x y'] }), /rules\[0\].*mã quy tắc/],
  ])('%s', async (_name, bad, message) => {
    const good = rule({ id: 'r0', phrases: ['lừa đảo'] });
    const text = ruleFile([bad, good]).replace('"r0"', '"r9"');
    const parsed = parsePackFile(text, 'rules');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(message);
      expect(parsed.error).toContain('Không có gì thay đổi');
    }
    // Saved straight to storage (the options page's other path), it is refused too, and the stored pack stays.
    const before = await loadRulePack();
    const saved = await saveRulePack(JSON.parse(text));
    expect(saved.ok).toBe(false);
    expect(await loadRulePack()).toEqual(before);
  });

  test('các mẫu từng treo trình duyệt giờ được nhận và chạy trong thời gian tuyến tính', () => {
    const text = ruleFile([rule({ regex: '(a|a)*$' }), rule({ id: 'r2', regex: '(\\w|\\d)*z' })]);
    const parsed = parsePackFile(text, 'rules');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.kind !== 'rules') return;
    const matcher = compileRules(parsed.pack.rules);
    // The browser's RegExp takes ~30 s on the first text; best of 3 leaves out warm-up.
    let best = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 3; k++) {
      const started = performance.now();
      matcher.scan(`${'a'.repeat(28)}!`);
      matcher.scan('1'.repeat(8000));
      best = Math.min(best, performance.now() - started);
    }
    expect(best).toBeLessThan(50);
  });
});
