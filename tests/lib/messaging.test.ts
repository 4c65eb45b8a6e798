import { describe, expect, test, vi } from 'vitest';
import type { SaveIdeaRequest } from '../../lib/messages';
import { onMessages, sendMessage } from '../../lib/messaging';

const request: SaveIdeaRequest = {
  type: 'idea:save',
  comment: {
    id: '2233445566778899',
    postId: '1122334455667788',
    parentId: null,
    author: 'Nguyễn Văn An',
    authorUrl: null,
    text: 'Đề xuất mở thêm phòng thí nghiệm cộng đồng.',
    truncated: false,
    permalink: 'https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=2233445566778899',
    time: '2 giờ',
    isPage: false,
  },
  flags: [],
  pageUrl: 'https://www.facebook.com/khcndmst',
};

describe('onMessages + sendMessage (WXT fake browser)', () => {
  test('tin nhắn được kiểm bằng schema, trả lời có kiểu', async () => {
    const save = vi.fn(async () => ({ ok: true as const, created: true, ideaId: 'a1' }));
    const stop = onMessages({ 'idea:save': save });
    await expect(sendMessage(request)).resolves.toEqual({ ok: true, created: true, ideaId: 'a1' });
    expect(save).toHaveBeenCalledWith(request, expect.anything());
    stop();
  });

  test('tin nhắn sai hình dạng: không tới handler', async () => {
    const save = vi.fn(async () => ({ ok: true as const, created: true, ideaId: 'a1' }));
    const stop = onMessages({ 'idea:save': save });
    const { browser } = await import('wxt/browser');
    await expect(browser.runtime.sendMessage({ type: 'idea:save', comment: null })).resolves.toBeUndefined();
    expect(save).not.toHaveBeenCalled();
    stop();
  });

  test('handler thất bại: trả lời null; câu trả lời sai hình dạng: null', async () => {
    const stop = onMessages({ 'idea:save': async () => Promise.reject(new Error('đĩa đầy')) });
    await expect(sendMessage(request)).resolves.toBeNull();
    stop();
    const wrong = onMessages({ 'idea:save': async () => ({ ok: 'có' }) as never });
    await expect(sendMessage(request)).resolves.toBeNull();
    wrong();
  });

  test('không còn hoạt động (ngữ cảnh đã mất): bỏ qua', async () => {
    const save = vi.fn(async () => ({ ok: true as const, created: false, ideaId: 'a1' }));
    const stop = onMessages({ 'idea:save': save }, () => false);
    const answered = onMessages({ 'idea:save': async () => ({ ok: false as const, error: 'x' }) });
    await expect(sendMessage(request)).resolves.toEqual({ ok: false, error: 'x' });
    expect(save).not.toHaveBeenCalled();
    stop();
    answered();
  });
});
