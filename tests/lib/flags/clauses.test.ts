import { describe, expect, test } from 'vitest';
import {
  clauseEnds,
  clauseWords,
  clauseWordsByString,
  inQuestion,
  overlapsQuotes,
  quotedSpans,
} from '../../../lib/flags/clauses';

describe('mệnh đề, ngoặc kép và câu hỏi', () => {
  test.each([
    ["mấy tin 'trúng thưởng' là lừa", 'trúng thưởng', true],
    ['mấy tin “trúng thưởng” là lừa', 'trúng thưởng', true],
    ['mấy tin «trúng thưởng» là lừa', 'trúng thưởng', true],
    ['mấy tin "trúng thưởng" là lừa', 'trúng thưởng', true],
    ['trúng thưởng rồi, nhận ngay', 'trúng thưởng', false],
    ["it's trúng thưởng isn't it", 'trúng thưởng', false],
    ["'mở ngoặc mà không đóng trúng thưởng", 'trúng thưởng', false],
  ])('%s: «%s» trong ngoặc kép? %s', (text, words, inside) => {
    const start = text.indexOf(words);
    // Wholly inside, or nowhere near a quote: where reaching into one and lying inside agree.
    expect(overlapsQuotes(quotedSpans(text), start, start + words.length)).toBe(inside);
  });

  test.each([
    ["bà tin lá vối là 'khỏi hẳn tiểu đường' nên bỏ thuốc", "lá vối là 'khỏi hẳn", true],
    ["bà tin 'lá vối' chữa khỏi tiểu đường", 'chữa khỏi', false],
    ["'lá vối' chữa khỏi tiểu đường", "'lá vối' chữa", true],
    ["mấy tin 'trúng thưởng' là lừa", 'trúng thưởng', true],
    ['không có ngoặc kép nào ở đây', 'ngoặc kép', false],
  ])('%s: «%s» chạm vào ngoặc kép? %s', (text, words, overlaps) => {
    const start = text.indexOf(words);
    expect(overlapsQuotes(quotedSpans(text), start, start + words.length)).toBe(overlaps);
  });

  test.each([
    ['Đóng phí trước là bình thường?', 'phí trước', true],
    ['Đóng phí trước nhé. Có sao không?', 'phí trước', false],
    ['Có sao không? Đóng phí trước nhé', 'phí trước', false],
    ['Đóng phí trước', 'phí trước', false],
    // A question typed without "?": its question word ends the clause, courtesy words aside.
    ['uống nghệ có chữa được đau dạ dày không ạ', 'chữa được', true],
    ['vay kiểu này có an toàn ko mn', 'vay', true],
    ['nộp phí rồi mới rút được hả', 'nộp phí', true],
    ['uong la du du het ung thu khong can hoa tri', 'het ung thu', false],
    ['Thuốc này khỏi hẳn bệnh, không tái phát nha', 'khỏi hẳn', false],
    // An alternative question ("… ko hay …"), and a question that ends one part between commas.
    ['nấm linh chi có chữa ung thư ko hay chỉ là quảng cáo', 'chữa ung thư', true],
    ['giấm táo trị gút không ạ hay chỉ hỗ trợ thôi', 'trị gút', true],
    ['vắc xin có gắn chip ko mọi người, thấy trên mạng nói vậy', 'gắn chip', true],
    ['Bạn bị đau dạ dày không, uống lá này là khỏi hẳn', 'khỏi hẳn', false],
    ['uống lá này khỏi hẳn, không cần mổ', 'khỏi hẳn', false],
  ])('%s: «%s» trong câu hỏi? %s', (text, words, asks) => {
    const start = text.indexOf(words);
    expect(inQuestion(text, clauseEnds(text), start, start + words.length)).toBe(asks);
  });
});

describe('clauseWords — từng đơn vị mã, giống hệt cách đọc cả chuỗi', () => {
  test.each([
    ['có dấu, chữ hoa', 'Có Chữa Được KHÔNG ạ', ['co', 'chua', 'duoc', 'khong', 'a']],
    ['NFD: dấu tách rời không tách chữ', 'kho\u0302ng a\u0323', ['khong', 'a']],
    ['đ và Đ', 'Đúng đó', ['dung', 'do']],
    ['số và dấu câu', 'vay 5tr, ko?', ['vay', '5tr', 'ko']],
    ['K của độ Kelvin, İ', '\u212Ao İt', ['ko', 'it']],
  ])('%s: %j', (_name, text, words) => {
    expect(clauseWords(text, 0, text.length)).toEqual(words);
  });

  test('mọi đơn vị UTF-16, giữa hai chữ và đứng một mình', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [`a${ch}b`, ch, `${ch}${ch}9`])
        if (
          JSON.stringify(clauseWords(t, 0, t.length)) !== JSON.stringify(clauseWordsByString(t, 0, t.length))
        ) {
          differ.push(c);
          break;
        }
    }
    expect(differ).toEqual([]);
  });

  test('văn bản ngẫu nhiên (cố định hạt giống), cả khúc giữa: cùng kết quả', () => {
    const pieces = [
      'không',
      'KHÔNG',
      'ko',
      ' ',
      ',',
      '?',
      'a',
      '\u0301',
      '\u0323',
      '\u0302',
      '\u1ab0',
      '\u05b0',
      'Đ',
      'đ',
      'ǅ',
      'ß',
      'ﬁ',
      'Σ',
      'ς',
      'İ',
      '\u212a',
      '😂',
      '\ud83d',
      '𝐥𝐮𝐚',
      '5tr',
      'Ａ',
      '\u00a0',
      'x'.repeat(300),
    ];
    let seed = 2026_12_07;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    const differ: string[] = [];
    for (let k = 0; k < 3000; k++) {
      let t = '';
      const n = next() % 30;
      for (let i = 0; i < n; i++) t += pieces[next() % pieces.length];
      const from = t.length > 0 ? next() % t.length : 0;
      const to = from + (next() % (t.length - from + 1));
      if (JSON.stringify(clauseWords(t, from, to)) !== JSON.stringify(clauseWordsByString(t, from, to)))
        differ.push(t);
    }
    expect(differ).toEqual([]);
  });
});
