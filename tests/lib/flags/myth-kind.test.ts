import { describe, expect, test } from 'vitest';
import { mythKind } from '../../../lib/flags/myth-kind';

// Written for these tests (not from the corpus): what a myth tells — a remedy
// taken, or a technology or the world blamed — with and without diacritics, and
// the words folding would mistake ("chưa" is "chua", "sống" is "song").
describe('mythKind: bài thuốc hay chuyện công nghệ, thế giới', () => {
  test.each([
    ['uống chữa bệnh', 'Uống nước lá ổi mỗi sáng, 2 tuần khỏi hẳn tiểu đường', true, false],
    ['thuốc nam', 'Bài thuốc nam gia truyền này trị dứt điểm gout', true, false],
    ['không dấu: chữa khỏi', 'la du du nau nuoc chua khoi benh da day', true, false],
    ['không dấu: uống', 'moi ngay uong 1 thia giam tao la het mo mau', true, false],
    ['sóng 5G gây bệnh', 'Sóng 5G gây ung thư não trẻ em, tắt wifi ban đêm', false, true],
    ['bức xạ điện thoại', 'Bức xạ từ điện thoại để đầu giường làm teo não', false, true],
    ['không dấu: cột điện', 'nha gan cot dien cao the la bi ung thu mau', false, true],
    ['máy chữa bệnh bằng sóng: cả hai', 'Máy phát sóng tần số chữa khỏi mất ngủ', true, true],
    ['"chưa" không phải "chữa"', 'Chưa thấy ai nói vậy, để mình hỏi lại', false, false],
    ['không dấu "chua" một mình không phải bài thuốc', 'chua thay ai noi vay', false, false],
    ['"sống" không phải "sóng"', 'Sống lâu trăm tuổi nhờ ăn chay', false, false],
  ])('%s', (_name, text, remedy, technology) => {
    expect(mythKind(text)).toEqual({ remedy, technology });
  });
});
