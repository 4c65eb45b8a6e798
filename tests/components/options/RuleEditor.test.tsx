import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PackTester } from '../../../components/options/PackTester';
import { RuleEditor } from '../../../components/options/RuleEditor';
import { RULE_PACK_KEY } from '../../../lib/packs/storage';
import { button, buttons, mount, stored, storeMyPacks, type, unmount, waitFor } from './helpers';

let container: HTMLElement;

beforeEach(async () => {
  await storeMyPacks();
  container = mount(
    <>
      <RuleEditor />
      <PackTester />
    </>,
  );
  await waitFor(() => container.querySelector('.item-list li'));
});
afterEach(() => unmount(container));

const ruleIds = async () =>
  ((await stored(RULE_PACK_KEY)) as { rules: { id: string }[] }).rules.map((r) => r.id);
const field = <T extends Element = HTMLInputElement>(id: string) =>
  container.querySelector(`#${id}`) as unknown as T;

async function editFirstRule() {
  buttons('Sửa', container)[0]!.click();
  return waitFor(() => field('rule-regex'));
}

describe('kiểm tra ngay khi gõ / live validation', () => {
  test.each([
    ['regex không biên dịch', '(nạp thẻ', /biểu thức không hợp lệ/],
    ['regex có thể treo trình duyệt', '(a+)+x', /lượng từ lồng nhau/],
    ['regex dùng \\b', '\\bquà\\b', /không dùng \\b/],
  ])('%s → lỗi ngay dưới ô, không lưu', async (_name, regex, message) => {
    const before = await stored(RULE_PACK_KEY);
    const input = await editFirstRule();
    type(input, regex);
    const error = await waitFor(() => field<HTMLParagraphElement>('rule-regex-error'));
    expect(error.textContent).toMatch(message);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('rule-regex-error');

    button('Lưu', container).click();
    const alert = await waitFor(() => container.querySelector('form [role="alert"]'));
    expect(alert.textContent).toContain('Chưa lưu');
    expect(await stored(RULE_PACK_KEY)).toEqual(before);
    expect(container.querySelector('form.item-form')).not.toBeNull();
  });

  test('xóa hết cụm từ khi không có regex → lỗi ở ô cụm từ, không lưu', async () => {
    const before = await stored(RULE_PACK_KEY);
    await editFirstRule();
    type(field<HTMLTextAreaElement>('rule-phrases'), '  \n ');
    const error = await waitFor(() => field('rule-phrases-error'));
    expect(error.textContent).toContain('cần ít nhất một cụm từ');
    button('Lưu', container).click();
    await waitFor(() => container.querySelector('form [role="alert"]'));
    expect(await stored(RULE_PACK_KEY)).toEqual(before);
  });

  test('sửa lỗi thì thông báo biến mất và lưu được', async () => {
    const input = await editFirstRule();
    type(input, '(nạp');
    await waitFor(() => field('rule-regex-error'));
    type(input, 'n[aạ]p\\s*th[eẻ]');
    await waitFor(() => !field('rule-regex-error'));
    button('Lưu', container).click();
    await waitFor(() => !container.querySelector('form.item-form'));
    const saved = (await stored(RULE_PACK_KEY)) as { rules: { id: string; regex?: string }[] };
    expect(saved.rules[0]?.regex).toBe('n[aạ]p\\s*th[eẻ]');
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Đã lưu "scam-nap-the"');
  });

  test('mã trùng với quy tắc khác → lỗi ở ô mã', async () => {
    await editFirstRule();
    type(field('rule-id'), 'health-nuoc-than');
    const error = await waitFor(() => field('rule-id-error'));
    expect(error.textContent).toContain('đã có trong danh sách');
  });
});

describe('thêm, xóa, hoàn tác, sắp xếp / create, delete, undo, reorder', () => {
  test('thêm quy tắc mới', async () => {
    button('Thêm quy tắc', container).click();
    await waitFor(() => field('rule-id'));
    type(field('rule-id'), 'phish-ma-otp');
    type(field<HTMLTextAreaElement>('rule-phrases'), 'gửi mã OTP\ncung cấp mã OTP');
    type(field<HTMLTextAreaElement>('rule-note'), 'Không ai được hỏi mã OTP.');
    button('Lưu', container).click();
    await waitFor(async () => (await ruleIds()).length === 3);
    expect(await ruleIds()).toEqual(['scam-nap-the', 'health-nuoc-than', 'phish-ma-otp']);
  });

  test('xóa rồi hoàn tác: quy tắc trở lại đúng chỗ', async () => {
    buttons('Xóa', container)[0]!.click();
    await waitFor(async () => (await ruleIds()).length === 1);
    expect(await ruleIds()).toEqual(['health-nuoc-than']);
    (await waitFor(() => buttons('Hoàn tác', container)[0])).click();
    await waitFor(async () => (await ruleIds()).length === 2);
    expect(await ruleIds()).toEqual(['scam-nap-the', 'health-nuoc-than']);
  });

  test('nút Xuống và phím Alt+↑; tiêu điểm đi theo quy tắc', async () => {
    const first = container.querySelector<HTMLButtonElement>('li button[data-action="down"]')!;
    expect(container.querySelector<HTMLButtonElement>('li button[data-action="up"]')!.disabled).toBe(true);
    first.click();
    await waitFor(async () => (await ruleIds())[0] === 'health-nuoc-than');
    const moved = await waitFor(() => {
      const focused = document.activeElement as HTMLElement | null;
      return focused?.closest('li')?.textContent?.includes('scam-nap-the') ? focused : null;
    });
    moved.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }));
    await waitFor(async () => (await ruleIds())[0] === 'scam-nap-the');
  });
});

describe('ô thử dùng gói đã lưu / the test box uses the saved packs', () => {
  test('cờ có giải thích và gợi ý đính chính; bản nháp chưa lưu không tính', async () => {
    const box = field<HTMLTextAreaElement>('tester-comment');
    type(box, 'Mọi người ơi nap the nhan qua 500k tại đây nhé');
    const flags = await waitFor(() => container.querySelector('.tester-flags'));
    expect(flags.textContent).toContain('scam-nap-the');
    expect(flags.textContent).toContain('Lừa nạp thẻ cào');
    expect(container.querySelector('.tester-suggestions li')?.textContent).toContain('Cảnh báo lừa đảo');
    expect(container.querySelector('.tester-idea')?.textContent).toMatch(/Điểm ý tưởng: \d+%/);

    // An unsaved edit that would stop the flag changes nothing in the test box.
    await editFirstRule();
    type(field<HTMLTextAreaElement>('rule-phrases'), 'một cụm từ khác hẳn');
    type(box, 'nap the nhan qua lần nữa');
    await new Promise((done) => setTimeout(done, 50));
    expect(container.querySelector('.tester-flags')?.textContent).toContain('scam-nap-the');

    // Saved, it does.
    button('Lưu', container).click();
    await waitFor(() => !container.querySelector('form.item-form'));
    type(box, 'nap the nhan qua lần ba');
    await waitFor(() => container.textContent?.includes('Không quy tắc nào khớp'));
  });
});
