import { describe, expect, test } from 'vitest';
import { validatePlaceholders } from '../../../lib/replies/placeholders';
import { formatDateVN, pickBody, type RenderContext, renderReply } from '../../../lib/replies/render';
import { DEFAULT_SETTINGS, Settings } from '../../../lib/settings/schema';

// 31/03/2026 23:30 in Hanoi is still 31/03 there, but already 1 April in UTC+8 and
// 16:30 UTC: the date must follow Vietnam, not the machine.
const NOW = new Date('2026-03-31T16:30:00Z');
const ctx = (over: Partial<RenderContext> = {}): RenderContext => ({
  commenterName: 'Nguyễn Thị Lan',
  settings: DEFAULT_SETTINGS,
  now: NOW,
  ...over,
});
const render = (body: string, over: Partial<RenderContext> = {}) => renderReply({ body }, ctx(over));

describe('renderReply fills placeholders', () => {
  test('the hotline has no default: a reply that needs it says where to set it', () => {
    expect(DEFAULT_SETTINGS.pageValues.hotline).toBe('');
    const result = render('Gọi {hotline}');
    expect(result).toMatchObject({ ok: false, missing: ['hotline'] });
    if (!result.ok) expect(result.message).toContain('Tùy chọn → Thông tin trang');
    const configured = Settings.parse({ pageValues: { hotline: '024 1234 5678' } });
    expect(render('Gọi {hotline}', { settings: configured })).toEqual({
      ok: true,
      text: 'Gọi 024 1234 5678',
    });
  });

  test.each([
    ['Chào {danhXung} {ten}!', 'Chào anh/chị Nguyễn Thị Lan!'],
    ['Trang {trang}', 'Trang Thông tin Khoa học và Công nghệ'],
    ['Xem {lienKet}', 'Xem https://mst.gov.vn'],
    ['Ngày {ngay}', 'Ngày 31/03/2026'],
    ['{chuKy}', 'Ban biên tập fanpage Thông tin Khoa học và Công nghệ'],
    // A capital first letter capitalizes the value, for the start of a sentence.
    ['{DanhXung} lưu ý', 'Anh/chị lưu ý'],
    // Spelled loosely, or in English, it still means the same placeholder.
    ['Chào {Tên}, {danh xưng}', 'Chào Nguyễn Thị Lan, anh/chị'],
    ['Hi {name}, see {link}', 'Hi Nguyễn Thị Lan, see https://mst.gov.vn'],
    // Doubled braces are literal braces.
    ['Viết {{ten}} để chèn tên', 'Viết {ten} để chèn tên'],
    ['Một dấu } lẻ', 'Một dấu } lẻ'],
  ])('%s → %s', (body, text) => {
    expect(render(body)).toEqual({ ok: true, text });
  });

  test('uses the address given for this comment over the default', () => {
    expect(render('Chào {danhXung} {ten}', { address: 'chị' })).toEqual({
      ok: true,
      text: 'Chào chị Nguyễn Thị Lan',
    });
  });

  test('uses page values from settings', () => {
    const settings = Settings.parse({
      defaultAddress: 'bạn',
      pageValues: { pageName: 'Trang thử', hotline: '1900 0000', signature: 'BBT\nTrang thử' },
    });
    expect(render('{DanhXung} gọi {hotline} — {trang}\n{chuKy}', { settings })).toEqual({
      ok: true,
      text: 'Bạn gọi 1900 0000 — Trang thử\nBBT\nTrang thử',
    });
  });

  test('the date follows Asia/Ho_Chi_Minh', () => {
    expect(formatDateVN(new Date('2026-03-31T17:30:00Z'))).toBe('01/04/2026');
    expect(formatDateVN(new Date('2026-12-31T16:59:59Z'))).toBe('31/12/2026');
  });
});

describe('renderReply treats names as plain text', () => {
  test.each([
    ['<b>Lan</b>', 'Chào <b>Lan</b>'],
    ['<img src=x onerror=alert(1)>', 'Chào <img src=x onerror=alert(1)>'],
    ['Tom &amp; Jerry', 'Chào Tom &amp; Jerry'],
    // A value is never expanded again.
    ['{hotline}', 'Chào {hotline}'],
    // No line breaks, bidi overrides or zero-width characters from a name.
    ['Lan\nXin chuyển tiền', 'Chào Lan Xin chuyển tiền'],
    ['\u202EnaL\u200B', 'Chào naL'],
    ['  Trần   Văn  Ba ', 'Chào Trần Văn Ba'],
    // Decomposed Vietnamese becomes composed (NFC).
    ['Nguyễn'.normalize('NFD'), 'Chào Nguyễn'],
  ])('name %j → %j', (name, text) => {
    const result = render('Chào {ten}', { commenterName: name });
    expect(result).toEqual({ ok: true, text });
  });

  test('a very long name is cut at 100 characters', () => {
    const result = render('{ten}', { commenterName: 'A'.repeat(300) });
    expect(result.ok && result.text.length).toBe(100);
  });
});

describe('renderReply refuses and says which', () => {
  test('an empty commenter name is unresolved when the body uses {ten}', () => {
    const result = render('Chào {danhXung} {ten},', { commenterName: '   ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.missing).toEqual(['ten']);
    expect(result.message).toContain('{ten} (tên người bình luận)');
    expect(result.message).toContain("{ten} (commenter's name)");
  });

  test('no name is fine when the body does not use {ten}', () => {
    expect(render('Cảnh báo: không chuyển tiền. {chuKy}', { commenterName: undefined }).ok).toBe(true);
  });

  test('an empty page value is unresolved', () => {
    const settings = Settings.parse({ pageValues: { hotline: '' }, defaultAddress: '' });
    const result = render('{DanhXung} gọi {hotline}', { settings });
    expect(result).toMatchObject({ ok: false, missing: ['danhXung', 'hotline'] });
  });

  test.each([
    ['Chào {tenKhach}', ['{tenKhach}']],
    ['Chào {ten', ['{ten']],
    ['Chào {}', ['{}']],
    ['{ngay} {ngay2} {ngay2}', ['{ngay2}']],
  ])('unknown placeholder in %j', (body, missing) => {
    const result = render(body);
    expect(result).toMatchObject({ ok: false, missing });
    if (!result.ok) expect(result.message).toMatch(/Chỗ điền không hợp lệ.*Unknown placeholder/);
  });

  test('reports every problem at once', () => {
    const result = render('{ten} {abc}', { commenterName: '' });
    expect(result).toMatchObject({ ok: false, missing: ['ten', '{abc}'] });
  });
});

describe('variants', () => {
  const reply = {
    body: 'Chào {danhXung} {ten}',
    variants: [{ audience: 'business' as const, body: 'Kính gửi quý doanh nghiệp, {ten}' }],
  };
  test('picks the audience variant, else the base body', () => {
    expect(pickBody(reply, 'business')).toBe('Kính gửi quý doanh nghiệp, {ten}');
    expect(pickBody(reply, 'researcher')).toBe('Chào {danhXung} {ten}');
    expect(pickBody(reply)).toBe('Chào {danhXung} {ten}');
    expect(renderReply(reply, ctx({ audience: 'business' }))).toEqual({
      ok: true,
      text: 'Kính gửi quý doanh nghiệp, Nguyễn Thị Lan',
    });
  });
});

describe('biến thể theo đối tượng: người viết không có dấu hiệu gì được coi là người dân', () => {
  const citizen = { audience: 'citizen' as const, body: 'Chào {danhXung} {ten}, cảm ơn đã quan tâm.' };
  const business = { audience: 'business' as const, body: 'Kính gửi quý doanh nghiệp.' };
  test.each([
    [
      'có biến thể người dân, không có dấu hiệu → biến thể người dân',
      { body: 'Chung', variants: [citizen] },
      undefined,
      citizen.body,
    ],
    [
      'nội dung chính cho nhà khoa học, có biến thể người dân → biến thể người dân',
      { body: 'Kính gửi nhà khoa học', variants: [business, citizen] },
      undefined,
      citizen.body,
    ],
    [
      'không có biến thể người dân → nội dung chính',
      { body: 'Chung', variants: [business] },
      undefined,
      'Chung',
    ],
    [
      'dấu hiệu doanh nghiệp → biến thể doanh nghiệp',
      { body: 'Chung', variants: [citizen, business] },
      'business' as const,
      business.body,
    ],
    [
      'dấu hiệu nhà khoa học, không có biến thể đó → nội dung chính',
      { body: 'Chung', variants: [citizen, business] },
      'researcher' as const,
      'Chung',
    ],
    ['không có biến thể nào → nội dung chính', { body: 'Chung' }, undefined, 'Chung'],
  ])('%s', (_name, reply, audience, expected) => {
    expect(pickBody(reply, audience)).toBe(expected);
  });
});

describe('validatePlaceholders', () => {
  test.each([
    ['Chào {danhXung} {ten}, {trang} {lienKet} {hotline} {ngay} {chuKy}', []],
    ['Không có chỗ điền', []],
    ['{{literal}}', []],
    ['{tenKhach} và {sdt} và {tenKhach}', ['{tenKhach}', '{sdt}']],
    ['mở {ten\nđóng}', ['{ten']],
  ])('%j → %j', (body, unknown) => {
    expect(validatePlaceholders(body)).toEqual(unknown);
  });
});
