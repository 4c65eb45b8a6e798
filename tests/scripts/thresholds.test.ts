import { describe, expect, test } from 'vitest';
import type { CorpusLine } from '../../scripts/judgement/corpus';
import { bestThreshold, jointThresholds, plateauThreshold } from '../../scripts/judgement/thresholds';

const line = (id: number, flagged: boolean): CorpusLine => ({
  id: `t-${id}`,
  text: 'x',
  categories: flagged ? ['health'] : [],
  intent: flagged ? 'misinfo-correction' : 'thanks',
  idea: false,
  family: 'test-a',
});
/** Out-of-fold scores: only the health column matters here. */
const scores = (health: number): Float64Array => {
  const p = new Float64Array(14);
  p[0] = health;
  return p;
};

describe('ngưỡng chọn cho cả phán đoán', () => {
  // health scores: four myths at 0.9, one benign line at 0.7, two myths at 0.6, one benign at 0.4
  const lines = [true, true, true, true, false, true, true, false].map((f, i) => line(i, f));
  const oof = [0.9, 0.9, 0.9, 0.9, 0.7, 0.6, 0.6, 0.4].map(scores);
  const start = [0.95, 0.95, 0.95, 0.95, 0.95];

  test('cờ đúng đáng giá hơn cờ sai theo FLAG_COST: hạ ngưỡng khi được nhiều hơn mất', () => {
    // cost 1: going down to 0.6 gains two myths for one wrong flag
    expect(
      jointThresholds(
        lines,
        oof,
        lines.map(() => false),
        start,
        1,
      )[0],
    ).toBe(0.6);
    // cost 4: one wrong flag outweighs two right ones; stop above 0.7
    expect(
      jointThresholds(
        lines,
        oof,
        lines.map(() => false),
        start,
        4,
      )[0],
    ).toBe(0.9);
  });

  test('dòng luật đã gắn cờ không đổi gì: ngưỡng không vì nó mà hạ', () => {
    // the rules already flag the two myths at 0.6: lowering to 0.6 gains nothing, costs one wrong flag
    const ruleFlagged = [false, false, false, false, false, true, true, false];
    expect(jointThresholds(lines, oof, ruleFlagged, start, 1)[0]).toBe(0.9);
  });
});

describe('ngưỡng ý tưởng ở giữa vùng F1 phẳng', () => {
  // Ideas at 0.5 and 0.6; non-ideas at 0.2 and 0.7: any threshold in (0.2, 0.5] gives F1 0.8.
  const scores = [0.5, 0.6, 0.2, 0.7];
  const truth = [true, true, false, false];

  test('giữa các bậc có F1 tốt nhất, không phải bậc đầu tiên', () => {
    expect(bestThreshold(scores, truth, 0.2, 0.8)).toBe(0.225);
    expect(plateauThreshold(scores, truth, 0.2, 0.8)).toBe(0.35);
  });

  test('một đỉnh nhọn: đúng bậc đó', () => {
    expect(plateauThreshold([0.3, 0.29, 0.31], [true, false, false], 0.2, 0.4)).toBe(0.3);
  });
});
