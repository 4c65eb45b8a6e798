import { compilePhrase, hasPhrase, toWords } from './phrases';
import type { Audience } from './schema';

const CUES: Array<[Audience, ReturnType<typeof compilePhrase>[]]> = [
  [
    'researcher',
    [
      'nghiên cứu',
      'đề tài',
      'nhà khoa học',
      'viện',
      'giảng viên',
      'nghiên cứu sinh',
      'tiến sĩ',
      'công bố',
      'bài báo',
      'phòng thí nghiệm',
      'nafosted',
    ].map(compilePhrase),
  ],
  [
    'business',
    ['doanh nghiệp', 'công ty', 'startup', 'khởi nghiệp', 'thương mại hóa', 'nhà máy', 'sản xuất', 'dn'].map(
      compilePhrase,
    ),
  ],
];

/**
 * Who seems to be writing, so the reply's variant for that audience can be
 * used; undefined means no cue: the reply's citizen variant if it has one,
 * else its base body (see `pickBody`).
 */
export function detectAudience(text: string): Audience | undefined {
  const words = toWords(text);
  let best: Audience | undefined;
  let bestCount = 0;
  for (const [audience, cues] of CUES) {
    const count = cues.filter((cue) => hasPhrase(words, cue)).length;
    if (count > bestCount) {
      best = audience;
      bestCount = count;
    }
  }
  return best;
}
