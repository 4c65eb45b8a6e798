import { describe, expect, test } from 'vitest';
import { quotedSpans } from '../../../lib/flags/clauses';
import {
  asksIfReal,
  asksYesNo,
  mayAskIfReal,
  mocksClaim,
  quotesAsReported,
  RELATIVE_BELIEVES,
  relativeBelief,
  retellsKinHarm,
} from '../../../lib/flags/stance';
import { foldedLetters, foldText } from '../../../lib/text/syllables';

describe('người thân tin: kể lại niềm tin của người khác', () => {
  test.each([
    ['Ba tui tin uống nước tiểu chữa bách bệnh, sáng nào cũng uống', 'Ba tui tin'],
    ["Chồng em tin 'thuốc lao làm mù mắt' nên bỏ thuốc lao giữa chừng", 'Chồng em tin'],
    ['Chú hàng xóm tin uống cà gai leo là âm tính', 'Chú hàng xóm tin'],
    ['Mạ tui nghe người ta nói uống nước lá bàng khỏi tiểu đường', 'Mạ tui nghe người ta'],
    ['Mẹ tôi cũng tin trái đất phẳng', 'Mẹ tôi cũng tin'],
    ['Bác mình nghe theo bỏ hóa trị, giờ di căn', 'Bác mình nghe theo'],
  ])('%s → «%s»', (text, words) => {
    expect(relativeBelief(text)?.matched).toBe(words);
  });

  test.each([
    // The seller speaks for himself, or tells what the remedy did: no belief retold.
    'Uống lá xạ đen khỏi ung thư, ib em',
    'Mẹ tôi uống lá đu đủ 3 tháng khỏi hẳn ung thư, ai cần ib',
    'Em biết chị đang hoang mang, nhưng chị tin em, bên em lấy lại được tiền',
    'Con mình nghe nhạc 528Hz xong thi được 9.5 toán',
    // "tin" inside another word is not believing.
    'Mẹ tôi tinh ý lắm, không bị lừa đâu',
    'Bà con tin tưởng thì ib em',
  ])('không phải: %s', (text) => {
    expect(relativeBelief(text)).toBeNull();
  });
});

// The pre-tests before RELATIVE_BELIEVES only skip texts it cannot match: the same answer as the
// regex alone, on texts built from its own words, their capitals, other spaces and near misses.
describe('người thân tin: phép thử trước không bỏ sót gì của biểu thức chính', () => {
  // One slot after another, each often filled with its own words and sometimes with a near miss.
  const SLOTS = [
    ['', 'x', 'Ồ ', 'à,'],
    ['Ba', 'bố mẹ', 'CHỒNG', 'chú', 'con', 'anh', 'xba', 'ông xã', ''],
    [' ', '  ', '\u00a0', '\n', '', '_'],
    ['tui', 'TÔI', 'mình', 'em', 't', 'tao', 'ruột', 'hàng xóm', 'nhà em', 'xóm', 'bạn', 'tuii'],
    [' ', '\t', '\u3000', '', '-'],
    ['', '', 'cũng ', 'Vẫn  ', 'đã', 'từng\n', 'cứ ', 'hay '],
    ['tin', 'TIN', 'tinh', 'nghe', 'nghe người ta', 'nghe theo', 'nghe lời', 'nghe nói', 'tín'],
    ['', ' uống', 'h', '!', ' lá'],
  ];
  test('30,000 văn bản ngẫu nhiên (hạt giống cố định): giống hệt biểu thức chính', () => {
    let seed = 2026_12_07;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    let matched = 0;
    for (let k = 0; k < 30000; k++) {
      let text = '';
      for (const slot of SLOTS) text += slot[next() % slot.length];
      const m = RELATIVE_BELIEVES.exec(text);
      expect(relativeBelief(text) !== null, text).toBe(m !== null);
      if (m) matched++;
    }
    expect(matched).toBeGreaterThan(100);
  });
});

// The judge asks `mayAskIfReal` of the folded letters before `asksIfReal`: it must hold wherever
// `asksIfReal` does, whatever the spelling, the marks, the spaces or the invisible characters.
describe('hỏi có thật không: phép thử trên chữ đã gấp không bỏ sót câu hỏi nào', () => {
  test.each([
    ['là thật hay giả vậy mn', true],
    ['có phải trang của Bộ không', true],
    ['Tin này thật ko ạ', true],
    ['La gia dung ko?', true],
    ['Thế là l\u200bừa phải không các cháu?', true],
    ['Mẹ tôi uống lá đu đủ khỏi hẳn', false],
    ['hay quá, cảm ơn ad', false],
  ])('%s → %s', (text, may) => {
    expect(mayAskIfReal(foldedLetters(foldText(text)))).toBe(may);
    if (asksIfReal(text)) expect(may).toBe(true);
  });

  const SLOTS = [
    ['', 'Ơ ', 'tin nhắn: ', '“', 'x'],
    [
      'là',
      'LÀ',
      'có',
      'Có',
      'tin này',
      'la tin',
      'lừa',
      'lừa đảo',
      'giả',
      'thật',
      'Thật',
      'th\u00adật',
      'co',
      '',
    ],
    [' ', '  ', '\u00a0', '\n', ', ', '', '-', '\u200b '],
    ['thật', 'giả', 'lừa', 'phải', 'đúng', 'hay', 'có', 'th4t', 'lua dao', 'tin'],
    [' ', '', '. ', '\t'],
    ['hay', 'không', 'ko', 'k', 'hông', 'hok', 'chưa', 'giả', 'lừa', 'thật', 'đúng', 'phải', 'có thật', ''],
    [' ', '', '?', ' ?'],
    ['', 'giả', 'không', 'ko', 'thật', 'a', 'mn', '😂', 'vậy', '.'],
  ];
  test('40,000 văn bản ngẫu nhiên (hạt giống cố định): asksIfReal ⇒ mayAskIfReal', () => {
    let seed = 2026_12_07;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    let asked = 0;
    for (let k = 0; k < 40000; k++) {
      let text = '';
      for (const slot of SLOTS) text += slot[next() % slot.length];
      if (!asksIfReal(text)) continue;
      asked++;
      expect(mayAskIfReal(foldedLetters(foldText(text))), text).toBe(true);
    }
    expect(asked).toBeGreaterThan(1000);
  });
});

describe('hỏi có thật không: người hỏi đang báo lại, không rao', () => {
  test.each([
    "mn ơi tin nhắn 'Bo KHCN: Ho so cua ban duoc duyet, xac nhan tai khcn-gov.top' là thật hay giả z",
    'Trang khcn-gov.vn.tk có phải trang chính thức của bộ không, sao đuôi lạ vậy?',
    'Uống nước chanh ấm buổi sáng diệt được tế bào ung thư thật ko ạ',
    'xe chay bang nuoc that ko ae',
    'Co tin nhan bao tk FB vi pham, bat vao fb-appeal-center.xyz. Minh ko bam. La gia dung ko?',
    'Thế là lừa phải không các cháu?',
    'Ad ơi cho em hỏi tin này có phải của Bộ không ạ',
    'hok pik web này có phải giả hok',
  ])('hỏi: %s', (text) => {
    expect(asksIfReal(text)).toBe(true);
  });

  test.each([
    'Thật không thể tin nổi, ông cụ nhà bên uống nước cây chó đẻ 3 tháng, gan mềm lại',
    'Uống lá này thật sự khỏi hẳn, ib em',
    'Tin này là thật 100%, nạp 100k nhận 300k, zalo 0912 345 678',
    'Bạn có phải là người may mắn hôm nay? Bấm link nhận quà',
    // "già đứng" is not "giả đúng": typed marks that differ are other words.
    'Khám BHYT chờ từ 6h sáng tới 11h, người già đứng không nổi',
  ])('không hỏi: %s', (text) => {
    expect(asksIfReal(text)).toBe(false);
  });
});

describe('trích lời người khác: lời được đưa lại, không phải lời người viết', () => {
  const handsOn = (text: string) => quotesAsReported(text, quotedSpans(text));
  test.each([
    'bảo "chỉ cần nộp 2 triệu hồ sơ là được vay 500 triệu không cần thế chấp"... nghe như truyện cổ tích',
    'Nghe bảo ai "đeo chip lượng tử ở cổ chống bức xạ" - bức xạ nói: ok anh cứ đeo',
    'SMS hôm qua: "Ban da trung thuong 01 xe AirBlade, lien he 0888.xx.xx.47". Mình có tham gia gì đâu',
    'mình copy nguyên văn cho mn xem: "Xin chào, tôi là Trung tá Nguyễn Văn H. Cục An ninh mạng"',
    "Đăng lại: tin 'NASA giấu việc thiên thạch đâm Trái Đất tháng sau' đã bị NASA bác bỏ",
    'lại là chiêu "Bạn đã được chọn ngẫu nhiên nhận iPhone 16 Pro, chỉ cần trả phí 99k" trên các bài của Bộ',
    '"Không cần học, nghe nhạc tần số thiên tài khi ngủ là thông minh" - em nghe 3 năm rồi, giờ vẫn thông minh như cũ',
    "mấy bà trong xóm truyền nhau 'chích ngừa dại không cần, ăn đỗ xanh giải độc chó cắn là được'... Dại là chết 100%",
  ])('đưa lại: %s', (text) => {
    expect(handsOn(text)).toBe(true);
  });

  test.each([
    // A seller names his product in quotes and goes on selling.
    "Thiết bị 'ổn định tần số gia đình' gắn vào cầu dao điện giúp tiết kiệm 30% tiền điện",
    '"Lúa thiền" - ruộng được tụng kinh mỗi sáng cho năng suất cao hơn 20%',
    "Cúp vàng 'Sản phẩm sáng tạo thương hiệu quốc gia' – chỉ cần đóng phí vinh danh 30tr là có",
    // A scam asks its readers to comment a word.
    "Ai cần link nhóm kín thì cmt 'nhận' nha",
    // An endorsement the seller quotes after a name.
    'GS. Bùi Khánh Lâm: “Máy phát sóng lượng tử cải thiện trí nhớ của trẻ lên 40% chỉ sau 2 tuần.” Giảm 50% hôm nay',
    'Không có ngoặc kép thì không có lời trích nào',
  ])('không đưa lại: %s', (text) => {
    expect(handsOn(text)).toBe(false);
  });
});

describe('chỉ hỏi có hay không: câu hỏi, không phải lời khẳng định', () => {
  test.each([
    'ngâm chân nước gừng có hạ huyết áp ko ạ',
    'Bị sỏi thận có nên uống nước râu mèo không?',
    'moi nguoi cho hoi co dung la ngu quay dau huong bac thi bi tu truong trai dat hut ko',
    "Hỏi ad: 'năng lượng sinh học' có được công nhận là khoa học không?",
    'Uống nghệ có chữa đau dạ dày không ạ? Em đau 2 năm rồi?',
  ])('hỏi: %s', (text) => {
    expect(asksYesNo(text)).toBe(true);
  });

  test.each([
    // A claim beside the question.
    'Uống nghệ có chữa đau dạ dày không? Uống đi là khỏi hẳn.',
    'Có ai bị đau dạ dày không, uống lá này là khỏi',
    // Rhetorical: "sao", a dare, "chẳng lẽ", a tag, "à?".
    'Sao Bộ không công nhận máy điện vĩnh cửu có chạy thật không?',
    'Có nhà khoa học nào dám tranh luận với thầy không?',
    'vac xin covid co chat lam vo sinh do, dung cho tiem nghe hong',
    'Chẳng lẽ nước lượng tử có tác dụng thật không?',
    'Cột 5G có gây ung thư không à?',
    // No yes/no question at all.
    'Vì sao con người không cảm nhận được sóng wifi?',
  ])('không: %s', (text) => {
    expect(asksYesNo(text)).toBe(false);
  });
});

describe('kể lại cái hại của người nhà, kèm lời buồn hay lời can: người viết báo lại', () => {
  test.each([
    'Ba tui coi clip xong nói mỗi sáng nhai 3 tép tỏi sống là thay được thuốc huyết áp, ổng bỏ thuốc 2 tuần rồi 😢 làm sao khuyên ổng đây mn',
    'Bác hàng xóm nhà em uống nước kiềm thay thuốc thận, giờ phải chạy thận tuần 3 lần 😔 mọi người đừng ai làm theo nữa',
    'Mẹ mình đưa 500k cho 1 lương y trên mạng mua thuốc trị tiểu đường gia truyền, giờ không liên lạc được, hic',
    'Ba tôi uống thuốc nam bỏ thuốc huyết áp, bị tai biến nằm một chỗ rồi. Các bác đừng tin mấy bài thuốc truyền miệng nhé.',
    'nhà e có bà ngoại tin ăn chay chữa được ung thư vú nên từ chối mổ. Cả nhà khuyên không được.',
    'Khổ, bà nội tui xem youtube rồi đòi ngâm chân nước gừng thay thuốc huyết áp.',
  ])('%s', (text) => {
    expect(retellsKinHarm(text)).toBe(true);
  });

  test.each([
    // A testimonial boasts, and the believer's "đừng tin" aims at care.
    'Bố tôi bị tiểu đường 15 năm, ăn gạo lứt muối mè bỏ hết thuốc thì khỏe re. Đừng tin bác sĩ nữa các bác ạ.',
    'Ông nội em bị ung thư phổi, nhờ uống lá xạ đen 3 tháng mà khối u biến mất. Mọi người đừng tin hóa trị.',
    'Mẹ mình bị tai biến liệt nửa người, uống viên an cung tự làm, 3 tuần sau đi lại như thường.',
    // Grief with no relative of the writer's: not this shape.
    'Uống nước kiềm thay thuốc thận là sai 😢 đừng ai làm theo',
    // "khổ" inside another word, or bitter melon ("khổ qua"), is no grief.
    'Chồng tôi nói khí khổng của lá mở to khi nghe nhạc',
    'Má tui bị tiểu đường 10 năm, uống nước khổ qua phơi khô mỗi sáng giờ hết sạch rồi',
  ])('không phải: %s', (text) => {
    expect(retellsKinHarm(text)).toBe(false);
  });
});

describe('chế giễu lời khẳng định: "ừ" mỉa sau lời khẳng định, đẩy nó tới chỗ vô lý (mocksClaim)', () => {
  // `claim` is the claim's first word, as the judge passes the starts of its rule hits and concepts.
  test.each([
    ['Tỏi ngâm giấm chữa tiểu đường type 2 khỏi cần insulin. Ừ rồi, mai tui mở phòng khám tỏi 🧄', 'chữa'],
    ['Cắn một tép tỏi mỗi sáng là miễn nhiễm COVID? Ừ, miễn nhiễm luôn người yêu', 'tỏi'],
    ['việc nhẹ lương cao ngồi nhà cũng có 500k/ngày... ừ, ngồi nhà mất luôn 50 triệu tiền cọc', 'việc nhẹ'],
    [
      'Lá đu đủ đực chữa khỏi ung thư giai đoạn cuối — nếu thật thì bệnh viện K đóng cửa lâu rồi',
      'chữa khỏi',
    ],
    [
      'Ai cũng chữa được ung thư bằng lá cây thì các giáo sư ung bướu thất nghiệp hết rồi các bác ạ',
      'chữa được',
    ],
    [
      'nếu có máy phát 10kW không nhiên liệu giá 45 triệu thì các nhà máy điện đã mua hết rồi',
      'không nhiên liệu',
    ],
    ['la du du chua ung thu thi bv dong cua lau r', 'chua'],
    ['Uống giấm táo hết ung thư... vậy chắc bỏ trường y đi mở quán nước cho rồi bà con hén', 'hết ung thư'],
    [
      'Ồ hay quá, máy phát điện vĩnh cửu, chắc định luật bảo toàn năng lượng cũng xin nghỉ hưu rồi',
      'vĩnh cửu',
    ],
  ])('%s', (text, claim) => {
    expect(mocksClaim(text, [text.indexOf(claim)])).toBe(true);
  });

  test.each([
    // A believer concedes ("Ừ thì…") before claiming, or argues from the other side: the "if"
    // before "thì" holds no claim.
    [
      'Ừ thì các bác sĩ giỏi, vậy sao bác sĩ không chữa khỏi tiểu đường? Mướp đắng + quế chữa dứt.',
      'chữa khỏi',
    ],
    ['Trái đất phẳng, nước biển mà cong thì đã chảy tràn ra hết rồi.', 'phẳng'],
    ['trái đất phẳng thật mn ạ, nếu tròn thì nước biển đổ hết r, NASA lừa cả thế giới', 'phẳng'],
    // The consequence reaches past a comma: not one absurd end.
    ['ngày trăng tròn bón thì đất hấp thu gấp đôi, cha ông mình biết lâu rồi', 'trăng tròn'],
    // The believer's guess at a cause, and certainty.
    ['Cá tra ở ao có gắn loa ít bị bệnh, chắc do sóng âm diệt vi khuẩn.', 'sóng âm'],
    ['Uống lá này 1 tháng, chắc chắn khỏi hẳn tiểu đường', 'khỏi hẳn'],
    // Letters spelt with dots ("l.ừ.a") hold no "ừ".
    ['L.Ấ.Y L.Ạ.I T.I.Ề.N B.Ị L.Ừ.A trong 24h, hoàn phí 100%', 'L.Ấ.Y'],
    // The mocking turn before the claim does not mock it.
    ['Ừ, uống nước xyzherb chữa khỏi tiểu đường thật đó', 'chữa khỏi'],
  ])('không phải: %s', (text, claim) => {
    expect(mocksClaim(text, [text.indexOf(claim)])).toBe(false);
  });
});
