import { describe, expect, test } from 'vitest';
import { historyEntryFor, type Tracked, topicWasChosen } from '../../../lib/ideas/history';

const AT = '2026-11-28T03:00:00.000Z';
const BASE: Tracked = { status: 'new', unit: null, topic: null, answer: null, groupId: null };
const ANSWER = { text: 'Bộ đã tiếp nhận', answeredAt: '2026-11-27T00:00:00.000Z', permalink: null };

describe('nhật ký thay đổi: chỉ ghi những trường đã đổi', () => {
  test.each<[string, Partial<Tracked>, Partial<Tracked>, object | null]>([
    ['không đổi gì', {}, {}, null],
    ['đổi trạng thái', {}, { status: 'reviewing' }, { status: 'reviewing' }],
    [
      'chuyển đơn vị',
      {},
      { status: 'forwarded', unit: 'Vụ Pháp chế' },
      { status: 'forwarded', unit: 'Vụ Pháp chế' },
    ],
    ['bỏ đơn vị', { unit: 'Vụ Pháp chế' }, { unit: null }, { unit: null }],
    ['đặt chủ đề', {}, { topic: 'nang-luong' }, { topic: 'nang-luong' }],
    ['bỏ chủ đề', { topic: 'nang-luong' }, { topic: null }, { topic: null }],
    ['ghi câu trả lời', {}, { answer: ANSWER }, { answered: true }],
    [
      'sửa câu trả lời',
      { answer: ANSWER },
      { answer: { ...ANSWER, text: 'Bộ đã trả lời' } },
      { answered: true },
    ],
    ['câu trả lời giống hệt', { answer: ANSWER }, { answer: { ...ANSWER } }, null],
    ['xóa câu trả lời', { answer: ANSWER }, { answer: null }, { answered: false }],
    [
      'vào nhóm',
      {},
      { groupId: '00000000-0000-4000-8000-000000000001' },
      { groupId: '00000000-0000-4000-8000-000000000001' },
    ],
  ])('%s', (_name, before, after, expected) => {
    const entry = historyEntryFor({ ...BASE, ...before }, { ...BASE, ...before, ...after }, AT, 'Chị Lan');
    expect(entry).toEqual(expected === null ? null : { at: AT, by: 'Chị Lan', ...expected });
  });
});

test.each<[string, Parameters<typeof topicWasChosen>[0], boolean]>([
  ['lịch sử trống', [], false],
  ['chỉ đổi trạng thái', [{ at: AT, by: '', status: 'reviewing' }], false],
  ['đã chọn "không có chủ đề"', [{ at: AT, by: '', topic: null }], true],
  ['đã chọn một chủ đề', [{ at: AT, by: '', topic: 'y-sinh' }], true],
])('người kiểm duyệt đã chọn chủ đề? %s', (_name, history, chosen) => {
  expect(topicWasChosen(history)).toBe(chosen);
});
