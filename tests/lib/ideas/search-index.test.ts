import { afterEach, beforeEach, expect, test } from 'vitest';
import { deleteIdeasDb, type IdeasDb, listAllIdeas } from '../../../lib/ideas/db';
import { type IdeaFilter, ideaMatcher } from '../../../lib/ideas/filter';
import { getIdeasByIds, loadSearchEntries, searchEntries } from '../../../lib/ideas/search-index';
import { freshDb, makeIdea } from './helpers';

let db: IdeasDb;
let name: string;

beforeEach(async () => {
  ({ db, name } = await freshDb());
  const tx = db.transaction('ideas', 'readwrite');
  const ideas = Array.from({ length: 60 }, (_, i) =>
    makeIdea(i, {
      status: i % 4 === 0 ? 'reviewing' : 'new',
      tags: i % 3 === 0 ? ['nông nghiệp'] : [],
      flags: i % 7 === 0 ? [{ category: 'health', ruleId: 'h-1' }] : [],
      text: i % 5 === 0 ? `Giống lúa chịu mặn số ${i}` : `Ý kiến ${i}`,
      note: i === 11 ? 'Đã gửi Sở KH&CN Cà Mau' : '',
    }),
  );
  await Promise.all([...ideas.map((idea) => tx.store.put(idea)), tx.done]);
});
afterEach(async () => {
  db.close();
  await deleteIdeasDb(name);
});

// The in-memory index must answer exactly as the cursor query's matcher does.
test.each<[string, IdeaFilter]>([
  ['không lọc', {}],
  ['tìm không dấu', { search: 'giong lua chiu man' }],
  ['tìm trong ghi chú', { search: 'ca mau' }],
  ['trạng thái + nhãn', { status: 'reviewing', tag: 'nông nghiệp' }],
  ['có cờ + tìm', { flagged: true, search: 'lúa' }],
  ['khoảng ngày', { from: '2026-11-01T00:10:00.000Z', to: '2026-11-01T00:20:00.000Z' }],
  ['không khớp gì', { search: 'không có đâu' }],
])('chỉ mục trong bộ nhớ khớp với truy vấn con trỏ: %s', async (_name, filter) => {
  const entries = await loadSearchEntries(db);
  const ids = searchEntries(entries, filter);
  const matches = ideaMatcher(filter);
  const expected = (await listAllIdeas(db)).filter(matches).reverse();
  expect(ids).toEqual(expected.map((idea) => idea.id));
  expect(await getIdeasByIds(db, ids.slice(0, 5))).toEqual(expected.slice(0, 5));
});
