import { afterEach, beforeEach, expect, test } from 'vitest';
import { deleteIdeasDb, type IdeasDb, listAllIdeas } from '../../../lib/ideas/db';
import { type IdeaFilter, ideaMatcher } from '../../../lib/ideas/filter';
import {
  getIdeasByIds,
  loadSearchEntries,
  searchEntries,
  toSearchEntry,
  withEntry,
} from '../../../lib/ideas/search-index';
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
      // Issue 17: units, topics, answers and ages spread over 30 days, for the pipeline filters.
      unit: i % 6 === 0 ? 'Vụ Pháp chế' : null,
      topic: i % 5 === 0 ? 'nong-nghiep-cong-nghe-cao' : null,
      answer: i % 8 === 0 ? { text: 'Bộ đã trả lời', answeredAt: '2026-10-20T00:00:00.000Z' } : null,
      capturedAt: new Date(Date.UTC(2026, 9, 1) + i * 12 * 3_600_000).toISOString(),
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
  ['khoảng ngày', { from: '2026-10-05T00:00:00.000Z', to: '2026-10-10T00:00:00.000Z' }],
  ['không khớp gì', { search: 'không có đâu' }],
  ['đơn vị', { unit: 'Vụ Pháp chế' }],
  ['chưa có đơn vị', { unit: null }],
  ['chủ đề + trạng thái', { topic: 'nong-nghiep-cong-nghe-cao', status: 'new' }],
  ['chưa có chủ đề', { topic: null }],
  ['chờ quá 14 ngày', { waitingOver: 14 }],
  ['chờ quá 14 ngày + đơn vị', { waitingOver: 14, unit: 'Vụ Pháp chế' }],
])('chỉ mục trong bộ nhớ khớp với truy vấn con trỏ: %s', async (_name, filter) => {
  const now = new Date('2026-11-05T00:00:00.000Z');
  const entries = await loadSearchEntries(db);
  const ids = searchEntries(entries, filter, now);
  const matches = ideaMatcher(filter, now);
  const expected = (await listAllIdeas(db)).filter(matches).reverse();
  expect(ids).toEqual(expected.map((idea) => idea.id));
  // Each case must select something and leave something out (except the two edges), or it proves little.
  if (_name !== 'không lọc' && _name !== 'không khớp gì') expect(ids.length).toBeGreaterThan(0);
  if (_name !== 'không lọc') expect(ids.length).toBeLessThan(60);
  expect(await getIdeasByIds(db, ids.slice(0, 5))).toEqual(expected.slice(0, 5));
});

test('withEntry: a saved idea takes its place newest first; a changed one is replaced, not doubled', async () => {
  const entries = await loadSearchEntries(db);
  const newest = toSearchEntry(makeIdea(500, { capturedAt: '2030-01-01T00:00:00.000Z', text: 'mới nhất' }));
  const added = withEntry(entries, newest);
  expect(added).toHaveLength(entries.length + 1);
  expect(added[0]).toBe(newest);
  expect(entries).toHaveLength(60); // a copy: the list in use is not changed
  const changed = toSearchEntry({ ...makeIdea(500, { capturedAt: newest.capturedAt }), text: 'đã sửa' });
  const replaced = withEntry(added, changed);
  expect(replaced).toHaveLength(added.length);
  expect(replaced[0]!.folded).toContain('da sua');
  // An entry moved in time goes where the order puts it.
  const middle = entries[30]!;
  const moved = withEntry(added, { ...middle, capturedAt: '2031-01-01T00:00:00.000Z' });
  expect(moved).toHaveLength(added.length);
  expect(moved[0]!.id).toBe(middle.id);
  expect(moved.map((entry) => entry.capturedAt)).toEqual(
    [...moved.map((entry) => entry.capturedAt)].sort().reverse(),
  );
});
