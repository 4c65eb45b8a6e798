import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Palette, showPalette } from '../../entrypoints/facebook.content/palette';
import { defaultReplyPack } from '../../lib/packs/defaults';

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = null;
});

describe('bảng câu trả lời (Ctrl+.)', () => {
  test('ô tìm có tiêu điểm ngay khi bảng hiện, trong cùng lượt vẽ: phím bấm liền sau Ctrl+. thuộc về bảng', () => {
    const replies = defaultReplyPack().replies.slice(0, 3);
    showPalette({
      items: replies.map((reply) => ({ reply, preview: { ok: true, text: reply.body } })),
      onPick: vi.fn(),
      onClose: vi.fn(),
    });
    container = document.createElement('div');
    document.body.append(container);
    // No act(), no timer: what the moderator's next key meets right after the render.
    render(<Palette />, container);
    const input = container.querySelector('input');
    expect(container.querySelector('[role="dialog"]')).not.toBeNull();
    expect(input).not.toBeNull();
    expect(document.activeElement).toBe(input);
  });
});
