import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { extractComment, glanceComment } from '../../../lib/facebook/extract';
import {
  applyStoredSelectorPack,
  browserSelectorCheck,
  diffSelectorPacks,
  type PackStorage,
  parseSelectorPack,
  SELECTOR_PACK_KEY,
  saveSelectorPack,
  undoSelectorPack,
} from '../../../lib/facebook/selector-pack';
import {
  applySelectorPack,
  BUILT_IN_SELECTOR_PACK,
  COMMENT_LABEL,
  type SelectorPackData,
  selectorPackInUse,
} from '../../../lib/facebook/selectors';
import { articleByLabel, loadFixture } from './load-fixture';

/** A pack as untrusted JSON: any key may be spoiled. */
type Loose = {
  format: unknown;
  updated: unknown;
  selectors: Record<string, unknown>;
  labels: Record<string, unknown>;
};

const clone = (pack: SelectorPackData): SelectorPackData => JSON.parse(JSON.stringify(pack));

function memoryStorage(): PackStorage & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])),
    set: async (items) => {
      Object.assign(data, JSON.parse(JSON.stringify(items)));
    },
    remove: async (keys) => {
      for (const key of keys) delete data[key];
    },
  };
}

afterEach(() => applySelectorPack(BUILT_IN_SELECTOR_PACK));

describe('gói bộ nhận diện (selectors as data)', () => {
  test('public/packs/selectors.json là đúng gói dựng sẵn', () => {
    const shipped = JSON.parse(readFileSync('public/packs/selectors.json', 'utf8'));
    expect(shipped).toEqual(BUILT_IN_SELECTOR_PACK);
    expect(parseSelectorPack(JSON.stringify(shipped))).toEqual({ ok: true, pack: BUILT_IN_SELECTOR_PACK });
  });

  test.each<[string, (p: Loose) => void, RegExp]>([
    ['sai format', (p) => (p.format = 'khcn-moderator/rules'), /format must be "khcn-moderator\/selectors"/],
    ['ngày sai', (p) => (p.updated = 'hôm qua'), /updated must be a date/],
    ['khóa lạ (mã, không phải dữ liệu)', (p) => (p.selectors.script = 'alert(1)'), /script/],
    [
      'thẻ HTML trong một từ',
      (p) => (p.labels.comment = ['<img src=x>']),
      /may not hold control characters, <, >/,
    ],
    ['danh sách nhãn rỗng', (p) => (p.labels.comment = []), /at least one word/],
    ['từ quá dài', (p) => (p.labels.seeMore = ['x'.repeat(61)]), /longer than 60/],
  ])('từ chối: %s — thông báo nói rõ chỗ sai', (_case, spoil, message) => {
    const pack = clone(BUILT_IN_SELECTOR_PACK) as unknown as Loose;
    spoil(pack);
    const result = parseSelectorPack(JSON.stringify(pack));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
    // Nothing changed.
    expect(selectorPackInUse()).toBe(BUILT_IN_SELECTOR_PACK);
  });

  test('không phải JSON; bộ chọn CSS mà trình duyệt không hiểu', () => {
    expect(parseSelectorPack('{').ok).toBe(false);
    const pack = clone(BUILT_IN_SELECTOR_PACK);
    pack.selectors.article = '[role="article"';
    const result = parseSelectorPack(JSON.stringify(pack), browserSelectorCheck(document));
    expect(result).toMatchObject({
      ok: false,
      problems: [
        'selectors.article: "[role="article"" không phải bộ chọn CSS hợp lệ / is not a valid CSS selector',
      ],
    });
  });

  test('một từ gói đưa vào là chữ, không phải biểu thức: ".*" và "(a+)+" không chạy như regex', () => {
    const pack = clone(BUILT_IN_SELECTOR_PACK);
    pack.labels.comment = ['(a+)+$', '.*'];
    applySelectorPack(pack);
    expect(COMMENT_LABEL.test('Comment by Nguyễn Văn An 2 weeks ago')).toBe(false);
    expect(COMMENT_LABEL.test(`${'a'.repeat(40)}!`)).toBe(false);
    expect(COMMENT_LABEL.test('.* Nguyễn Văn An')).toBe(true);
    // A long label with a nasty shape is still read in linear time (well under a second).
    const started = performance.now();
    COMMENT_LABEL.test(`(a+)+$ ${'a '.repeat(5000)}`);
    expect(performance.now() - started).toBeLessThan(200);
  });

  test('gói mới đổi nhãn: "Ý kiến của NAME" được nhận, áp dụng ngay cho trang', () => {
    loadFixture('real-2025-vi.html');
    const article = articleByLabel('Bình luận dưới tên Nguyễn Thị Hoa');
    article.setAttribute('aria-label', 'Ý kiến của Nguyễn Thị Hoa vào 1 tuần trước');
    expect(glanceComment(article)).toBe('not-a-comment');
    const pack = clone(BUILT_IN_SELECTOR_PACK);
    pack.packVersion = '2027.1.15';
    pack.labels.comment = [...pack.labels.comment, 'ý kiến của'];
    applySelectorPack(pack);
    const result = extractComment(article, 'https://www.facebook.com/khcndmst', ['khcndmst']);
    expect(result.ok && result.comment.id).toBe('2200000000000001');
  });

  test('xem trước: những gì thay đổi, từng mục', () => {
    const pack = clone(BUILT_IN_SELECTOR_PACK);
    pack.selectors.previewCard = '[data-ad-preview]';
    pack.labels.seeMore = ['xem thêm', 'see more', 'mehr anzeigen'];
    expect(diffSelectorPacks(BUILT_IN_SELECTOR_PACK, pack)).toEqual([
      { key: 'selectors.previewCard', before: '[data-ft]', after: '[data-ad-preview]' },
      { key: 'labels.seeMore', before: 'xem thêm · see more', after: 'xem thêm · see more · mehr anzeigen' },
    ]);
  });

  test('lưu, áp dụng, hoàn tác: gói trước quay lại; gói lưu hỏng thì dùng gói dựng sẵn', async () => {
    const storage = memoryStorage();
    const first = clone(BUILT_IN_SELECTOR_PACK);
    first.packVersion = '2027.1.1';
    first.labels.seeMore = ['xem thêm', 'see more', 'đọc tiếp'];
    const second = clone(first);
    second.packVersion = '2027.2.1';
    await saveSelectorPack(storage, first);
    await saveSelectorPack(storage, second);
    expect((await applyStoredSelectorPack(storage)).packVersion).toBe('2027.2.1');
    expect(selectorPackInUse().packVersion).toBe('2027.2.1');
    expect((await undoSelectorPack(storage)).packVersion).toBe('2027.1.1');
    expect((await applyStoredSelectorPack(storage)).packVersion).toBe('2027.1.1');
    expect((await undoSelectorPack(storage)).packVersion).toBe(BUILT_IN_SELECTOR_PACK.packVersion);
    expect(await applyStoredSelectorPack(storage)).toBe(BUILT_IN_SELECTOR_PACK);
    storage.data[SELECTOR_PACK_KEY] = { format: 'khcn-moderator/selectors', version: 2 };
    expect(await applyStoredSelectorPack(storage)).toBe(BUILT_IN_SELECTOR_PACK);
  });
});
