import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { listenForKeys, type PageKey, pageKeyOf } from '../../entrypoints/facebook.content/keys';
import { allowUntrustedEventsForTests } from '../../lib/trusted-events';

function key(init: KeyboardEventInit & { keyCode?: number }): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  if (init.keyCode !== undefined) Object.defineProperty(event, 'keyCode', { value: init.keyCode });
  return event;
}

describe('pageKeyOf', () => {
  test.each<[string, KeyboardEventInit & { keyCode?: number }, PageKey | null]>([
    ['Ctrl+. mở danh sách trả lời', { code: 'Period', ctrlKey: true }, 'palette'],
    ['Cmd+. trên macOS', { code: 'Period', metaKey: true }, 'palette'],
    ['Alt+Shift+S lưu ý tưởng', { code: 'KeyS', altKey: true, shiftKey: true }, 'save-idea'],
    ['Alt+Shift+J cờ tiếp theo', { code: 'KeyJ', altKey: true, shiftKey: true }, 'next-flag'],
    ['Alt+Shift+U cờ trước', { code: 'KeyU', altKey: true, shiftKey: true }, 'previous-flag'],
    ['Ctrl+Shift+. không phải của ta', { code: 'Period', ctrlKey: true, shiftKey: true }, null],
    ['Alt+S (thiếu Shift) không phải của ta', { code: 'KeyS', altKey: true }, null],
    ['gõ Telex đang ghép chữ', { code: 'Period', ctrlKey: true, isComposing: true }, null],
    ['keyCode 229 của bộ gõ', { code: 'KeyS', altKey: true, shiftKey: true, keyCode: 229 }, null],
    ['chữ thường', { code: 'KeyA' }, null],
  ])('%s', (_name, init, expected) => {
    expect(pageKeyOf(key(init))).toBe(expected);
  });
});

describe('listenForKeys', () => {
  // happy-dom cannot make a trusted event: the check is turned off here, and back on for its own test.
  beforeEach(() => allowUntrustedEventsForTests(true));
  afterEach(() => allowUntrustedEventsForTests(false));

  test('một phím do trang giả lập (isTrusted false): bỏ qua, không chặn', () => {
    allowUntrustedEventsForTests(false);
    const controller = new AbortController();
    const onKey = vi.fn();
    listenForKeys(controller.signal, onKey);
    const event = key({ code: 'Period', ctrlKey: true });
    document.body.dispatchEvent(event);
    expect(onKey).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
    controller.abort();
  });

  test('phím của ta: gọi onKey, chặn mặc định và không để Facebook thấy', () => {
    const controller = new AbortController();
    const onKey = vi.fn();
    const facebook = vi.fn();
    document.body.addEventListener('keydown', facebook);
    listenForKeys(controller.signal, onKey);
    const event = key({ code: 'KeyJ', altKey: true, shiftKey: true });
    document.body.dispatchEvent(event);
    expect(onKey).toHaveBeenCalledWith('next-flag');
    expect(event.defaultPrevented).toBe(true);
    expect(facebook).not.toHaveBeenCalled();
    controller.abort();
    document.body.removeEventListener('keydown', facebook);
  });

  test('phím khác đi qua nguyên vẹn', () => {
    const controller = new AbortController();
    const onKey = vi.fn();
    listenForKeys(controller.signal, onKey);
    const event = key({ code: 'KeyA' });
    document.body.dispatchEvent(event);
    expect(onKey).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
    controller.abort();
  });

  test('hết phiên (signal hủy): không còn nghe', () => {
    const controller = new AbortController();
    const onKey = vi.fn();
    listenForKeys(controller.signal, onKey);
    controller.abort();
    document.body.dispatchEvent(key({ code: 'Period', ctrlKey: true }));
    expect(onKey).not.toHaveBeenCalled();
  });
});
