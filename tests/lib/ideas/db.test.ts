import { openDB } from 'idb';
import { describe, expect, test } from 'vitest';
import {
  countIdeas,
  countOlderThan,
  DB_MESSAGES,
  deleteIdea,
  deleteIdeasById,
  deleteIdeasDb,
  emptyExpiredTrash,
  eraseIdeasById,
  IDEAS_DB_VERSION,
  IdeaConflictError,
  type IdeaCursor,
  type IdeasDb,
  ideasOlderThan,
  listAllIdeas,
  listIdeas,
  listTags,
  listTrash,
  openIdeasDb,
  restoreFromTrash,
  restoreIdea,
  restoreIdeas,
  saveComment,
  updateIdea,
} from '../../../lib/ideas/db';
import type { IdeaFilter } from '../../../lib/ideas/filter';
import { Idea } from '../../../lib/ideas/schema';
import { commentIdOf, dump, eachFreshDb, makeComment, makeIdea, NO_AUTHOR, SETTINGS } from './helpers';

let db: IdeasDb;
let name: string;

eachFreshDb((fresh) => {
  ({ db, name } = fresh);
});

const T1 = new Date('2026-11-28T02:00:00.000Z');
const T2 = new Date('2026-11-28T05:00:00.000Z');
const PAGE = 'https://www.facebook.com/khcndmst';

describe('saveComment', () => {
  test('lưu bình luận mới thành ý tưởng hợp lệ', async () => {
    const { idea, created } = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T1);
    expect(created).toBe(true);
    expect(Idea.parse(idea)).toEqual(idea);
    expect(idea).toMatchObject({
      commentId: commentIdOf(1),
      status: 'new',
      tags: [],
      authorName: 'Nguyễn Văn 1',
      capturedAt: T1.toISOString(),
      updatedAt: T1.toISOString(),
      pageUrl: PAGE,
    });
    expect(await dump(db)).toEqual([idea]);
  });

  test('lưu lại cùng bình luận: cập nhật, giữ trạng thái/nhãn/ghi chú, không nhân đôi', async () => {
    const first = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T1);
    await updateIdea(db, first.idea.id, { status: 'forwarded', tags: ['y tế'], note: 'gửi Vụ KH' }, T1);
    const again = await saveComment(
      db,
      makeComment(1, { text: 'Nội dung đã sửa' }),
      [{ category: 'health', ruleId: 'health-1' }],
      PAGE,
      SETTINGS,
      T2,
    );
    expect(again.created).toBe(false);
    expect(again.idea).toMatchObject({
      id: first.idea.id,
      text: 'Nội dung đã sửa',
      flags: [{ category: 'health', ruleId: 'health-1' }],
      status: 'forwarded',
      tags: ['y tế'],
      note: 'gửi Vụ KH',
      capturedAt: T1.toISOString(),
      updatedAt: T2.toISOString(),
    });
    expect(await dump(db)).toHaveLength(1);
  });

  test.each([
    ['Câu đầu.'],
    ['Câu đầu. Câu…'], // Facebook ends a cut text with an ellipsis
    ['Câu đầu. Câu...'],
  ])('lưu lại từ chế độ thu gọn ("Xem thêm") %j không cắt ngắn văn bản đầy đủ', async (cut) => {
    await saveComment(db, makeComment(1, { text: 'Câu đầu. Câu sau đầy đủ.' }), [], PAGE, SETTINGS, T1);
    const { idea } = await saveComment(
      db,
      makeComment(1, { text: cut, truncated: true }),
      [],
      PAGE,
      SETTINGS,
      T2,
    );
    expect(idea.text).toBe('Câu đầu. Câu sau đầy đủ.');
  });

  test('quyền riêng tư: không lưu tên và trang cá nhân, kể cả xóa khi lưu lại', async () => {
    await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T1);
    const { idea } = await saveComment(db, makeComment(1), [], PAGE, NO_AUTHOR, T2);
    expect(idea.authorName).toBeUndefined();
    expect(idea.authorUrl).toBeUndefined();
    const [stored] = await dump(db);
    expect(stored && 'authorName' in stored).toBe(false);
  });

  test('bình luận không hợp lệ bị từ chối, không ghi gì', async () => {
    await expect(
      saveComment(
        db,
        makeComment(1, { permalink: 'https://evil.example/?comment_id=1' }),
        [],
        PAGE,
        SETTINGS,
      ),
    ).rejects.toThrow(/permalink/);
    await expect(saveComment(db, makeComment(1, { id: 'abc' }), [], PAGE, SETTINGS)).rejects.toThrow(
      /Bình luận không hợp lệ/,
    );
    expect(await dump(db)).toEqual([]);
  });
});

describe('sửa, xóa, hoàn tác', () => {
  test('updateIdea sửa trạng thái, nhãn, ghi chú và updatedAt', async () => {
    const { idea } = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T1);
    const updated = await updateIdea(db, idea.id, { status: 'adopted', tags: ['b', 'a', 'b'] }, T2);
    expect(updated).toMatchObject({ status: 'adopted', tags: ['a', 'b'], updatedAt: T2.toISOString() });
    expect(await db.get('ideas', idea.id)).toEqual(updated);
    await expect(updateIdea(db, idea.id, { status: 'xong' as never })).rejects.toThrow(/status/);
    await expect(updateIdea(db, makeIdea(99).id, { note: 'x' })).rejects.toThrow(/Không tìm thấy/);
  });

  test('xóa trả lại ý tưởng; hoàn tác đưa nó về nguyên vẹn', async () => {
    const { idea } = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T1);
    const deleted = await deleteIdea(db, idea.id);
    expect(deleted).toEqual(idea);
    expect(await dump(db)).toEqual([]);
    await restoreIdea(db, deleted!);
    expect(await dump(db)).toEqual([idea]);
    expect(await deleteIdea(db, makeIdea(42).id)).toBeUndefined();
  });

  test('hoàn tác sau khi cùng bình luận được lưu lại: gộp, không lỗi trùng commentId', async () => {
    const { idea } = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T1);
    await updateIdea(db, idea.id, { tags: ['cũ'] }, T1);
    const deleted = (await deleteIdea(db, idea.id))!;
    const resaved = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T2);
    const restored = await restoreIdea(db, deleted);
    expect(restored.id).toBe(resaved.idea.id);
    expect(restored.tags).toEqual(['cũ']);
    expect(await dump(db)).toHaveLength(1);
  });
});

describe('xóa nhiều, hoàn tác nhiều, ý tưởng quá hạn', () => {
  const NOW = new Date('2026-12-01T00:00:00.000Z');
  const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
  async function seed(ideas: Idea[]) {
    const tx = db.transaction('ideas', 'readwrite');
    await Promise.all([...ideas.map((idea) => tx.store.put(idea)), tx.done]);
  }

  test('deleteIdeasById xóa đúng các id có thật và trả lại chúng; restoreIdeas đưa về nguyên vẹn', async () => {
    const ideas = [1, 2, 3, 4].map((n) => makeIdea(n));
    await seed(ideas);
    const deleted = await deleteIdeasById(db, [ideas[1]!.id, makeIdea(77).id, ideas[3]!.id]);
    expect(deleted).toEqual([ideas[1], ideas[3]]);
    expect((await dump(db)).map((idea) => idea.id)).toEqual([ideas[0]!.id, ideas[2]!.id]);
    const restored = await restoreIdeas(db, deleted);
    expect(restored).toEqual(deleted);
    expect(await dump(db)).toEqual(ideas);
  });

  test('restoreIdeas gộp với bình luận được lưu lại trong lúc chờ', async () => {
    const old = makeIdea(1, { tags: ['cũ'] });
    await seed([old, makeIdea(2)]);
    const deleted = await deleteIdeasById(db, [old.id]);
    const resaved = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T2);
    const [back] = await restoreIdeas(db, deleted);
    expect(back!.id).toBe(resaved.idea.id);
    expect(back!.tags).toEqual(['cũ']);
    expect(await dump(db)).toHaveLength(2);
  });

  test.each([
    [30, ['40', '31']],
    [35, ['40']],
    [0, []],
  ])(
    'ideasOlderThan(%i ngày) trả đúng các ý tưởng countOlderThan đếm và deleteIdeasById xóa',
    async (days, want) => {
      await seed([
        makeIdea(40, { capturedAt: daysAgo(40) }),
        makeIdea(31, { capturedAt: daysAgo(31) }),
        makeIdea(30, { capturedAt: daysAgo(30) }),
        makeIdea(1, { capturedAt: daysAgo(1) }),
      ]);
      const older = await ideasOlderThan(db, days, NOW);
      expect(older.map((idea) => idea.id)).toEqual(want.map((n) => makeIdea(Number(n)).id));
      expect(await countOlderThan(db, days, NOW)).toBe(older.length);
      expect(
        await deleteIdeasById(
          db,
          older.map((idea) => idea.id),
        ),
      ).toHaveLength(older.length);
      expect(await dump(db)).toHaveLength(4 - older.length);
    },
  );
});

describe('truy vấn theo trang', () => {
  async function seed(n: number, over: (i: number) => Partial<Parameters<typeof makeIdea>[1]> = () => ({})) {
    const tx = db.transaction('ideas', 'readwrite');
    await Promise.all([...Array.from({ length: n }, (_, i) => tx.store.put(makeIdea(i, over(i)))), tx.done]);
  }

  async function readAll(filter = {}, limit = 7) {
    const seen: string[] = [];
    let after: IdeaCursor | null = null;
    let pages = 0;
    do {
      const page = await listIdeas(db, { filter, after, limit });
      seen.push(...page.ideas.map((idea) => idea.commentId));
      after = page.next;
      pages++;
    } while (after && pages < 100);
    return seen;
  }

  test('mới nhất trước, các trang không bỏ sót, không lặp', async () => {
    await seed(30);
    const seen = await readAll();
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => commentIdOf(29 - i)));
  });

  test('nhiều ý tưởng cùng thời điểm vẫn phân trang đúng', async () => {
    await seed(20, () => ({ capturedAt: '2026-11-28T00:00:00.000Z' }));
    const seen = await readAll({}, 3);
    expect(new Set(seen).size).toBe(20);
    expect(seen).toHaveLength(20);
  });

  test.each<[string, IdeaFilter, (i: number) => boolean]>([
    ['trạng thái', { status: 'adopted' }, (i: number) => i % 3 === 0],
    ['nhãn', { tag: 'y tế' }, (i: number) => i % 2 === 0],
    ['có cờ', { flagged: true }, (i: number) => i % 5 === 0],
    ['không cờ', { flagged: false }, (i: number) => i % 5 !== 0],
    [
      'khoảng ngày',
      { from: '2026-11-01T00:05:00.000Z', to: '2026-11-01T00:09:00.000Z' },
      (i: number) => i >= 5 && i <= 9,
    ],
    ['tìm không dấu', { search: 'phong thi nghiem' }, (i: number) => i % 4 === 1],
    ['tìm có dấu, chữ hoa', { search: 'PHÒNG THÍ' }, (i: number) => i % 4 === 1],
    ['tìm theo tên người viết (chuỗi con)', { search: 'nguoi dan 7' }, (i: number) => i === 7 || i === 17],
    ['kết hợp', { status: 'adopted', tag: 'y tế' }, (i: number) => i % 6 === 0],
  ])('lọc theo %s', async (_name, filter, expected) => {
    await seed(24, (i) => ({
      status: i % 3 === 0 ? 'adopted' : 'new',
      tags: i % 2 === 0 ? ['y tế'] : ['giáo dục'],
      flags: i % 5 === 0 ? [{ category: 'scam', ruleId: 'scam-1' }] : [],
      text: i % 4 === 1 ? `Đề xuất số ${i} về Phòng Thí Nghiệm mở` : `Góp ý số ${i}`,
    }));
    const want = Array.from({ length: 24 }, (_, i) => i)
      .filter(expected)
      .reverse()
      .map(commentIdOf);
    expect(await readAll(filter, 4)).toEqual(want);
    const all = await listAllIdeas(db, filter);
    expect(all.map((idea) => idea.commentId).sort()).toEqual([...want].sort());
  });

  test('đếm, nhãn đang dùng, xóa ý tưởng cũ', async () => {
    await seed(10, (i) => ({ status: i < 4 ? 'archived' : 'new', tags: i < 2 ? ['b', 'a'] : ['c'] }));
    const counts = await countIdeas(db);
    expect(counts.total).toBe(10);
    expect(counts.byStatus).toMatchObject({ archived: 4, new: 6, adopted: 0 });
    expect(await listTags(db)).toEqual(['a', 'b', 'c']);
    // ideas are captured one minute apart from 2026-11-01T00:00Z
    const now = new Date(Date.UTC(2026, 10, 31, 0, 3, 30));
    expect(await countOlderThan(db, 30, now)).toBe(4);
    expect(await ideasOlderThan(db, 0, now)).toEqual([]);
    expect(
      await deleteIdeasById(
        db,
        (await ideasOlderThan(db, 30, now)).map((idea) => idea.id),
      ),
    ).toHaveLength(4);
    expect((await dump(db)).map((idea) => idea.commentId).sort()).toEqual(
      [4, 5, 6, 7, 8, 9].map(commentIdOf).sort(),
    );
  });
});

describe('sửa đồng thời / concurrent edits', () => {
  test('sửa ghi chú chỉ ghi ghi chú: không ghi đè trạng thái đã đổi ở cửa sổ khác', async () => {
    const { idea } = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T1);
    // Window B changes the status; window A then saves only its note, without a version.
    await updateIdea(db, idea.id, { status: 'forwarded' }, T2);
    const saved = await updateIdea(db, idea.id, { note: 'ghi chú A' }, T2);
    expect(saved).toMatchObject({ status: 'forwarded', note: 'ghi chú A' });
  });

  test('sửa từ một phiên bản cũ: xung đột, không ghi gì, trả lại bản đang lưu', async () => {
    const { idea } = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T1);
    const changedElsewhere = await updateIdea(db, idea.id, { status: 'forwarded' }, T2, idea.updatedAt);
    const error = await updateIdea(db, idea.id, { note: 'ghi chú A' }, T2, idea.updatedAt).catch((e) => e);
    expect(error).toBeInstanceOf(IdeaConflictError);
    expect(error.message).toMatch(/vừa được sửa ở nơi khác/);
    expect((error as IdeaConflictError).current).toEqual(changedElsewhere);
    expect(await db.get('ideas', idea.id)).toEqual(changedElsewhere);
    // From the newest version, the same edit goes through.
    const saved = await updateIdea(db, idea.id, { note: 'ghi chú A' }, T2, changedElsewhere.updatedAt);
    expect(saved).toMatchObject({ status: 'forwarded', note: 'ghi chú A' });
  });

  test('mỗi thay đổi có phiên bản mới, kể cả trong cùng một mili giây hay khi đồng hồ lùi', async () => {
    const { idea } = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T2);
    const first = await updateIdea(db, idea.id, { note: 'một' }, T2, idea.updatedAt);
    expect(first.updatedAt > idea.updatedAt).toBe(true);
    const second = await updateIdea(db, idea.id, { note: 'hai' }, T1, first.updatedAt);
    expect(second.updatedAt > first.updatedAt).toBe(true);
    // A resave from Facebook is a change too: an editor opened before it conflicts.
    const resaved = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T1);
    expect(resaved.idea.updatedAt > second.updatedAt).toBe(true);
    await expect(updateIdea(db, idea.id, { note: 'ba' }, T2, second.updatedAt)).rejects.toBeInstanceOf(
      IdeaConflictError,
    );
  });
});

describe('thùng rác / trash', () => {
  const NOW = new Date('2026-12-01T00:00:00.000Z');
  const DAY = 86_400_000;
  const at = (days: number) => new Date(NOW.getTime() + days * DAY);
  async function seed(ideas: Idea[]) {
    const tx = db.transaction('ideas', 'readwrite');
    await Promise.all([...ideas.map((idea) => tx.store.put(idea)), tx.done]);
  }

  test('xóa chuyển vào thùng rác nguyên vẹn, kèm thời điểm xóa; không còn trong nhật ký', async () => {
    const ideas = [1, 2, 3].map((n) => makeIdea(n, { note: `ghi chú ${n}`, tags: ['y tế'] }));
    await seed(ideas);
    await deleteIdea(db, ideas[0]!.id, NOW);
    await deleteIdeasById(db, [ideas[2]!.id], at(1));
    expect((await dump(db)).map((idea) => idea.id)).toEqual([ideas[1]!.id]);
    expect(await listAllIdeas(db)).toEqual([ideas[1]]);
    // Most recently deleted first.
    expect(await listTrash(db, at(2))).toEqual([
      { ...ideas[2], deletedAt: at(1).toISOString() },
      { ...ideas[0], deletedAt: NOW.toISOString() },
    ]);
  });

  test('khôi phục một, rồi tất cả: trở lại nguyên vẹn, thùng rác trống', async () => {
    const ideas = [1, 2, 3].map((n) => makeIdea(n));
    await seed(ideas);
    await deleteIdeasById(
      db,
      ideas.map((idea) => idea.id),
      NOW,
    );
    expect(await restoreFromTrash(db, [ideas[1]!.id])).toEqual([ideas[1]]);
    expect(await dump(db)).toEqual([ideas[1]]);
    expect(await listTrash(db, NOW)).toHaveLength(2);
    expect(await restoreFromTrash(db)).toHaveLength(2);
    expect(await dump(db)).toEqual(ideas);
    expect(await listTrash(db, NOW)).toEqual([]);
  });

  test('hoàn tác (restoreIdeas) cũng lấy ý tưởng ra khỏi thùng rác', async () => {
    const idea = makeIdea(1);
    await seed([idea]);
    const deleted = await deleteIdeasById(db, [idea.id], NOW);
    await restoreIdeas(db, deleted);
    expect(await dump(db)).toEqual([idea]);
    expect(await listTrash(db, NOW)).toEqual([]);
  });

  test('khôi phục khi cùng bình luận đã được lưu lại: gộp, giữ nhãn và ghi chú', async () => {
    const old = makeIdea(1, { tags: ['cũ'], note: 'ghi chú của tôi', updatedAt: T1.toISOString() });
    await seed([old]);
    await deleteIdeasById(db, [old.id], NOW);
    const resaved = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T2);
    const [back] = await restoreFromTrash(db);
    expect(back!.id).toBe(resaved.idea.id);
    expect(back!.tags).toEqual(['cũ']);
    expect(await dump(db)).toHaveLength(1);
    expect(await listTrash(db, NOW)).toEqual([]);
  });

  test('sau 30 ngày thùng rác tự dọn; trước đó thì không', async () => {
    const ideas = [1, 2].map((n) => makeIdea(n));
    await seed(ideas);
    await deleteIdeasById(db, [ideas[0]!.id], NOW);
    await deleteIdeasById(db, [ideas[1]!.id], at(5));
    expect(await emptyExpiredTrash(db, at(30))).toBe(0);
    expect(await listTrash(db, at(30))).toHaveLength(2);
    // Past 30 days it is neither listed nor kept.
    expect((await listTrash(db, at(31))).map((idea) => idea.id)).toEqual([ideas[1]!.id]);
    expect(await emptyExpiredTrash(db, at(31))).toBe(1);
    expect(await db.count('trash')).toBe(1);
    expect(await restoreFromTrash(db, [ideas[0]!.id])).toEqual([]);
  });

  test('"khôi phục tất cả" không đưa về ý tưởng đã quá 30 ngày trong thùng rác', async () => {
    const ideas = [1, 2].map((n) => makeIdea(n));
    await seed(ideas);
    await deleteIdeasById(db, [ideas[0]!.id], NOW);
    await deleteIdeasById(db, [ideas[1]!.id], at(5));
    expect((await restoreFromTrash(db, undefined, at(31))).map((idea) => idea.id)).toEqual([ideas[1]!.id]);
    expect(await dump(db)).toEqual([ideas[1]]);
  });

  test('xóa vĩnh viễn (một người yêu cầu): khỏi nhật ký và khỏi thùng rác', async () => {
    const ideas = [1, 2, 3].map((n) => makeIdea(n));
    await seed(ideas);
    await deleteIdeasById(db, [ideas[0]!.id], NOW);
    expect(await eraseIdeasById(db, [ideas[0]!.id, ideas[1]!.id, makeIdea(9).id])).toBe(2);
    expect(await dump(db)).toEqual([ideas[2]]);
    expect(await db.count('trash')).toBe(0);
  });
});

describe('nâng cấp cơ sở dữ liệu', () => {
  test('từ phiên bản 2 có dữ liệu lên phiên bản 3: ý tưởng giữ nguyên, có thùng rác trống', async () => {
    const oldName = `${name}-v2`;
    const v2 = await openDB(oldName, 2, {
      upgrade(old) {
        const store = old.createObjectStore('ideas', { keyPath: 'id' });
        store.createIndex('status', 'status');
        store.createIndex('capturedAt', 'capturedAt');
        store.createIndex('commentId', 'commentId', { unique: true });
        store.createIndex('tags', 'tags', { multiEntry: true });
        store.createIndex('updatedAt', 'updatedAt');
      },
    });
    const originals = [1, 2, 3].map((n) => makeIdea(n, { note: `ghi chú ${n}` }));
    for (const idea of originals) await v2.put('ideas', idea);
    v2.close();
    const upgraded = await openIdeasDb({ name: oldName });
    expect(upgraded.version).toBe(IDEAS_DB_VERSION);
    expect(await upgraded.getAll('ideas')).toEqual(originals);
    expect([...upgraded.transaction('trash').store.indexNames]).toEqual(['deletedAt']);
    expect(await upgraded.count('trash')).toBe(0);
    upgraded.close();
    await deleteIdeasDb(oldName);
  });

  test('từ phiên bản 1 có dữ liệu lên phiên bản 2: không mất gì', async () => {
    const oldName = `${name}-v1`;
    // The shape version 1 of the extension wrote: no updatedAt, no tags.
    const v1 = await openDB(oldName, 1, {
      upgrade(old) {
        const store = old.createObjectStore('ideas', { keyPath: 'id' });
        store.createIndex('status', 'status');
        store.createIndex('capturedAt', 'capturedAt');
        store.createIndex('commentId', 'commentId', { unique: true });
      },
    });
    const originals = Array.from({ length: 25 }, (_, i) => {
      const {
        updatedAt: _u,
        tags: _t,
        ...old
      } = makeIdea(i, { status: i % 2 ? 'reviewing' : 'new', note: `ghi chú ${i}` });
      return old;
    });
    for (const old of originals) await v1.put('ideas', old);
    v1.close();

    const upgraded = await openIdeasDb({ name: oldName });
    expect(upgraded.version).toBe(IDEAS_DB_VERSION);
    expect([...upgraded.transaction('ideas').store.indexNames].sort()).toEqual(
      ['capturedAt', 'commentId', 'groupId', 'status', 'tags', 'topic', 'unit', 'updatedAt'].sort(),
    );
    const after = await upgraded.getAll('ideas');
    expect(after).toHaveLength(25);
    for (const old of originals) {
      const now = after.find((idea) => idea.id === old.id)!;
      expect(now).toEqual({ ...old, tags: [], updatedAt: old.capturedAt });
      expect(Idea.parse(now)).toEqual(now);
    }
    expect(await upgraded.countFromIndex('ideas', 'updatedAt')).toBe(25);
    const page = await listIdeas(upgraded, { filter: { status: 'reviewing' }, limit: 100 });
    expect(page.ideas).toHaveLength(12);
    upgraded.close();
    await deleteIdeasDb(oldName);
  });

  test('trang cũ đang mở bị yêu cầu đóng và được báo tải lại', async () => {
    const problems: string[] = [];
    const oldName = `${name}-blocking`;
    const old = await openIdeasDb({ name: oldName, onProblem: (message) => problems.push(message) });
    // A newer extension page asks for version 3 while `old` is open.
    const newer = await openDB(oldName, IDEAS_DB_VERSION + 1);
    expect(problems).toEqual([DB_MESSAGES.reload]);
    newer.close();
    old.close();
    await deleteIdeasDb(oldName);
  });

  test('cơ sở dữ liệu của phiên bản mới hơn: thông báo rõ ràng', async () => {
    const newerName = `${name}-newer`;
    (await openDB(newerName, IDEAS_DB_VERSION + 5)).close();
    await expect(openIdeasDb({ name: newerName })).rejects.toThrow(DB_MESSAGES.tooNew);
    await deleteIdeasDb(newerName);
  });
});
