import { describe, expect, test } from 'vitest';
import {
  CATEGORIES,
  type Category,
  categoriesOf,
  compileRules,
  defaultMatcher,
  defaultRulePack,
  explain,
  type FlagHit,
  type Rule,
} from '../../../lib/flags';

const rule = (r: Partial<Rule> & Pick<Rule, 'id' | 'phrases'>): Rule => ({
  category: 'scam',
  severity: 'medium',
  note: 'ghi chú',
  ...r,
});

const testMatcher = compileRules([
  rule({ id: 'lua-dao', phrases: ['lừa đảo'], exceptions: ['cảnh báo'] }),
  rule({ id: 'viec-nhe', severity: 'high', phrases: ['việc nhẹ lương cao', 'không cần vốn'] }),
  rule({ id: 'hoa-hong', category: 'health', severity: 'low', phrases: ['hoa hồng'], accentSensitive: true }),
  rule({ id: 'so-tai-khoan', category: 'phishing', phrases: ['gửi số tài khoản'] }),
]);

function only(text: string, matcher = testMatcher): FlagHit {
  const hits = matcher.scan(text);
  expect(hits, `hits for ${JSON.stringify(text)}`).toHaveLength(1);
  return hits[0]!;
}

describe('bộ so khớp — cách viết trá hình', () => {
  test.each([
    ['đúng chính tả', 'Đây là lừa đảo', 'lừa đảo', 'exact'],
    ['chữ hoa vẫn là đúng chính tả', 'ĐÂY LÀ LỪA ĐẢO', 'LỪA ĐẢO', 'exact'],
    ['NFD vẫn là đúng chính tả', 'đây là lu\u031b\u0300a đa\u0309o', 'lu\u031b\u0300a đa\u0309o', 'exact'],
    ['không dấu', 'day la lua dao', 'lua dao', 'folded'],
    ['Ð (eth) thay Đ', 'LỪA ÐẢO', 'LỪA ÐẢO', 'exact'],
    ['ký tự vô hình giữa chữ', 'lừ\u200ba đảo', 'lừ\u200ba đảo', 'folded'],
    ['số giả chữ', 'lừa đ4o', 'lừa đ4o', 'folded'],
    ['tách bằng dấu chấm', 'trang này l.ừ.a đ.ả.o', 'l.ừ.a đ.ả.o', 'despaced'],
    ['tách bằng khoảng trắng', 'l u a d a o nha', 'l u a d a o', 'despaced'],
    ['tách bằng gạch dưới', 'l_ừ_a đ_ả_o', 'l_ừ_a đ_ả_o', 'despaced'],
    ['tách một nửa', 'l.ừ.a đảo', 'l.ừ.a đảo', 'despaced'],
    ['gạch nối giữa hai âm tiết (chữ và dấu vẫn đúng)', 'lừa-đảo', 'lừa-đảo', 'exact'],
    ['teencode: ko → không', 'ko cần vốn đâu', 'ko cần vốn', 'teencode'],
    ['teencode: k → không', 'k can von', 'k can von', 'teencode'],
    ['teencode nhiều chữ: stk', 'gửi stk cho mình', 'gửi stk', 'teencode'],
    ['chữ font toán học', '𝐥𝐮𝐚 𝐝𝐚𝐨', '𝐥𝐮𝐚 𝐝𝐚𝐨', 'folded'],
  ])('%s: %j', (_name, text, matched, how) => {
    const hit = only(text);
    expect(hit.matched).toBe(matched);
    expect(text.slice(hit.start, hit.end)).toBe(hit.matched);
    expect(hit.how).toBe(how);
  });

  test.each([
    ['ranh giới âm tiết: "lừa đảo" không nằm trong "lừa đảoooo"', 'lừa đảoooo'],
    ['ranh giới âm tiết: không khớp giữa từ', 'thua đảo'],
    ['đã cảnh báo thì không gắn cờ', 'Cảnh báo lừa đảo qua mạng'],
    ['ngoại lệ ở phía sau câu cũng tính', 'lừa đảo đấy, mình đã cảnh báo rồi'],
    ['quy tắc phân biệt dấu: "hoa hong" không phải "hoa hồng"', 'mua hoa hong'],
    ['câu bình thường', 'Em có ý tưởng về năng lượng tái tạo cho nông thôn'],
    ['chuỗi rỗng', ''],
  ])('không gắn cờ — %s', (_name, text) => {
    expect(testMatcher.scan(text)).toEqual([]);
  });

  test.each([
    ['người viết gõ dấu khác cụm từ: "lùa đào"', 'lùa đào', 'lùa đào'],
    ['cụm từ vắt qua hai từ có dấu: "phương tiện được"', 'phương tiện được cấp phép', 'tiện được'],
  ])('bằng chứng yếu, không gắn cờ — %s', (_name, text, matched) => {
    const m = compileRules([
      rule({ id: 'lua-dao', phrases: ['lừa đảo'] }),
      rule({ id: 'tien-duoc', category: 'health', phrases: ['tiên dược'] }),
    ]);
    const notes = { silenced: [], weak: [] as FlagHit[] };
    expect(m.scan(text, notes)).toEqual([]);
    expect(notes.weak.map((h) => h.matched)).toEqual([matched]);
  });

  test.each([
    ['"sởi" gõ đúng dấu', 'Con tôi bị sởi, uống lá này là khỏi', 'sởi'],
    ['"sỏi" gõ đúng dấu', 'Sỏi thận uống nước lá này tan hết', 'Sỏi'],
    ['"ngừng thuốc" gõ đúng dấu', 'cứ ngừng thuốc đi', 'ngừng thuốc'],
  ])(
    'hai cụm của một quy tắc gập giống nhau: cụm gõ đúng dấu khớp chính xác — %s',
    (_name, text, matched) => {
      const m = compileRules([
        rule({ id: 'benh', category: 'health', phrases: ['sỏi', 'sởi', 'ngưng thuốc', 'ngừng thuốc'] }),
      ]);
      const notes = { silenced: [], weak: [] as FlagHit[] };
      const hits = m.scan(text, notes);
      expect(hits.map((h) => [h.matched, h.how])).toEqual([[matched, 'exact']]);
    },
  );

  test.each([
    ['một nửa gõ dấu đúng, một nửa không dấu', 'lừa dao'],
    ['không dấu hoàn toàn', 'tien duoc'],
  ])('vẫn gắn cờ khi dấu không mâu thuẫn — %s', (_name, text) => {
    const m = compileRules([
      rule({ id: 'lua-dao', phrases: ['lừa đảo'] }),
      rule({ id: 'tien-duoc', category: 'health', phrases: ['tiên dược'] }),
    ]);
    expect(m.scan(text)).toHaveLength(1);
  });

  test.each([
    [
      'cảnh báo ở câu trước không che lời rao ở câu sau',
      'Cảnh báo mọi người. Lừa đảo đầu tư lãi cao đây, ib ngay',
      1,
    ],
    ['cảnh báo cùng câu thì che', 'Cảnh báo mọi người trò lừa đảo đầu tư lãi cao', 0],
  ])('ngoại lệ chỉ trong mệnh đề của nó — %s', (_name, text, count) => {
    const notes = { silenced: [] as number[], weak: [] };
    expect(testMatcher.scan(text, notes)).toHaveLength(count);
    expect(notes.silenced.length > 0).toBe(count === 0);
  });

  // A concept word in ASCII is a word with level tones ("tan", "vay"), not a folded spelling:
  // typed with other marks ("tận", "vậy") it is weak; typed bare or as written it still matches.
  const asWritten = compileRules([rule({ id: 'tan', category: 'health', phrases: ['tan', 'vay'] })], {
    asciiAsWritten: (r) => r.id === 'tan',
  });
  test.each([
    ['"tận" không phải "tan"', 'giao tận ruộng', 'tận'],
    ['"tần số" không phải "tan"', 'sóng tần số thấp', 'tần'],
    ['"vậy" không phải "vay"', 'Vậy thì sao ạ', 'Vậy'],
  ])('từ ASCII đọc như đã viết: dấu khác là bằng chứng yếu — %s', (_name, text, matched) => {
    const notes = { silenced: [], weak: [] as FlagHit[] };
    expect(asWritten.scan(text, notes)).toEqual([]);
    expect(notes.weak.map((h) => h.matched)).toEqual([matched]);
  });

  test.each([
    ['gõ không dấu', 'uong la nay tan khoi u', 'tan'],
    ['gõ đúng (thanh ngang)', 'làm tan khối u', 'tan'],
    ['tin nhắn không dấu', 'vay nhanh trong ngay', 'vay'],
  ])('từ ASCII đọc như đã viết vẫn khớp — %s', (_name, text, matched) => {
    expect(asWritten.scan(text).map((h) => h.matched)).toEqual([matched]);
  });

  test('cụm ASCII của quy tắc thường (tên, cách viết không dấu) vẫn khớp khi gõ dấu', () => {
    const plain = compileRules([rule({ id: 'tan', category: 'health', phrases: ['tan'] })]);
    expect(plain.scan('giao tận ruộng').map((h) => [h.matched, h.how])).toEqual([['tận', 'folded']]);
  });

  test('quy tắc phân biệt dấu vẫn khớp khi đúng dấu', () => {
    expect(only('tặng hoa hồng').ruleId).toBe('hoa-hong');
  });

  test('ngoại lệ ở xa (quá 8 âm tiết) không che được cờ', () => {
    const text = 'Cảnh báo: một hai ba bốn năm sáu bảy tám chín mười, đây là lừa đảo';
    expect(only(text).ruleId).toBe('lua-dao');
  });

  test('đúng chính tả xếp trên không dấu; nặng xếp trên nhẹ', () => {
    const hits = testMatcher.scan('lua dao, lừa đảo, việc nhẹ lương cao');
    expect(hits.map((h) => [h.ruleId, h.how])).toEqual([
      ['viec-nhe', 'exact'],
      ['lua-dao', 'exact'],
      ['lua-dao', 'folded'],
    ]);
  });

  test('một quy tắc khớp nhiều chỗ: mỗi chỗ một cờ, vị trí đúng', () => {
    const text = 'LỪA ĐẢO 🙂 và lừa đảo';
    const hits = testMatcher.scan(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['LỪA ĐẢO', 'lừa đảo']);
  });

  test('biểu thức chính quy chạy trên văn bản gốc', () => {
    const m = compileRules([
      rule({ id: 'apk', category: 'phishing', phrases: [], regex: '[a-z0-9_-]+\\.apk' }),
    ]);
    const text = 'Tải VNeID.apk ngay';
    const [hit] = m.scan(text);
    expect(hit?.matched).toBe('VNeID.apk');
    expect(text.slice(hit!.start, hit!.end)).toBe('VNeID.apk');
  });
});

describe('biểu thức: phép lọc trước đọc "ſ" là "s" và dấu Kelvin là "k", như chính biểu thức', () => {
  // The plain `i` probe run before each regex must not skip what the regex engine matches.
  const m = compileRules([
    rule({ id: 'sk', category: 'phishing', phrases: [], regex: '[a-z0-9-]+\\.skm\\.top' }),
    rule({ id: 'gov-vn', category: 'phishing', phrases: [], regex: '[a-z0-9-]+gov\\.vn\\.top' }),
  ]);
  test.each([
    ['viết thường', 'Vào abc.skm.top nhận quà', ['sk:abc.skm.top']],
    ['"ſ" thay "s"', 'Vào abc.\u017Fkm.top nhận quà', ['sk:abc.\u017Fkm.top']],
    ['dấu Kelvin thay "k"', 'Vào abc.s\u212Am.top nhận quà', ['sk:abc.s\u212Am.top']],
    ['viết hoa', 'VÀO ABC.SKM.TOP', ['sk:ABC.SKM.TOP']],
    ['thiếu chữ bắt buộc', 'Vào abc.sm.top', []],
  ])('%s: %j', (_name, text, expected) => {
    expect(m.scan(text).map((h) => `${h.ruleId}:${h.matched}`)).toEqual(expected);
  });
});

describe('bộ so khớp — nhiều cụm từ chồng nhau, ngoại lệ dùng chung, biểu thức', () => {
  const m = compileRules([
    rule({ id: 'dau-tu-tien-ao', phrases: ['đầu tư tiền ảo'], exceptions: ['cảnh báo'] }),
    rule({ id: 'tien-ao-lai-cao', phrases: ['tiền ảo lãi cao'] }),
    rule({ id: 'tien-ao', severity: 'low', phrases: ['tiền ảo'], exceptions: ['cảnh báo', 'không'] }),
    rule({
      id: 'so-dien-thoai',
      category: 'phishing',
      phrases: [],
      regex: '(?<![\\p{N}])\\d{3}-\\d{4}(?![\\p{N}])',
    }),
    rule({ id: 'gov-vn', category: 'phishing', phrases: [], regex: '[a-z0-9-]+gov\\.vn\\.top' }),
  ]);
  const ids = (text: string) =>
    m
      .scan(text)
      .map((h) => `${h.ruleId}:${h.matched}`)
      .sort();

  test.each([
    [
      'cụm này kết thúc bên trong cụm kia: cả ba quy tắc cùng khớp',
      'đầu tư tiền ảo lãi cao',
      ['dau-tu-tien-ao:đầu tư tiền ảo', 'tien-ao-lai-cao:tiền ảo lãi cao', 'tien-ao:tiền ảo'],
    ],
    ['lặp lại: mỗi chỗ một cờ', 'tiền ảo, tiền ảo', ['tien-ao:tiền ảo', 'tien-ao:tiền ảo']],
    [
      'ngoại lệ "không" chỉ che quy tắc khai báo nó',
      'đầu tư tiền ảo không',
      ['dau-tu-tien-ao:đầu tư tiền ảo'],
    ],
    ['ngoại lệ dùng chung che cả hai quy tắc', 'cảnh báo đầu tư tiền ảo', []],
    ['biểu thức không có chữ nào để lọc trước vẫn chạy', 'gọi 090-1234 nhé', ['so-dien-thoai:090-1234']],
    [
      'chữ bắt buộc ("gov") nằm giữa một âm tiết, viết hoa',
      'Vào XYZGOV.VN.TOP nhận quà',
      ['gov-vn:XYZGOV.VN.TOP'],
    ],
    ['không có chữ bắt buộc thì không chạy biểu thức', 'xyz.vn.top', []],
  ])('%s: %j', (_name, text, expected) => {
    expect(ids(text)).toEqual([...expected].sort());
  });

  test('biên dịch lại cùng các quy tắc cho cùng kết quả (không phụ thuộc trạng thái nhớ tạm)', () => {
    const text = 'đầu tư tiền ảo lãi cao, XYZGOV.VN.TOP, 090-1234';
    const first = m.scan(text);
    expect(m.scan(text)).toEqual(first);
    expect(compileRules(m.rules).scan(text)).toEqual(first);
  });
});

describe('gói mặc định — mỗi nhóm', () => {
  const m = defaultMatcher();
  test.each<[Category, string, string]>([
    ['health', 'Sản phẩm này chữa bách bệnh, uống là khỏi', 'health-chua-bach-benh'],
    ['health', 'Đây là thần dược của người Việt', 'health-than-duoc'],
    ['health', 'Cam kết khỏi hoàn toàn sau 2 liệu trình', 'health-khoi-hoan-toan'],
    ['health', 'song 5g gay ung thu day moi nguoi', 'health-5g-ung-thu'],
    ['health', 'Vắc xin có chip theo dõi người dân', 'health-vaccine-chip'],
    ['health', 'Bỏ thuốc tây đi, dùng lá này là khỏi', 'health-bo-dieu-tri'],
    ['pseudoscience', 'Dây chuyền lượng tử giúp cân bằng năng lượng', 'pseudo-luong-tu'],
    [
      'pseudoscience',
      'Tôi đã chế tạo máy phát điện không cần nhiên liệu, xin Bộ tài trợ',
      'pseudo-dong-co-vinh-cuu',
    ],
    ['pseudoscience', 'Nước ion kiềm chữa ung thư rất hay', 'pseudo-nuoc-kiem'],
    ['scam', 'Lợi nhuận khủng, ib ngay', 'scam-loi-nhuan-khung'],
    ['scam', 'dau tu 1 dc 3 nha mn', 'scam-dau-tu-1-duoc-3'],
    ['scam', 'Tuyển gấp: việc nhẹ lương cao, làm tại nhà', 'scam-viec-nhe-luong-cao'],
    ['scam', 'Bị lừa tiền? Bên mình hỗ trợ thu hồi tiền 100%', 'scam-thu-hoi-tien'],
    ['scam', 'h.ỗ t.r.ợ t.h.u h.ồ.i t.i.ề.n', 'scam-thu-hoi-tien'],
    [
      'impersonation',
      'Đây là trang chính thức mới của Bộ, mọi người theo dõi nhé',
      'imp-trang-chinh-thuc-moi',
    ],
    ['impersonation', 'Tài khoản của bạn liên quan đến vụ án rửa tiền', 'imp-cong-an-lien-he'],
    ['impersonation', 'Liên hệ zalo để nhận tài trợ nghiên cứu', 'imp-tai-tro-bo-khcn'],
    ['phishing', 'Bạn đọc giúp mình mã OTP vừa gửi nhé', 'phish-otp'],
    ['phishing', 'Cài file APK tại dichvucong.apk', 'phish-apk'],
    ['phishing', 'Đăng ký tại bit.ly/nhan-qua-2026', 'phish-rut-gon-link'],
    ['phishing', 'Truy cập mst-gov.vn để nhận hỗ trợ', 'phish-ten-mien-gov-gia'],
    ['phishing', 'Vào bo-khcn.gov.vn.xyz/login', 'phish-ten-mien-gov-gia'],
    ['phishing', 'Xem tại https://mst.gov.vn-hotro.com', 'phish-ten-mien-gov-gia'],
  ])('%s: %j → %s', (category, text, ruleId) => {
    const hits = m.scan(text);
    const hit = hits.find((h) => h.ruleId === ruleId);
    expect(hit, JSON.stringify(hits.map((h) => h.ruleId))).toBeDefined();
    expect(hit!.category).toBe(category);
    expect(text.slice(hit!.start, hit!.end)).toBe(hit!.matched);
  });

  test.each([
    'Cảnh báo lừa đảo: không chuyển tiền cho người lạ',
    'Nhà nước cần đầu tư cho khoa học nhiều hơn nữa',
    '5G không gây ung thư, mọi người yên tâm',
    'Bộ KHCN đã cảnh báo về thủ đoạn hỗ trợ thu hồi tiền',
    'Thông tin chính thức tại https://mst.gov.vn nhé',
    'Xem thêm tại mst.gov.vn.',
    'Email: vanthu@mst.gov.vn',
    'Tuyệt đối không cung cấp mã OTP cho bất kỳ ai',
    'Tin "sóng 5G gây ung thư" là tin giả',
    'Em đề xuất ứng dụng trí tuệ nhân tạo để chẩn đoán bệnh sớm',
    'Cảnh giác với chiêu việc nhẹ lương cao nhé mọi người',
    'Mức lãi suất ngân hàng năm nay thế nào ạ?',
  ])('không gắn cờ: %j', (text) => {
    expect(m.scan(text)).toEqual([]);
  });

  test('gói mặc định phủ đủ năm nhóm, đủ lớn', () => {
    const rules = defaultRulePack().rules;
    expect(rules.length).toBeGreaterThanOrEqual(60);
    expect(new Set(rules.map((r) => r.category))).toEqual(new Set(CATEGORIES));
    expect(rules.reduce((n, r) => n + r.phrases.length, 0)).toBeGreaterThan(300);
  });

  test('defaultMatcher() được nhớ lại, không biên dịch lại', () => {
    expect(defaultMatcher()).toBe(m);
  });
});

describe('categoriesOf và explain', () => {
  test('nhóm riêng biệt, theo thứ tự cố định', () => {
    const hits = defaultMatcher().scan('Gửi mã OTP nhé. Thần dược! Lợi nhuận khủng, thần dược');
    expect(categoriesOf(hits)).toEqual(['health', 'scam', 'phishing']);
    expect(categoriesOf([])).toEqual([]);
  });

  test.each([
    ['lừa đảo', 'đúng chính tả, có dấu'],
    ['lua dao', 'không dấu'],
    ['l.u.a d.a.o', 'chữ bị tách rời'],
    ['ko can von', 'viết tắt / teencode'],
  ])('giải thích bằng tiếng Việt: %j', (text, label) => {
    const hit = only(text);
    const s = explain(hit);
    expect(s).toContain(`Khớp quy tắc "${hit.ruleId}"`);
    expect(s).toContain(`(${label})`);
    expect(s).toContain(hit.matched);
    expect(s).toContain('ghi chú');
  });
});

// A warning the writer denies ("chứ không phải mê tín") is his claim: it clears no hit (lib/flags/denial.ts).
describe('bộ so khớp — ngoại lệ bị phủ định không xóa cờ', () => {
  const m = compileRules([rule({ id: 'tu-vi', phrases: ['tử vi'], exceptions: ['mê tín', 'lừa đảo'] })]);
  test.each([
    ['Tử vi là khoa học chứ không phải mê tín', ['tu-vi:Tử vi']],
    ['tu vi chu dau phai me tin', ['tu-vi:tu vi']],
    ['Xem tử vi bên em, đừng nói là lừa đảo', ['tu-vi:tử vi']],
    ['Tử vi chỉ là mê tín', []],
    ['Xem tử vi online toàn lừa đảo', []],
  ])('%s', (text, expected) => {
    expect(m.scan(text).map((h) => `${h.ruleId}:${h.matched}`)).toEqual(expected);
  });
});
