import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PackSharing } from '../../../components/options/PackSharing';
import { rulePack } from '../../../components/options/packs-state';
import { defaultRulePack } from '../../../lib/packs/defaults';
import { REPLY_PACK_KEY, RULE_PACK_KEY } from '../../../lib/packs/storage';
import {
  button,
  mount,
  myReplies,
  myRules,
  pickFile,
  replyPackOf,
  rulePackOf,
  stored,
  storeMyPacks,
  unmount,
  waitFor,
} from './helpers';

let container: HTMLElement;

beforeEach(async () => {
  await storeMyPacks();
  container = mount(<PackSharing now={() => new Date('2026-11-28T03:00:00Z')} />);
  await waitFor(() => container.querySelector('#pack-file'));
});
afterEach(() => unmount(container));

const fileInput = () => container.querySelector<HTMLInputElement>('#pack-file')!;
const diffText = (kind: string) => container.querySelector(`[data-diff="${kind}"]`)?.textContent ?? '';

const incoming = rulePackOf([
  { ...myRules[1], note: 'Ghi chú mới từ đồng nghiệp.' },
  {
    id: 'phish-ma-otp',
    category: 'phishing',
    severity: 'high',
    phrases: ['gửi mã OTP'],
    note: 'Hỏi mã OTP.',
  },
]);

describe('nhập gói: xem trước rồi mới ghi / import: preview before writing', () => {
  test('gộp: xem trước đúng, chưa ghi gì; Áp dụng thì ghi', async () => {
    const before = await stored(RULE_PACK_KEY);
    pickFile(fileInput(), 'dong-nghiep.json', JSON.stringify(incoming));
    await waitFor(() => container.querySelector('.import-preview'));
    expect(diffText('added')).toContain('Thêm mới: 1');
    expect(diffText('added')).toContain('phish-ma-otp');
    expect(diffText('changed')).toContain('Thay đổi: 1');
    expect(diffText('changed')).toContain('health-nuoc-than');
    expect(diffText('removed')).toContain('Bị xóa: 0');
    expect(diffText('unchanged')).toContain('Giữ nguyên: 0');
    expect(await stored(RULE_PACK_KEY)).toEqual(before);

    button('Áp dụng', container).click();
    await waitFor(() => !container.querySelector('.import-preview'));
    const saved = (await stored(RULE_PACK_KEY)) as { rules: { id: string; note: string }[] };
    expect(saved.rules.map((r) => r.id)).toEqual(['scam-nap-the', 'health-nuoc-than', 'phish-ma-otp']);
    expect(saved.rules[1]?.note).toBe('Ghi chú mới từ đồng nghiệp.');
    expect(container.querySelector('[role="status"]')?.textContent).toContain('1 thêm, 1 sửa, 0 xóa');
  });

  test('thay thế: xem trước nêu mục bị xóa', async () => {
    pickFile(fileInput(), 'dong-nghiep.json', JSON.stringify(incoming));
    await waitFor(() => container.querySelector('.import-preview'));
    container.querySelector<HTMLInputElement>('input[value="replace"]')!.click();
    await waitFor(() => diffText('removed').includes('Bị xóa: 1'));
    expect(diffText('removed')).toContain('scam-nap-the');
    button('Áp dụng', container).click();
    await waitFor(() => !container.querySelector('.import-preview'));
    const saved = (await stored(RULE_PACK_KEY)) as { rules: { id: string }[] };
    expect(saved.rules.map((r) => r.id)).toEqual(['health-nuoc-than', 'phish-ma-otp']);
  });

  test('Hủy: không có gì thay đổi', async () => {
    const before = await stored(RULE_PACK_KEY);
    pickFile(fileInput(), 'dong-nghiep.json', JSON.stringify(incoming));
    await waitFor(() => container.querySelector('.import-preview'));
    button('Hủy', container).click();
    await waitFor(() => !container.querySelector('.import-preview'));
    expect(await stored(RULE_PACK_KEY)).toEqual(before);
  });

  test.each([
    ['JSON hỏng', '{"format":', /không phải JSON hợp lệ/],
    [
      'regex hỏng',
      JSON.stringify(rulePackOf([{ ...myRules[0], regex: '(ab' }])),
      /rules\[0\] \(id "scam-nap-the"\).*regex/,
    ],
    [
      'chỗ điền lạ',
      JSON.stringify(replyPackOf([{ ...myReplies[0], body: 'Chào {ho ten}' }])),
      /replies\[0\] \(id "cam-on"\).*\{ho ten\}/,
    ],
    ['trùng id', JSON.stringify(replyPackOf([myReplies[0], myReplies[0]])), /trùng id "cam-on"/],
    [
      'tệp ý tưởng',
      JSON.stringify({ format: 'khcn-moderator/ideas', version: 1, ideas: [] }),
      /Không phải gói/,
    ],
  ])('tệp hỏng (%s): thông báo tên tệp và lỗi, không đổi gì', async (_name, text, message) => {
    const before = [await stored(RULE_PACK_KEY), await stored(REPLY_PACK_KEY)];
    pickFile(fileInput(), 'hong.json', text);
    const alert = await waitFor(() => container.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('hong.json');
    expect(alert.textContent).toMatch(message);
    expect(alert.textContent).toContain('Không có gì thay đổi');
    expect(container.querySelector('.import-preview')).toBeNull();
    expect([await stored(RULE_PACK_KEY), await stored(REPLY_PACK_KEY)]).toEqual(before);
  });

  test('dùng lại danh sách mặc định: xem trước, rồi gỡ bản riêng', async () => {
    button('Dùng lại danh sách quy tắc mặc định…', container).click();
    await waitFor(() => container.querySelector('.import-preview'));
    expect(diffText('removed')).toContain('Bị xóa: 2');
    expect(diffText('added')).toContain(`Thêm mới: ${defaultRulePack().rules.length}`);
    button('Áp dụng', container).click();
    await waitFor(() => !container.querySelector('.import-preview'));
    expect(await stored(RULE_PACK_KEY)).toBeUndefined();
    expect(rulePack.value?.source).toBe('default');
  });
});

describe('xuất gói / export', () => {
  test('tải về qua liên kết Blob, nội dung là gói đang lưu', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    button('Xuất danh sách quy tắc (JSON)', container).click();
    expect(clicks).toEqual(['khcn-quy-tac-2026-11-28.json']);
    expect(JSON.parse(await blobs[0]!.text())).toEqual(await stored(RULE_PACK_KEY));
  });
});
