import { describe, expect, test } from 'vitest';
import { decodeFeatureHashes, encodeFeatureHashes } from '../../../lib/model/feature-codec';
import { seededRandom } from '../../../lib/model/train';

const MIN = -(2 ** 31);
const MAX = 2 ** 31 - 1;

/** `n` distinct random hashes, ascending as signed numbers (as training writes them). */
function randomHashes(n: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const set = new Set<number>();
  while (set.size < n) set.add((random() * 2 ** 32) | 0);
  return Int32Array.from([...set].sort((a, b) => a - b));
}

describe('mã Rice cho hash của đặc trưng', () => {
  test.each<[string, number[]]>([
    ['không có đặc trưng', []],
    ['một hash nhỏ nhất', [MIN]],
    ['một hash lớn nhất', [MAX]],
    ['hai đầu mút', [MIN, MAX]],
    ['liền nhau quanh số 0', [-2, -1, 0, 1, 2]],
    ['cách xa nhau', [MIN, -123456789, 0, 987654321, MAX]],
  ])('%s: đi và về nguyên vẹn', (_name, values) => {
    const hashes = Int32Array.from(values);
    const { gapBits, text } = encodeFeatureHashes(hashes);
    expect(text).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
    expect([...decodeFeatureHashes(text, hashes.length, gapBits)]).toEqual(values);
  });

  test('31.000 hash ngẫu nhiên: khoảng 19 bit mỗi hash thay vì 32, k chọn theo mật độ', () => {
    const hashes = randomHashes(31_000, 7);
    const { gapBits, text } = encodeFeatureHashes(hashes);
    expect(gapBits).toBeGreaterThanOrEqual(16);
    expect(gapBits).toBeLessThanOrEqual(17);
    const bitsPerHash = (text.length * 6) / hashes.length;
    expect(bitsPerHash).toBeLessThan(19.5);
    expect(decodeFeatureHashes(text, hashes.length, gapBits)).toEqual(hashes);
  });

  test.each<[string, number[]]>([
    ['trùng nhau', [5, 5]],
    ['giảm dần', [7, 3]],
  ])('hash %s: báo lỗi, không viết sai', (_name, values) => {
    expect(() => encodeFeatureHashes(Int32Array.from(values))).toThrow(/not distinct and ascending/);
  });

  describe('tệp hỏng: báo lỗi thay vì đọc ra hash sai', () => {
    const hashes = randomHashes(200, 11);
    const { gapBits, text } = encodeFeatureHashes(hashes);
    test.each<[string, string, number, RegExp]>([
      ['bị cắt cụt', text.slice(0, text.length / 2 - ((text.length / 2) % 4)), 200, /bits end/],
      ['đếm nhiều hơn số hash có', text, 201, /bits end/],
      ['đếm ít hơn số hash có', text, 150, /bits left/],
      ['hash vượt 2³² − 1', btoa(`${'\xff'.repeat(600)}${'\0'.repeat(8)}`), 1, /past/],
    ])('%s', (_name, bad, count, message) => {
      expect(() => decodeFeatureHashes(bad, count, gapBits)).toThrow(message);
    });
  });
});
