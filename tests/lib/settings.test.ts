import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPanelPrefs, savePanelPrefs } from '../../lib/settings/panel-prefs';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import { loadSettings, saveSettings, watchSettings } from '../../lib/settings/storage';
import { isWatchedUrl } from '../../lib/settings/watched';

describe('isWatchedUrl', () => {
  test.each([
    ['https://www.facebook.com/khcndmst', true],
    ['https://www.facebook.com/khcndmst/', true],
    ['https://www.facebook.com/KHCNdmst/posts/1122334455', true],
    ['https://www.facebook.com/khcndmst/posts/1122334455?comment_id=99', true],
    ['https://www.facebook.com/profile.php?id=100012345', true],
    ['https://www.facebook.com/khcndmst2', false],
    ['https://www.facebook.com/otherpage', false],
    ['https://www.facebook.com/', false],
    ['http://www.facebook.com/khcndmst', false],
    ['https://facebook.com.evil.example/khcndmst', false],
    ['không phải URL', false],
  ])('%s → %s', (url, expected) => {
    expect(isWatchedUrl(url, ['khcndmst', '100012345'])).toBe(expected);
  });
});

describe('settings', () => {
  test('defaults watch the fanpage khcndmst', async () => {
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.watchedPages).toEqual(['khcndmst']);
    expect(DEFAULT_SETTINGS.defaultAddress).toBe('anh/chị');
  });

  test('saves, loads and notifies watchers', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    const next = { ...DEFAULT_SETTINGS, watchedPages: ['khcndmst', '123456789'] };
    await saveSettings(next);
    await expect(loadSettings()).resolves.toEqual(next);
    expect(seen.at(-1)?.watchedPages).toEqual(['khcndmst', '123456789']);
    stop();
  });

  test.each([
    [{ watchedPages: ['<script>'] }, 'watchedPages'],
    [{ privacy: { storeAuthor: true, retentionDays: -1 } }, 'retentionDays'],
  ])('rejects invalid settings %j and saves nothing', async (patch, field) => {
    await expect(saveSettings({ ...DEFAULT_SETTINGS, ...patch } as Settings)).rejects.toThrow(field);
    await expect(fakeBrowser.storage.local.get('settings')).resolves.toEqual({});
  });

  test('a corrupt stored value falls back to the defaults instead of breaking', async () => {
    await fakeBrowser.storage.local.set({ settings: { watchedPages: 42 } });
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  test('storage that cannot be read gives the defaults, like panel prefs and packs (one rule)', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage hỏng'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });
});

describe('bảng nhỏ trên trang: thu gọn hay không (panel prefs)', () => {
  test('chưa lưu gì, hoặc giá trị lưu hỏng: mở rộng', async () => {
    await expect(loadPanelPrefs()).resolves.toEqual({ collapsed: false });
    await fakeBrowser.storage.local.set({ panel: { collapsed: 'có' } });
    await expect(loadPanelPrefs()).resolves.toEqual({ collapsed: false });
  });

  test('lưu rồi đọc lại; không đụng tới cài đặt (đổi cài đặt thì phiên trang khởi động lại)', async () => {
    let settingsChanged = 0;
    const stop = watchSettings(() => settingsChanged++);
    await savePanelPrefs({ collapsed: true });
    await expect(loadPanelPrefs()).resolves.toEqual({ collapsed: true });
    stop();
    expect(settingsChanged).toBe(0);
  });

  test('không đọc được storage: mở rộng, không ném lỗi (phiên trang vẫn khởi động)', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage hỏng'));
    await expect(loadPanelPrefs()).resolves.toEqual({ collapsed: false });
  });

  test('giá trị sai không được lưu', async () => {
    await expect(savePanelPrefs({ collapsed: 1 } as unknown as { collapsed: boolean })).rejects.toThrow();
    await expect(loadPanelPrefs()).resolves.toEqual({ collapsed: false });
  });
});
