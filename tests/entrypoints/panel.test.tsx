import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, type Mock, test, vi } from 'vitest';
import { createPanelModel, Panel, type PanelModel } from '../../entrypoints/facebook.content/panel';
import { allowUntrustedEventsForTests } from '../../lib/trusted-events';

let container: HTMLElement;
let model: PanelModel;
let changes: Mock<(collapsed: boolean) => void>;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  changes = vi.fn<(collapsed: boolean) => void>();
  model = createPanelModel(() => {}, changes);
  model.stats.value = { seen: 12, flagged: 2, droppedNoId: 1 };
  // happy-dom's clicks are untrusted; the test of the guard below turns it back on.
  allowUntrustedEventsForTests(true);
});
afterEach(() => {
  allowUntrustedEventsForTests(false);
  render(null, container);
  container.remove();
});

const toggle = () => container.querySelector<HTMLButtonElement>('button[aria-controls="khcn-panel-stats"]')!;
const stats = () => container.querySelector<HTMLElement>('.stats')!;

describe('bảng nhỏ khcn-panel', () => {
  test('mở rộng: hiện số liệu; nút thu gọn có tên và aria-expanded', () => {
    act(() => render(<Panel model={model} />, container));
    expect(stats().hidden).toBe(false);
    expect(stats().textContent).toContain('Đã nhận 12 bình luận · 2 bị gắn cờ · 1 bỏ qua');
    expect(toggle().getAttribute('aria-label')).toBe('Thu gọn bảng KHCN');
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
  });

  test('thu gọn: số liệu ẩn, lựa chọn được báo cho phiên; bấm lại thì mở', () => {
    act(() => render(<Panel model={model} />, container));
    act(() => toggle().click());
    expect(stats().hidden).toBe(true);
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(toggle().getAttribute('aria-label')).toBe('Mở rộng bảng KHCN');
    expect(changes).toHaveBeenLastCalledWith(true);
    act(() => toggle().click());
    expect(stats().hidden).toBe(false);
    expect(changes).toHaveBeenLastCalledWith(false);
  });

  test('một cú bấm do script của trang tạo (isTrusted false) không thu gọn, không lưu gì', () => {
    allowUntrustedEventsForTests(false);
    act(() => render(<Panel model={model} />, container));
    act(() => toggle().click());
    expect(stats().hidden).toBe(false);
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(changes).not.toHaveBeenCalled();
  });

  test('thu gọn vẫn hiện cảnh báo bố cục và thông báo: không bao giờ im lặng', () => {
    model.collapsed.value = true;
    act(() => render(<Panel model={model} />, container));
    act(() => {
      model.layoutWarning.value = true;
      model.toast.value = { text: 'Không lưu được ý tưởng', kind: 'error' };
    });
    expect(stats().hidden).toBe(true);
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/Facebook/);
    expect(container.querySelector('.toast')?.textContent).toBe('Không lưu được ý tưởng');
  });
});
