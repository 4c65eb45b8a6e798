import { describe, expect, test } from 'vitest';
import { clauseEnds, inQuestion, overlapsQuotes, quotedSpans } from '../../../lib/flags/clauses';

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
