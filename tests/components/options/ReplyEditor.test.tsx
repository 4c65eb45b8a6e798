import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadPacks } from '../../../components/options/packs-state';
import { ReplyEditor, SAMPLE_COMMENTER } from '../../../components/options/ReplyEditor';
import { REPLY_PACK_KEY, saveReplyPack } from '../../../lib/packs/storage';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import {
  button,
  buttons,
  choose,
  mount,
  myReplies,
  replyPackOf,
  stored,
  type,
  unmount,
  waitFor,
} from './helpers';

let container: HTMLElement;
const settings = {
  ...DEFAULT_SETTINGS,
  pageValues: { ...DEFAULT_SETTINGS.pageValues, hotline: '1900 1234' },
};
const NOW = new Date('2026-11-28T03:00:00Z');

beforeEach(async () => {
  await saveReplyPack(replyPackOf(myReplies));
  await loadPacks();
  container = mount(<ReplyEditor settings={settings} now={() => NOW} />);
  await waitFor(() => container.querySelector('.item-list li'));
});
afterEach(() => unmount(container));

const field = <T extends Element = HTMLInputElement>(id: string) =>
  container.querySelector(`#${id}`) as unknown as T;
const replyIds = async () =>
  ((await stored(REPLY_PACK_KEY)) as { replies: { id: string }[] }).replies.map((r) => r.id);

describe('chỗ điền / placeholders', () => {
  test.each([
    ['chỗ điền không biết', 'Chào {tenn}, cảm ơn.', '{tenn}'],
    ['ngoặc không đóng', 'Chào {ten, cảm ơn.', '{ten, cảm ơn.'],
  ])('%s → lỗi ngay dưới nội dung, không lưu', async (_name, body, named) => {
    const before = await stored(REPLY_PACK_KEY);
    buttons('Sửa', container)[0]!.click();
    const textarea = await waitFor(() => field<HTMLTextAreaElement>('reply-body'));
    type(textarea, body);
    const error = await waitFor(() => field('reply-body-error'));
    expect(error.textContent).toContain(named);
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    button('Lưu', container).click();
    await waitFor(() => container.querySelector('form [role="alert"]'));
    expect(await stored(REPLY_PACK_KEY)).toEqual(before);
  });

  test('xem trước điền tên mẫu và thông tin trang', async () => {
    buttons('Sửa', container)[1]!.click();
    await waitFor(() => field('reply-body'));
    type(field<HTMLTextAreaElement>('reply-body'), '{Danh xưng} {ten} ơi, gọi {hotline} nhé. Ngày {ngay}.');
    const preview = await waitFor(() => container.querySelector('.preview-text'));
    expect(preview.textContent).toBe(`Anh/chị ${SAMPLE_COMMENTER} ơi, gọi 1900 1234 nhé. Ngày 28/11/2026.`);
  });
});

describe('thêm, xóa, hoàn tác, sắp xếp', () => {
  test('thêm câu trả lời mới ở cuối', async () => {
    button('Thêm câu trả lời', container).click();
    await waitFor(() => field('reply-id'));
    type(field('reply-id'), 'hoi-dap-chung');
    type(field('reply-title'), 'Trả lời câu hỏi chung');
    choose(field<HTMLSelectElement>('reply-intent'), 'question');
    type(field<HTMLTextAreaElement>('reply-body'), 'Chào {ten}, {trang} sẽ trả lời sớm.');
    type(field<HTMLTextAreaElement>('reply-triggers'), 'cho hỏi\nxin hỏi');
    button('Lưu', container).click();
    await waitFor(async () => (await replyIds()).length === 4);
    const saved = ((await stored(REPLY_PACK_KEY)) as { replies: Record<string, unknown>[] }).replies[3];
    expect(saved).toMatchObject({
      id: 'hoi-dap-chung',
      intent: 'question',
      triggers: ['cho hỏi', 'xin hỏi'],
    });
  });

  test('id sai dạng → lỗi ở ô mã', async () => {
    button('Thêm câu trả lời', container).click();
    type(await waitFor(() => field<HTMLInputElement>('reply-id')), 'Cảm Ơn');
    expect((await waitFor(() => field('reply-id-error'))).textContent).toContain('chữ thường');
  });

  test('xóa, hoàn tác, rồi Lên', async () => {
    buttons('Xóa', container)[1]!.click();
    await waitFor(async () => (await replyIds()).length === 2);
    (await waitFor(() => buttons('Hoàn tác', container)[0])).click();
    await waitFor(async () => (await replyIds()).length === 3);
    expect(await replyIds()).toEqual(['cam-on', 'canh-bao-lua-dao', 'ghi-nhan']);
    buttons('Lên', container)[2]!.click();
    await waitFor(async () => (await replyIds())[1] === 'ghi-nhan');
    expect(await replyIds()).toEqual(['cam-on', 'ghi-nhan', 'canh-bao-lua-dao']);
  });
});

describe('cách viết riêng cho từng đối tượng / per-audience wording', () => {
  const savedReply = async (id: string) =>
    ((await stored(REPLY_PACK_KEY)) as { replies: { id: string; variants?: unknown }[] }).replies.find(
      (r) => r.id === id,
    )!;

  test('viết cho doanh nghiệp → lưu thành biến thể; xóa chữ → bỏ biến thể', async () => {
    buttons('Sửa', container)[0]!.click();
    const business = await waitFor(() => field<HTMLTextAreaElement>('reply-variant-business'));
    expect(container.querySelector('label[for="reply-variant-business"]')?.textContent).toBe('Doanh nghiệp');
    type(business, 'Kính gửi quý doanh nghiệp, cảm ơn {ten}.');
    button('Lưu', container).click();
    await waitFor(async () => (await savedReply('cam-on')).variants !== undefined);
    expect((await savedReply('cam-on')).variants).toEqual([
      { audience: 'business', body: 'Kính gửi quý doanh nghiệp, cảm ơn {ten}.' },
    ]);

    buttons('Sửa', container)[0]!.click();
    const again = await waitFor(() => field<HTMLTextAreaElement>('reply-variant-business'));
    expect(again.value).toBe('Kính gửi quý doanh nghiệp, cảm ơn {ten}.');
    type(again, '   ');
    button('Lưu', container).click();
    await waitFor(async () => (await savedReply('cam-on')).variants === undefined);
  });

  test('chỗ điền sai trong biến thể → lỗi dưới ô của đối tượng đó, không lưu', async () => {
    const before = await stored(REPLY_PACK_KEY);
    buttons('Sửa', container)[0]!.click();
    const researcher = await waitFor(() => field<HTMLTextAreaElement>('reply-variant-researcher'));
    type(researcher, 'Kính gửi {tenn}.');
    const error = await waitFor(() => field('reply-variant-researcher-error'));
    expect(error.textContent).toContain('{tenn}');
    expect(researcher.getAttribute('aria-invalid')).toBe('true');
    expect(field('reply-variant-business-error')).toBeNull();
    button('Lưu', container).click();
    await waitFor(() => container.querySelector('form [role="alert"]'));
    expect(await stored(REPLY_PACK_KEY)).toEqual(before);
  });
});
