import { openDB } from 'idb';
import { afterEach, expect, test } from 'vitest';
import { deleteIdeasDb, IDEAS_DB_VERSION, openIdeasDb } from '../../../lib/ideas/db';
import { Idea } from '../../../lib/ideas/schema';
import { makeIdea } from './helpers';

const NAME = `khcn-upgrade-v4-${Date.now()}`;
afterEach(() => deleteIdeasDb(NAME));

/** A record as version 3 wrote it: none of issue 17's fields. */
function v3Record(n: number, over: Parameters<typeof makeIdea>[1] = {}) {
  const { topic: _t, unit: _u, answer: _a, groupId: _g, history: _h, ...old } = makeIdea(n, over);
  return old;
}

test('từ phiên bản 3 có dữ liệu lên 4: giữ mọi trường, thêm giá trị mặc định, cả trong thùng rác', async () => {
  const v3 = await openDB(NAME, 3, {
    upgrade(old) {
      const store = old.createObjectStore('ideas', { keyPath: 'id' });
      store.createIndex('status', 'status');
      store.createIndex('capturedAt', 'capturedAt');
      store.createIndex('commentId', 'commentId', { unique: true });
      store.createIndex('tags', 'tags', { multiEntry: true });
      store.createIndex('updatedAt', 'updatedAt');
      const trash = old.createObjectStore('trash', { keyPath: 'id' });
      trash.createIndex('deletedAt', 'deletedAt');
    },
  });
  const live = [1, 2, 3].map((n) =>
    v3Record(n, {
      status: 'forwarded',
      tags: ['năng lượng'],
      note: `ghi chú ${n}`,
      updatedAt: '2026-11-02T00:00:00.000Z',
    }),
  );
  const trashed = { ...v3Record(4), deletedAt: '2026-11-03T00:00:00.000Z' };
  for (const record of live) await v3.put('ideas', record);
  await v3.put('trash', trashed);
  v3.close();

  const upgraded = await openIdeasDb({ name: NAME });
  expect(upgraded.version).toBe(IDEAS_DB_VERSION);
  const defaults = { topic: null, unit: null, answer: null, groupId: null, history: [] };
  const after = await upgraded.getAll('ideas');
  expect(after).toEqual(live.map((record) => ({ ...record, ...defaults })));
  for (const idea of after) expect(Idea.parse(idea)).toEqual(idea);
  expect(await upgraded.getAll('trash')).toEqual([{ ...trashed, ...defaults }]);
  // A null groupId is not in the index: an empty group lookup, not every idea.
  expect(await upgraded.countFromIndex('ideas', 'groupId')).toBe(0);
  upgraded.close();
});
