import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SelectorPackSection } from '../../../components/options/SelectorPackSection';
import { PREVIOUS_SELECTOR_PACK_KEY, SELECTOR_PACK_KEY } from '../../../lib/facebook/selector-pack';
import { BUILT_IN_SELECTOR_PACK } from '../../../lib/facebook/selectors';
import { button, mount, pickFile, stored, unmount, waitFor } from './helpers';

let container: HTMLElement;
const input = () => container.querySelector<HTMLInputElement>('input[type="file"]')!;
const newer = () => {
  const pack = JSON.parse(JSON.stringify(BUILT_IN_SELECTOR_PACK));
  pack.packVersion = '2027.1.15';
  pack.updated = '2027-01-15';
  pack.labels.comment = [...pack.labels.comment, 'ý kiến của'];
  return pack;
};

beforeEach(async () => {
  fakeBrowser.reset();
  container = mount(<SelectorPackSection />);
  await waitFor(() => container.textContent?.includes('2026.12.06'));
});
afterEach(() => unmount(container));

describe('Tùy chọn → Bộ nhận diện Facebook', () => {
  test('gói hỏng: thông báo nêu chỗ sai, không lưu gì', async () => {
    const bad = newer();
    bad.selectors.article = '[role="article"';
    pickFile(input(), 'moi.json', JSON.stringify(bad));
    const alert = await waitFor(() => container.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain(
      'selectors.article: "[role="article"" không phải bộ chọn CSS hợp lệ / is not a valid CSS selector',
    );
    expect(await stored(SELECTOR_PACK_KEY)).toBeUndefined();
  });

  test('xem trước từng mục, chỉ lưu khi bấm "Dùng gói này"; hoàn tác quay lại gói dựng sẵn', async () => {
    pickFile(input(), 'moi.json', JSON.stringify(newer()));
    const row = await waitFor(() => container.querySelector('tbody tr'));
    expect(row.textContent).toContain('labels.comment');
    expect(row.textContent).toContain('ý kiến của');
    expect(await stored(SELECTOR_PACK_KEY)).toBeUndefined();
    button('Dùng gói này', container).click();
    await waitFor(async () => (await stored(SELECTOR_PACK_KEY)) !== undefined);
    expect((await stored(SELECTOR_PACK_KEY)) as { packVersion: string }).toMatchObject({
      packVersion: '2027.1.15',
    });
    expect(await stored(PREVIOUS_SELECTOR_PACK_KEY)).toEqual(BUILT_IN_SELECTOR_PACK);
    await waitFor(() => container.textContent?.includes('Đang dùng: gói 2027.1.15'));
    button('Hoàn tác lần nhập trước', container).click();
    await waitFor(async () => (await stored(SELECTOR_PACK_KEY)) === undefined);
    await waitFor(() => container.textContent?.includes('gói dựng sẵn'));
  });
});
