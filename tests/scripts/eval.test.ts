import { describe, expect, test } from 'vitest';
import { blindRounds } from '../../scripts/eval';
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
