import { describe, expect, test } from 'vitest';
import { screenNewLines } from '../../scripts/judgement/add-families';
import {
  type CorpusLine,
  foldsByTheme,
  heldOutFamilies,
  jaccard,
  shingles,
  splitCorpus,
  themeOf,
} from '../../scripts/judgement/corpus';

const line = (id: string, family: string, text: string): CorpusLine => ({
  id,
  text,
  family,
  categories: [],
  intent: 'thanks',
  idea: false,
});

describe('ngữ liệu: chia theo họ nguồn', () => {
  test.each([
    ['loan-sms', 'loan'],
    ['idea-agri-farmer', 'idea-agri'],
    ['thanks', 'thanks'],
  ])('chủ đề của %s là %s', (family, theme) => {
    expect(themeOf(family)).toBe(theme);
  });

  const lines = [
    line('a1', 'loan-sms', 'vay nhanh giai ngan trong ngay'),
    line('a2', 'loan-fb', 'Vay tiền nhanh, hạn mức cao 😍'),
    line('b1', 'thanks-short', 'cảm ơn ad'),
    line('b2', 'thanks-long', 'Xin cảm ơn Bộ đã chia sẻ thông tin hữu ích'),
    line('c1', 'idea-edu-teacher', 'Kính đề nghị Bộ mở lớp STEM'),
    line('c2', 'idea-edu-student', 'mong bo cho tui em them hoc bong'),
  ];

  test('mỗi chủ đề cách một chủ đề giữ lại đúng một họ; giữ lại là tất định', () => {
    const held = heldOutFamilies(lines);
    expect(held.size).toBe(2);
    expect(heldOutFamilies(lines)).toEqual(held);
    const themes = [...held].map(themeOf);
    expect(new Set(themes).size).toBe(2);
  });

  test('một dòng giữ lại gần như chép một dòng huấn luyện thì bị bỏ khỏi phần kiểm tra', () => {
    const held = heldOutFamilies(lines);
    const heldFamily = [...held][0]!;
    const trainLine = lines.find((l) => themeOf(l.family) === themeOf(heldFamily) && !held.has(l.family))!;
    const copy = [...lines, line('copy', heldFamily, `${trainLine.text}!!`)];
    const split = splitCorpus(copy, held);
    expect(split.dropped.map((d) => [d.id, d.closest])).toEqual([['copy', trainLine.id]]);
    expect(split.test.map((l) => l.id)).not.toContain('copy');
    expect(split.train.map((l) => l.family)).not.toContain(heldFamily);
  });

  test('họ thêm sau (chủ đề mới) vào phần huấn luyện; các họ giữ lại đã cố định không đổi', () => {
    const first = [line('x1', 'chat-teen', 'hihi'), line('x2', 'chat-regional', 'hông biết nữa')];
    const later = [...first, line('n1', 'aaa-new', 'mới'), line('n2', 'aaa-newer', 'mới hơn')];
    const split = splitCorpus(later);
    expect(split.heldOut).toEqual(['chat-teen']);
    expect(split.train.map((l) => l.id)).toEqual(['x2', 'n1', 'n2']);
  });

  test('độ giống của shingle: chép lại gần như 1, khác hẳn gần như 0', () => {
    expect(jaccard(shingles('Vay tiền nhanh trong ngày'), shingles('vay tien nhanh trong ngay!!'))).toBe(1);
    expect(jaccard(shingles('Vay tiền nhanh trong ngày'), shingles('Cảm ơn Bộ rất nhiều'))).toBeLessThan(0.1);
  });

  test('gấp kiểm định chéo: hai họ của một chủ đề ở hai gấp khác nhau', () => {
    const folds = foldsByTheme(['loan-fb', 'loan-sms', 'thanks-long', 'thanks-short'], 4);
    expect(folds.get('loan-fb')).not.toBe(folds.get('loan-sms'));
    expect(folds.get('thanks-long')).not.toBe(folds.get('thanks-short'));
  });
});

describe('thêm họ mới vào ngữ liệu', () => {
  const old = [line('t1', 'loan-fb', 'Vay tiền nhanh, hạn mức cao, giải ngân trong ngày')];
  const blind = [line('b1', 'blind', 'Cảm ơn Bộ đã chia sẻ bài viết rất hữu ích về lúa')];
  test.each([
    ['chép gần như dòng huấn luyện', 'vay tien nhanh han muc cao giai ngan trong ngay!!', 'training'],
    ['chép gần như dòng của tập mù', 'cảm ơn bộ đã chia sẻ bài viết rất hữu ích về lúa 👍', 'blind'],
  ])('%s: bỏ, chỉ đếm', (_name, text, where) => {
    const r = screenNewLines([line('n1', 'w9-new', text)], old, blind);
    expect(r.kept).toEqual([]);
    expect(r.dropped[where as 'training' | 'blind']).toBe(1);
  });

  test('dòng mới khác hẳn thì giữ; trùng một dòng mới trước nó thì bỏ', () => {
    const a = line('n1', 'w9-new', 'Đề nghị Bộ mở lớp học lập trình miễn phí cho học sinh vùng cao');
    const b = line('n2', 'w9-new', 'de nghi bo mo lop hoc lap trinh mien phi cho hoc sinh vung cao');
    const r = screenNewLines([a, b], old, blind);
    expect(r.kept.map((l) => l.id)).toEqual(['n1']);
    expect(r.dropped.newLines).toBe(1);
  });

  test('họ mới không được trùng tên một họ giữ lại', () => {
    expect(() => screenNewLines([line('n1', 'chat-teen', 'hihi')], old, blind)).toThrow(/held out/);
  });
});
