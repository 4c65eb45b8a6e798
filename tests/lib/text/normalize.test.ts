import { describe, expect, test } from 'vitest';
import {
  foldForSearch,
  foldWords,
  normalizeVietnamese,
  sameWithDiacritics,
  toneKey,
  toOriginalSpan,
} from '../../../lib/text';
import { FOLD_IGNORABLE, FOLD_SEPARATOR, foldAt, isSpaceUnit } from '../../../lib/text/fold';

describe('foldForSearch — ô tìm kiếm của nhật ký ý tưởng', () => {
  test.each([
    ['chữ hoa, có dấu', 'Lừa Đảo', 'lua dao'],
    ['NFD (dấu tách rời)', 'lu\u031b\u0300a đa\u0309o', 'lua dao'],
    ['Đ hoa và Ð (eth) giả Đ', 'ĐẦU TƯ Ðổi mới', 'dau tu doi moi'],
    ['hai cách đặt dấu òa / oà', 'hòa hoà', 'hoa hoa'],
    ['ký tự vô hình giữa chữ', 'l\u200bừa\u00ad đảo', 'lua dao'],
    ['gộp khoảng trắng, xuống dòng', '  tin   giả\n\n nhé ', 'tin gia nhe'],
    ['giữ dấu câu và số', 'Giá 1.000 đồng!', 'gia 1.000 dong!'],
    ['chữ toàn khổ (full-width)', 'Ｌừａ', 'lua'],
    ['chữ "font đẹp" (toán học)', '𝐥𝐮𝐚 đ𝐚̉𝐨', 'lua dao'],
    ['chữ Kirin giả chữ Latin', 'Кhông', 'khong'],
  ])('%s: %j → %j', (_name, input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });
});

/** foldForSearch as it was written before it folded into a buffer: a string built piece by piece. */
function foldForSearchByPieces(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; ) {
    const r = foldAt(text, i);
    const v = r & 0xffff;
    const w = r >>> 16;
    const ch = text.slice(i, i + w);
    i += w;
    if (v === FOLD_IGNORABLE) continue;
    if (v === FOLD_SEPARATOR) {
      if (/\s/u.test(ch)) {
        pendingSpace = out.length > 0;
        continue;
      }
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += ch.toLowerCase();
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(v);
  }
  return out;
}

describe('foldForSearch — giống hệt cách gấp từng mảnh', () => {
  test('isSpaceUnit khớp /\\s/u trên mọi đơn vị UTF-16', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++)
      if (isSpaceUnit(c) !== /\s/u.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  // Pieces a comment is made of, and the odd ones: marks, invisibles, look-alikes, emoji,
  // astral letters, lone surrogates, capitals of other scripts, the one lowercase that grows (İ).
  const PIECES = [
    'Lừa',
    'đảo',
    ' ',
    '  ',
    '\n',
    '\t',
    '\u00a0',
    '\u3000',
    '\u2028',
    '.',
    '!',
    '?',
    '"',
    '“',
    '”',
    '«',
    '1.000',
    'k',
    'Ｌ',
    '𝐥𝐮𝐚',
    '\u0309',
    '\u200b',
    '\u00ad',
    'К',
    'ΑΒΓ',
    'Ⓐ',
    'Ⅻ',
    'İ',
    '😂',
    '🙂',
    '\ud83d',
    '\ude02',
    'ĐẦU TƯ',
    'ﬁ',
    'ß',
    'Ω',
    'Ǆ',
    '\u0000',
    '\u001f',
    '\u2161',
    '\uffff',
    '\ufeff',
    'gấp thành chuỗi dài hơn bốn mươi tám đơn vị để qua bộ giải mã UTF-16',
  ];
  test('văn bản ngẫu nhiên (cố định hạt giống): cùng kết quả', () => {
    let seed = 2026_12_07;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    const texts: string[] = ['', ' ', ' a ', 'x'.repeat(10_000), `${'Ａ '.repeat(3000)}😂`];
    for (let k = 0; k < 3000; k++) {
      let t = '';
      const n = next() % 40;
      for (let i = 0; i < n; i++) t += PIECES[next() % PIECES.length];
      texts.push(t);
    }
    const differ = texts.filter((t) => foldForSearch(t) !== foldForSearchByPieces(t));
    expect(differ).toEqual([]);
  });
});

describe('normalizeVietnamese — văn bản chuẩn hoá', () => {
  test.each([
    ['gấp chữ hoa, bỏ dấu', 'Lừa Đảo', 'lua dao'],
    ['teencode ko/dc/j', 'ko dc j', 'khong duoc gi'],
    ['teencode nhiều chữ: stk, ck', 'gửi stk rồi ck', 'gui so tai khoan roi chuyen khoan'],
    ['"tr" sau số là triệu', 'lãi 10tr mỗi ngày', 'lai 10 trieu moi ngay'],
    ['"k" dính sau số không phải "không"', 'nạp 100k', 'nap 100 k'],
    ['teencode chỉ khi viết không dấu: "hồng" vẫn là hồng', 'hoa hồng', 'hoa hong'],
    ['chữ tách bằng dấu chấm', 'l.ừ.a đ.ả.o', 'luadao'],
    ['chữ tách bằng khoảng trắng', 'l u a d a o', 'luadao'],
    ['chữ tách bằng gạch dưới', 'l_u_a', 'lua'],
    ['số giả chữ giữa hai chữ cái', 'l0i nhu4n', 'loi nhuan'],
    ['số thật giữ nguyên: 5G, 1 được 3', '5G, đầu tư 1 được 3', '5 g dau tu 1 duoc 3'],
    ['câu bình thường không bị gộp', 'Tôi có ý tưởng hay', 'toi co y tuong hay'],
  ])('%s: %j → %j', (_name, input, expected) => {
    expect(normalizeVietnamese(input).text).toBe(expected);
  });

  test.each([
    ['Lừa', ['case', 'diacritics']],
    ['lu\u031b\u0300a', ['nfd', 'diacritics']],
    ['l\u200bua', ['zero-width']],
    ['ko', ['teencode']],
    ['l.u.a', ['despaced']],
    ['l0i', ['lookalike']],
    ['Ðổi', ['case', 'lookalike', 'diacritics']],
    ['lua', []],
  ])('ghi lại phép biến đổi của từng từ: %j → %j', (input, transforms) => {
    const [token] = normalizeVietnamese(input).tokens;
    expect([...token!.transforms].sort()).toEqual([...transforms].sort());
  });

  test.each([
    ['Cảnh báo: LỪA ĐẢO!', 'lua dao', 'LỪA ĐẢO'],
    ['xem l.ừ.a đ.ả.o nhé', 'luadao', 'l.ừ.a đ.ả.o'],
    ['lu\u031b\u0300a đa\u0309o thôi', 'lua dao', 'lu\u031b\u0300a đa\u0309o'],
    ['🙂 ko dc đâu', 'khong duoc', 'ko dc'],
    ['l\u200bừa đảo', 'lua dao', 'l\u200bừa đảo'],
  ])('bản đồ vị trí về văn bản gốc: %j, tìm %j → %j', (input, needle, original) => {
    const n = normalizeVietnamese(input);
    const at = n.text.indexOf(needle);
    expect(at).toBeGreaterThanOrEqual(0);
    const span = toOriginalSpan(n, at, at + needle.length);
    expect(input.slice(span.start, span.end)).toBe(original);
  });

  test('mỗi ký tự chuẩn hoá đều trỏ vào văn bản gốc', () => {
    const input = 'Ðầu tư 1 được 3, l.ợ.i nhuận khủng — ko rủi ro!';
    const n = normalizeVietnamese(input);
    expect(n.starts.length).toBe(n.text.length);
    for (let i = 0; i < n.text.length; i++) {
      expect(n.starts[i]).toBeGreaterThanOrEqual(0);
      expect(n.ends[i]).toBeGreaterThanOrEqual(n.starts[i]!);
      expect(n.ends[i]).toBeLessThanOrEqual(input.length);
    }
  });
});

describe('toneKey — "đúng dấu" không phụ thuộc vị trí dấu thanh', () => {
  test.each([
    ['hòa bình', 'hoà bình', true],
    ['thủy lợi', 'thuỷ lợi', true],
    ['khỏe', 'khoẻ', true],
    ['Lừa Đảo', 'lừa đảo', true],
    ['lu\u031b\u0300a', 'lừa', true],
    ['lừa', 'lua', false],
    ['lừa', 'lửa', false],
    ['đảo', 'dảo', false],
  ])('%j ~ %j: %s', (a, b, same) => {
    expect(sameWithDiacritics(a, b)).toBe(same);
  });

  test('mỗi âm tiết một khoá', () => {
    expect(toneKey('Hòa  bình!')).toBe('hoa2 binh2');
  });
});

describe('foldWords — cụm từ tách như bình luận', () => {
  test.each([
    ['Đầu tư 1 được 3', ['dau', 'tu', '1', 'duoc', '3']],
    ['5G gây ung thư', ['5', 'g', 'gay', 'ung', 'thu']],
    ['bit.ly', ['bit', 'ly']],
    ['l0i nhu4n', ['loi', 'nhuan']],
    ['lu\u031b\u0300a đa\u0309o', ['lua', 'dao']],
    ['l\u200bừa', ['lua']],
    ['lãi 10tr', ['lai', '10', 'tr']],
    ['𝐥𝐮𝐚 Ðảo', ['lua', 'dao']],
    ['', []],
  ])('%j → %j', (phrase, words) => {
    expect(foldWords(phrase)).toEqual(words);
  });
});
