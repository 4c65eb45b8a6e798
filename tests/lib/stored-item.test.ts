import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { defineStoredItem, parseWith, type StoredRead } from '../../lib/stored-item';

const Prefs = z.object({ size: z.number().int().min(1) });
type Prefs = z.infer<typeof Prefs>;
const item = defineStoredItem('thuNghiem', { parse: parseWith(Prefs), fallback: (): Prefs => ({ size: 3 }) });

describe('defineStoredItem: một quy tắc cho mọi lần đọc', () => {
  test.each<[string, unknown, StoredRead<Prefs>['stored'], string | undefined]>([
    ['chưa lưu gì → mặc định, không có vấn đề', undefined, false, undefined],
    ['giá trị hợp lệ → giá trị đã lưu', { size: 7 }, true, undefined],
    ['giá trị hỏng → mặc định, nói lý do', { size: 'bảy' }, false, 'invalid'],
  ])('%s', async (_name, stored, isStored, problem) => {
    if (stored !== undefined) await fakeBrowser.storage.local.set({ thuNghiem: stored });
    const read = await item.read();
    expect(read.stored).toBe(isStored);
    expect(read.problem?.kind).toBe(problem);
    expect(read.value).toEqual(isStored ? stored : { size: 3 });
  });

  test('không đọc được storage → mặc định, không ném lỗi; get() báo trong console', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage hỏng'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(item.read()).resolves.toEqual({
      value: { size: 3 },
      stored: false,
      problem: { kind: 'unreadable', detail: 'storage hỏng' },
    });
    await expect(item.get()).resolves.toEqual({ size: 3 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('storage hỏng'));
  });

  test('ghi, đọc, xóa; giữ đúng khóa và hình dạng đã lưu', async () => {
    await item.set({ size: 9 });
    expect((await fakeBrowser.storage.local.get('thuNghiem')).thuNghiem).toEqual({ size: 9 });
    await expect(item.get()).resolves.toEqual({ size: 9 });
    await item.remove();
    expect((await fakeBrowser.storage.local.get('thuNghiem')).thuNghiem).toBeUndefined();
  });

  test('watch: giá trị mới đã kiểm; bị xóa hay hỏng → mặc định; dừng khi gọi hàm trả về', async () => {
    const seen: StoredRead<Prefs>[] = [];
    const stop = item.watch((read) => seen.push(read));
    await fakeBrowser.storage.local.set({ thuNghiem: { size: 4 } });
    await fakeBrowser.storage.local.set({ thuNghiem: { size: -1 } });
    await fakeBrowser.storage.local.remove('thuNghiem');
    await fakeBrowser.storage.local.set({ khac: 1 });
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen.map((r) => [r.value.size, r.stored, r.problem?.kind])).toEqual([
      [4, true, undefined],
      [3, false, 'invalid'],
      [3, false, undefined],
    ]);
    stop();
    await fakeBrowser.storage.local.set({ thuNghiem: { size: 5 } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(3);
  });
});

describe('defineStoredItem: phiên bản và chuyển đổi (WXT migrations)', () => {
  test('giá trị cũ (v1) được chuyển sang hình dạng mới khi đọc; phiên bản ghi bên cạnh', async () => {
    await fakeBrowser.storage.local.set({ coPhienBan: { n: 5 } });
    const migrated = defineStoredItem('coPhienBan', {
      parse: parseWith(Prefs),
      fallback: (): Prefs => ({ size: 3 }),
      version: 2,
      migrations: { 2: (old) => ({ size: (old as { n: number }).n }) },
    });
    await expect(migrated.read()).resolves.toEqual({ value: { size: 5 }, stored: true });
    expect(await fakeBrowser.storage.local.get(['coPhienBan', 'coPhienBan$'])).toEqual({
      coPhienBan: { size: 5 },
      coPhienBan$: { v: 2 },
    });
  });

  test('không có chuyển đổi: không ghi gì thêm ngoài khóa của nó', async () => {
    await item.set({ size: 2 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ thuNghiem: { size: 2 } });
  });
});
