import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SettingsForm } from '../../../components/options/SettingsForm';
import { pageFromInput } from '../../../components/options/watched-input';
import { loadSettings } from '../../../lib/settings/storage';
import { button, buttons, mount, type, unmount, waitFor } from './helpers';

let container: HTMLElement;
beforeEach(async () => {
  container = mount(<SettingsForm />);
  await waitFor(() => container.querySelector('#watched-new'));
});
afterEach(() => unmount(container));

describe('trang được theo dõi / watched pages', () => {
  test.each([
    ['khcndmst', 'khcndmst'],
    ['  boKHCN.vn ', 'boKHCN.vn'],
    ['61550000000000', '61550000000000'],
    ['https://www.facebook.com/khcndmst/posts/123', 'khcndmst'],
    ['www.facebook.com/profile.php?id=61550000000000', '61550000000000'],
  ])('"%s" → %s', (input, page) => {
    expect(pageFromInput(input)).toEqual({ ok: true, page });
  });

  test.each(['kh', 'trang có dấu cách', 'https://www.facebook.com/', ''])('"%s" bị từ chối', (input) => {
    expect(pageFromInput(input).ok).toBe(false);
  });

  test('thêm bằng địa chỉ trang, rồi bỏ theo dõi', async () => {
    type(
      container.querySelector<HTMLInputElement>('#watched-new')!,
      'https://www.facebook.com/profile.php?id=61550000000000',
    );
    button('Thêm trang', container).click();
    await waitFor(async () => (await loadSettings()).watchedPages.length === 2);
    expect((await loadSettings()).watchedPages).toEqual(['khcndmst', '61550000000000']);
    await waitFor(() => buttons('Bỏ theo dõi', container).length === 2);
    buttons('Bỏ theo dõi', container)[0]!.click();
    await waitFor(async () => (await loadSettings()).watchedPages.length === 1);
    expect((await loadSettings()).watchedPages).toEqual(['61550000000000']);
  });

  test('tên trang sai: báo lỗi, không lưu', async () => {
    type(container.querySelector<HTMLInputElement>('#watched-new')!, 'a b');
    button('Thêm trang', container).click();
    const alert = await waitFor(() => container.querySelector('#watched-error'));
    expect(alert.textContent).toContain('không phải tên trang');
    expect((await loadSettings()).watchedPages).toEqual(['khcndmst']);
  });
});

describe('thông tin trang và quyền riêng tư', () => {
  test('lưu hotline, tắt lưu tên, thời hạn 90 ngày', async () => {
    type(container.querySelector<HTMLInputElement>('#pv-hotline')!, '1900 0000');
    container.querySelector<HTMLInputElement>('input[name="storeAuthor"]')!.checked = false;
    type(container.querySelector<HTMLInputElement>('#privacy-retention')!, '90');
    button('Lưu thông tin trang và quyền riêng tư', container).click();
    await waitFor(async () => (await loadSettings()).privacy.retentionDays === 90);
    const saved = await loadSettings();
    expect(saved.pageValues.hotline).toBe('1900 0000');
    expect(saved.privacy.storeAuthor).toBe(false);
  });

  test('thời hạn không hợp lệ: báo lỗi, không lưu', async () => {
    type(container.querySelector<HTMLInputElement>('#privacy-retention')!, '99999');
    button('Lưu thông tin trang và quyền riêng tư', container).click();
    await waitFor(() => container.querySelector('pre[role="alert"]'));
    expect((await loadSettings()).privacy.retentionDays).toBe(365);
  });
});
