import { describe, expect, test } from 'vitest';
import type { Category } from '../../../lib/flags/categories';
import { rankIntents } from '../../../lib/replies/intent-rank';

describe('thứ tự ý định', () => {
  test.each<[string, Category[], [Category, number][], string]>([
    [
      'mạo danh là loại chính dù lừa đảo chắc hơn',
      ['impersonation', 'scam'],
      [
        ['impersonation', 0.8],
        ['scam', 0.97],
      ],
      'impersonation-warning',
    ],
    [
      'lừa đảo là loại chính',
      ['scam', 'impersonation'],
      [
        ['scam', 0.8],
        ['impersonation', 0.97],
      ],
      'scam-warning',
    ],
  ])('%s', (_name, categories, confidence, first) => {
    const r = rankIntents('bình luận', null, categories, new Map(confidence));
    expect(r.intents[0]!.intent).toBe(first);
  });

  test('lời cảnh báo của người dân (không gắn cờ) được cảm ơn trước', () => {
    const text = 'Mọi người cẩn thận, mấy trang nhận lấy lại tiền đều là lừa đảo lần hai';
    expect(rankIntents(text, null, [], new Map(), true).intents[0]!.intent).toBe('thanks');
  });
});

describe('bình luận không bị gắn cờ: nạn nhân kể thì "khiếu nại", quảng cáo thường thì "nhắc nội quy"', () => {
  test.each([
    ['victim', 'complaint'],
    ['ad', 'rules-reminder'],
    ['warns', 'thanks'],
  ] as const)('%s → %s', (telling, intent) => {
    expect(rankIntents('bình luận', null, [], new Map(), telling).intents[0]!.intent).toBe(intent);
  });
});
