import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ConceptEditor } from '../../../components/options/ConceptEditor';
import { loadPacks } from '../../../components/options/packs-state';
import { RuleEditor } from '../../../components/options/RuleEditor';
import { RULE_PACK_KEY, saveRulePack } from '../../../lib/packs/storage';
import { button, buttons, mount, myRules, stored, type, unmount, waitFor } from './helpers';

let container: HTMLElement;

const pack = {
  format: 'khcn-moderator/rules',
  version: 1,
  concepts: [{ id: 'money-back', label: 'lấy lại tiền bị lừa', words: ['lấy lại tiền', 'thu hồi tiền'] }],
  rules: [
    ...myRules,
    {
      id: 'combo-lay-lai-tien',
      category: 'scam',
      severity: 'high',
      phrases: [],
      requires: ['money-back', '@phone'],
      window: 20,
      note: 'Hứa lấy lại tiền kèm số điện thoại.',
    },
  ],
};

beforeEach(async () => {
  await saveRulePack(pack);
  await loadPacks();
  container = mount(
    <>
      <RuleEditor />
      <ConceptEditor />
    </>,
  );
  await waitFor(() => container.querySelector('#concepts-heading'));
});
afterEach(() => unmount(container));

const field = <T extends Element = HTMLInputElement>(id: string) =>
  container.querySelector(`#${id}`) as unknown as T;
const concepts = () => container.querySelector('[aria-labelledby="concepts-heading"]')!;
const saved = async () =>
  (await stored(RULE_PACK_KEY)) as {
    concepts: { id: string; words: string[] }[];
    rules: { id: string; requires?: string[]; window?: number; needsModel?: boolean }[];
  };

describe('khái niệm sửa được trong trang tùy chọn', () => {
  test('thêm một khái niệm: lưu vào gói, quy tắc giữ nguyên', async () => {
    button('Thêm khái niệm', concepts()).click();
    await waitFor(() => field('concept-id'));
    type(field('concept-id'), 'private-contact');
    type(field('concept-label'), 'rủ liên hệ riêng');
    type(field<HTMLTextAreaElement>('concept-words'), 'ib\nkết bạn zalo\n');
    button('Lưu', concepts()).click();
    await waitFor(() => !concepts().querySelector('form.item-form'));
    const pack = await saved();
    expect(pack.concepts.map((c) => c.id)).toEqual(['money-back', 'private-contact']);
    expect(pack.concepts[1]!.words).toEqual(['ib', 'kết bạn zalo']);
    expect(pack.rules.map((r) => r.id)).toContain('combo-lay-lai-tien');
  });

  test('khái niệm không có từ nào → lỗi ngay dưới ô, không lưu', async () => {
    const before = await stored(RULE_PACK_KEY);
    buttons('Sửa', concepts())[0]!.click();
    await waitFor(() => field('concept-words'));
    type(field<HTMLTextAreaElement>('concept-words'), ' \n ');
    await waitFor(() => field('concept-words-error'));
    button('Lưu', concepts()).click();
    await waitFor(() => concepts().querySelector('form [role="alert"]'));
    expect(await stored(RULE_PACK_KEY)).toEqual(before);
  });

  test('xóa một khái niệm mà quy tắc còn cần → không lưu, nêu rõ lý do bằng tiếng Việt', async () => {
    const before = await stored(RULE_PACK_KEY);
    buttons('Xóa', concepts())[0]!.click();
    const alert = await waitFor(() => concepts().querySelector('.status-line [role="alert"]'));
    expect(alert.textContent).toContain('"money-back" không phải khái niệm nào trong gói');
    expect(await stored(RULE_PACK_KEY)).toEqual(before);
  });
});

describe('quy tắc tổ hợp trong trình sửa quy tắc', () => {
  const rules = () => container.querySelector('[aria-labelledby="rules-heading"]')!;
  async function editCombo() {
    buttons('Sửa', rules())[2]!.click();
    return waitFor(() => field<HTMLTextAreaElement>('rule-requires'));
  }

  test('sửa một quy tắc tổ hợp giữ các phần và cửa sổ của nó', async () => {
    const requires = await editCombo();
    expect(requires.value).toBe('money-back\n@phone');
    expect(field('rule-window').value).toBe('20');
    type(field<HTMLTextAreaElement>('rule-note'), 'Hứa lấy lại tiền, kèm số điện thoại.');
    button('Lưu', rules()).click();
    await waitFor(() => !rules().querySelector('form.item-form'));
    const combo = (await saved()).rules.find((r) => r.id === 'combo-lay-lai-tien')!;
    expect(combo.requires).toEqual(['money-back', '@phone']);
    expect(combo.window).toBe(20);
  });

  test('đánh dấu "chỉ là dấu hiệu": quy tắc lưu needsModel, bỏ dấu thì trường biến mất', async () => {
    await editCombo();
    const box = () =>
      [...rules().querySelectorAll('label')]
        .find((l) => l.textContent?.includes('Chỉ là dấu hiệu'))!
        .querySelector('input')!;
    expect(box().checked).toBe(false);
    box().click();
    button('Lưu', rules()).click();
    await waitFor(() => !rules().querySelector('form.item-form'));
    const combo = () => saved().then((p) => p.rules.find((r) => r.id === 'combo-lay-lai-tien')!);
    expect((await combo()).needsModel).toBe(true);
    await editCombo();
    expect(box().checked).toBe(true);
    box().click();
    button('Lưu', rules()).click();
    await waitFor(() => !rules().querySelector('form.item-form'));
    expect(await combo()).not.toHaveProperty('needsModel');
  });

  test.each([
    [
      'khái niệm không có trong gói',
      'requires',
      'money-back\ntien-ao',
      'rule-requires-error',
      /Không có khái niệm hay bộ dò này trong gói: tien-ao/,
    ],
    ['cửa sổ không phải số', 'window', 'mười', 'rule-window-error', /Cửa sổ phải là một số/],
  ])('%s → lỗi tiếng Việt dưới ô, không lưu', async (_name, which, value, errorId, message) => {
    const before = await stored(RULE_PACK_KEY);
    await editCombo();
    type(field<HTMLTextAreaElement>(which === 'requires' ? 'rule-requires' : 'rule-window'), value);
    const error = await waitFor(() => field(errorId));
    expect(error.textContent).toMatch(message);
    button('Lưu', rules()).click();
    await waitFor(() => rules().querySelector('form [role="alert"]'));
    expect(await stored(RULE_PACK_KEY)).toEqual(before);
  });
});
