import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routeCommand } from '../../entrypoints/background/commands';

// Browser-level shortcuts cannot be pressed from Playwright: the router is tested here.
// WXT's fake browser has no tabs.sendMessage and cannot mark a tab active,
// so both tab calls are spied on.
function activeTab(id: number | undefined) {
  const query = vi
    .spyOn(fakeBrowser.tabs, 'query')
    .mockResolvedValue(
      id === undefined
        ? []
        : [{ id, index: 0, highlighted: true, active: true, pinned: false, incognito: false }],
    );
  return query;
}

describe('routeCommand', () => {
  test('sends a known command to the active tab of the current window', async () => {
    const query = activeTab(7);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await expect(routeCommand('next-flag')).resolves.toBe(true);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(send).toHaveBeenCalledWith(7, { type: 'command', name: 'next-flag' });
  });

  test('says false when the tab has no content script', async () => {
    activeTab(8);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    await expect(routeCommand('save-idea')).resolves.toBe(false);
  });

  test('says false when there is no active tab', async () => {
    activeTab(undefined);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await expect(routeCommand('previous-flag')).resolves.toBe(false);
    expect(send).not.toHaveBeenCalled();
  });

  test.each(['_execute_action', 'xoa-het', ''])('ignores an unknown command %j', async (name) => {
    activeTab(7);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await expect(routeCommand(name)).resolves.toBe(false);
    expect(send).not.toHaveBeenCalled();
  });
});
