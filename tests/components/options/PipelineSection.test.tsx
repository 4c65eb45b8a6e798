import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PipelineSection } from '../../../components/options/PipelineSection';
import { DEFAULT_PIPELINE, loadPipeline, savePipeline } from '../../../lib/ideas/pipeline-settings';
import { DEFAULT_TOPICS } from '../../../lib/ideas/topics';
import { button, mount, unmount, waitFor } from './helpers';

let container: HTMLElement;
beforeEach(async () => {
  await savePipeline({ ...DEFAULT_PIPELINE, units: ['Văn phòng Bộ', 'Vụ Pháp chế', 'Cục Sở hữu trí tuệ'] });
  container = mount(<PipelineSection />);
  await waitFor(() => container.querySelector('#pipeline-heading'));
});
afterEach(() => unmount(container));

function type(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
}
const submit = (element: Element) =>
  element.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
const unitTitles = () =>
  [...container.querySelectorAll('.item-list .item-title')].map((el) => el.textContent);
const alertText = () =>
  [...container.querySelectorAll('[role="alert"]')].map((el) => el.textContent).join('\n');

describe('Tùy chọn: quy trình ý tưởng', () => {
  test('tên người kiểm duyệt và số ngày chờ: sai thì báo rõ và không lưu; đúng thì lưu', async () => {
    const name = container.querySelector<HTMLInputElement>('#pipeline-name')!;
    const days = container.querySelector<HTMLInputElement>('#pipeline-days')!;
    name.value = 'Chị Lan';
    days.value = '-3';
    submit(days);
    await waitFor(() => alertText().includes('Số ngày chờ phải là số nguyên từ 0 đến 365.'));
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(await loadPipeline()).toMatchObject({ moderatorName: '', waitingDays: 14 });
    days.value = '21';
    submit(days);
    await waitFor(() => container.textContent?.includes('Đã lưu.'));
    expect(await loadPipeline()).toMatchObject({ moderatorName: 'Chị Lan', waitingDays: 21 });
    expect(alertText()).toBe('');
  });

  test('đơn vị: thêm, trùng thì báo và không lưu, đổi tên, sắp xếp, xóa rồi hoàn tác', async () => {
    const input = container.querySelector<HTMLInputElement>('#pipeline-new-unit')!;
    type(input, 'Sở KH&CN Cà Mau');
    submit(input);
    await waitFor(() => unitTitles().length === 4);
    expect((await loadPipeline()).units.at(-1)).toBe('Sở KH&CN Cà Mau');

    type(input, 'vụ pháp chế');
    submit(input);
    await waitFor(() => alertText().includes('Đơn vị "vụ pháp chế" đã có trong danh sách.'));
    expect((await loadPipeline()).units).toHaveLength(4);

    const list = container.querySelector('.item-list')!;
    button('Sửa', list.children[1]!).click();
    const rename = await waitFor(() => container.querySelector<HTMLInputElement>('#pipeline-rename'));
    rename.value = 'Vụ Pháp chế và Thanh tra';
    submit(rename);
    await waitFor(() => unitTitles()[1] === 'Vụ Pháp chế và Thanh tra');

    button('Lên', container.querySelector('.item-list')!.children[2]!).click();
    await waitFor(() => unitTitles()[1] === 'Cục Sở hữu trí tuệ');

    button('Xóa', container.querySelector('.item-list')!.children[0]!).click();
    await waitFor(() => unitTitles().length === 3);
    expect(container.textContent).toContain('Đã xóa đơn vị "Văn phòng Bộ".');
    button('Hoàn tác', container).click();
    await waitFor(() => unitTitles().length === 4);
    expect((await loadPipeline()).units).toEqual([
      'Văn phòng Bộ',
      'Cục Sở hữu trí tuệ',
      'Vụ Pháp chế và Thanh tra',
      'Sở KH&CN Cà Mau',
    ]);
  });

  test.each([
    ['JSON sai cú pháp', '[{"id": "a",', 'JSON không hợp lệ'],
    [
      'chủ đề thiếu từ khóa',
      '[{"id":"nang-luong","label":{"vi":"Năng lượng","en":"Energy"},"words":[]}]',
      'Chủ đề số 1 (nang-luong)',
    ],
    [
      'mã chủ đề có dấu',
      '[{"id":"năng","label":{"vi":"Năng lượng","en":"Energy"},"words":["điện"]}]',
      'mã chủ đề chỉ gồm',
    ],
    ['danh sách trống', '[]', 'danh sách chủ đề trống'],
  ])(
    'danh sách chủ đề không hợp lệ (%s): báo lỗi, nút Lưu tắt, không lưu gì',
    async (_name, text, message) => {
      const textarea = container.querySelector<HTMLTextAreaElement>('#pipeline-topics')!;
      type(textarea, text);
      await waitFor(() => alertText().includes(message));
      const save = button('Lưu danh sách chủ đề', container);
      expect(save.disabled).toBe(true);
      submit(textarea);
      await new Promise((done) => setTimeout(done, 20));
      expect((await loadPipeline()).topics).toEqual(DEFAULT_TOPICS);
    },
  );

  test('danh sách chủ đề: sửa, xem trước, lưu; khôi phục mặc định', async () => {
    const textarea = container.querySelector<HTMLTextAreaElement>('#pipeline-topics')!;
    const mine = [{ id: 'vu-tru', label: { vi: 'Vũ trụ', en: 'Space' }, words: ['vệ tinh', 'tên lửa'] }];
    type(textarea, JSON.stringify(mine));
    await waitFor(() => container.textContent?.includes('Xem trước: 1 chủ đề'));
    expect(container.querySelector('.topics-preview')!.textContent).toContain(
      'Vũ trụ (vu-tru): vệ tinh, tên lửa',
    );
    button('Lưu danh sách chủ đề', container).click();
    await waitFor(() => container.textContent?.includes('Đã lưu 1 chủ đề.'));
    expect((await loadPipeline()).topics).toEqual(mine);
    button('Khôi phục mặc định', container).click();
    await waitFor(() => container.textContent?.includes(`Xem trước: ${DEFAULT_TOPICS.length} chủ đề`));
    expect((await loadPipeline()).topics).toEqual(mine); // not saved until Save
    button('Lưu danh sách chủ đề', container).click();
    await waitFor(async () => (await loadPipeline()).topics.length === DEFAULT_TOPICS.length);
  });
});
