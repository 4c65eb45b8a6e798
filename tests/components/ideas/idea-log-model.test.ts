import { describe, expect, test, vi } from 'vitest';
import { createIdeaLogModel } from '../../../components/ideas/idea-log-model';
import { type IdeasDb, updateIdea } from '../../../lib/ideas/db';
import type { Idea } from '../../../lib/ideas/schema';
import { dump, eachFreshDb, makeIdea } from '../../lib/ideas/helpers';

let db: IdeasDb;
const NOW = new Date('2026-11-28T03:00:00.000Z');

eachFreshDb((fresh) => {
  db = fresh.db;
});

async function seed(ideas: Idea[]) {
  const tx = db.transaction('ideas', 'readwrite');
  await Promise.all([...ideas.map((idea) => tx.store.put(idea)), tx.done]);
}

function model(retentionDays = 0) {
  return createIdeaLogModel({
    openDb: () => Promise.resolve(db),
    now: () => NOW,
    loadRetentionDays: async () => retentionDays,
  });
}

describe('createIdeaLogModel (không cần giao diện)', () => {
  test('mở nhật ký: hàng, số đếm; lọc theo trạng thái rồi bỏ lọc', async () => {
    await seed([makeIdea(1, { status: 'adopted' }), makeIdea(2), makeIdea(3)]);
    const log = model();
    const stop = log.start();
    await vi.waitFor(() => expect(log.counts.value?.total).toBe(3));
    expect(log.ideas.value).toHaveLength(3);
    log.setFilter({ status: 'adopted' });
    await vi.waitFor(() => expect(log.ideas.value.map((i) => i.id)).toEqual([makeIdea(1).id]));
    log.setDay('from', '2026-11-01');
    expect(log.fromDay.value).toBe('2026-11-01');
    expect(log.filter.value.from).toBeTruthy();
    log.clearFilters();
    expect(log.filter.value).toEqual({});
    expect(log.fromDay.value).toBe('');
    await vi.waitFor(() => expect(log.ideas.value).toHaveLength(3));
    stop();
  });

  test('xóa rồi hoàn tác từ thông báo', async () => {
    await seed([makeIdea(1), makeIdea(2)]);
    const log = model();
    const stop = log.start();
    await vi.waitFor(() => expect(log.ideas.value).toHaveLength(2));
    await log.remove(log.ideas.value[0]!);
    expect(await dump(db)).toHaveLength(1);
    expect(log.toast.value?.undo).toBeTypeOf('function');
    log.undoFromToast();
    expect(log.toast.value).toBeNull();
    await vi.waitFor(async () => expect(await dump(db)).toHaveLength(2));
    stop();
  });

  test('đổi trạng thái từ một hàng cũ: không ghi đè, báo và tải lại', async () => {
    await seed([makeIdea(1)]);
    const log = model();
    const stop = log.start();
    await vi.waitFor(() => expect(log.ideas.value).toHaveLength(1));
    const stale = log.ideas.value[0]!;
    await updateIdea(db, stale.id, { status: 'adopted' }, new Date(NOW.getTime() + 1000));
    await log.changeStatus(stale, 'reviewing');
    expect((await dump(db))[0]!.status).toBe('adopted');
    expect(log.alert.value).toMatch(/vừa được sửa ở nơi khác/);
    expect(log.ideas.value[0]!.status).toBe('adopted');
    stop();
  });

  test('quá hạn lưu giữ: đếm; dừng thì không còn nghe', async () => {
    await seed([makeIdea(1, { capturedAt: '2025-01-01T00:00:00.000Z' }), makeIdea(2)]);
    const log = model(30);
    const stop = log.start();
    await vi.waitFor(() => expect(log.expired.value).toEqual({ count: 1, days: 30 }));
    stop();
  });
});
