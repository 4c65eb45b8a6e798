import { describe, expect, test } from 'vitest';
import { featureStrength, pruneByWeight } from '../../../lib/model/prune';
import { INTENT_OFFSET, LABELS } from '../../../lib/model/schema';

const WIDTH = LABELS.length;

/** A row from its five categories, eight intents and idea. */
const row = (categories: number[], intents: number[], idea: number) => [...categories, ...intents, idea];

describe('độ mạnh của một đặc trưng', () => {
  test.each<[string, number[], number]>([
    ['không trọng số nào', row([0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], 0), 0],
    ['loại cờ và ý tưởng cộng trị tuyệt đối', row([1, -2, 0, 0, 0.5], [0, 0, 0, 0, 0, 0, 0, 0], -1), 4.5],
    // A weight every intent shares moves none of the softmax's probabilities.
    ['ý định cùng dời một lượng: không tính', row([0, 0, 0, 0, 0], [3, 3, 3, 3, 3, 3, 3, 3], 0), 0],
    ['ý định lệch khỏi trung bình', row([0, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0, 0, 0], 0), 0.25 * 7 + 1.75],
  ])('%s', (_name, weights, strength) => {
    expect(weights).toHaveLength(WIDTH);
    expect(featureStrength(Float64Array.from(weights), 0)).toBeCloseTo(strength, 12);
  });
});

describe('tỉa đặc trưng theo trọng số', () => {
  const weak = row([0.1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], 0);
  const strong = row([0, 2, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], 0);
  const intentOnly = row([0, 0, 0, 0, 0], [0, 1.5, 0, 0, 0, 0, 0, 0], 0);
  const table = {
    hashes: Int32Array.of(-5, 3, 9),
    weights: Float64Array.from([...weak, ...strong, ...intentOnly]),
    bias: new Float64Array(WIDTH).fill(0.5),
  };

  test('ngưỡng 0: giữ nguyên mọi đặc trưng', () => {
    expect(pruneByWeight(table, 0)).toBe(table);
  });

  test('bỏ đặc trưng yếu, giữ thứ tự và trọng số của đặc trưng còn lại', () => {
    const pruned = pruneByWeight(table, 1);
    expect([...pruned.hashes]).toEqual([3, 9]);
    expect([...pruned.weights]).toEqual([...strong, ...intentOnly]);
    expect(pruned.bias).toBe(table.bias);
    expect(pruned.weights[WIDTH + INTENT_OFFSET + 1]).toBe(1.5);
  });

  test('ngưỡng cao hơn mọi đặc trưng: không còn đặc trưng nào', () => {
    const pruned = pruneByWeight(table, 100);
    expect(pruned.hashes).toHaveLength(0);
    expect(pruned.weights).toHaveLength(0);
  });
});
