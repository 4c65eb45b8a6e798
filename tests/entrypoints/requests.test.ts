import { describe, expect, test, vi } from 'vitest';
import {
  handleCommand,
  type PageActions,
  pageMessageHandlers,
} from '../../entrypoints/facebook.content/requests';
import type { PageState } from '../../lib/messages';

const STATE: PageState = {
  url: 'https://www.facebook.com/khcndmst',
  watched: true,
  stats: { seen: 3, flagged: 1, droppedNoId: 0 },
  layoutWarning: false,
  current: null,
  flagged: [],
};

function actions() {
  return {
    stateForSidebar: vi.fn(() => STATE),
    jumpTo: vi.fn((id: string) => id === '111'),
    saveCurrent: vi.fn(async () => true),
    insertReply: vi.fn(async () => ({ ok: true as const, method: 'paste' })),
    stepFlagged: vi.fn((_direction: 1 | -1) => {}),
  } satisfies PageActions;
}

const sender = {};

describe('pageMessageHandlers', () => {
  test('không phải trang được theo dõi: trạng thái "không theo dõi" với URL hiện tại, còn lại null', async () => {
    const handlers = pageMessageHandlers(() => null);
    expect(handlers['page:get-state']!({ type: 'page:get-state' }, sender)).toMatchObject({
      watched: false,
      url: location.href,
      flagged: [],
    });
    expect(handlers['page:jump']!({ type: 'page:jump', commentId: '1' }, sender)).toBeNull();
    expect(handlers['page:save-current']!({ type: 'page:save-current' }, sender)).toBeNull();
    expect(handlers['page:insert-reply']!({ type: 'page:insert-reply', replyId: 'x' }, sender)).toBeNull();
    expect(handlers.command!({ type: 'command', name: 'next-flag' }, sender)).toBeUndefined();
  });

  test('mỗi yêu cầu của thanh bên gọi đúng một hành động', async () => {
    const page = actions();
    const handlers = pageMessageHandlers(() => page);
    expect(handlers['page:get-state']!({ type: 'page:get-state' }, sender)).toBe(STATE);
    expect(page.stateForSidebar).toHaveBeenCalledTimes(1);
    expect(handlers['page:jump']!({ type: 'page:jump', commentId: '111' }, sender)).toBe(true);
    expect(handlers['page:jump']!({ type: 'page:jump', commentId: '222' }, sender)).toBe(false);
    await expect(handlers['page:save-current']!({ type: 'page:save-current' }, sender)).resolves.toBe(true);
    await expect(
      handlers['page:insert-reply']!({ type: 'page:insert-reply', replyId: 'thanks' }, sender),
    ).resolves.toEqual({ ok: true, method: 'paste' });
    expect(page.insertReply).toHaveBeenCalledWith('thanks');
    expect(handlers.command!({ type: 'command', name: 'previous-flag' }, sender)).toBe(true);
    expect(page.stepFlagged).toHaveBeenCalledWith(-1);
  });
});

describe('handleCommand', () => {
  test.each([
    ['next-flag', 'stepFlagged', [1]],
    ['previous-flag', 'stepFlagged', [-1]],
    ['save-idea', 'saveCurrent', []],
  ] as const)('%s → %s', (name, action, args) => {
    const page = actions();
    handleCommand(page, name);
    expect(page[action]).toHaveBeenCalledWith(...args);
  });
});
