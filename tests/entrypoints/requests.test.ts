import { describe, expect, test, vi } from 'vitest';
import {
  handleCommand,
  handlePageRequest,
  type PageActions,
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

describe('handlePageRequest', () => {
  test('không phải trang được theo dõi: trạng thái "không theo dõi" với URL hiện tại, còn lại null', async () => {
    await expect(handlePageRequest(null, { type: 'page:get-state' })).resolves.toMatchObject({
      watched: false,
      url: location.href,
      flagged: [],
    });
    await expect(handlePageRequest(null, { type: 'page:jump', commentId: '1' })).resolves.toBeNull();
    await expect(handlePageRequest(null, { type: 'page:save-current' })).resolves.toBeNull();
  });

  test('mỗi yêu cầu của thanh bên gọi đúng một hành động', async () => {
    const page = actions();
    await expect(handlePageRequest(page, { type: 'page:get-state' })).resolves.toBe(STATE);
    expect(page.stateForSidebar).toHaveBeenCalledTimes(1);
    await expect(handlePageRequest(page, { type: 'page:jump', commentId: '111' })).resolves.toBe(true);
    await expect(handlePageRequest(page, { type: 'page:jump', commentId: '222' })).resolves.toBe(false);
    await expect(handlePageRequest(page, { type: 'page:save-current' })).resolves.toBe(true);
    await expect(handlePageRequest(page, { type: 'page:insert-reply', replyId: 'thanks' })).resolves.toEqual({
      ok: true,
      method: 'paste',
    });
    expect(page.insertReply).toHaveBeenCalledWith('thanks');
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
