import { expect, test } from 'vitest';
import { addUnit, moveUnit, removeUnit, renameUnit, restoreUnit } from '../../../lib/ideas/unit-list';

const UNITS = ['Văn phòng Bộ', 'Vụ Pháp chế', 'Cục Sở hữu trí tuệ'];

test.each<[string, string, ReturnType<typeof addUnit>]>([
  ['thêm đơn vị mới', 'Sở KH&CN Cà Mau', { ok: true, units: [...UNITS, 'Sở KH&CN Cà Mau'] }],
  ['khoảng trắng thừa được gọn lại', '  Sở   KH&CN\tHuế ', { ok: true, units: [...UNITS, 'Sở KH&CN Huế'] }],
  ['tên trống', '   ', { ok: false, error: 'empty', name: '   ' }],
  ['chỉ có ký tự vô hình', '\u200b', { ok: false, error: 'empty', name: '\u200b' }],
  ['trùng tên', 'Vụ Pháp chế', { ok: false, error: 'duplicate', name: 'Vụ Pháp chế' }],
  ['trùng tên khác hoa thường', 'vụ pháp chế', { ok: false, error: 'duplicate', name: 'vụ pháp chế' }],
  // The same letters in decomposed form (NFD) are the same unit.
  [
    'trùng tên dạng dấu tách rời',
    'Vụ Pháp chế'.normalize('NFD'),
    { ok: false, error: 'duplicate', name: 'Vụ Pháp chế' },
  ],
])('thêm: %s', (_name, input, expected) => {
  expect(addUnit(UNITS, input)).toEqual(expected);
});

test.each<[string, number, string, ReturnType<typeof renameUnit>]>([
  [
    'đổi tên',
    1,
    'Vụ Pháp chế và Thanh tra',
    { ok: true, units: ['Văn phòng Bộ', 'Vụ Pháp chế và Thanh tra', 'Cục Sở hữu trí tuệ'] },
  ],
  [
    'đổi hoa thường của chính nó',
    1,
    'Vụ pháp chế',
    { ok: true, units: ['Văn phòng Bộ', 'Vụ pháp chế', 'Cục Sở hữu trí tuệ'] },
  ],
  ['trùng đơn vị khác', 1, 'Văn phòng Bộ', { ok: false, error: 'duplicate', name: 'Văn phòng Bộ' }],
  ['tên trống', 0, '', { ok: false, error: 'empty', name: '' }],
])('đổi tên: %s', (_name, index, input, expected) => {
  expect(renameUnit(UNITS, index, input)).toEqual(expected);
});

test.each<[string, number, -1 | 1, string[]]>([
  ['lên', 1, -1, ['Vụ Pháp chế', 'Văn phòng Bộ', 'Cục Sở hữu trí tuệ']],
  ['xuống', 1, 1, ['Văn phòng Bộ', 'Cục Sở hữu trí tuệ', 'Vụ Pháp chế']],
  ['đầu danh sách không lên được', 0, -1, UNITS],
  ['cuối danh sách không xuống được', 2, 1, UNITS],
])('sắp xếp: %s', (_name, index, delta, expected) => {
  expect(moveUnit(UNITS, index, delta)).toEqual(expected);
});

test('xóa rồi hoàn tác: đơn vị về đúng chỗ cũ; hoàn tác hai lần không nhân đôi', () => {
  const { units, removed } = removeUnit(UNITS, 1);
  expect(units).toEqual(['Văn phòng Bộ', 'Cục Sở hữu trí tuệ']);
  expect(removed).toBe('Vụ Pháp chế');
  const back = restoreUnit(units, 1, removed);
  expect(back).toEqual(UNITS);
  expect(restoreUnit(back, 1, removed)).toEqual(UNITS);
});
