import { describe, expect, test } from 'vitest';
import {
  countSupporters,
  groupIdeas,
  mergeGroups,
  splitFromGroup,
  summarizeGroup,
  supporterKey,
} from '../../../lib/ideas/groups';
import type { Idea } from '../../../lib/ideas/schema';
import { makeIdea, uuidOf } from './helpers';

const G1 = uuidOf(9001);
const G2 = uuidOf(9002);
const NEW = uuidOf(9999);

/** makeIdea(n) is captured n minutes after the start: a smaller n is older. */
const idea = (n: number, groupId: string | null = null, over: Partial<Idea> = {}) =>
  makeIdea(n, { groupId, ...over });

describe('groupIdeas', () => {
  const cases: {
    name: string;
    chosen: Idea[];
    members?: Idea[];
    expected: { id: string; groupId: string | null }[];
  }[] = [
    {
      name: 'hai ý tưởng lẻ: nhóm mới',
      chosen: [idea(2), idea(1)],
      expected: [
        { id: uuidOf(1), groupId: NEW },
        { id: uuidOf(2), groupId: NEW },
      ],
    },
    {
      name: 'ý tưởng mới vào nhóm sẵn có của ý tưởng đích',
      chosen: [idea(5), idea(1, G1)],
      members: [idea(1, G1), idea(3, G1)],
      expected: [{ id: uuidOf(5), groupId: G1 }],
    },
    {
      name: 'đã cùng nhóm: không đổi gì',
      chosen: [idea(1, G1), idea(3, G1)],
      members: [idea(1, G1), idea(3, G1)],
      expected: [],
    },
    {
      name: 'chọn ý tưởng của hai nhóm: nhóm của ý tưởng lưu sớm nhất giữ lại, nhóm kia gộp cả vào',
      chosen: [idea(9), idea(4, G2), idea(2, G1)],
      members: [idea(2, G1), idea(7, G1), idea(4, G2), idea(6, G2)],
      expected: [
        { id: uuidOf(4), groupId: G1 },
        { id: uuidOf(6), groupId: G1 },
        { id: uuidOf(9), groupId: G1 },
      ],
    },
    {
      name: 'ý tưởng lẻ lưu sớm hơn không làm mất nhóm sẵn có',
      chosen: [idea(1), idea(8, G2)],
      members: [idea(8, G2), idea(10, G2)],
      expected: [{ id: uuidOf(1), groupId: G2 }],
    },
    { name: 'một ý tưởng: không có gì để nhóm', chosen: [idea(1)], expected: [] },
    { name: 'cùng một ý tưởng hai lần: không có gì để nhóm', chosen: [idea(1), idea(1)], expected: [] },
  ];
  for (const { name, chosen, members = [], expected } of cases) {
    test(name, () => {
      const changes = groupIdeas(chosen, members, NEW);
      expect([...changes].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(expected);
    });
  }
});

describe('mergeGroups', () => {
  test('mọi thành viên nhóm B nhận mã nhóm A', () => {
    expect(mergeGroups([idea(1, G1), idea(2, G1)], [idea(3, G2), idea(4, G2)])).toEqual([
      { id: uuidOf(3), groupId: G1 },
      { id: uuidOf(4), groupId: G1 },
    ]);
  });
  test('gộp nhóm với chính nó: không đổi gì', () => {
    expect(mergeGroups([idea(1, G1)], [idea(1, G1), idea(2, G1)])).toEqual([]);
  });
  test('một bên trống: không đổi gì', () => {
    expect(mergeGroups([], [idea(1, G1)])).toEqual([]);
    expect(mergeGroups([idea(1, G1)], [])).toEqual([]);
  });
  test('B lẫn hai nhóm: báo lỗi rõ, không đoán', () => {
    expect(() => mergeGroups([idea(1, G1)], [idea(2, G2), idea(3, null)])).toThrow(/B is not one group/);
  });
});

describe('splitFromGroup', () => {
  const group = [idea(1, G1), idea(2, G1), idea(3, G1)];
  const cases: { name: string; leaving: Idea[]; expected: { id: string; groupId: null }[] }[] = [
    {
      name: 'tách một ý tưởng: nhóm còn lại hai',
      leaving: [idea(2, G1)],
      expected: [{ id: uuidOf(2), groupId: null }],
    },
    {
      name: 'tách hai: ý tưởng còn lại một mình cũng ra khỏi nhóm',
      leaving: [idea(1, G1), idea(3, G1)],
      expected: [
        { id: uuidOf(1), groupId: null },
        { id: uuidOf(3), groupId: null },
        { id: uuidOf(2), groupId: null },
      ],
    },
    { name: 'ý tưởng không thuộc nhóm nào: không đổi gì', leaving: [idea(7)], expected: [] },
  ];
  for (const { name, leaving, expected } of cases) {
    test(name, () => expect(splitFromGroup(leaving, group)).toEqual(expected));
  }
  test('nhóm hai ý tưởng, tách một: cả hai thành lẻ', () => {
    expect(splitFromGroup([idea(1, G1)], [idea(1, G1), idea(2, G1)])).toEqual([
      { id: uuidOf(1), groupId: null },
      { id: uuidOf(2), groupId: null },
    ]);
  });
});

describe('người ủng hộ / supporters', () => {
  const cases: { name: string; members: Idea[]; expected: number }[] = [
    {
      name: 'cùng trang cá nhân bình luận hai lần: một người',
      members: [
        idea(1, G1, { authorUrl: 'https://www.facebook.com/an' }),
        idea(2, G1, { authorUrl: 'https://www.facebook.com/an', authorName: 'An khác tên' }),
      ],
      expected: 1,
    },
    {
      name: 'không có trang cá nhân: theo tên',
      members: [
        idea(1, G1, { authorUrl: undefined, authorName: 'Bình' }),
        idea(2, G1, { authorUrl: undefined, authorName: 'Bình' }),
        idea(3, G1, { authorUrl: undefined, authorName: 'Chi' }),
      ],
      expected: 2,
    },
    {
      name: 'không lưu tên (quyền riêng tư): mỗi bình luận một người',
      members: [
        idea(1, G1, { authorUrl: undefined, authorName: undefined }),
        idea(2, G1, { authorUrl: undefined, authorName: undefined }),
      ],
      expected: 2,
    },
    { name: 'nhóm trống: không ai', members: [], expected: 0 },
  ];
  for (const { name, members, expected } of cases) {
    test(name, () => expect(countSupporters(members)).toBe(expected));
  }
  test('tên trùng với một đường dẫn không lẫn với đường dẫn đó', () => {
    const byUrl = idea(1, G1, { authorUrl: 'https://www.facebook.com/x' });
    const byName = idea(2, G1, { authorUrl: undefined, authorName: 'https://www.facebook.com/x' });
    expect(supporterKey(byUrl)).not.toBe(supporterKey(byName));
  });
});

describe('summarizeGroup', () => {
  test('đại diện là ý tưởng lưu sớm nhất; giữ mọi người viết và liên kết', () => {
    const members = [
      idea(5, G1, { authorUrl: 'https://www.facebook.com/an', authorName: 'An' }),
      idea(2, G1, { authorUrl: undefined, authorName: undefined }),
      idea(9, G1, { authorUrl: 'https://www.facebook.com/an', authorName: 'An' }),
    ];
    const summary = summarizeGroup(members)!;
    expect(summary.groupId).toBe(G1);
    expect(summary.size).toBe(3);
    expect(summary.supporters).toBe(2);
    expect(summary.lead.id).toBe(uuidOf(2));
    expect(summary.firstCapturedAt).toBe(members[1]!.capturedAt);
    expect(summary.lastCapturedAt).toBe(members[2]!.capturedAt);
    expect(summary.commenters.map((c) => c.permalink)).toEqual([
      members[1]!.permalink,
      members[0]!.permalink,
      members[2]!.permalink,
    ]);
    expect(summary.commenters[0]).toMatchObject({ name: null, url: null });
  });
  test('không có thành viên, hoặc ý tưởng lẻ: không có nhóm', () => {
    expect(summarizeGroup([])).toBeUndefined();
    expect(summarizeGroup([idea(1)])).toBeUndefined();
  });
});
