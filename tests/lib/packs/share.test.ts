import { describe, expect, test } from 'vitest';
import { defaultReplyPack, defaultRulePack } from '../../../lib/packs/defaults';
import {
  applyImport,
  exportPack,
  hasChanges,
  missingCorrections,
  packFileName,
  parsePackFile,
  previewImport,
} from '../../../lib/packs/share';

const reply = (id: string, body = 'Cảm ơn {danhXung} {ten}.') => ({
  id,
  title: `Câu ${id}`,
  intent: 'thanks',
  body,
});
const rule = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  category: 'scam',
  severity: 'medium',
  phrases: ['trúng thưởng'],
  note: 'Lừa trúng thưởng.',
  ...over,
});
const replyFile = (replies: unknown[]) =>
  JSON.stringify({ format: 'khcn-moderator/replies', version: 1, replies });
const ruleFile = (rules: unknown[]) => JSON.stringify({ format: 'khcn-moderator/rules', version: 1, rules });

describe('xuất rồi nhập lại / export then import', () => {
  test.each([
    ['câu trả lời mặc định', defaultReplyPack()],
    ['quy tắc mặc định', defaultRulePack()],
  ])('%s: nhập lại tệp vừa xuất được đúng gói ấy', (_name, pack) => {
    const text = exportPack(pack);
    expect(text.endsWith('\n')).toBe(true);
    const parsed = parsePackFile(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.pack).toEqual(pack);
  });

  test('BOM UTF-8 trước JSON vẫn được', () => {
    const parsed = parsePackFile(`\uFEFF${replyFile([reply('a1')])}`);
    expect(parsed.ok && parsed.kind).toBe('replies');
  });

  test('tên tệp theo ngày ở Việt Nam', () => {
    // 20:00 UTC on the 27th is already the 28th in Hà Nội.
    expect(packFileName('rules', new Date('2026-11-27T20:00:00Z'))).toBe('khcn-quy-tac-2026-11-28.json');
    expect(packFileName('replies', new Date('2026-11-27T10:00:00Z'))).toBe(
      'khcn-cau-tra-loi-2026-11-27.json',
    );
  });
});

describe('tệp hỏng: nói rõ cái gì, ở đâu / a bad pack says what and where', () => {
  test.each([
    [
      'JSON hỏng',
      '{"format": "khcn-moderator/rules", ',
      undefined,
      [/không phải JSON hợp lệ/, /not valid JSON/],
    ],
    ['mảng thay vì đối tượng', '[]', undefined, [/không phải một gói/]],
    [
      'format khác',
      JSON.stringify({ format: 'khcn-moderator/ideas', version: 1 }),
      undefined,
      [/"khcn-moderator\/ideas"/, /cần "khcn-moderator\/replies" hoặc \/ or "khcn-moderator\/rules"/],
    ],
    ['thiếu format', JSON.stringify({ version: 1, rules: [] }), undefined, [/"format" là null/]],
    [
      'phiên bản 2',
      JSON.stringify({ format: 'khcn-moderator/rules', version: 2, rules: [] }),
      undefined,
      [/Phiên bản gói 2/],
    ],
    [
      'gói trả lời ở chỗ nhập quy tắc',
      replyFile([reply('a1')]),
      'rules',
      [/gói câu trả lời, không phải gói quy tắc/],
    ],
    [
      'regex không biên dịch',
      ruleFile([rule('r-ok'), rule('r-xau', { regex: '(trúng' })]),
      undefined,
      [/rules\[1\] \(id "r-xau"\), mục số 2 \/ item 2 › regex: biểu thức không hợp lệ/],
    ],
    [
      'chỗ điền không biết',
      replyFile([reply('a1'), reply('a2'), reply('a3', 'Chào {tên khách}')]),
      undefined,
      [/replies\[2\] \(id "a3"\), mục số 3 .* body: .*\{tên khách\}/],
    ],
    [
      'trùng id câu trả lời',
      replyFile([reply('a1'), reply('a1')]),
      undefined,
      [/replies\[1\] \(id "a1"\).*trùng id "a1"/],
    ],
    ['trùng mã quy tắc', ruleFile([rule('r1'), rule('r1')]), undefined, [/rules\[1\] \(id "r1"\).*bị trùng/]],
    [
      'quy tắc không có cụm từ lẫn regex',
      ruleFile([rule('r1', { phrases: [] })]),
      undefined,
      [/rules\[0\].*phrases: quy tắc cần ít nhất một cụm từ/],
    ],
  ] as const)('%s', (_name, text, expected, messages) => {
    const parsed = parsePackFile(text, expected);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    for (const message of messages) expect(parsed.error).toMatch(message);
    expect(parsed.error).toContain('Không có gì thay đổi');
    expect(parsed.error).toContain('Nothing was changed');
  });
});

describe('the whole message a moderator reads for a bad pack', () => {
  test('an item that fails its check: numbered, named, both languages', () => {
    expect(parsePackFile(ruleFile([rule('r-ok'), rule('r-xau', { phrases: [] })]))).toEqual({
      ok: false,
      error:
        'Gói quy tắc không hợp lệ: Không có gì thay đổi.\n' +
        'Invalid rule pack: Nothing was changed.\n' +
        '• rules[1] (id "r-xau"), mục số 2 / item 2 › phrases: quy tắc cần ít nhất một cụm từ, một biểu thức chính quy hoặc một tổ hợp (requires) / ' +
        'a rule needs at least one phrase, a regex or a combination (requires)',
    });
  });

  test('a pack of the other kind', () => {
    expect(parsePackFile(replyFile([reply('a1')]), 'rules')).toEqual({
      ok: false,
      error:
        'Đây là gói câu trả lời, không phải gói quy tắc. Không có gì thay đổi.\n' +
        'This is a reply pack, not a rule pack. Nothing was changed.',
    });
  });

  test('past twenty problems, the rest are counted', () => {
    const replies = Array.from({ length: 6 }, () => ({}));
    const parsed = parsePackFile(JSON.stringify({ format: 'khcn-moderator/replies', version: 1, replies }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.split('\n').at(-1)).toBe('• … và 4 lỗi khác / and 4 more');
  });
});

describe('xem trước và áp dụng / preview and apply', () => {
  const current = [reply('a'), reply('b'), reply('c')].map((r) => ({
    ...r,
    triggers: [],
    tags: [],
    language: 'vi',
  }));
  const incoming = [
    { ...current[1]!, title: 'B mới' }, // changed
    { ...current[2]! }, // unchanged
    { ...reply('d'), triggers: [], tags: [], language: 'vi' }, // added
  ];

  test.each([
    ['merge', { added: ['d'], changed: ['b'], removed: [], unchanged: ['c'] }, ['a', 'b', 'c', 'd']],
    ['replace', { added: ['d'], changed: ['b'], removed: ['a'], unchanged: ['c'] }, ['b', 'c', 'd']],
  ] as const)('%s', (mode, diff, ids) => {
    expect(previewImport(current, incoming, mode)).toEqual(diff);
    const result = applyImport(current, incoming, mode);
    expect(result.map((r) => r.id)).toEqual(ids);
    expect(result.find((r) => r.id === 'b')?.title).toBe('B mới');
    // The preview said exactly what happened.
    expect(previewImport(current, result, 'replace')).toEqual({
      added: diff.added,
      changed: diff.changed,
      removed: diff.removed,
      unchanged: ids.filter((id) => !diff.added.includes(id as never) && !diff.changed.includes(id as never)),
    });
  });

  test('thứ tự khóa không làm thành "thay đổi"', () => {
    const a = { id: 'x', note: 'n', category: 'scam' };
    const b = { category: 'scam', note: 'n', id: 'x' };
    expect(previewImport([a], [b], 'merge').unchanged).toEqual(['x']);
  });

  test('nhập đúng gói đang có: không có gì thay đổi', () => {
    const diff = previewImport(current, current, 'replace');
    expect(hasChanges(diff)).toBe(false);
    expect(hasChanges(previewImport(current, incoming, 'merge'))).toBe(true);
  });

  test('không sửa mảng đầu vào', () => {
    const before = JSON.stringify(current);
    applyImport(current, incoming, 'merge');
    expect(JSON.stringify(current)).toBe(before);
  });

  test('quy tắc trỏ tới câu trả lời không có trong thư viện', () => {
    expect(
      missingCorrections(
        [rule('r1', { correctionReplyId: 'a' }), rule('r2', { correctionReplyId: 'zz' }), rule('r3')],
        current,
      ),
    ).toEqual([{ ruleId: 'r2', replyId: 'zz' }]);
    // The default packs agree with each other.
    expect(missingCorrections(defaultRulePack().rules, defaultReplyPack().replies)).toEqual([]);
  });
});
