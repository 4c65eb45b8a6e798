import { describe, expect, test } from 'vitest';
import { mergeIdeas, mergeLogs, sameIdea } from '../../../lib/ideas/merge';
import type { Idea } from '../../../lib/ideas/schema';
import { commentIdOf, makeIdea, uuidOf } from './helpers';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 0, minute)).toISOString();

describe('mergeIdeas', () => {
  test('bản cập nhật mới hơn thắng, nhãn hợp lại, giữ id đang có', () => {
    const mine = makeIdea(1, { status: 'reviewing', tags: ['b'], updatedAt: at(5) });
    const theirs = makeIdea(1, {
      id: uuidOf(500),
      status: 'adopted',
      note: 'đã tiếp thu',
      tags: ['a'],
      updatedAt: at(9),
    });
    expect(mergeIdeas(mine, theirs)).toEqual({ ...theirs, id: mine.id, tags: ['a', 'b'] });
    expect(mergeIdeas(theirs, mine)).toEqual({ ...theirs, id: theirs.id, tags: ['a', 'b'] });
  });

  test('cùng updatedAt: phân định cố định, không phụ thuộc thứ tự', () => {
    const a = makeIdea(1, { status: 'answered', updatedAt: at(5) });
    const b = makeIdea(1, { status: 'forwarded', updatedAt: at(5) });
    const ab = mergeIdeas(a, b);
    const ba = mergeIdeas(b, a);
    expect({ ...ab, id: '' }).toEqual({ ...ba, id: '' });
  });

  test('khác bình luận thì không gộp', () => {
    expect(() => mergeIdeas(makeIdea(1), makeIdea(2))).toThrow();
  });
});

/** Three moderators' exports that overlap and disagree. */
function exports(): Idea[][] {
  const a = [
    makeIdea(1, { status: 'reviewing', tags: ['y tế'], updatedAt: at(1) }),
    makeIdea(2, { note: 'A ghi', updatedAt: at(7) }),
    makeIdea(3, { tags: ['x'], updatedAt: at(2) }),
  ];
  const b = [
    makeIdea(1, { id: uuidOf(101), status: 'forwarded', tags: ['giáo dục'], updatedAt: at(4) }),
    makeIdea(2, { id: uuidOf(102), note: 'B ghi', updatedAt: at(7) }),
    makeIdea(4, { id: uuidOf(104), updatedAt: at(3) }),
  ];
  const c = [
    makeIdea(1, { id: uuidOf(201), status: 'answered', tags: ['y tế', 'z'], updatedAt: at(4) }),
    makeIdea(3, { id: uuidOf(203), status: 'archived', updatedAt: at(9) }),
    makeIdea(5, { id: uuidOf(205), text: '<script>alert(1)</script>', updatedAt: at(1) }),
  ];
  return [a, b, c];
}

/** The log as data keyed by comment; `id` is local to each log, so it is left out. */
function content(log: Idea[]) {
  return log.map(({ id: _id, ...rest }) => rest).sort((x, y) => (x.commentId < y.commentId ? -1 : 1));
}

const PERMUTATIONS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

describe('gộp nhiều tệp xuất', () => {
  test('giao hoán: mọi thứ tự của 3 tệp cho cùng một nhật ký', () => {
    const files = exports();
    const results = PERMUTATIONS.map((order) =>
      content(order.reduce<Idea[]>((log, i) => mergeLogs(log, files[i]!), [])),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    const first = results[0]!;
    expect(first.map((idea) => idea.commentId)).toEqual([1, 2, 3, 4, 5].map(commentIdOf));
    expect(first[0]).toMatchObject({ tags: ['giáo dục', 'y tế', 'z'] });
    expect(first[2]).toMatchObject({ status: 'archived', tags: ['x'] });
  });

  test('lũy đẳng: gộp lại cùng tệp không đổi gì', () => {
    const files = exports();
    const once = files.reduce<Idea[]>((log, file) => mergeLogs(log, file), []);
    const twice = files.reduce<Idea[]>((log, file) => mergeLogs(log, file), once);
    expect(twice).toEqual(once);
    for (const idea of once) expect(sameIdea(mergeIdeas(idea, idea), idea)).toBe(true);
  });

  test('kết hợp: gộp trước hai tệp rồi gộp vào nhật ký cũng như gộp từng tệp', () => {
    const [a, b, c] = exports();
    const stepwise = mergeLogs(mergeLogs(a!, b!), c!);
    const grouped = mergeLogs(a!, mergeLogs(b!, c!));
    expect(content(grouped)).toEqual(content(stepwise));
  });
});
