import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultRulePack } from '../../../lib/flags';
import { CATEGORIES } from '../../../lib/flags/categories';
import { detect } from '../../../lib/flags/detectors';
import type { FlagHit } from '../../../lib/flags/hit';
import { mythKind } from '../../../lib/flags/myth-kind';
import { whatLeads } from '../../../lib/flags/posing';
import type { Rule } from '../../../lib/flags/schema';
import { localeMessages } from '../../../lib/i18n/strings';
import {
  compileJudge,
  introducedAsAuthority,
  LAUGH_WORD,
  mocks,
  primaryFirst,
  SUPPORT_FACTOR,
  tradeIsNoAuthority,
} from '../../../lib/judge';
import { defaultJudge, shippedModel } from '../../../lib/judge/default';
import { loadModel } from '../../../lib/model/predict';
import { INTENT_OFFSET, LABELS } from '../../../lib/model/schema';
import { DEFAULT_TRAIN_OPTIONS, type Example, toModelFile, trainRaw } from '../../../lib/model/train';
import { INTENTS } from '../../../lib/replies/intents';
import { foldText } from '../../../lib/text/syllables';

// The default pack without the model, every rule flagging by itself (`needsModel`
// dropped: without a model such a rule says nothing): what the rules, concepts and
// detectors find alone.
const rulesOnly = compileJudge({
  ...defaultRulePack(),
  rules: defaultRulePack().rules.map(({ needsModel: _, ...rule }) => rule),
  model: null,
});

describe('tổ hợp khái niệm và bộ dò (gói mặc định, không mô hình)', () => {
  // The shapes the issue lists, written for it (not from any test set).
  test.each([
    [
      'Nhóm mình chuyên hỗ trợ nạn nhân bị sàn ảo chiếm đoạt, đã trả lại tiền cho hơn 200 người, ib để được tư vấn',
      'scam',
    ],
    ['Giải ngân trong ngày, chỉ cần CCCD, hạn mức 50tr, Zalo 09xx', 'scam'],
    ['Nạp 100k nhận ngay 288k, nổ hũ rút liền tay, link t.ly/xxxx', 'scam'],
    ['Giải ngân trong ngày, chỉ cần CCCD, hạn mức 50tr, Zalo 09xx', 'scam'],
    ['uống giấm táo mỗi sáng là tan hết khối u, bác sĩ giấu không nói', 'health'],
    ['tui là nhân viên của bộ nè, ai muốn duyệt đề tài nhanh thì kb zalo', 'impersonation'],
  ])('%s → %s', (text, category) => {
    const j = rulesOnly.judge(text);
    expect(j.categories).toContain(category);
    for (const hit of j.hits) expect(text.slice(hit.start, hit.end)).toBe(hit.matched);
  });

  test.each([
    "Mọi người cẩn thận, mấy trang nhận 'lấy lại tiền bị lừa' đều là lừa đảo lần hai",
    'Vay chỉ cần CCCD có an toàn không ạ?',
    'Tôi đề xuất Bộ mở cổng dữ liệu khí tượng cho nông dân',
    'Thông tin chi tiết tại https://most.gov.vn/tin-tuc nhé',
  ])('không gắn cờ: %s', (text) => {
    expect(rulesOnly.judge(text).hits).toEqual([]);
  });

  // Written for this test: someone reporting a scam's words, not making them.
  test.each([
    [
      "Thím nào nhận được 'Chúc mừng bạn nổ hũ 25 triệu, nạp 300k để rút' thì cười rồi xóa đi, là lừa đảo đó",
      'trích lời rao trong lời cảnh báo',
    ],
    ['Bác sĩ nói rồi: «uống nước nóng diệt virus» là tin giả', 'trích dẫn trong ngoặc kép Pháp'],
    ['Đóng phí hồ sơ vay trước là bình thường?', 'câu hỏi không kèm cách liên hệ'],
    ["Đọc mấy bài 'lá vối chữa khỏi tiểu đường' mà thương mấy cụ nhà quê", 'trích lời đồn, không liên hệ'],
    [
      "Ông chú tôi cứ tin uống lá vối là 'khỏi hẳn tiểu đường', nói mãi không nghe",
      'một phần trong ngoặc kép',
    ],
  ])('không gắn cờ: %s (%s)', (text) => {
    expect(rulesOnly.judge(text).hits).toEqual([]);
  });

  test.each([
    ["Nạp 300k nhận 'quà tri ân' 900k, nổ hũ rút liền, zalo 0912 345 678", 'ngoặc kép mà không ai cảnh báo'],
    ['Bạn muốn vay 50 triệu chỉ cần CCCD? Zalo 0912 345 678', 'câu hỏi kèm số điện thoại'],
    ["Nạp 300k nhận 'quà tri ân' 900k, nổ hũ rút liền, ib em", 'ngoặc kép kèm lời mời nhắn'],
  ])('vẫn gắn cờ: %s (%s)', (text) => {
    expect(rulesOnly.judge(text).categories).toContain('scam');
  });

  test('một tổ hợp tự giải thích: các phần tìm thấy', () => {
    const hit = rulesOnly
      .judge('tui là nhân viên của bộ nè, ai muốn duyệt đề tài nhanh thì kb zalo')
      .hits.find((h) => h.how === 'combined');
    expect(hit?.parts?.length).toBeGreaterThanOrEqual(2);
    expect(hit?.note).toMatch(/mạo danh/);
  });

  test('cảnh báo chỉ che mệnh đề của nó: lời rao ở câu sau vẫn bị gắn cờ', () => {
    const text = 'Cảnh báo mọi người nhé. Nhóm mình hỗ trợ lấy lại tiền bị lừa, ib zalo ngay';
    expect(rulesOnly.judge(text).categories).toContain('scam');
  });

  test('tổ hợp cần các phần trong cửa sổ âm tiết', () => {
    const rule: Rule = {
      id: 'xa',
      category: 'scam',
      severity: 'high',
      phrases: [],
      requires: ['a', 'b'],
      window: 6,
      note: 'n',
    };
    const concepts = [
      { id: 'a', label: 'A', words: ['lấy lại tiền'] },
      { id: 'b', label: 'B', words: ['zalo'] },
    ];
    const j = compileJudge({ rules: [rule], concepts, model: null });
    expect(j.judge('lấy lại tiền qua zalo').hits.map((h) => h.ruleId)).toEqual(['xa']);
    expect(j.judge('lấy lại tiền, một hai ba bốn năm sáu bảy, zalo').hits).toEqual([]);
  });
});

/** A tiny model trained here, so what it learnt is known exactly. */
function tinyModel(threshold = 0.5) {
  const ex = (text: string, scam: boolean): Example => ({
    text,
    signals: [],
    categories: scam ? ['scam'] : [],
    intent: scam ? 'scam-warning' : 'thanks',
    idea: false,
  });
  const examples = [
    ex('kiếm xyzcoin mỗi ngày', true),
    ex('xyzcoin x10 tài khoản', true),
    ex('mua xyzcoin đi anh em', true),
    ex('xyzcoin lên sàn rồi', true),
    ex('cảm ơn bộ nhiều', false),
    ex('bài viết hay quá', false),
    ex('ý tưởng rất hay', false),
    ex('chúc mừng nhóm nghiên cứu', false),
  ];
  const raw = trainRaw(examples, { ...DEFAULT_TRAIN_OPTIONS, minCount: 1, epochs: 60 });
  const file = toModelFile(
    raw,
    { lines: 8, families: 1, corpusHash: 'x', seed: 1, epochs: 60, l2: 0 },
    {
      categories: [0.99, threshold, 0.99, 0.99, 0.99],
      idea: 0.99,
    },
  );
  return loadModel(file);
}

describe('mô hình bên cạnh quy tắc', () => {
  test('mô hình gắn cờ điều quy tắc bỏ sót, nói rõ là mô hình và những từ nặng ký nhất', () => {
    const judge = compileJudge({ rules: [], model: tinyModel() });
    const j = judge.judge('anh em ơi xyzcoin đang lên');
    const hit = j.hits.find((h) => h.ruleId === 'model:scam');
    expect(hit).toBeDefined();
    expect(hit!.how).toBe('model');
    expect(hit!.matched).toContain('xyzcoin');
    expect(hit!.note).toMatch(/^Có dấu hiệu lừa đảo.*Mô hình 0,\d+: 'xyzcoin'/);
    expect(j.categories).toEqual(['scam']);
  });

  test('in an English browser the model note reads in English, with a decimal point', () => {
    const english = localeMessages(1);
    const spy = vi
      .spyOn(fakeBrowser.i18n, 'getMessage')
      .mockImplementation((key: string, subs?: string | string[]) => {
        const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
        return (english[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
      });
    try {
      const hit = compileJudge({ rules: [], model: tinyModel() })
        .judge('anh em ơi xyzcoin đang lên')
        .hits.find((h) => h.ruleId === 'model:scam');
      expect(hit!.note).toMatch(
        /^Signs of a scam \(promised profits, deposits, private contact\)\. Model 0\.\d+: 'xyzcoin'.*\.$/,
      );
    } finally {
      spy.mockRestore();
    }
  });

  test('mô hình không gắn cờ nơi một ngoại lệ rõ ràng đã gỡ cờ của quy tắc', () => {
    const rule: Rule = {
      id: 'xyz',
      category: 'scam',
      severity: 'medium',
      phrases: ['xyzcoin'],
      exceptions: ['cảnh báo'],
      note: 'n',
    };
    const judge = compileJudge({ rules: [rule], model: tinyModel() });
    expect(judge.judge('cảnh báo xyzcoin').hits).toEqual([]);
    expect(judge.judge('xyzcoin đang lên').hits.map((h) => h.ruleId)).toEqual(['xyz']);
  });

  test('mô hình không bao giờ bỏ cờ của quy tắc', () => {
    const rule: Rule = {
      id: 'cam-on',
      category: 'health',
      severity: 'low',
      phrases: ['cảm ơn bộ'],
      note: 'n',
    };
    const judge = compileJudge({ rules: [rule], model: tinyModel() });
    expect(judge.judge('cảm ơn bộ nhiều').categories).toEqual(['health']);
  });

  test('khớp yếu (sai dấu) chỉ thành cờ khi mô hình đồng ý', () => {
    const rule: Rule = { id: 'xu', category: 'scam', severity: 'medium', phrases: ['xú xyzcoin'], note: 'n' };
    const withModel = compileJudge({ rules: [rule], model: tinyModel(0.9) });
    const alone = compileJudge({ rules: [rule], model: null });
    const text = 'xù xyzcoin';
    expect(alone.judge(text).hits).toEqual([]);
    expect(withModel.judge(text).hits.map((h) => h.how)).toContain('weak');
  });
});

describe('quy tắc cần mô hình xác nhận (needsModel)', () => {
  // The model's probability of scam for a comment, to place the threshold around it.
  const scamProb = (text: string) =>
    compileJudge({ rules: [], model: tinyModel(0.01) })
      .judge(text)
      .hits.find((h) => h.ruleId === 'model:scam');
  const signal = (phrase: string): Rule => ({
    id: 'tin-hieu',
    category: 'scam',
    severity: 'high',
    phrases: [phrase],
    needsModel: true,
    note: 'Dấu hiệu cần xác nhận.',
  });

  test('gắn cờ khi mô hình đồng ý phần lớn chặng, dưới ngưỡng của chính mô hình', () => {
    // Scam words among thanks: the tiny model reads scam, not strongly.
    const text = 'hay xyzcoin';
    const p = Number(
      scamProb(text)!
        .note.match(/Mô hình (0,\d+)/)![1]!
        .replace(',', '.'),
    );
    // A threshold the model alone does not reach, whose SUPPORT_FACTOR share it does.
    const threshold = (2 * p) / (1 + SUPPORT_FACTOR);
    expect(threshold).toBeLessThan(1);
    const judge = compileJudge({ rules: [signal('xyzcoin')], model: tinyModel(threshold) });
    const j = judge.judge(text);
    expect(j.categories).toEqual(['scam']);
    expect(j.hits.map((h) => h.ruleId)).toEqual(['tin-hieu']);
    // The explanation says the model confirmed it, with its probability.
    expect(j.hits[0]!.note).toMatch(
      /^Dấu hiệu cần xác nhận\. \(Quy tắc cần mô hình xác nhận — mô hình 0,\d+\.\)$/,
    );
    expect(compileJudge({ rules: [], model: tinyModel(threshold) }).judge(text).hits).toEqual([]);
  });

  test('mô hình không đồng ý: không gắn cờ; quy tắc thường vẫn gắn cờ một mình', () => {
    const text = 'cảm ơn bộ nhiều';
    const judge = compileJudge({ rules: [signal('cảm ơn bộ')], model: tinyModel(0.5) });
    expect(judge.judge(text).hits).toEqual([]);
    expect(judge.judge(text).categories).toEqual([]);
    const { needsModel: _, ...plain } = signal('cảm ơn bộ');
    expect(compileJudge({ rules: [plain], model: tinyModel(0.5) }).judge(text).categories).toEqual(['scam']);
  });

  test('không có mô hình: quy tắc cần xác nhận im lặng, như khớp yếu', () => {
    const judge = compileJudge({ rules: [signal('xyzcoin')], model: null });
    expect(judge.judge('xyzcoin đang lên').hits).toEqual([]);
  });

  test('bộ chấm dự phòng của trang (không có mô hình): quy tắc cần xác nhận tự gắn cờ và nói chưa được xác nhận', () => {
    const fallback = compileJudge({ rules: [signal('xyzcoin')], model: null, signsAloneWithoutModel: true });
    const j = fallback.judge('xyzcoin đang lên');
    expect(j.categories).toEqual(['scam']);
    expect(j.hits[0]!.note).toBe(
      'Dấu hiệu cần xác nhận. (Quy tắc cần mô hình xác nhận; mô hình chưa sẵn sàng nên cờ này chưa được xác nhận.)',
    );
    // With a model the same judge asks it, as every other judge does.
    expect(fallback.withModel(tinyModel(0.5)).judge('cảm ơn bộ, xyzcoin').hits).toEqual([]);
  });

  test.each([
    ['uống giấm táo mỗi sáng là tan hết khối u, bác sĩ giấu không nói', 'health'],
    [
      'Nhóm mình chuyên hỗ trợ nạn nhân bị sàn ảo chiếm đoạt, đã trả lại tiền cho hơn 200 người, ib để được tư vấn',
      'scam',
    ],
  ])('gói mặc định, dự phòng không mô hình vẫn gắn cờ ví dụ của issue: %s', (text, category) => {
    const pack = defaultRulePack();
    expect(compileJudge({ ...pack, model: null }).judge(text).categories).toEqual([]);
    expect(
      compileJudge({ ...pack, model: null, signsAloneWithoutModel: true }).judge(text).categories,
    ).toContain(category);
  });

  test('ngoại lệ vẫn gỡ quy tắc cần xác nhận trước khi hỏi mô hình', () => {
    const rule = { ...signal('xyzcoin'), exceptions: ['cảnh báo'] };
    const judge = compileJudge({ rules: [rule], model: tinyModel(0.01) });
    expect(judge.judge('cảnh báo xyzcoin').hits).toEqual([]);
  });

  test('gói mặc định, không mô hình: các tổ hợp cần xác nhận không tự gắn cờ', () => {
    const pack = defaultRulePack();
    const needing = pack.rules.filter((r) => r.needsModel).map((r) => r.id);
    expect(needing.length).toBeGreaterThan(0);
    const alone = compileJudge({ ...pack, model: null });
    const text = 'Ông nhà tôi bị gút, uống nước lá vối mỗi sáng một tháng là hết đau luôn';
    expect(rulesOnly.judge(text).hits.some((h) => needing.includes(h.ruleId))).toBe(true);
    expect(alone.judge(text).hits.some((h) => needing.includes(h.ruleId))).toBe(false);
  });

  // A rule that also fired on a benign training line (a debunk naming the myth, a
  // warning naming the trick, an honest ad) is a sign: without the model it flags nothing.
  const pack = defaultRulePack();
  const needing = new Set(pack.rules.filter((r) => r.needsModel).map((r) => r.id));
  const alone = compileJudge({ ...pack, model: null });
  test.each([
    ['chemtrail chỉ là vệt hơi nước thôi mà mọi người', 'gọi tên chuyện hoang đường'],
    ['Làm thêm thì chọn chỗ có hợp đồng, đừng ham việc nhẹ lương cao nha các bạn', 'lời khuyên'],
    [
      'Thông tin học bổng chỉ đăng trên web của trường, không trường nào yêu cầu mật khẩu ngân hàng của sinh viên',
      'nhắc nhở',
    ],
    [
      'Cửa hàng tuyển cộng tác viên bán mỹ phẩm, làm tại nhà, hoa hồng 15%, không cần vốn, nhắn tin page',
      'quảng cáo thường',
    ],
  ])('chỉ là dấu hiệu: %s (%s)', (text) => {
    const hits = rulesOnly.judge(text).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => needing.has(h.ruleId))).toBe(true);
    expect(alone.judge(text).hits).toEqual([]);
  });

  test.each([
    ['Nạp 100k nhận ngay 288k, nổ hũ rút liền tay, link t.ly/xxxx', 'scam'],
    ['Giải ngân trong ngày, chỉ cần CCCD, hạn mức 50tr, Zalo 09xx', 'scam'],
  ])('quy tắc rõ ràng vẫn tự gắn cờ: %s', (text, category) => {
    expect(alone.judge(text).categories).toContain(category);
  });
});

describe('thứ tự ý định và ý tưởng', () => {
  test('bình luận bị gắn cờ: lời cảnh báo lên đầu', () => {
    const j = rulesOnly.judge('Nạp 100k nhận ngay 288k, nổ hũ rút liền tay, link t.ly/xxxx');
    expect(j.intents[0]!.intent).toBe('scam-warning');
    expect(j.intentCertain).toBe(true);
  });

  test('bình luận không nhận ra gì: không mặc định "cảm ơn"', () => {
    const j = rulesOnly.judge('hmm');
    expect(j.intents[0]!.intent).not.toBe('thanks');
    expect(j.intentCertain).toBe(false);
  });

  test('một bình luận bị gắn cờ không bao giờ là ý tưởng', () => {
    expect(
      defaultJudge().judge('Đề xuất: ib zalo vay nhanh chỉ cần CCCD giải ngân trong ngày').idea.isIdea,
    ).toBe(false);
  });
});

describe('mô hình đi kèm', () => {
  test('tệp mô hình hợp lệ và nhẹ', () => {
    const shipped = shippedModel();
    expect(shipped.ok).toBe(true);
  });

  test('ý tưởng cụ thể được nhận ra, lời khen ngắn thì không', () => {
    const judge = defaultJudge();
    expect(
      judge.judge(
        'Tôi đề xuất Bộ hỗ trợ mỗi hợp tác xã một trạm quan trắc độ mặn, gửi cảnh báo qua tin nhắn cho bà con trồng lúa',
      ).idea.isIdea,
    ).toBe(true);
    expect(judge.judge('hay quá').idea.isIdea).toBe(false);
  });
});

describe('loại chính: theo sức nặng bằng chứng, không theo thứ tự gói', () => {
  const labels = (intent: string, p: number) => {
    const out = new Float64Array(LABELS.length);
    out[INTENT_OFFSET + INTENTS.indexOf(intent as (typeof INTENTS)[number])] = p;
    return out;
  };
  test.each([
    [
      'chỉ độ chắc chắn',
      new Map([
        ['scam', 0.9],
        ['impersonation', 0.3],
      ] as const),
      null,
      ['scam', 'impersonation'],
    ],
    [
      'mô hình đọc ra mạo danh là mánh chính',
      new Map([
        ['phishing', 0.9],
        ['impersonation', 0.7],
      ] as const),
      labels('impersonation-warning', 0.8),
      ['impersonation', 'phishing'],
    ],
    [
      'mô hình đọc ra lừa đảo là mánh chính',
      new Map([
        ['impersonation', 0.9],
        ['scam', 0.9],
      ] as const),
      labels('scam-warning', 0.6),
      ['scam', 'impersonation'],
    ],
  ])('%s', (_name, confidence, q, want) => {
    expect(primaryFirst(confidence, q)).toEqual(want);
  });

  test.each([
    ['xưng danh là mánh chính khi hai loại chắc như nhau', 0.9, 0.7, ['impersonation', 'scam']],
    ['lợi thế nhỏ: lừa đảo chắc hơn hẳn vẫn đứng đầu', 0.97, 0.3, ['scam', 'impersonation']],
  ])('%s', (_name, scam, impersonation, want) => {
    const confidence = new Map([
      ['scam', scam],
      ['impersonation', impersonation],
    ] as const);
    expect(primaryFirst(confidence, null)).toEqual(want);
  });

  // Posing and phishing as sure as each other but for the head start: what the
  // message puts first decides (lib/flags/posing.ts).
  test.each([
    ['mở lời bằng xưng danh: mạo danh vươn lên đầu', 0.3, 'posing', ['impersonation', 'phishing']],
    ['không rõ cái nào trước: giữ thứ tự theo độ chắc', 0.3, null, ['phishing', 'impersonation']],
    ['mở lời bằng đòi mã: lừa lấy tài khoản lên đầu', 0.7, 'ask', ['phishing', 'impersonation']],
    ['không rõ cái nào trước: lợi thế của mạo danh', 0.7, null, ['impersonation', 'phishing']],
  ] as const)('%s', (_name, impersonation, lead, want) => {
    const confidence = new Map([
      ['phishing', 1],
      ['impersonation', impersonation],
    ] as const);
    expect(primaryFirst(confidence, null, lead)).toEqual(want);
  });

  // After the order audit (the label guide: impersonation first when the comment
  // speaks as the body, scam or phishing first when the body is only named after
  // the ask): what the message puts first weighs more than before.
  test.each([
    [
      'nhãn người gửi "[VCB]" mở lời, mô hình chỉ hơi thấy mạo danh: vẫn lên đầu',
      '[VCB] Tài khoản quý khách bị tạm khóa, xác thực lại tại vcb-xacminh.top',
      new Map([
        ['phishing', 1],
        ['impersonation', 0.1],
      ] as const),
      ['impersonation', 'phishing'],
    ],
    [
      'đòi tiền trước, Bộ chỉ là nhà bảo trợ: lừa đảo lên đầu dù mạo danh chắc hơn',
      'Chuyển 500k phí hồ sơ qua STK 0123 456 789 để nhận máy tưới, chương trình do Bộ KHCN bảo trợ',
      new Map([
        ['scam', 0.6],
        ['impersonation', 0.8],
      ] as const),
      ['scam', 'impersonation'],
    ],
    [
      'tự nhận người của Sở, mô hình thấy lừa đảo chắc hơn hẳn: mạo danh vẫn lên đầu',
      'mình ở Sở KHCN tỉnh, có dự án cần người góp vốn, lãi 5%/tháng, ai quan tâm nhắn mình',
      new Map([
        ['scam', 1],
        ['impersonation', 0.4],
      ] as const),
      ['impersonation', 'scam'],
    ],
  ] as const)('%s', (_name, text, confidence, want) => {
    expect(primaryFirst(confidence, null, whatLeads(text))).toEqual(want);
  });

  // Health and pseudoscience share their reply: what the myth tells decides when
  // the two are about as sure (the label guide: a remedy is health first, a claim
  // about technology or the world pseudoscience first).
  test.each([
    [
      'bài thuốc uống vào khỏi bệnh: sức khỏe lên đầu dù giả khoa học chắc hơn chút',
      'Nước lượng tử uống 7 ngày khỏi tiểu đường',
      0.8,
      0.9,
      ['health', 'pseudoscience'],
    ],
    [
      'sóng 5G gây bệnh: giả khoa học lên đầu dù sức khỏe chắc hơn chút',
      'Sóng 5G gây ung thư, ai ở gần trạm phát phải dọn đi',
      0.9,
      0.8,
      ['pseudoscience', 'health'],
    ],
    [
      'không nói gì về bài thuốc hay công nghệ: giữ thứ tự theo độ chắc',
      'Bác sĩ giấu sự thật này, ai cũng biết rồi',
      0.8,
      0.9,
      ['pseudoscience', 'health'],
    ],
  ] as const)('%s', (_name, text, health, pseudoscience, want) => {
    const confidence = new Map([
      ['health', health],
      ['pseudoscience', pseudoscience],
    ] as const);
    expect(primaryFirst(confidence, null, null, mythKind(text))).toEqual(want);
  });
});

// Issue #13: myths told in many shapes, and the debunks, questions and stories
// that use the same words. Written for these tests (not from the corpus).
describe('lời đồn sức khỏe nhiều dạng, và lời bác bỏ dùng cùng chữ (gói mặc định, không mô hình)', () => {
  test.each([
    [
      'Ông nhà tôi bị gút, uống nước lá vối mỗi sáng một tháng là hết đau luôn',
      'combo-health-remedy-cures',
      'nước lá',
    ],
    [
      'bị cao máu thì ăn cần tây với giấm táo là hạ liền, thuốc tây quăng hết rồi',
      'combo-health-remedy-cures',
      'cần tây',
    ],
    [
      'Mẹ tui bị tiểu đường, tui cho ngưng thuốc luôn rồi, khỏe re',
      'combo-health-stop-treatment',
      'ngưng thuốc',
    ],
    [
      'Vắc xin gây vô sinh đó mấy mẹ, con tui không cho tiêm mũi nào',
      'combo-health-vaccine-harm',
      'gây vô sinh',
    ],
    [
      'Bác sĩ bảo mổ mà tui không cho mổ, bị u xơ thì uống nước lá ổi là tự tiêu',
      'combo-health-stop-treatment',
      'không cho mổ',
    ],
  ])('gắn cờ sức khỏe: %s (%s)', (text, ruleId, part) => {
    const hit = rulesOnly.judge(text).hits.find((h) => h.ruleId === ruleId);
    expect(hit?.category).toBe('health');
    // The explanation names the words that decided.
    expect(hit?.parts?.some((p) => p.toLowerCase().includes(part))).toBe(true);
    expect(text.slice(hit!.start, hit!.end)).toBe(hit!.matched);
  });

  test.each([
    ['Là bác sĩ, tôi nói rõ: không có lá cây nào chữa được tiểu đường, đừng tự ý bỏ thuốc', 'lời bác bỏ'],
    ['Uống nước lá ổi có chữa được tiểu đường không ạ', 'câu hỏi không có dấu hỏi'],
    ['nghệ với mật ong có trị đau dạ dày dc ko mn', 'câu hỏi viết tắt'],
    ['Công nghệ mới giúp phát hiện sớm ung thư phổi', 'tin khoa học: "công nghệ" không phải "nghệ"'],
    ['Bị gút thì không uống bia rượu, ăn ít hải sản nha', 'lời khuyên thông thường'],
  ])('không gắn cờ: %s (%s)', (text) => {
    expect(rulesOnly.judge(text).hits).toEqual([]);
  });
});

describe('giả khoa học nhiều dạng (gói mặc định, không mô hình)', () => {
  test.each([
    ['Trạm BTS gần nhà là nguyên nhân gây ung thư cả xóm', 'combo-pseudo-harm', 'trạm bts'],
    ['trai dat phang, NASA lua ca the gioi', 'combo-pseudo-hidden', 'trai dat phang'],
    ['Xem tử vi là khoa học hẳn hoi, khoa học đã chứng minh rồi', 'combo-pseudo-claim', 'tử vi'],
    ['Người mệnh Hỏa sơn nhà màu xanh là bị khắc, có khảo sát hẳn hoi', 'combo-pseudo-claim', 'mệnh hỏa'],
    [
      'Ngủ dưới mái nhà hình chóp sống thọ thêm chục năm, thống kê cho thấy vậy',
      'combo-pseudo-claim',
      'hình chóp',
    ],
    // A flat claim of an effect or a cause, with no certainty word and no contact.
    ['Đặt đá phong thủy trên bàn làm tăng tài lộc cho cả nhà', 'combo-pseudo-effect', 'phong thủy'],
    ['Mưa đá năm nay là do vũ khí thời tiết của nước ngoài', 'combo-pseudo-effect', 'vũ khí thời tiết'],
    ['nghe nhac song alpha moi toi giup tang tri nho cho hoc sinh', 'combo-pseudo-effect', 'song alpha'],
    // The themes pseudoscience borrows, claimed (issue 13, seventh round).
    ['Thần số tính ra con tôi hợp ngành y, chắc chắn luôn', 'combo-pseudo-topic-claim', 'thần số'],
    ['Gieo hạt đêm rằm thì lúa chắc hạt, có quy luật hẳn hoi', 'combo-pseudo-topic-claim', 'đêm rằm'],
    ['Bếp từ phát ra bức xạ gây ung thư cho cả nhà', 'combo-pseudo-topic-harm', 'bức xạ'],
    ['ngu canh cuc phat wifi la tinh trung chet het do', 'combo-pseudo-topic-harm', 'cuc phat wifi'],
    ['Cho heo nghe nhạc thiền mỗi tối làm tăng năng suất thịt', 'combo-pseudo-topic-effect', 'nhạc thiền'],
    // Free energy claimed by its maker: a machine that runs forever, and "I built it" or "certify it".
    [
      'Tôi đã chế tạo thành công máy phát điện không cần nhiên liệu, xin Bộ công nhận',
      'combo-pseudo-free-energy',
      'không cần nhiên liệu',
    ],
    ['tui chế đc cái quạt tự chạy bằng nam châm, hông xài điện luôn', 'combo-pseudo-free-energy', 'tự chạy'],
    // A denied warning is the believer's claim: "chứ không phải mê tín" silences nothing.
    ['Phong thủy là khoa học chứ không phải mê tín', 'combo-pseudo-claim', 'phong thủy'],
    ['tu vi la khoa hoc chu dau phai me tin', 'combo-pseudo-claim', 'tu vi'],
    // "Proven" asserts; only "not proven", "none proven" and "proven yet?" are exceptions.
    ['Xem tử vi chọn ngành cho con đã được chứng minh là khoa học', 'combo-pseudo-claim', 'tử vi'],
  ])('gắn cờ giả khoa học: %s (%s)', (text, ruleId, part) => {
    const hit = rulesOnly.judge(text).hits.find((h) => h.ruleId === ruleId);
    expect(hit?.category).toBe('pseudoscience');
    expect(hit?.parts?.some((p) => p.toLowerCase().includes(part))).toBe(true);
  });

  test.each([
    ['Sóng wifi không gây ung thư nha bà con, đó là sóng không ion hóa', 'lời bác bỏ'],
    ['Có phải sóng wifi gây vô sinh không ạ', 'câu hỏi'],
    ['Con gái mình cung Song Ngư, có ai biết nên chọn ngành gì không', 'câu hỏi, không khẳng định'],
    ['Con em hỏi sao có người bảo trái đất phẳng, em giải thích sao cho bé hiểu?', 'câu hỏi của phụ huynh'],
    ['Đá phong thủy có làm tăng tài lộc không mọi người?', 'câu hỏi về tác dụng'],
    ['Vòng ion âm không giúp giảm huyết áp đâu, đó chỉ là nhựa', 'tác dụng bị phủ định'],
    ['Không có chuyện sóng điện thoại làm giảm trí nhớ, các nghiên cứu lớn đều thấy vậy', 'lời bác bỏ'],
    ['Bức xạ từ lò vi sóng không gây ung thư, đừng tin tin đồn', 'lời bác bỏ'],
    ['Bếp từ có phát ra bức xạ gây hại không ạ?', 'câu hỏi'],
    ['Chưa có nghiên cứu nào được chứng minh tử vi đoán đúng tính cách', 'chưa được chứng minh'],
    ['Tử vi đoán tính cách đã được chứng minh chưa mọi người', 'hỏi đã được chứng minh chưa'],
    ['Phong thủy chỉ là mê tín, làm gì là khoa học', 'lời bác bỏ: "là mê tín"'],
    ['Máy vĩnh cửu không tồn tại, mấy clip tự chế đều giấu pin', 'lời bác bỏ: "tự chế" không phải "tôi chế"'],
    ['Em là học sinh, em muốn chế được máy vĩnh cửu thì làm thế nào ạ?', 'câu hỏi'],
    [
      'Ông bác tôi mua máy phát điện vĩnh cửu 40 triệu về nổ cầu chì',
      'chuyện người thân, không ai tự nhận chế',
    ],
  ])('không gắn cờ: %s (%s)', (text) => {
    expect(rulesOnly.judge(text).hits).toEqual([]);
  });

  // The themes pseudoscience borrows (radiation, magnetism, "quantum", the moon, numerology):
  // a signal the model reads, in a believer's claim and in a debunk alike.
  test.each([
    ['Để cục phát wifi đầu giường là bức xạ vào não cả đêm', 'bức xạ'],
    ['nuoc nhiem tu cho heo uong mau lon', 'nhiễm từ'],
    ['Máy lọc nước lượng tử giá 12 triệu', 'lượng tử'],
    ['Gieo hạt đêm rằm thì cây lên nhanh', 'đêm rằm'],
    ['Tính số chủ đạo theo ngày sinh để chọn ngành cho con', 'số chủ đạo'],
    ['Bức xạ từ lò vi sóng không gây ung thư đâu', 'lời bác bỏ cũng có chủ đề này'],
  ])('chủ đề giả khoa học hay mượn: %s (%s)', (text) => {
    expect(rulesOnly.judge(text).signals).toContain('concept:pseudo-topic');
  });
});

// A concept word written in ASCII ("tan", "vay") is a word with level tones: the same letters
// typed with other marks ("tận", "tần", "vậy") are other words, and no signal of the concept.
describe('từ khái niệm gõ dấu khác (gói mặc định, không mô hình)', () => {
  test.each([
    ['Giao tận ruộng cho bà con', 'concept:cure-verb'],
    ['Máy đo tần số tim thai cho mẹ bầu', 'concept:cure-verb'],
    ['Vậy làm lại CCCD mất bao lâu ạ?', 'concept:loan'],
  ])('không có tín hiệu: %s (%s)', (text, signal) => {
    expect(rulesOnly.judge(text).signals).not.toContain(signal);
  });

  test.each([
    ['Uống lá này tan khối u', 'concept:cure-verb'],
    ['uong la nay tan khoi u', 'concept:cure-verb'],
    ['vay nhanh chỉ cần CCCD', 'concept:loan'],
    ['Vay tiền online duyệt trong 5 phút', 'concept:loan'],
  ])('vẫn có tín hiệu: %s (%s)', (text, signal) => {
    expect(rulesOnly.judge(text).signals).toContain(signal);
  });

  test('phần của tổ hợp: "tận nhà" không phải lời hứa chữa', () => {
    expect(rulesOnly.judge('Khám tiểu đường tận nhà, gọi 0912345678').hits).toEqual([]);
    expect(rulesOnly.judge('Lá này tan máu đông, bệnh tim gọi 0912345678').hits.map((h) => h.ruleId)).toEqual(
      ['combo-health-sell-cure-phone'],
    );
  });

  test('"khối u" không phải "khỏi u" (đã đúng trước đây: cụm có dấu)', () => {
    expect(rulesOnly.judge('Tôi bị khối u ở gan').signals).not.toContain('concept:cure-verb');
  });
});

// A warning, a debunk or a victim's story is never flagged; a pitch that leaves a way to reach it is.
describe('chuyện kể của nạn nhân, người chứng kiến, tin tức (gói mặc định, không mô hình)', () => {
  test.each([
    [
      'Bác tôi nghe theo quảng cáo bỏ thuốc huyết áp uống nước lá ổi, giờ nhập viện cấp cứu',
      'hậu quả đã xảy ra',
    ],
    ['Tôi bị lừa mất trắng 40 triệu qua trò làm nhiệm vụ, họ bảo nạp thêm để rút', 'nạn nhân kể'],
    ['Công an tỉnh vừa bắt giữ nhóm đối tượng mời đầu tư cam kết lợi nhuận 30%/tháng', 'tin tức'],
    ['Có người gọi xưng là cán bộ ngân hàng, bảo mẹ tôi đọc mã OTP để nhận quà', 'kể lại cuộc gọi'],
    ['Năm ngoái tôi vào nhóm làm nhiệm vụ, nạp tiền nhiều lần, mất tổng cộng 93 triệu', 'số tiền đã mất'],
    // A belief told as someone else's: a retelling, not a claim.
    [
      'Mẹ chồng em ngưng thuốc tiểu đường 2 tuần nay vì tin lá ổi chữa được, em nên nhờ ai nói',
      'kể điều người khác tin',
    ],
    ['Có người bảo bỏ thuốc huyết áp uống nước lá ổi là hạ liền, mình thấy lo', 'kể lời người khác'],
    // A relative's belief retold, and a pasted message asked about: reported, even with its link.
    [
      'Ba tui tin uống nước tiểu chữa bách bệnh, sáng nào cũng uống, cả nhà ngán ngẩm',
      'kể niềm tin của người thân',
    ],
    [
      'Mạ tui nghe người ta nói uống nước lá bàng khỏi tiểu đường, bỏ thuốc cả tháng, chừ phải nằm viện',
      'kể lời người thân nghe theo',
    ],
    ['Trang khcn-gov.vn.tk có phải trang chính thức của bộ không, sao đuôi lạ vậy?', 'hỏi có thật không'],
    [
      'Co tin nhan bao tk FB vi pham, bat vao fb-appeal-center.xyz. Minh ko bam. La gia dung ko?',
      'dán tin nhắn rồi hỏi',
    ],
  ])('không gắn cờ: %s (%s)', (text) => {
    const j = rulesOnly.judge(text);
    expect(j.hits).toEqual([]);
    expect(j.signals).toContain('cleared-by-exception');
  });

  test.each([
    ['Bác tôi bị huyết áp, bỏ thuốc uống nước lá ổi là hạ liền, ai cần ib em', 'health', 'ib em'],
    ['Làm nhiệm vụ nạp 100k rút 150k, liên hệ 0826 4xx 919', 'scam', 'nạp 100k'],
    ['Em nhận được quà tủ lạnh rồi, chỉ mất 300k phí ship, mọi người tham gia đi', 'scam', 'chỉ mất'],
    ['Nhiều người tin bỏ thuốc huyết áp uống nước lá ổi là hạ liền, ai cần ib em', 'health', 'ib em'],
    ['Mẹ tôi tin uống lá đu đủ khỏi ung thư, ai cần lá ib em', 'health', 'ib em'],
  ])('vẫn gắn cờ lời rao có cách liên hệ: %s', (text, category, part) => {
    const j = rulesOnly.judge(text);
    expect(j.categories).toContain(category);
    expect(j.hits.some((h) => h.parts?.includes(part))).toBe(true);
  });
});

describe('quảng cáo thường không phải lừa đảo: mô hình không được hỏi', () => {
  // The tiny model flags "xyzcoin" as a scam; the pack's concepts say whether the comment is a plain ad.
  const pack = defaultRulePack();
  const judge = compileJudge({ ...pack, model: tinyModel() });
  test.each([
    ['Bán xyzcoin cũ giá sinh viên, còn bảo hành, liên hệ 0975 123 456', []],
    ['Cho thuê phòng trọ gần trường xyzcoin, giá 2tr/tháng, gọi 0912 345 678', []],
    ['Bán bằng đại học xyzcoin có hồ sơ gốc, giá tốt, zalo 0912 345 678', ['scam']],
    ['Tặng voucher xyzcoin, chỉ cần trả phí ship 30k, mua tại shop', ['scam']],
  ])('%s → %j', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

describe('lời rao nêu cơ quan mà hướng dẫn coi là bị mạo danh thì không còn là quảng cáo thường', () => {
  // The same tiny model as above ("xyzcoin" reads as a scam). A plain ad that names the ministry's
  // offices, a court or a bank is how a fake official sells: "Em ở Sở KHCN, cấp giấy chứng nhận…".
  const judge = compileJudge({ ...defaultRulePack(), model: tinyModel() });
  test.each([
    ['Em ở Sở KHCN, bán xyzcoin giá sinh viên, liên hệ 0975 123 456', ['scam']],
    ['Bán xyzcoin cũ giá sinh viên, còn bảo hành, dịch vụ tận nhà, liên hệ 0975 123 456', []],
  ])('%s → %j', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

describe('kẻ mạo danh kể cớ ("bị hack", "đang điều tra") bằng giọng cơ quan: không phải câu chuyện của nạn nhân', () => {
  // The tiny model reads "xyzcoin" as a scam; the rules alone flag none of these.
  const judge = compileJudge({ ...defaultRulePack(), model: tinyModel() });
  test.each([
    [
      'Admin page đây, page đang bị hack, ai có xyzcoin thì gửi mã xyzcoin qua tin nhắn để khôi phục',
      ['scam'],
    ],
    ['Page bị hack rồi, mình mất hết xyzcoin, giờ mới biết bị lừa', []],
    ['Mình là admin một page nhỏ, khuyên các bạn giữ xyzcoin cẩn thận kẻo bị hack', []],
  ])('%s → %j', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

describe('mạo danh: xưng danh cơ quan, ngân hàng, quản trị viên (gói mặc định, không mô hình)', () => {
  test.each([
    [
      'VPBank: Ho so vay cua quy khach da duoc duyet, vui long nop phi ho so 1.500.000d de giai ngan',
      'VPBank',
      'tên người gửi mở đầu tin nhắn',
    ],
    [
      'Em là ad quản lý bình luận, anh muốn bình luận không bị ẩn thì mua gói thành viên 499k',
      'Em là ad quản lý',
      'ad đòi phí',
    ],
    [
      'Tôi là thượng úy công an, tài khoản của bạn liên quan vụ án, cần nộp phạt 5 triệu',
      'Tôi là thượng úy',
      'công an giả',
    ],
  ])('mạo danh là loại chính: %s', (text, who) => {
    const j = rulesOnly.judge(text);
    expect(j.categories[0]).toBe('impersonation');
    // The explanation names who the comment claims to be.
    expect(j.hits.find((h) => h.category === 'impersonation')?.parts).toContain(who);
  });

  test.each([
    ['Bộ nên có giải thưởng cho sáng kiến của công nhân', 'góp ý gửi Bộ'],
    ['Bo co nhan de xuat qua tin nhan page khong', 'câu hỏi không dấu ("qua" không phải "quà")'],
    ['Công an tỉnh vừa giải cứu 15 người bị lừa sang nước ngoài làm việc nhẹ lương cao', 'tin tức'],
  ])('không gắn cờ: %s (%s)', (text) => {
    expect(rulesOnly.judge(text).hits).toEqual([]);
  });
});

describe('dọa triệu tập, bắt, khởi tố rồi đòi tiền; mua bán bài báo (gói mặc định, không mô hình)', () => {
  test.each([
    [
      'toa an goi a, a co giay trieu tap, nop tien bao lanh 15tr ngay hom nay de khong bi cuong che',
      'impersonation',
      'giay trieu tap',
    ],
    [
      'Viện kiểm sát đã phê chuẩn lệnh bắt, để chứng minh trong sạch anh chuyển tiền vào tài khoản tạm giữ',
      'impersonation',
      'chuyển tiền',
    ],
    ['Nhận đăng bài Scopus Q3, bao accept trong 2 tuần, ib em báo giá', 'scam', 'bao accept'],
    ['Tạp chí quốc tế có ISSN, đăng nhanh 7 ngày, phí APC 150 USD', 'scam', '150 USD'],
  ])('gắn cờ: %s', (text, category, part) => {
    const j = rulesOnly.judge(text);
    expect(j.categories[0]).toBe(category);
    expect(j.hits.some((h) => h.parts?.includes(part))).toBe(true);
  });

  test.each([
    ['Cảnh báo: công an không bao giờ yêu cầu chuyển tiền vào tài khoản tạm giữ', 'lời cảnh báo'],
    ['Tạp chí này có trong Scopus không ạ, em định gửi bài', 'câu hỏi'],
  ])('không gắn cờ: %s (%s)', (text) => {
    expect(rulesOnly.judge(text).hits).toEqual([]);
  });
});

describe('lừa đảo nhiều dạng: bằng giả, quà phải trả phí, vay và đầu tư kéo liên hệ riêng', () => {
  test.each([
    [
      'Làm chứng chỉ tiếng Anh B1, tin học, không cần thi, có trên hệ thống tra cứu, ai cần ib em',
      'combo-scam-fake-diploma',
      'không cần thi',
    ],
    ['Nhận quà tủ lạnh miễn phí, chỉ cần đóng phí ship 300k', 'combo-scam-gift-fee', 'đóng phí'],
    [
      'Tuyển người gõ văn bản tại nhà, làm thêm buổi tối, đặt cọc 300k nhận tài liệu',
      'combo-scam-earn-fee',
      'đặt cọc',
    ],
    [
      'Ai đang kẹt tiền cần vay gấp thì inbox em, có ngay trong ngày',
      'combo-scam-loan-contact-me',
      'inbox em',
    ],
  ])('gắn cờ lừa đảo: %s (%s)', (text, ruleId, part) => {
    const hit = rulesOnly.judge(text).hits.find((h) => h.ruleId === ruleId);
    expect(hit?.category).toBe('scam');
    expect(hit?.parts).toContain(part);
  });

  test.each([
    ['Ngân hàng Nhà nước đang nghiên cứu khung pháp lý cho tài sản số', 'tin tức mở đầu bằng tên cơ quan'],
    ['Hồ sơ thanh toán tiền giải thưởng gửi từ tháng 1 mà giờ chưa nhận được', 'khiếu nại'],
    ['Đề xuất Bộ hỗ trợ chi phí máy chủ cho các nhóm nghiên cứu, kiểu voucher', 'góp ý'],
  ])('không gắn cờ: %s (%s)', (text) => {
    expect(rulesOnly.judge(text).hits).toEqual([]);
  });
});

describe('tiền giữ chỗ, trang "chính thức" trả lời, lãi cố định mỗi tháng: khái niệm của gói (không mô hình)', () => {
  test.each([
    [
      'Du lịch Đà Lạt miễn phí 3 ngày 2 đêm, chỉ đóng 2 triệu tiền giữ chỗ',
      'combo-scam-gift-fee',
      'tiền giữ chỗ',
      'scam',
    ],
    [
      'Trang chính thức trả lời bình luận: quà gửi qua bưu điện, bạn chịu phí COD 65k',
      'combo-imperso-fee',
      'Trang chính thức trả lời',
      'impersonation',
    ],
    [
      'ai cần tư vấn đề tài thì nhắn tôi, tôi công tác tại Bộ',
      'combo-imperso-contact-me',
      'nhắn tôi',
      'impersonation',
    ],
  ])('gắn cờ: %s (%s)', (text, ruleId, part, category) => {
    const hit = rulesOnly.judge(text).hits.find((h) => h.ruleId === ruleId);
    expect(hit?.category).toBe(category);
    expect(hit?.parts).toContain(part);
  });

  // Signals the model reads: a fixed monthly return, an obfuscated gambling site, a court's
  // clerk, a recovery "paid only on success".
  test.each([
    ['Góp 1 lần 20tr, nhận về mỗi tháng 3tr trong 2 năm', 'concept:profit-promise'],
    ['vào nohu club chơi nha ae', 'concept:gambling'],
    ['Thư ký tòa: anh có giấy triệu tập, liên hệ để hòa giải', 'concept:authority'],
    ['mình lấy về cho, không thành công không lấy phí', 'concept:money-back'],
  ])('%s → %s', (text, signal) => {
    expect(rulesOnly.judge(text).signals).toContain(signal);
  });
});

describe('lời chế giễu: cười mà không để cách liên hệ là đang bác bỏ (gói mặc định, không mô hình)', () => {
  // Written for this test, not copied from the corpus.
  test.each([
    ['Nước muối mà chữa khỏi tiểu đường thì bệnh viện nội tiết giải thể lâu rồi 😂', 'emoji cười'],
    ['hahaha lá vối trị dứt điểm ung thư, mai tui mở viện nghiên cứu lá vối', 'haha'],
    ['Đọc cái quảng cáo lá ổi chữa khỏi gút mà buồn cười ghê', 'buồn cười'],
    ['Lá xoan chữa khỏi ung thư 🤔 vậy chắc cả xóm tui khỏi bệnh hết rồi', 'nhíu mày'],
  ])('không gắn cờ: %s (%s)', (text) => {
    const j = rulesOnly.judge(text);
    expect(j.hits).toEqual([]);
    expect(j.signals).toContain('cleared-by-exception');
  });

  test.each([
    ['Lá vối trị dứt điểm tiểu đường 😂 còn 5 gói cuối, ai cần ib em', 'health', 'vẫn để cách liên hệ'],
    ['Nạp 100k tặng 300k nổ hũ rút liền 🤣 zalo 0912 345 678', 'scam', 'có số điện thoại'],
  ])('vẫn gắn cờ: %s (%s)', (text, category) => {
    expect(rulesOnly.judge(text).categories).toContain(category);
  });

  test.each([
    ['cười xỉu 😂', false, true],
    ['hahaha', false, true],
    ['Ha Noi mua nay dep', false, false],
    ['Nhà hàng Hà Hải', false, false],
    ['cười xỉu, ib em nhé', true, false],
    ['😂 zalo 0912 345 678', false, false],
  ])('mocks(%s, mời liên hệ: %s) → %s', (text, contactMe, expected) => {
    const concepts = new Map<string, FlagHit[]>(contactMe ? [['contact-me', []]] : []);
    expect(mocks(text, concepts, detect(text))).toBe(expected);
  });

  // The judge tests the folded letters before LAUGH_WORD: the same answer wherever the raw
  // regex would laugh, in any case, with marks or without, spaced or run together.
  test('30,000 văn bản ngẫu nhiên (hạt giống cố định): mocks giống hệt khi chỉ đọc LAUGH_WORD', () => {
    const SLOTS = [
      ['', 'Ừ ', 'x', '“'],
      ['ha', 'HA', 'He', 'hi', 'k', 'K', 'lo', 'LOL', 'cười', 'CƯỜI', 'buồn', 'Buon', 'cuoi', 'hà', ''],
      ['', 'ha', 'he', 'HI', 'kk', 'l', ' ', '\u200b'],
      ['', ' ', '  ', 'hi', 'k', 'xỉu', 'XỈU', 'cười', 'cuoi', 'xiu', '\n'],
      ['', ' xỉu', ' xiu', 'ha', '!', ' ib em', '😂'],
    ];
    let seed = 2026_12_07;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    const none = new Map<string, FlagHit[]>();
    let laughs = 0;
    for (let k = 0; k < 30000; k++) {
      let text = '';
      for (const slot of SLOTS) text += slot[next() % slot.length];
      if (!LAUGH_WORD.test(text)) continue;
      laughs++;
      expect(mocks(text, none, []), text).toBe(true);
    }
    expect(laughs).toBeGreaterThan(3000);
  });
});

/** The concepts of a text, as the judge reads them: the default pack's own concept words. */
const conceptMatcher = compileJudge({ ...defaultRulePack(), model: null });
function conceptsOf(text: string): Map<string, FlagHit[]> {
  const concepts = new Map<string, FlagHit[]>();
  for (const hit of conceptMatcher.matcher.scan(text)) {
    if (!hit.ruleId.startsWith('~')) continue;
    const id = hit.ruleId.slice(1);
    concepts.set(id, [...(concepts.get(id) ?? []), hit]);
  }
  return concepts;
}

describe('tự giới thiệu bằng chức danh hay cơ quan là xưng danh (introducedAsAuthority)', () => {
  // Written for this test, not copied from the corpus.
  test.each([
    ['Chào anh, em gọi từ Cục Sở hữu trí tuệ về hồ sơ của anh', 'em gọi từ Cục Sở hữu trí tuệ'],
    ['Em là Lan bên phòng nhân sự, anh gửi giúp em ảnh CCCD nhé', 'Em là Lan bên phòng nhân sự'],
    ['mình là chuyên viên ngân hàng, cần mở khóa thì nhắn mình', 'mình là chuyên viên'],
    ['Tôi là thư ký hội đồng giải thưởng', 'Tôi là thư ký'],
    ['Tôi là nông dân ở Long An, xin góp ý về giống lúa', null],
    ['Tôi là người dân. Cán bộ xã làm việc rất chậm', null],
    ['Hôm qua nhân viên ngân hàng gọi cho tôi là sao', null],
    ['Hôm qua có người gọi, tôi là người nghe máy', null],
  ])('%s → %s', (text, expected) => {
    const concepts = conceptsOf(text);
    const before = concepts.get('authority')?.length ?? 0;
    introducedAsAuthority(text, concepts);
    expect(concepts.get('authority')?.[before]?.matched ?? null).toBe(expected);
  });

  // A trade's title is no authority (the label guide: only the ministry, an official, a
  // government body, the admin, a bank, the police). Written for this test.
  test.each([
    'Tôi là chuyên gia tài chính, ai cần hướng dẫn đầu tư thì nhắn tôi',
    'Em là trợ lý luật sư Hùng, chị gửi em hồ sơ vụ việc nhé',
    'Tui là bác sĩ đông y 20 năm, bài thuốc này trị dứt điểm',
  ])('nghề, không phải cơ quan: %s', (text) => {
    const concepts = conceptsOf(text);
    const before = concepts.get('authority')?.length ?? 0;
    introducedAsAuthority(text, concepts);
    expect(concepts.get('authority')?.length ?? 0).toBe(before);
  });
});

describe('xưng danh mà là một nghề thì không là xưng danh cơ quan (tradeIsNoAuthority)', () => {
  // Written for this test: the pack's `authority` words fire ("mình là nhân viên",
  // "tôi là nhân viên"), and the words after them make it a trade.
  test.each([
    'Mình là nhân viên tư vấn của công ty tài chính, hỗ trợ vay nhanh',
    'Tôi là nhân viên kinh doanh bên showroom, anh cần xe thì gọi tôi',
    'em là nhân viên shop mỹ phẩm, chị ib em nha',
    'Chào anh, em là chuyên viên tư vấn gói vay, anh cần bao nhiêu ạ',
  ])('%s → không còn xưng danh', (text) => {
    const concepts = conceptsOf(text);
    expect(concepts.get('authority')?.length ?? 0).toBeGreaterThan(0);
    tradeIsNoAuthority(concepts);
    expect(concepts.get('authority') ?? []).toEqual([]);
  });
});

describe('chuyên gia, luật sư, tư vấn viên không bị gắn cờ mạo danh (gói mặc định, không mô hình)', () => {
  // Written for this test. Each was flagged impersonation by an `authority`
  // combination before the pack's `trade-title` concept.
  test.each([
    'Tôi là luật sư Trần Văn Bình, chuyên thu hồi tiền bị lừa qua mạng, inbox tôi để được tư vấn',
    'Mình là chuyên gia tài chính, nhận kèm 10 bạn đầu tư chứng khoán lãi 30%/tháng, để lại sđt',
    'Mình là nhân viên tư vấn của công ty tài chính, hỗ trợ vay tín chấp 50 triệu, nhắn tin page để làm hồ sơ',
  ])('%s', (text) => {
    expect(rulesOnly.judge(text).categories).not.toContain('impersonation');
  });

  // Guards, passing before and after: posing as a bank or the police stays impersonation.
  test.each([
    'Em là nhân viên ngân hàng Vietcombank, tài khoản anh sắp bị khóa, anh đọc giúp em mã OTP',
    'Tôi là cán bộ công an phường, chị chuyển tiền vào tài khoản tạm giữ để phối hợp điều tra',
    'Mình là admin page, ai cần duyệt hồ sơ nhanh thì kb zalo mình',
  ])('vẫn là mạo danh: %s', (text) => {
    expect(rulesOnly.judge(text).categories).toContain('impersonation');
  });
});

describe('tự giới thiệu là nhân viên một công ty, một sàn: quy tắc không gọi là mạo danh (gói mặc định, không mô hình)', () => {
  // Written for this test. Each was flagged impersonation by an `authority` combination
  // (a self-introduction with a title) or by `combo-imperso-fast-track` ("bao đậu" + a
  // private contact) before: the comment names no body the label guide names.
  test.each([
    'Chào chị, em là trợ lý của luật sư Minh. Luật sư đã xem hồ sơ, chị chuyển 1 triệu tiền cọc để giữ lịch tư vấn nha',
    'Xin chào, tôi là chuyên viên hỗ trợ của sàn Binance. Tài khoản bạn có lệnh rút lạ, vui lòng gửi mã 2FA để chúng tôi khóa giao dịch',
    'Mình là nhân viên hỗ trợ sàn Bybit, ai bị treo tiền rút không được thì ib mình',
    'Chúng tôi là nhóm kỹ thuật viên ví lạnh, gửi cụm từ khôi phục và mã OTP để chúng tôi lấy lại coin cho bạn',
    'Tôi là nhân viên kênh mua sắm truyền hình, bạn trúng xe SH, chuyển phí trước bạ 9 triệu để nhận xe',
    'Nhận làm hồ sơ visa du học Úc bao đậu, phí thỏa thuận, inbox ngay',
  ])('%s', (text) => {
    expect(rulesOnly.judge(text).categories).not.toContain('impersonation');
  });

  // Guards, passing before and after: the body is named in the introduction or elsewhere in the comment.
  test.each([
    'Em là nhân viên, bên em là ngân hàng Sacombank, anh gửi em mã OTP để hoàn tiền nhé',
    'Tôi là chuyên viên Quỹ Đổi mới công nghệ quốc gia, hồ sơ của anh đã duyệt, anh nộp phí thẩm định 2 triệu',
    'Ai cần duyệt đề tài nhanh thì ib mình, mình có người trong hội đồng xét duyệt',
  ])('vẫn là mạo danh: %s', (text) => {
    expect(rulesOnly.judge(text).categories).toContain('impersonation');
  });
});

describe('mô hình không tự gắn cờ mạo danh khi tin nhắn không nêu ai để mạo danh', () => {
  // Written for this test. Scams and phishing that name no institution, title or
  // office: before the gate the shipped model called the first three
  // impersonation as well (a second category beside scam or phishing).
  test.each([
    'Chuc mung ban trung thuong xe SH 150i, vui long chuyen phi nhan giai 3.000.000d vao STK 0812 0045 9921 de nhan xe',
    'Tai khoan cua ban se bi xoa sau 2h. Xac nhan bang cach gui ma OTP toi so nay',
    'Vong quay tri an: ban nhan duoc 1.500.000d. Dang nhap tai vongquay-qua.site de nhan, khong tiet lo link cho nguoi khac',
  ])('%s', (text) => {
    const j = defaultJudge().judge(text);
    expect(j.categories.length).toBeGreaterThan(0);
    expect(j.categories).not.toContain('impersonation');
  });

  // Guards (pass before and after): naming the ministry or a council keeps the model's word.
  test.each([
    'Bộ KHCN tặng 2 triệu cho sinh viên, nhập OTP tại bokhcn-qua.top',
    'Thư ký hội đồng xét duyệt đây, nhóm nào muốn được ưu tiên thì chuyển 5tr phí thẩm định rồi inbox',
  ])('vẫn là mạo danh: %s', (text) => {
    expect(defaultJudge().judge(text).categories).toContain('impersonation');
  });
});

describe('mô hình chỉ gắn cờ mạo danh khi tin nhắn nêu cơ quan mà hướng dẫn gán nhãn kể tên', () => {
  // Written for this test: someone posing as a private company's staff or a
  // switchboard, not the ministry, a government body, the police, a bank or the
  // page's admin. The shipped model called both impersonation as well before.
  test.each([
    'Xin chao, toi la nhan vien kenh mua sam truyen hinh. Ban da trung xe may SH, phi chuyen quyen so huu 9tr, chuyen khoan vao tk duoc cung cap.',
    'Chúc mừng bạn đã trúng thưởng từ chương trình tri ân khách hàng, nhân viên sẽ liên hệ, vui lòng chuẩn bị phí nhận quà 300k',
  ])('%s', (text) => {
    const j = defaultJudge().judge(text);
    expect(j.categories).toEqual(['scam']);
  });

  // A tiny model that reads "kênh xyzmua" as impersonation (over its threshold) and
  // as a scam (under its own, but over half of it): the posing is a private
  // channel's, so the scam is what is flagged, as beside any other flag.
  const ex = (text: string, posing: boolean): Example => ({
    text,
    signals: [],
    categories: posing ? ['impersonation', 'scam'] : [],
    intent: posing ? 'impersonation-warning' : 'thanks',
    idea: false,
  });
  const raw = trainRaw(
    [
      ex('kênh xyzmua tặng quà', true),
      ex('kênh xyzmua gọi bạn', true),
      ex('nhân viên kênh xyzmua đây', true),
      ex('xyzmua trúng thưởng', true),
      ex('cảm ơn bài viết', false),
      ex('bài viết hay quá', false),
      ex('ý tưởng rất hay', false),
      ex('chúc mừng nhóm nghiên cứu', false),
    ],
    { ...DEFAULT_TRAIN_OPTIONS, minCount: 1, epochs: 60 },
  );
  const model = loadModel(
    toModelFile(
      raw,
      { lines: 8, families: 1, corpusHash: 'x', seed: 1, epochs: 60, l2: 0 },
      { categories: [0.99, 0.99, 0.5, 0.99, 0.99], idea: 0.99 },
    ),
  );
  const judge = compileJudge({ rules: [], model });
  test('tự xưng nhân viên một kênh bán hàng: lừa đảo, không phải mạo danh', () => {
    const text = 'tôi là nhân viên kênh xyzmua, bạn trúng quà rồi';
    const p = model.score(foldText(text), [], CATEGORIES.length, new Float64Array(LABELS.length));
    // The premise: impersonation over its threshold, the scam between half of its own and it.
    expect(p[2]).toBeGreaterThanOrEqual(0.5);
    expect(p[1]).toBeLessThan(0.99);
    expect(p[1]).toBeGreaterThanOrEqual(0.99 / 2);
    expect(judge.judge(text).categories).toEqual(['scam']);
  });
});

describe('trích lời rồi cảnh báo: mô hình không đọc lời trích là của người viết', () => {
  // The tiny model flags "xyzcoin" as a scam, wherever it stands.
  const judge = compileJudge({ ...defaultRulePack(), model: tinyModel() });
  test.each([
    [
      'Cảnh báo: mấy tin "kiếm xyzcoin mỗi ngày tại xyz-coin.top" đều là lừa',
      [],
      'cảnh báo, đường link trong lời trích',
    ],
    ["Nhắc anh em: tin 'mua xyzcoin đi anh em' là chiêu trò", [], 'lời trích và chữ của lời nhắc'],
    ['kiếm xyzcoin mỗi ngày', ['scam'], 'không trích, không cảnh báo'],
    ['"kiếm xyzcoin mỗi ngày" nha anh em', ['scam'], 'trích mà không cảnh báo'],
    [
      'Cảnh báo: "kiếm xyzcoin mỗi ngày" là tin giả, ai cần thật thì zalo 0912 345 678',
      ['scam'],
      'cách liên hệ ngoài lời trích',
    ],
  ])('%s → %j (%s)', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

describe('trích lời người khác rồi đáp lại: mô hình không được hỏi (handsOnQuote)', () => {
  // Written for this test; the tiny model flags "xyzcoin" as a scam wherever it stands.
  // Each row with [] was flagged before the gate (no warning word in it).
  const judge = compileJudge({ ...defaultRulePack(), model: tinyModel() });
  test.each([
    [
      "Ông hàng xóm cứ bảo 'mua xyzcoin mỗi ngày lời gấp đôi', nghe mà mệt",
      [],
      'lời của người khác sau "bảo"',
    ],
    ['SMS hôm qua: "kiếm xyzcoin mỗi ngày tại xyz-coin.top"', [], 'tin nhắn dán lại sau dấu hai chấm'],
    [
      '"chỉ cần giữ xyzcoin một tháng là nhà lầu xe hơi" - dạ em giữ 3 năm rồi vẫn đi xe đạp',
      [],
      'người viết đáp lại sau gạch ngang',
    ],
    // Guards (pass before and after).
    [
      "Ông hàng xóm cứ bảo 'mua xyzcoin mỗi ngày', zalo 0912 345 678",
      ['scam'],
      'cách liên hệ ngoài lời trích',
    ],
    ["Nạp 'xyzcoin' - lời mỗi ngày", ['scam'], 'tên trong ngoặc rồi gạch ngang: không phải lời đáp'],
  ])('%s → %j (%s)', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

describe('nhướng mày mà không để cách liên hệ: mô hình không được hỏi (EYEBROW_MARK)', () => {
  // Written for this test; the tiny model flags "xyzcoin" as a scam wherever it stands.
  // Each row with [] was flagged before the gate; the rules are not muted by it.
  const judge = compileJudge({ ...defaultRulePack(), model: tinyModel() });
  test.each([
    ['Kiếm xyzcoin mỗi ngày, kiếm được bài học nhớ đời 🥲', [], 'cười mếu'],
    ['mua xyzcoin đi anh em, giàu to luôn 🙂', [], 'mỉm cười mỉa'],
    ['xyzcoin lên sàn rồi, ừ tin liền 🤡', [], 'chú hề'],
    // Guards (pass before and after).
    ['Kiếm xyzcoin mỗi ngày, kiếm được bài học nhớ đời', ['scam'], 'không có dấu nhướng mày'],
    ['mua xyzcoin đi anh em 🙂 zalo 0912 345 678', ['scam'], 'để lại cách liên hệ'],
  ])('%s → %j (%s)', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

/** A tiny model that reads "xyzherb" as a health claim, wherever it stands. */
function tinyHealthModel() {
  const ex = (text: string, health: boolean): Example => ({
    text,
    signals: [],
    categories: health ? ['health'] : [],
    intent: health ? 'misinfo-correction' : 'thanks',
    idea: false,
  });
  const examples = [
    ex('uống xyzherb mỗi ngày', true),
    ex('xyzherb hạ huyết áp', true),
    ex('lá xyzherb nấu nước', true),
    ex('xyzherb tốt lắm', true),
    ex('cảm ơn bộ nhiều', false),
    ex('bài viết hay quá', false),
    ex('ý tưởng rất hay', false),
    ex('chúc mừng nhóm nghiên cứu', false),
  ];
  const raw = trainRaw(examples, { ...DEFAULT_TRAIN_OPTIONS, minCount: 1, epochs: 60 });
  const file = toModelFile(
    raw,
    { lines: 8, families: 1, corpusHash: 'x', seed: 1, epochs: 60, l2: 0 },
    { categories: [0.5, 0.99, 0.99, 0.99, 0.99], idea: 0.99 },
  );
  return loadModel(file);
}

describe('chỉ hỏi có hay không về một bài thuốc: mô hình không gắn cờ sức khỏe (asksYesNo)', () => {
  // Written for this test. Each row with [] was flagged before the gate.
  const judge = compileJudge({ ...defaultRulePack(), model: tinyHealthModel() });
  test.each([
    ['ngâm chân nước xyzherb có hạ huyết áp ko ạ', [], 'có … ko ạ'],
    ['Bị sỏi thận có nên uống nước xyzherb không?', [], 'có nên … không?'],
    // Guards (pass before and after).
    ['ngâm chân nước xyzherb là hạ huyết áp', ['health'], 'khẳng định'],
    ['Sao Bộ không cho dân uống xyzherb, có sợ mất lợi ích không?', ['health'], 'câu hỏi tu từ'],
    ['uống xyzherb có hạ huyết áp không, ib em 0912 345 678', ['health'], 'để lại cách liên hệ'],
  ])('%s → %j (%s)', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

describe('bác bỏ một lời khẳng định ngay tại chỗ: mô hình không gắn cờ sức khỏe (deniesEveryClaim)', () => {
  // Written for this test. Each row with [] was flagged before the gate.
  const judge = compileJudge({ ...defaultRulePack(), model: tinyHealthModel() });
  test.each([
    ['nước xyzherb không chữa viêm gan B.', [], 'không chữa'],
    ['Cây xyzherb không hấp thụ bức xạ máy tính', [], 'không hấp thụ'],
    // Guards (pass before and after).
    ['nước xyzherb chữa viêm gan B.', ['health'], 'không phủ định'],
    [
      'Thuốc tây không chữa viêm gan B, uống nước xyzherb là khỏi hẳn',
      ['health'],
      'phủ định thuốc rồi khẳng định bài thuốc',
    ],
    ['nước xyzherb không chữa viêm gan B đâu, ib em 0912 345 678', ['health'], 'để lại cách liên hệ'],
  ])('%s → %j (%s)', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

describe('kể lại cái hại của người nhà kèm lời buồn hay lời can: không gắn cờ sức khỏe (retellsKinHarm)', () => {
  // Written for this test. Each row with [] was flagged before the gate.
  const judge = compileJudge({ ...defaultRulePack(), model: tinyHealthModel() });
  test.each([
    [
      'Ba tui nghe clip nói uống nước xyzherb thay được thuốc huyết áp, ổng bỏ thuốc 2 tuần rồi 😢 làm sao khuyên ổng đây mn',
      [],
      'người nhà, lời buồn',
    ],
    [
      'Ba tôi uống nước xyzherb bỏ thuốc huyết áp, bị tai biến nằm một chỗ rồi. Các bác đừng tin mấy bài thuốc truyền miệng nhé.',
      [],
      'người nhà, lời can',
    ],
    [
      'Bác hàng xóm nhà em uống nước xyzherb thay thuốc thận, giờ phải chạy thận 😔',
      [],
      'người nhà, lời buồn',
    ],
    // Guards (pass before and after).
    [
      'Ba tui bỏ thuốc huyết áp uống nước xyzherb là khỏe re, đừng tin bác sĩ',
      ['health'],
      'lời của người tin',
    ],
    [
      'Ba tui uống nước xyzherb bỏ thuốc huyết áp, khỏe re 😢 ai cần ib em 0912 345 678',
      ['health'],
      'để lại cách liên hệ',
    ],
  ])('%s → %j (%s)', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

describe('chế giễu lời khẳng định mà không để lại cách liên hệ: không gắn cờ (mocksClaim)', () => {
  // Written for this test. Each row with [] was flagged before the gate.
  const judge = compileJudge({ ...defaultRulePack(), model: tinyHealthModel() });
  test.each([
    ['Uống nước xyzherb chữa khỏi tiểu đường. Ừ rồi, mai tui mở phòng khám xyzherb', [], 'ừ mỉa'],
    ['nước xyzherb mà chữa khỏi ung thư thì bệnh viện K đóng cửa lâu rồi', [], 'đẩy tới chỗ vô lý'],
    // Guards (pass before and after).
    [
      'Ừ thì bác sĩ giỏi, nhưng nước xyzherb chữa khỏi tiểu đường, tôi uống rồi.',
      ['health'],
      'người tin nhượng bộ',
    ],
    [
      'nước xyzherb mà chữa khỏi ung thư thì bệnh viện K đóng cửa lâu rồi, ib em 0912 345 678',
      ['health'],
      'để lại cách liên hệ',
    ],
  ])('%s → %j (%s)', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

describe('tin nhắn lừa được dán lại, đường link nằm trong lời trích: quy tắc không gắn cờ (gói mặc định, không mô hình)', () => {
  // Written for this test. Each row with [] was flagged before: the link or the phone
  // inside the quotes counted as the writer's contact, so the quoted hits stayed.
  test.each([
    [
      'SMS hôm qua: "Ban da trung thuong 01 xe AirBlade, lien he 0888.123.447 de lam thu tuc nhan giai, phi 2.5tr". Mình có tham gia gì đâu',
      [],
    ],
    [
      'Ai nhận được tin nhắn "Tai khoan cua ban se bi khoa trong 24h, xac minh tai vcb-xacthuc.top" thì xóa đi nha',
      [],
    ],
    // Guards: a contact outside the quotes, or a quote that is no message handed on.
    ['SMS hôm qua: "Ban da trung thuong 01 xe AirBlade", lien he 0888.123.447 de nhan giai', ['scam']],
  ])('%s → %j', (text, want) => {
    expect(rulesOnly.judge(text).categories).toEqual(want);
  });
});

describe('dấu hiệu bị lời cảnh báo gỡ tại chỗ: mô hình vẫn được hỏi khi lời khẳng định đứng ngoài phần câu đó (claimsOutside)', () => {
  // Written for this test. Each row with ['health'] had no flag before: the warning words that
  // silenced the sign (a combination that needs the model) barred the model for the whole comment.
  const judge = compileJudge({ ...defaultRulePack(), model: tinyHealthModel() });
  test.each([
    ['Đừng nghe bác sĩ, uống nước xyzherb là chữa khỏi viêm gan B', ['health'], 'đừng nghe bác sĩ'],
    ['Cảnh báo: ung thư uống nước xyzherb, chữa khỏi luôn', ['health'], 'cảnh báo giả'],
    // Guards (pass before and after): the claim stands inside what the warning cleared.
    ['Đừng tin tin đồn nước xyzherb chữa khỏi ung thư', [], 'lời cảnh báo thật'],
    ['Cảnh báo, nước xyzherb không chữa khỏi ung thư', [], 'phủ định lời khẳng định'],
  ])('%s → %j (%s)', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

describe('dấu hiệu nằm trong câu hỏi: không chặn mô hình — câu hỏi tu từ là lời khẳng định (vòng mười)', () => {
  // Written for this test. Each row with ['health'] had no flag before: the sign (a combination
  // that needs the model) stood in a question clause, and a sign silenced as asked barred the
  // model unless a claim word stood outside the asked hit.
  const judge = compileJudge({ ...defaultRulePack(), model: tinyHealthModel() });
  test.each([
    ['Sao bác sĩ không nói uống xyzherb chữa khỏi ung thư?', ['health'], 'sao … không nói …?'],
    ['Tại sao Bộ giấu chuyện nước xyzherb chữa khỏi tiểu đường?', ['health'], 'tại sao … giấu …?'],
    // Guards (pass before and after): a question that only asks, and a warning.
    ['Uống nước xyzherb có chữa khỏi ung thư không?', [], 'có … không?'],
    ['Đừng tin tin đồn nước xyzherb chữa khỏi ung thư', [], 'lời cảnh báo'],
  ])('%s → %j (%s)', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

describe('gạt bỏ việc chữa trị không phải là kể hậu quả: "không cần nhập viện" (careRefused, vòng mười)', () => {
  // Written for this test. Each row with ['health'] had no flag before: "nhập viện", "cấp cứu"
  // counted as a harm told, and a harm told with no contact reads as a story.
  const judge = compileJudge({ ...defaultRulePack(), model: tinyHealthModel() });
  test.each([
    [
      'Bé sốt co giật thì cho ngậm nước xyzherb là tỉnh, ko cần gọi cấp cứu',
      ['health'],
      'ko cần gọi cấp cứu',
    ],
    [
      'Bầu bị tiền sản giật thì uống nước xyzherb, không cần nhập viện đâu các mom',
      ['health'],
      'không cần nhập viện',
    ],
    // Guard (passes before and after): the harm that followed, told.
    ['Mẹ tôi uống nước xyzherb thay thuốc, giờ phải nhập viện cấp cứu', [], 'kể hậu quả'],
  ])('%s → %j (%s)', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});

describe('người tin bênh lời khẳng định trước người chê: tiếng cười, câu chuyện không còn là lời bác bỏ (pushback, vòng mười một)', () => {
  // Written for this test. Each row with a flag had none before: the laugh (or the relative's
  // story) read as a report of the claim.
  const judge = compileJudge({ ...defaultRulePack(), model: tinyHealthModel() });
  test.each([
    ['Uống nước xyzherb mỗi sáng là khỏe re 😂 ko tin thì thôi', ['health'], 'ko tin thì thôi'],
    [
      'mn cười chứ ba mình uống xyzherb thay thuốc 6 tháng, giờ khỏe hơn hồi uống thuốc 🤣',
      ['health'],
      'cười chứ',
    ],
    ['haha các bác sĩ cứ cãi đi, nhà tôi uống xyzherb thấy khỏe hẳn', ['health'], 'cứ cãi đi'],
    // Guards (pass before and after): a laugh with no pushback mocks.
    ['Uống nước xyzherb mỗi sáng là khỏe re 😂', [], 'chỉ có tiếng cười'],
  ])('%s → %j (%s)', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });

  test('quy tắc: lời khẳng định kèm tiếng cười mà người viết bênh nó thì vẫn gắn cờ', () => {
    expect(
      rulesOnly.judge('hahaha lá vối trị dứt điểm ung thư, mai tui mở viện nghiên cứu lá vối').hits,
    ).toEqual([]);
    expect(
      rulesOnly.judge('hahaha cười thì cười chứ lá vối trị dứt điểm ung thư thật đó').categories,
    ).toContain('health');
    expect(rulesOnly.judge('lá vối trị dứt điểm ung thư 😂 tin hay không tùy').categories).toContain(
      'health',
    );
  });
});

describe('người hiểu chuyện bác bỏ bằng khung lập luận (tương quan không phải nhân quả, không có bằng chứng): không gắn cờ (refuted, vòng mười một)', () => {
  // Written for this test. Each row with [] was flagged before.
  const judge = compileJudge({ ...defaultRulePack(), model: tinyHealthModel() });
  test.each([
    [
      'Người làm thống kê y tế: ca bệnh tăng cùng lúc mọi người uống xyzherb là tương quan, không phải nhân quả',
      [],
      'tương quan, không phải nhân quả',
    ],
    [
      'Nhà nghiên cứu: xyzherb hạ đường huyết chưa từng được kiểm chứng độc lập, các buổi giới thiệu đều không cho đo đường huyết trước và sau',
      [],
      'chưa từng được kiểm chứng',
    ],
    [
      'Góp ý của người làm địa vật lý: uống xyzherb không tạo ra đủ năng lượng để thay đổi gì',
      [],
      'không tạo ra đủ năng lượng',
    ],
    // Guard (passes before and after): a seller who leaves a contact.
    [
      'Uống xyzherb khỏe hẳn, không có bằng chứng nào tốt hơn, ib em 0912 345 678',
      ['health'],
      'để lại cách liên hệ',
    ],
  ])('%s → %j (%s)', (text, want) => {
    expect(judge.judge(text).categories).toEqual(want);
  });
});
