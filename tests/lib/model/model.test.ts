import { describe, expect, test } from 'vitest';
import { hashChars, KIND_JOINED, SIGNAL_REPEAT } from '../../../lib/model/features';
import { loadModel, toProbabilities } from '../../../lib/model/predict';
import { featureStrength } from '../../../lib/model/prune';
import {
  CATEGORY_COLUMNS,
  INTENT_COLUMNS,
  INTENT_OFFSET,
  LABELS,
  parseModel,
} from '../../../lib/model/schema';
import {
  DEFAULT_TRAIN_OPTIONS,
  type Example,
  exampleHashes,
  rowIndex,
  scoreRaw,
  toModelFile,
  trainRaw,
  WEIGHT_STEPS,
} from '../../../lib/model/train';
import { decodeWeightChars, encodeWeightChars } from '../../../lib/model/weight-chars';
import { foldText } from '../../../lib/text/syllables';

const ex = (text: string, over: Partial<Example> = {}): Example => ({
  text,
  signals: [],
  categories: [],
  intent: 'thanks',
  idea: false,
  ...over,
});
const EXAMPLES = [
  ex('lấy lại tiền bị lừa ib mình', { categories: ['scam'], intent: 'scam-warning' }),
  ex('hỗ trợ lấy lại tiền nhanh', { categories: ['scam'], intent: 'scam-warning' }),
  ex('cho em hỏi thủ tục đăng ký', { intent: 'question' }),
  ex('bao giờ có kết quả ạ', { intent: 'question' }),
  ex('đề xuất bộ lập quỹ cho nông dân', { intent: 'idea-received', idea: true }),
  ex('cảm ơn bộ rất nhiều', { intent: 'thanks' }),
];
const META = { lines: 6, families: 1, corpusHash: 'abc', seed: 7, epochs: 20, l2: 0 };
const THRESHOLDS = { categories: [0.5, 0.5, 0.5, 0.5, 0.5], idea: 0.5 };

describe('đặc trưng văn bản', () => {
  test.each([
    ['Lấy lại tiền', 'lay lai tien'],
    ['LẤY LẠI TIỀN', 'lay lai tien'],
    ['l0i nhuan', 'loi nhuan'],
    ['nạp 100k', 'nap 100 k'],
  ])('gập dấu và tách âm tiết: %s → %s', (text, folded) => {
    const f = foldText(text);
    const words = Array.from({ length: f.count }, (_, t) =>
      String.fromCharCode(...f.chars.subarray(f.from[t], f.to[t])),
    );
    expect(words.join(' ')).toBe(folded);
  });

  test('có dấu và không dấu cho cùng đặc trưng', () => {
    expect(exampleHashes('Lấy lại tiền', [])).toEqual(exampleHashes('lay lai tien', []));
  });

  test('chữ bị tách rời được đọc lại như một từ', () => {
    const nohu = [...'nohu'].map((c) => c.charCodeAt(0));
    const joined = hashChars(KIND_JOINED, nohu) | 0;
    expect(exampleHashes('n.ổ h.ũ', [])).toContain(joined);
    expect(exampleHashes('N Ổ H Ũ nha', [])).toContain(joined);
    expect(exampleHashes('nổ hũ', [])).not.toContain(joined);
  });

  test('cặp tín hiệu: đếm một lần, không phụ thuộc thứ tự', () => {
    const one = exampleHashes('mua ngay', ['@phone']);
    const ab = exampleHashes('mua ngay', ['@phone', 'concept:disease']);
    const ba = exampleHashes('mua ngay', ['concept:disease', '@phone']);
    expect([...ab].sort()).toEqual([...ba].sort());
    // each signal SIGNAL_REPEAT times, then the one pair
    expect(ab.length).toBe(one.length + SIGNAL_REPEAT + 1);
    const pair = ab.filter(
      (h) => !one.includes(h) && !exampleHashes('mua ngay', ['concept:disease']).includes(h),
    );
    expect(pair).toHaveLength(1);
  });

  test('vị trí gốc của từng âm tiết', () => {
    const text = 'Nạp 100k!';
    const f = foldText(text);
    expect(Array.from({ length: f.count }, (_, t) => text.slice(f.start[t], f.end[t]))).toEqual([
      'Nạp',
      '100',
      'k',
    ]);
  });
});

describe('huấn luyện', () => {
  test('tất định: cùng dữ liệu, cùng tệp', () => {
    const a = toModelFile(trainRaw(EXAMPLES, { ...DEFAULT_TRAIN_OPTIONS, minCount: 1 }), META, THRESHOLDS);
    const b = toModelFile(trainRaw(EXAMPLES, { ...DEFAULT_TRAIN_OPTIONS, minCount: 1 }), META, THRESHOLDS);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  test('lượng tử hoá: trọng số lớn nhất là đúng WEIGHT_STEPS bước', () => {
    const file = toModelFile(trainRaw(EXAMPLES, { ...DEFAULT_TRAIN_OPTIONS, minCount: 1 }), META, THRESHOLDS);
    const bytes = decodeWeightChars(file.weights);
    const largest = Math.max(...[...bytes].map(Math.abs));
    expect(largest).toBe(WEIGHT_STEPS);
  });

  test('tỉa theo trọng số sau khi học: chỉ bỏ đặc trưng yếu; học lại thì giữ đúng các đặc trưng ấy', () => {
    const opts = { ...DEFAULT_TRAIN_OPTIONS, minCount: 1 };
    const full = trainRaw(EXAMPLES, opts);
    const strengths = [...full.hashes].map((_, r) => featureStrength(full.weights, r)).sort((a, b) => a - b);
    const cut = strengths[Math.floor(strengths.length / 2)]!;
    const pruned = trainRaw(EXAMPLES, { ...opts, pruneBelow: cut });
    const kept = [...full.hashes].filter((_, r) => featureStrength(full.weights, r) >= cut);
    expect(pruned.hashes.length).toBeLessThan(full.hashes.length);
    expect([...pruned.hashes]).toEqual(kept);
    const refit = trainRaw(EXAMPLES, { ...opts, pruneBelow: cut, pruneRefit: 1 });
    expect([...refit.hashes]).toEqual(kept);
    expect([...refit.weights]).not.toEqual([...pruned.weights]);
  });

  test('bỏ ngẫu nhiên đặc trưng khi học: tất định, và có tác dụng', () => {
    const opts = { ...DEFAULT_TRAIN_OPTIONS, minCount: 1 };
    const a = trainRaw(EXAMPLES, { ...opts, dropout: 0.2 });
    const b = trainRaw(EXAMPLES, { ...opts, dropout: 0.2 });
    const none = trainRaw(EXAMPLES, { ...opts, dropout: 0 });
    expect([...a.weights]).toEqual([...b.weights]);
    expect([...a.weights]).not.toEqual([...none.weights]);
  });

  describe('dòng luật đã gắn cờ: phần nhãn cờ nhẹ hơn, ý định và ý tưởng như cũ', () => {
    const opts = { ...DEFAULT_TRAIN_OPTIONS, minCount: 1, epochs: 60 };
    // The two scam lines are the ones the rules flag.
    const flaggedByRules = EXAMPLES.map((e) => ({ ...e, ruleFlagged: e.categories.length > 0 }));
    const scamOf = (raw: ReturnType<typeof trainRaw>) =>
      scoreRaw(raw, rowIndex(raw), exampleHashes('lấy lại tiền bị lừa ib mình', []))[1]!;
    const replyColumns = (raw: ReturnType<typeof trainRaw>) =>
      [...raw.weights].filter((_, i) => i % LABELS.length >= INTENT_OFFSET);
    const full = trainRaw(flaggedByRules, { ...opts, ruleFlaggedWeight: 1 });
    test.each([
      ['một phần tư', 0.25],
      ['không', 0],
    ])('trọng số %s: xác suất lừa đảo thấp hơn, cột ý định không đổi', (_name, weight) => {
      const lighter = trainRaw(flaggedByRules, { ...opts, ruleFlaggedWeight: weight });
      expect(scamOf(lighter)).toBeLessThan(scamOf(full));
      expect(replyColumns(lighter)).toEqual(replyColumns(full));
    });
    test('không dòng nào được luật gắn cờ: trọng số không tác dụng', () => {
      const a = trainRaw(EXAMPLES, { ...opts, ruleFlaggedWeight: 0.25 });
      const b = trainRaw(EXAMPLES, { ...opts, ruleFlaggedWeight: 1 });
      expect([...a.weights]).toEqual([...b.weights]);
    });
  });

  describe('dòng cần cờ mà luật bỏ sót: các loại cờ khác của nó nhẹ hơn', () => {
    const opts = { ...DEFAULT_TRAIN_OPTIONS, minCount: 1, epochs: 60 };
    const scamLine = 'lấy lại tiền bị lừa ib mình';
    // Column 2 is impersonation: the scam lines say nothing of it, so only they push it down on their words.
    const impersonationOf = (raw: ReturnType<typeof trainRaw>) =>
      scoreRaw(raw, rowIndex(raw), exampleHashes(scamLine, []))[2]!;
    const replyColumns = (raw: ReturnType<typeof trainRaw>) =>
      [...raw.weights].filter((_, i) => i % LABELS.length >= INTENT_OFFSET);
    const full = trainRaw(EXAMPLES, { ...opts, otherCategoryWeight: 1 });
    test.each([
      ['một phần năm', 0.2],
      ['không', 0],
    ])('trọng số %s: xác suất mạo danh của dòng lừa đảo cao hơn, cột ý định không đổi', (_name, weight) => {
      const lighter = trainRaw(EXAMPLES, { ...opts, otherCategoryWeight: weight });
      expect(impersonationOf(lighter)).toBeGreaterThan(impersonationOf(full));
      expect(replyColumns(lighter)).toEqual(replyColumns(full));
    });
    test.each([
      [
        'mọi dòng có cờ đều do luật gắn',
        EXAMPLES.map((e) => ({ ...e, ruleFlagged: e.categories.length > 0 })),
      ],
      ['không dòng nào có cờ', EXAMPLES.filter((e) => e.categories.length === 0)],
    ])('%s: trọng số không tác dụng', (_name, examples) => {
      const a = trainRaw(examples, { ...opts, otherCategoryWeight: 0.2 });
      const b = trainRaw(examples, { ...opts, otherCategoryWeight: 1 });
      expect([...a.weights]).toEqual([...b.weights]);
    });
  });

  test('học được: nhãn đúng có xác suất cao hơn trên dữ liệu huấn luyện', () => {
    const raw = trainRaw(EXAMPLES, { ...DEFAULT_TRAIN_OPTIONS, minCount: 1, epochs: 60 });
    const rows = rowIndex(raw);
    const p = scoreRaw(raw, rows, exampleHashes('lấy lại tiền bị lừa ib mình', []));
    const q = scoreRaw(raw, rows, exampleHashes('cảm ơn bộ rất nhiều', []));
    expect(p[1]!).toBeGreaterThan(q[1]!); // scam
    expect(p[INTENT_OFFSET + 4]!).toBeGreaterThan(q[INTENT_OFFSET + 4]!); // scam-warning
  });

  test('tệp lượng tử hóa cho điểm gần với mô hình gốc', () => {
    const raw = trainRaw(EXAMPLES, { ...DEFAULT_TRAIN_OPTIONS, minCount: 1 });
    const model = loadModel(toModelFile(raw, META, THRESHOLDS));
    const text = 'hỗ trợ lấy lại tiền nhanh';
    const exact = scoreRaw(raw, rowIndex(raw), exampleHashes(text, []));
    const quantised = model.score(foldText(text), []);
    for (let j = 0; j < LABELS.length; j++) expect(Math.abs(exact[j]! - quantised[j]!)).toBeLessThan(0.05);
  });

  test('trang và huấn luyện đọc tín hiệu và cặp tín hiệu như nhau', () => {
    const withSignals = EXAMPLES.map((e, i) => (i < 2 ? { ...e, signals: ['@phone', 'concept:loan'] } : e));
    const raw = trainRaw(withSignals, { ...DEFAULT_TRAIN_OPTIONS, minCount: 1 });
    const model = loadModel(toModelFile(raw, META, THRESHOLDS));
    const signals = ['concept:loan', '@phone', 'question-mark'];
    const exact = scoreRaw(raw, rowIndex(raw), exampleHashes('vay nhanh', signals));
    const quantised = model.score(foldText('vay nhanh'), signals);
    expect(exact[1]!).toBeGreaterThan(0.5); // the pair and the signals carry the scam
    for (let j = 0; j < LABELS.length; j++) expect(Math.abs(exact[j]! - quantised[j]!)).toBeLessThan(0.05);
  });

  // The page scores the five flag categories from a packed table when every category weight
  // fits in 6 bits, from the wide slots otherwise: both must give what the full scoring gives.
  test.each([
    ['trọng số vừa 6 bit (bảng nén)', (b: number) => Math.max(-32, Math.min(31, b))],
    ['trọng số quá 6 bit (bảng thường)', (b: number) => (b === 0 ? 0 : b > 0 ? 46 : -40)],
  ])('năm loại cờ như cách tính đầy đủ: %s', (_name, reshape) => {
    const raw = trainRaw(EXAMPLES, { ...DEFAULT_TRAIN_OPTIONS, minCount: 1 });
    const file = toModelFile(raw, META, THRESHOLDS);
    const bytes = decodeWeightChars(file.weights);
    const model = loadModel({ ...file, weights: encodeWeightChars(bytes.map(reshape)) });
    const signals = ['concept:loan', '@phone'];
    const out = new Float64Array(LABELS.length);
    for (const text of [
      'lấy lại tiền bị lừa ib mình',
      'hỗ trợ lấy lại tiền nhanh',
      'cảm ơn bộ',
      'bao giờ có kết quả ạ',
    ]) {
      const full = model.score(foldText(text), signals);
      const page = model.score(foldText(text), signals, CATEGORY_COLUMNS, out);
      expect([...page.subarray(0, CATEGORY_COLUMNS)]).toEqual([...full.subarray(0, CATEGORY_COLUMNS)]);
    }
  });

  test('xác suất ý định cộng lại bằng 1', () => {
    const p = toProbabilities(new Float64Array(LABELS.length).fill(0.3));
    let sum = 0;
    for (let j = 0; j < INTENT_COLUMNS; j++) sum += p[INTENT_OFFSET + j]!;
    expect(sum).toBeCloseTo(1, 10);
  });
});

describe('tệp mô hình hỏng: thông báo rõ ràng', () => {
  const good = toModelFile(trainRaw(EXAMPLES, { ...DEFAULT_TRAIN_OPTIONS, minCount: 1 }), META, THRESHOLDS);
  test.each([
    ['không phải object', 'xin chào', /^Tệp mô hình không hợp lệ \/ invalid model file:\n/],
    ['sai định dạng', { ...good, format: 'other' }, /format/],
    [
      'sai nhãn',
      { ...good, labels: ['scam'] },
      `✖ nhãn phải là / labels must be: ${LABELS.join(' ')}\n  → at labels`,
    ],
    [
      'trọng số thiếu ký tự',
      { ...good, weights: good.weights.slice(0, 6) },
      /✖ weights: cần \d+ ký tự, có 6 \/ wrong length/,
    ],
    [
      'trọng số có ký tự ngoài bảng (dấu nháy kép)',
      { ...good, weights: `"${good.weights.slice(1)}` },
      "✖ có ký tự ngoài bảng ký tự của trọng số / a character outside the weights' alphabet\n  → at weights",
    ],
    ['trọng số ở dạng base64 cũ (phiên bản 1)', { ...good, version: 1 }, /version/],
    ['hash chưa mã Rice (phiên bản 2)', { ...good, version: 2 }, /version/],
    [
      'hash bị cắt cụt',
      { ...good, features: good.features.slice(0, 8) },
      /✖ features: mã hoá các hash bị hỏng hoặc thiếu \/ the hashes are corrupt or truncated \(features: the bits end before hash \d+\)\n {2}→ at features/,
    ],
    [
      'số đặc trưng nhiều hơn số hash',
      { ...good, featureCount: good.featureCount + 1 },
      /corrupt or truncated/,
    ],
    ['số đặc trưng ít hơn số hash', { ...good, featureCount: good.featureCount - 1 }, /bits left after/],
    ['tham số Rice sai', { ...good, featureGapBits: good.featureGapBits + 3 }, /corrupt or truncated/],
    ['không phải base64', { ...good, features: '%%%%' }, '✖ không phải base64 / not base64\n  → at features'],
    ['ngưỡng ngoài [0, 1]', { ...good, thresholds: { ...good.thresholds, idea: 3 } }, /thresholds/],
  ])('%s', (_name, json, message) => {
    const parsed = parseModel(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  test('tệp tốt thì qua', () => {
    expect(parseModel(JSON.parse(JSON.stringify(good))).ok).toBe(true);
  });
});
