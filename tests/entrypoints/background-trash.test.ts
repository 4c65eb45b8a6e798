import { expect, test } from 'vitest';
import { emptyExpiredTrashNow } from '../../entrypoints/background/trash';
import { deleteIdeasById, getIdeasDb, listTrash } from '../../lib/ideas/db';
import { makeIdea } from '../lib/ideas/helpers';

test('khi trình duyệt khởi động, nền dọn thùng rác quá 30 ngày, giữ phần còn hạn', async () => {
  const db = await getIdeasDb();
  const NOW = new Date('2026-12-01T00:00:00.000Z');
  const [old, recent] = [makeIdea(1), makeIdea(2)];
  await db.put('ideas', old);
  await db.put('ideas', recent);
  await deleteIdeasById(db, [old.id], new Date(NOW.getTime() - 31 * 86_400_000));
  await deleteIdeasById(db, [recent.id], new Date(NOW.getTime() - 29 * 86_400_000));
  expect(await db.count('trash')).toBe(2);
  expect(await emptyExpiredTrashNow(NOW)).toBe(1);
  expect((await listTrash(db, NOW)).map((idea) => idea.id)).toEqual([recent.id]);
  expect(await db.count('trash')).toBe(1);
});
