import { describe, expect, test } from 'vitest';
import {
  decodeWeightChars,
  encodeWeightChars,
  WEIGHT_ALPHABET,
  WEIGHT_CHAR_STEPS,
  WEIGHT_CHARS_PATTERN,
} from '../../../lib/model/weight-chars';

describe('trọng số viết mỗi trọng số một ký tự', () => {
  test('bảng ký tự: ASCII in được, không có " và \\, số 0 là "O"', () => {
    expect(WEIGHT_ALPHABET).toHaveLength(93);
    expect(WEIGHT_CHAR_STEPS).toBe(46);
    expect(WEIGHT_ALPHABET).not.toMatch(/["\\]/);
    expect(encodeWeightChars(Int8Array.of(0))).toBe('O');
    // JSON keeps every character as it is: no escape adds a byte.
    expect(JSON.stringify(WEIGHT_ALPHABET)).toBe(`"${WEIGHT_ALPHABET}"`);
  });

  test.each<[string, number[], string]>([
    ['không, cực tiểu, cực đại', [0, -46, 46], 'O ~'],
    ['một bước quanh số 0', [-1, 1], 'NP'],
    ['dãy rỗng', [], ''],
  ])('%s', (_name, steps, chars) => {
    expect(encodeWeightChars(Int8Array.from(steps))).toBe(chars);
    expect([...decodeWeightChars(chars)]).toEqual(steps);
  });

  test('mọi bước từ −46 đến 46 đi và về nguyên vẹn, qua cả JSON', () => {
    const steps = Int8Array.from({ length: 93 * 50 }, (_, i) => (i % 93) - 46);
    const text = JSON.parse(JSON.stringify(encodeWeightChars(steps))) as string;
    expect(text).toMatch(WEIGHT_CHARS_PATTERN);
    expect(decodeWeightChars(text)).toEqual(steps);
  });

  test.each<[string, number]>([
    ['bước 47 ngoài bảng', 47],
    ['bước −47 ngoài bảng', -47],
  ])('%s: báo lỗi, không viết sai', (_name, step) => {
    expect(() => encodeWeightChars(Int8Array.of(step))).toThrow(/out of range/);
  });

  test.each<[string, string]>([
    ['dấu nháy kép', 'O"O'],
    ['dấu gạch chéo ngược', 'O\\O'],
    ['chữ có dấu', 'Oă'],
    ['xuống dòng', 'O\n'],
  ])('ký tự ngoài bảng (%s): báo lỗi và không khớp mẫu', (_name, text) => {
    expect(text).not.toMatch(WEIGHT_CHARS_PATTERN);
    expect(() => decodeWeightChars(text)).toThrow(/weight character/);
  });
});
