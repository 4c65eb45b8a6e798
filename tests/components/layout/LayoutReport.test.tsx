import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LayoutReport } from '../../../components/layout/LayoutReport';
import { buildSkeleton, commentArea } from '../../../lib/facebook/skeleton';
import { button, mount, unmount, waitFor } from '../options/helpers';

let container: HTMLElement;
afterEach(() => unmount(container));
beforeEach(() => fakeBrowser.reset());

describe('thanh bên: báo cáo thay đổi bố cục', () => {
  test('mở sẵn khi có cảnh báo bố cục; sao chép đúng bộ khung trang gửi về', async () => {
    const article = document.createElement('div');
    article.setAttribute('role', 'article');
    article.setAttribute('aria-label', 'Bình luận của Nguyễn Văn An 3 giờ trước');
    article.textContent = 'Lời của người dân';
    const main = document.createElement('div');
    main.setAttribute('role', 'main');
    main.append(article);
    document.body.append(main);
    const skeleton = buildSkeleton(commentArea(document), {
      reason: 'layout-warning',
      pageUrl: 'https://www.facebook.com/khcndmst',
      watchedPages: ['khcndmst'],
    });
    main.remove();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(skeleton as never);
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    container = mount(<LayoutReport warning={true} />);
    expect(container.querySelector('details')?.open).toBe(true);
    button('Sao chép bộ khung', container).click();
    await waitFor(() => container.querySelector('[role="status"]'));
    expect(send).toHaveBeenCalledWith(7, { type: 'page:layout-skeleton' });
    const copied = JSON.parse(writeText.mock.calls[0]?.[0] as string);
    expect(copied).toEqual(skeleton);
    expect(JSON.stringify(copied)).not.toContain('Nguyễn');
    expect(JSON.stringify(copied)).toContain('Bình luận của ‹w› ‹w› ‹w› 9 giờ trước');
  });

  test('không có trang trả lời: báo lỗi, không sao chép gì', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    const writeText = vi.fn();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    container = mount(<LayoutReport warning={false} />);
    expect(container.querySelector('details')?.open).toBe(false);
    button('Sao chép bộ khung', container).click();
    const alert = await waitFor(() => container.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('Không đọc được trang');
    expect(writeText).not.toHaveBeenCalled();
  });
});
