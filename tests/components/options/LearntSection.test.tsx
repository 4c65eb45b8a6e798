import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LearntSection } from '../../../components/options/LearntSection';
import {
  addCorrection,
  type CorrectionsDb,
  listCorrections,
  openCorrectionsDb,
} from '../../../lib/corrections/db';
import { parseJsonl } from '../../../lib/corrections/jsonl';
import { CORRECTIONS_VERSION_KEY } from '../../../lib/corrections/notify';
import type { Correction } from '../../../lib/corrections/schema';
import { button, mount, pickFile, stored, unmount, waitFor } from './helpers';

let db: CorrectionsDb;
let container: HTMLElement;
let n = 0;

const correction = (over: Partial<Correction> = {}): Correction => ({
  id: `c-${++n}`,
  kind: 'flag-as',
  commentId: String(1000 + n),
  text: `Nhóm hỗ trợ thu hồi vốn số ${n}, nhắn mình`,
  categories: ['scam'],
  at: new Date(Date.UTC(2026, 11, 1, 0, 0, n)).toISOString(),
  ...over,
});

beforeEach(async () => {
  db = await openCorrectionsDb(`learnt-test-${++n}`);
  await addCorrection(db, correction());
  await addCorrection(db, correction({ kind: 'reply-chosen', categories: [], intent: 'question' }));
  container = mount(<LearntSection openDb={async () => db} />);
  await waitFor(() => container.querySelector('table'));
});

afterEach(() => {
  unmount(container);
});

describe('Tùy chọn: những gì tiện ích đã học', () => {
  test('liệt kê các lần sửa, mới nhất trước, văn bản bình luận là chữ', async () => {
    const rows = [...container.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Câu trả lời đã chọn');
    expect(rows[1]!.textContent).toContain('Nhóm hỗ trợ thu hồi vốn');
    expect(container.textContent).toContain('1 lần gắn cờ · 0 lần "Không đúng" · 1 câu trả lời đã chọn');
  });

  test('bỏ một điều đã học rồi hoàn tác; báo cho các trang Facebook', async () => {
    const before = await listCorrections(db);
    button('Bỏ điều đã học', container.querySelectorAll('tbody tr')[0]!).click();
    await waitFor(() => container.querySelectorAll('tbody tr').length === 1 || null);
    expect(await listCorrections(db)).toHaveLength(1);
    expect(await stored(CORRECTIONS_VERSION_KEY)).toBeTypeOf('number');
    button('Hoàn tác', container).click();
    await waitFor(() => container.querySelectorAll('tbody tr').length === 2 || null);
    expect(await listCorrections(db)).toEqual(before);
  });

  test('quên hết (sau khi xác nhận) rồi khôi phục', async () => {
    const before = await listCorrections(db);
    button('Quên hết', container).click();
    await waitFor(() => container.querySelector('fieldset'));
    button('Quên hết, tôi chắc chắn', container).click();
    await waitFor(() => (container.textContent?.includes('Đã quên 2') ? true : null));
    expect(await listCorrections(db)).toEqual([]);
    button('Hoàn tác', container).click();
    await waitFor(() => container.querySelectorAll('tbody tr').length === 2 || null);
    expect(await listCorrections(db)).toEqual(before);
  });

  test('không xác nhận thì không quên gì', async () => {
    button('Quên hết', container).click();
    await waitFor(() => container.querySelector('fieldset'));
    button('Thôi', container).click();
    await waitFor(() => (container.querySelector('fieldset') ? null : true));
    expect(await listCorrections(db)).toHaveLength(2);
  });

  test('nhập tệp hỏng: thông báo trong role=alert, nêu dòng, không đổi gì', async () => {
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    pickFile(input, 'hong.jsonl', `${JSON.stringify(correction({ commentId: '77' }))}\n{"id":"x"}\n`);
    const alert = await waitFor(() => container.querySelector('[role=alert]'));
    expect(alert.textContent).toMatch(/Dòng 2/);
    expect(await listCorrections(db)).toHaveLength(2);
  });

  test('nhập tệp tốt: gộp vào, rồi xuất đúng những gì có', async () => {
    const incoming = correction({ commentId: '555', kind: 'not-a-problem', categories: ['health'] });
    pickFile(
      container.querySelector<HTMLInputElement>('input[type=file]')!,
      'tot.jsonl',
      `${JSON.stringify(incoming)}\n`,
    );
    await waitFor(() => container.querySelectorAll('tbody tr').length === 3 || null);
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    button('Xuất JSONL', container).click();
    const parsed = parseJsonl(await blob!.text());
    expect(parsed.ok && parsed.corrections).toEqual(await listCorrections(db));
  });
});
