import { describe, expect, test } from 'vitest';
import { type IdeasDb, updateIdea } from '../../../lib/ideas/db';
import {
  GroupUndoConflict,
  groupIdeasInDb,
  listGroup,
  mergeGroupsInDb,
  splitFromGroupInDb,
  undoGroupEdit,
} from '../../../lib/ideas/groups-db';
import { dump, eachFreshDb, makeIdea, uuidOf } from './helpers';

let db: IdeasDb;

eachFreshDb((fresh) => {
  db = fresh.db;
});

const NOW = new Date('2026-12-01T03:00:00.000Z');
const G1 = uuidOf(9001);
const G2 = uuidOf(9002);
const opts = (newId = G1) => ({ by: 'Lan', now: NOW, newGroupId: () => newId });

async function seed(...ideas: ReturnType<typeof makeIdea>[]) {
  for (const idea of ideas) await db.put('ideas', idea);
}

describe('gộp nhóm trong cơ sở dữ liệu', () => {
  test('nhóm mới: mỗi ý tưởng nhận mã nhóm, một dòng lịch sử (ai, khi nào, nhóm nào), updatedAt mới', async () => {
    await seed(makeIdea(1), makeIdea(2), makeIdea(3));
    const edit = await groupIdeasInDb(db, [uuidOf(1), uuidOf(2)], opts());
    expect(edit.groupId).toBe(G1);
    const members = await listGroup(db, G1);
    expect(members.map((idea) => idea.id)).toEqual([uuidOf(1), uuidOf(2)]);
    for (const idea of members) {
      expect(idea.history).toEqual([{ at: NOW.toISOString(), by: 'Lan', groupId: G1 }]);
      expect(idea.updatedAt).toBe(NOW.toISOString());
    }
    expect((await db.get('ideas', uuidOf(3)))!.groupId).toBeNull();
  });

  test('vào nhóm sẵn có của ý tưởng đích; nhóm khác của ý tưởng được chọn gộp cả vào', async () => {
    await seed(
      makeIdea(1, { groupId: G1 }),
      makeIdea(2, { groupId: G1 }),
      makeIdea(3, { groupId: G2 }),
      makeIdea(4, { groupId: G2 }),
      makeIdea(5),
    );
    await groupIdeasInDb(db, [uuidOf(5), uuidOf(3), uuidOf(1)], opts(uuidOf(9999)));
    expect((await listGroup(db, G1)).map((idea) => idea.id)).toEqual([1, 2, 3, 4, 5].map(uuidOf));
    expect(await listGroup(db, G2)).toEqual([]);
    // Ideas already in the target group are not rewritten.
    expect((await db.get('ideas', uuidOf(2)))!.history).toEqual([]);
  });

  test('một id không có trong nhật ký: báo lỗi, không ghi gì', async () => {
    await seed(makeIdea(1), makeIdea(2));
    const before = await dump(db);
    await expect(groupIdeasInDb(db, [uuidOf(1), uuidOf(77)], opts())).rejects.toThrow(/Không tìm thấy/);
    expect(await dump(db)).toEqual(before);
  });

  test('gộp hai nhóm: mọi ý tưởng nhóm B sang nhóm A', async () => {
    await seed(makeIdea(1, { groupId: G1 }), makeIdea(2, { groupId: G2 }), makeIdea(3, { groupId: G2 }));
    const edit = await mergeGroupsInDb(db, G1, G2, opts());
    expect(edit.after.map((idea) => idea.id)).toEqual([uuidOf(2), uuidOf(3)]);
    expect((await listGroup(db, G1)).length).toBe(3);
  });

  test('tách: ý tưởng ra khỏi nhóm; ý tưởng còn lại một mình cũng ra; lịch sử ghi groupId null', async () => {
    await seed(makeIdea(1, { groupId: G1 }), makeIdea(2, { groupId: G1 }), makeIdea(3));
    const edit = await splitFromGroupInDb(db, [uuidOf(2)], opts());
    expect(edit.after.map((idea) => idea.id).sort()).toEqual([uuidOf(1), uuidOf(2)]);
    expect(await listGroup(db, G1)).toEqual([]);
    expect((await db.get('ideas', uuidOf(2)))!.history).toEqual([
      { at: NOW.toISOString(), by: 'Lan', groupId: null },
    ]);
  });
});

describe('hoàn tác / undo', () => {
  test('hoàn tác gộp nhóm: đúng các bản ghi trước đó, từng trường', async () => {
    await seed(makeIdea(1, { groupId: G2 }), makeIdea(2, { groupId: G2 }), makeIdea(3), makeIdea(4));
    const before = await dump(db);
    const edit = await groupIdeasInDb(db, [uuidOf(3), uuidOf(1), uuidOf(4)], opts());
    expect(await dump(db)).not.toEqual(before);
    await undoGroupEdit(db, edit);
    expect(await dump(db)).toEqual(before);
  });

  test('hoàn tác tách nhóm cũng vậy', async () => {
    await seed(makeIdea(1, { groupId: G1 }), makeIdea(2, { groupId: G1 }), makeIdea(3, { groupId: G1 }));
    const before = await dump(db);
    await undoGroupEdit(db, await splitFromGroupInDb(db, [uuidOf(1), uuidOf(3)], opts()));
    expect(await dump(db)).toEqual(before);
  });

  test('ý tưởng bị sửa sau khi gộp: không hoàn tác, không ghi gì, báo rõ', async () => {
    await seed(makeIdea(1), makeIdea(2));
    const edit = await groupIdeasInDb(db, [uuidOf(1), uuidOf(2)], opts());
    await updateIdea(db, uuidOf(2), { note: 'sửa ở cửa sổ khác' }, new Date('2026-12-01T04:00:00Z'));
    const now = await dump(db);
    await expect(undoGroupEdit(db, edit)).rejects.toBeInstanceOf(GroupUndoConflict);
    expect(await dump(db)).toEqual(now);
  });
});
