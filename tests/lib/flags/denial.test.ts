import { describe, expect, test } from 'vitest';
import { deniesWarning } from '../../../lib/flags/denial';

/** Where `word` starts in `text` (the exception phrase the matcher found). */
function at(text: string, word: string): number {
  const i = text.indexOf(word);
  if (i < 0) throw new Error(`"${word}" not in "${text}"`);
  return i;
}

describe('lời cảnh báo bị phủ định là lời khẳng định của người viết', () => {
  test.each([
    ['Phong thủy là khoa học chứ không phải mê tín', 'mê tín'],
    ['đó là toán học chứ đâu phải mê tín', 'mê tín'],
    ['khoa hoc do chu hong phai me tin nhen', 'me tin'],
    ['đây là từ học chứ ko mê tín', 'mê tín'],
    ['đúng 90% nha, đừng gọi là mê tín', 'mê tín'],
    ['vật lý năng lượng sinh học đó, đừng nói mê tín', 'mê tín'],
    ['Bên em uy tín, không phải lừa đảo đâu', 'lừa đảo'],
    ['Chẳng phải tin giả, báo đăng rồi', 'tin giả'],
  ])('phủ định: %s', (text, word) => {
    expect(deniesWarning(text, at(text, word))).toBe(true);
  });

  test.each([
    ['Phong thủy chỉ là mê tín thôi', 'mê tín'],
    ['Thần số học là mê tín, không có cơ sở', 'mê tín'],
    ['Không, đó là mê tín', 'mê tín'],
    ['Cảnh báo: trang này là lừa đảo', 'lừa đảo'],
    ['Đây là tin giả, đừng chia sẻ', 'tin giả'],
    ['mê tín dị đoan hết', 'mê tín'],
    ['Không phải ai cũng biết: cảnh báo lừa đảo mới', 'cảnh báo'],
  ])('vẫn là cảnh báo: %s', (text, word) => {
    expect(deniesWarning(text, at(text, word))).toBe(false);
  });
});
