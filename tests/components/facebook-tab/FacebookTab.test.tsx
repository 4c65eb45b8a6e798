import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FacebookTab } from '../../../components/facebook-tab/FacebookTab';
import { pageState } from '../../../components/facebook-tab/page-state';
import type { PageState } from '../../../lib/messages';

const STATE: PageState = {
  url: 'https://www.facebook.com/khcndmst',
  watched: true,
  stats: { seen: 12, flagged: 1, droppedNoId: 2 },
  layoutWarning: false,
  current: {
    comment: {
      id: '2233445566778906',
      postId: '1122334455667788',
      parentId: null,
      author: 'Vũ Ngọc Lan',
      authorUrl: null,
      text: 'Lợi nhuận khủng, đầu tư 1 được 3 <img src=x onerror=alert(1)>',
      truncated: false,
      permalink: 'https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=2233445566778906',
      time: '1 giờ',
      isPage: false,
    },
    flags: [
      {
        ruleId: 'scam-loi-nhuan-khung',
        category: 'scam',
        severity: 'high',
        matched: 'Lợi nhuận khủng',
        explanation: 'Khớp quy tắc "scam-loi-nhuan-khung": «Lợi nhuận khủng»',
      },
    ],
    suggestions: [
      {
        replyId: 'scam-investment',
        intent: 'scam-warning',
        title: 'Cảnh báo: lừa đảo đầu tư',
        preview: '…',
        why: 'Bị gắn cờ lừa đảo',
        score: 0.9,
      },
      {
        replyId: 'rules-general',
        intent: 'rules-reminder',
        title: 'Nhắc nội quy',
        preview: '…',
        why: 'Gợi ý chung',
        score: 0.3,
      },
    ],
  },
  flagged: [
    {
      commentId: '2233445566778906',
      author: 'Vũ Ngọc Lan',
      excerpt: 'Lợi nhuận khủng…',
      categories: ['scam'],
      flags: [],
    },
  ],
};

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  pageState.value = null;
});

function activeFacebookTab() {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
    { id: 3, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
  ]);
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, method: 'execCommand' });
}

describe('FacebookTab (thanh bên: tab Facebook)', () => {
  test('ngoài trang được theo dõi thì nói rõ', () => {
    act(() => render(<FacebookTab />, container));
    expect(container.textContent).toContain('fanpage được theo dõi');
  });

  test('hiện bình luận đang trả lời dưới dạng chữ, cờ và gợi ý theo thứ tự', () => {
    pageState.value = STATE;
    act(() => render(<FacebookTab />, container));
    expect(container.querySelector('img')).toBeNull(); // comment text is text, never HTML
    expect(container.querySelector('.comment-text')?.textContent).toBe(STATE.current!.comment.text);
    expect(container.textContent).toContain('Đã nhận 12 bình luận · 1 bị gắn cờ · 2 bỏ qua');
    expect(container.querySelector('.flags')?.textContent).toContain('lừa đảo');
    const buttons = Array.from(container.querySelectorAll('.suggestions button')).map((b) => b.textContent);
    expect(buttons).toEqual(['1. Cảnh báo: lừa đảo đầu tư', '2. Nhắc nội quy']);
  });

  test('bấm gợi ý gửi yêu cầu chèn tới tab Facebook; bấm "Đến bình luận" gửi yêu cầu nhảy', async () => {
    pageState.value = STATE;
    const send = activeFacebookTab();
    act(() => render(<FacebookTab />, container));
    await act(async () => {
      (container.querySelector('.suggestions button') as HTMLButtonElement).click();
    });
    expect(send).toHaveBeenCalledWith(3, { type: 'page:insert-reply', replyId: 'scam-investment' });
    await act(async () => {
      (container.querySelector('.flagged-list button') as HTMLButtonElement).click();
    });
    expect(send).toHaveBeenCalledWith(3, { type: 'page:jump', commentId: '2233445566778906' });
  });

  test('chèn thất bại thì hiện lý do', async () => {
    pageState.value = STATE;
    activeFacebookTab().mockResolvedValue({ ok: false, reason: 'Ô bình luận đã đóng' });
    act(() => render(<FacebookTab />, container));
    await act(async () => {
      (container.querySelector('.suggestions button') as HTMLButtonElement).click();
    });
    await vi.waitFor(() =>
      expect(container.querySelector('[role="status"]')?.textContent).toBe('Ô bình luận đã đóng'),
    );
  });

  test('bình luận không còn trên trang: "Đến bình luận" nói rõ, và thanh bên hỏi lại trạng thái trang', async () => {
    pageState.value = STATE;
    const send = activeFacebookTab();
    send.mockImplementation(async (_tab: number, request: unknown) =>
      (request as { type: string }).type === 'page:jump' ? false : { ...STATE, flagged: [] },
    );
    act(() => render(<FacebookTab />, container));
    await act(async () => {
      (container.querySelector('.flagged-list button') as HTMLButtonElement).click();
    });
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith(3, { type: 'page:get-state' }));
    await vi.waitFor(() => expect(container.textContent).toContain('Chưa có bình luận nào bị gắn cờ'));
    expect(container.querySelector('.flagged-list')).toBeNull();
    // The list emptied, and the moderator's click is still answered.
    expect(container.textContent).toContain('Bình luận này không còn trên trang.');
  });

  test('cảnh báo bố cục Facebook thay đổi nằm trong role="alert"', () => {
    pageState.value = { ...STATE, layoutWarning: true };
    act(() => render(<FacebookTab />, container));
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/Facebook đã đổi bố cục/);
  });
});
