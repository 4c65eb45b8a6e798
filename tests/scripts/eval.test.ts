import { describe, expect, test } from 'vitest';
import { blindRounds, score } from '../../scripts/eval';
import type { CorpusLine } from '../../scripts/judgement/corpus';

const line = (id: string): CorpusLine => ({
  id,
  text: 'cảm ơn Bộ',
  family: 'blind-thanks',
  categories: [],
  intent: 'thanks',
  idea: false,
});

describe('tập mù: mỗi đợt viết riêng', () => {
  test('nhóm theo tiền tố của id, giữ thứ tự', () => {
    const rounds = blindRounds([
      line('blinda-0001'),
      line('blindc1-0002'),
      line('blinda-0002'),
      line('blindb-0001'),
    ]);
    expect([...rounds.keys()]).toEqual(['blinda', 'blindc1', 'blindb']);
    expect(rounds.get('blinda')!.map((l) => l.id)).toEqual(['blinda-0001', 'blinda-0002']);
  });
});

describe('tỉ lệ sát ngưỡng đọc thành số dòng', () => {
  const gold = (id: string, categories: CorpusLine['categories']): CorpusLine => ({
    ...line(id),
    text: id,
    categories,
    intent: 'scam-warning',
  });
  // What a system answered for each line: its categories.
  const answers: Record<string, CorpusLine['categories']> = {
    'b-1': [],
    'b-2': ['scam'],
    'b-3': [],
    'g-1': ['scam'],
    'g-2': ['phishing', 'scam'],
    'g-3': [],
  };
  const lines = [
    line('b-1'),
    line('b-2'),
    line('b-3'),
    gold('g-1', ['scam']),
    gold('g-2', ['scam']),
    gold('g-3', ['health']),
  ].map((l) => ({ ...l, text: l.id }));
  const s = score(lines, (text) => ({ categories: answers[text]!, intents: [], idea: false }));

  test.each([
    ['dòng lành bị gắn cờ / dòng lành', `${s.counts.benignFlagged}/${s.counts.benign}`, '1/3'],
    ['loại chính đúng / dòng cần cờ', `${s.counts.primaryRight}/${s.counts.gold}`, '1/3'],
    ['dòng cần cờ bị bỏ sót', `${s.counts.missed}`, '1'],
  ])('%s', (_name, got, want) => {
    expect(got).toBe(want);
  });

  test('cùng số với tỉ lệ', () => {
    expect(s.falseFlagRate).toBeCloseTo(1 / 3);
    expect(s.primary).toBeCloseTo(1 / 3);
  });
});
