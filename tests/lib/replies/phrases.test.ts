import { describe, expect, test } from 'vitest';
import { compilePhrase, hasPhrase, toWords } from '../../../lib/replies/phrases';
import { foldForSearch } from '../../../lib/text';

describe('fold', () => {
  test.each([
    ['Đề xuất', 'de xuat'],
    ['BAO GIỜ', 'bao gio'],
    ['Cảm ơn', 'cam on'],
    ['ưu đãi', 'uu dai'],
    ['Trường Đại học', 'truong dai hoc'],
    // Decomposed input (as some keyboards produce) folds the same way.
    ['Nghiên cứu'.normalize('NFD'), 'nghien cuu'],
  ])('%s → %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });
});

describe('hasPhrase', () => {
  test.each([
    ['Bao giờ có kết quả?', 'bao giờ', true],
    ['bao gio co ket qua', 'bao giờ', true],
    ['BAO GIO CO KET QUA', 'bao giờ', true],
    // Diacritics the commenter typed must agree with the phrase.
    ['chăm sóc khách hàng', 'chậm', false],
    ['xử lý quá chậm', 'chậm', true],
    ['xu ly qua cham', 'chậm', true],
    ['nén dữ liệu', 'nên', false],
    ['Bộ nên đầu tư', 'nên', true],
    // Whole words only.
    ['tiếng Anh', 'ng', false],
    ['sóng 5G gây bệnh', '5g', true],
    ['sóng5G', '5g', false],
    ['Cảm ơn,Bộ', 'cảm ơn', true],
  ])('%s has "%s": %s', (text, phrase, expected) => {
    expect(hasPhrase(toWords(text), compilePhrase(phrase))).toBe(expected);
  });

  test('an empty phrase matches nothing', () => {
    expect(hasPhrase(toWords('bất kỳ'), compilePhrase('  '))).toBe(false);
  });
});
