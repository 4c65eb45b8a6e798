import { describe, expect, test } from 'vitest';
import { parseReplyPack, Reply } from '../../../lib/replies/schema';

const reply = (over: Record<string, unknown> = {}) => ({
  id: 'thanks-general',
  title: 'Cảm ơn',
  body: 'Cảm ơn {danhXung} {ten}.',
  intent: 'thanks',
  triggers: ['cảm ơn'],
  tags: [],
  language: 'vi',
  ...over,
});
const pack = (replies: unknown[]) => ({ format: 'khcn-moderator/replies', version: 1, replies });

describe('parseReplyPack', () => {
  test('accepts a valid pack and fills defaults', () => {
    const result = parseReplyPack(pack([{ id: 'a', title: 'A', body: 'Chào {ten}', intent: 'question' }]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.replies[0]).toMatchObject({ triggers: [], tags: [], language: 'vi' });
  });

  test('accepts a JSON string with a UTF-8 BOM', () => {
    const result = parseReplyPack(`\uFEFF${JSON.stringify(pack([reply()]))}`);
    expect(result.ok).toBe(true);
  });

  test('rejects text that is not JSON, saying so', () => {
    const result = parseReplyPack('{"format": ');
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/JSON/);
  });

  test.each([
    ['duplicate ids', pack([reply(), reply()]), /trùng id "thanks-general".*duplicate id/],
    ['an unknown intent', pack([reply({ intent: 'greeting' })]), /intent/],
    ['the wrong format', { ...pack([reply()]), format: 'khcn-moderator/ideas' }, /format/],
    ['a newer version', { ...pack([reply()]), version: 2 }, /version/],
    ['an unknown placeholder', pack([reply({ body: 'Chào {tenKhach}' })]), /\{tenKhach\}/],
    ['an unclosed placeholder', pack([reply({ body: 'Chào {ten, cảm ơn' })]), /unknown placeholder/],
    [
      'a bad placeholder in a variant',
      pack([reply({ variants: [{ audience: 'business', body: 'Kính gửi {congTy}' }] })]),
      /\{congTy\}.*replies\[0\]\.variants\[0\]\.body/s,
    ],
    ['an id with spaces', pack([reply({ id: 'cam on' })]), /id/],
    ['an empty body', pack([reply({ body: '   ' })]), /body/],
    [
      'two variants for one audience',
      pack([
        reply({
          variants: [
            { audience: 'business', body: 'A' },
            { audience: 'business', body: 'B' },
          ],
        }),
      ]),
      /same audience/,
    ],
  ])('rejects %s, naming it', (_what, input, message) => {
    const result = parseReplyPack(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  test('the error says where the problem is', () => {
    const result = parseReplyPack(pack([reply({ id: 'ok-one' }), reply({ id: 'two', intent: 'nope' })]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('replies[1].intent');
  });
});

test('Reply keeps triggers as written, with diacritics', () => {
  expect(Reply.parse(reply({ triggers: ['  Đề xuất '] })).triggers).toEqual(['Đề xuất']);
});
