// Issue 17 in the database: the topic suggested on save and kept on re-save,
// and the history appended with each follow-up change, atomically with it.
import { describe, expect, test } from 'vitest';
import { IdeaConflictError, type IdeasDb, saveComment, updateIdea } from '../../../lib/ideas/db';
import { DEFAULT_TOPICS } from '../../../lib/ideas/topics';
import { dump, eachFreshDb, makeComment, SETTINGS } from './helpers';

let db: IdeasDb;
eachFreshDb((fresh) => {
  db = fresh.db;
});

const T1 = new Date('2026-11-28T02:00:00.000Z');
const T2 = new Date('2026-11-28T05:00:00.000Z');
const T3 = new Date('2026-11-29T05:00:00.000Z');
const PAGE = 'https://www.facebook.com/khcndmst';
const WITH_TOPICS = { ...SETTINGS, topics: DEFAULT_TOPICS };
const SOLAR = 'Đề nghị Bộ hỗ trợ lắp điện mặt trời mái nhà để tiết kiệm điện cho trường học vùng cao';

describe('chủ đề khi lưu', () => {
  test('ý tưởng mới nhận chủ đề gợi ý từ danh sách chủ đề', async () => {
    const { idea } = await saveComment(db, makeComment(1, { text: SOLAR }), [], PAGE, WITH_TOPICS, T1);
    expect(idea.topic).toBe('nang-luong');
  });

  test('không có từ khóa nào khớp: không có chủ đề', async () => {
    const { idea } = await saveComment(
      db,
      makeComment(1, { text: 'Cảm ơn ad nhé' }),
      [],
      PAGE,
      WITH_TOPICS,
      T1,
    );
    expect(idea.topic).toBeNull();
  });

  test('không truyền danh sách chủ đề: không gợi ý', async () => {
    const { idea } = await saveComment(db, makeComment(1, { text: SOLAR }), [], PAGE, SETTINGS, T1);
    expect(idea.topic).toBeNull();
  });

  test.each<[string, string | null]>([
    ['một chủ đề khác', 'y-sinh'],
    ['"không có chủ đề"', null],
  ])('lưu lại cùng bình luận không ghi đè chủ đề người kiểm duyệt đã chọn: %s', async (_name, chosen) => {
    const first = await saveComment(db, makeComment(1, { text: SOLAR }), [], PAGE, WITH_TOPICS, T1);
    await updateIdea(db, first.idea.id, { topic: chosen }, T2, undefined, 'Chị Lan');
    const again = await saveComment(db, makeComment(1, { text: SOLAR }), [], PAGE, WITH_TOPICS, T3);
    expect(again.idea.topic).toBe(chosen);
  });

  test('lưu lại giữ đơn vị, câu trả lời, nhóm và lịch sử', async () => {
    const first = await saveComment(db, makeComment(1, { text: SOLAR }), [], PAGE, WITH_TOPICS, T1);
    const answer = { text: 'Bộ đã trả lời', answeredAt: T2.toISOString(), permalink: null };
    const edited = await updateIdea(
      db,
      first.idea.id,
      { status: 'answered', unit: 'Vụ Pháp chế', answer, groupId: '00000000-0000-4000-8000-0000000000aa' },
      T2,
      undefined,
      'Anh Minh',
    );
    const again = await saveComment(db, makeComment(1, { text: `${SOLAR}!` }), [], PAGE, WITH_TOPICS, T3);
    expect(again.idea).toMatchObject({
      topic: 'nang-luong',
      unit: 'Vụ Pháp chế',
      answer,
      groupId: '00000000-0000-4000-8000-0000000000aa',
      history: edited.history,
    });
  });
});

describe('lịch sử thay đổi', () => {
  test('mỗi thay đổi thêm một mục: ai, khi nào, chỉ những gì đổi; sửa ghi chú không thêm gì', async () => {
    const { idea } = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T1);
    expect(idea.history).toEqual([]);
    await updateIdea(db, idea.id, { status: 'forwarded', unit: 'Vụ Pháp chế' }, T2, undefined, 'Chị Lan');
    await updateIdea(db, idea.id, { note: 'đã gọi điện' }, T2, undefined, 'Chị Lan');
    await updateIdea(
      db,
      idea.id,
      {
        status: 'answered',
        answer: { text: 'Bộ đã trả lời', answeredAt: T3.toISOString(), permalink: null },
      },
      T3,
      undefined,
      'Anh Minh',
    );
    const [stored] = await dump(db);
    expect(stored!.history).toEqual([
      { at: T2.toISOString(), by: 'Chị Lan', status: 'forwarded', unit: 'Vụ Pháp chế' },
      { at: T3.toISOString(), by: 'Anh Minh', status: 'answered', answered: true },
    ]);
  });

  test('xung đột phiên bản: không ghi thay đổi, không ghi lịch sử', async () => {
    const { idea } = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T1);
    await updateIdea(db, idea.id, { status: 'reviewing' }, T2, idea.updatedAt, 'Cửa sổ B');
    const before = await dump(db);
    await expect(
      updateIdea(db, idea.id, { status: 'forwarded', unit: 'Vụ Pháp chế' }, T3, idea.updatedAt, 'Cửa sổ A'),
    ).rejects.toBeInstanceOf(IdeaConflictError);
    expect(await dump(db)).toEqual(before);
  });

  test('câu trả lời có liên kết không phải Facebook: báo lỗi rõ, không ghi gì', async () => {
    const { idea } = await saveComment(db, makeComment(1), [], PAGE, SETTINGS, T1);
    const before = await dump(db);
    await expect(
      updateIdea(
        db,
        idea.id,
        {
          status: 'answered',
          answer: {
            text: 'Bộ đã trả lời',
            answeredAt: T2.toISOString(),
            permalink: 'https://evil.example/x',
          },
        },
        T2,
        undefined,
        'Chị Lan',
      ),
    ).rejects.toThrow(/www\.facebook\.com/);
    expect(await dump(db)).toEqual(before);
  });
});
