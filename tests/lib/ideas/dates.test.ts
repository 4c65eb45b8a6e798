import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { listAllIdeas } from '../../../lib/ideas/db';
import { exportJson } from '../../../lib/ideas/export';
import { importIdeas, mergeIntoLog, parseExport } from '../../../lib/ideas/import';
import { instantMs, normalizeInstant } from '../../../lib/ideas/instant';
import { mergeIdeas, mergeLogs } from '../../../lib/ideas/merge';
import { Idea, type IdeaInput } from '../../../lib/ideas/schema';
import { commentIdOf, freshDb, makeIdea, uuidOf } from './helpers';

const NOW = new Date('2026-12-06T21:00:00.000Z');

function file(ideas: Record<string, unknown>[]): string {
  return JSON.stringify({ format: 'khcn-moderator/ideas', version: 1, exportedAt: NOW.toISOString(), ideas });
}

function rawIdea(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  const commentId = commentIdOf(n);
  return {
    id: uuidOf(n),
    commentId,
    permalink: `https://www.facebook.com/khcndmst/posts/1?comment_id=${commentId}`,
    text: `ý tưởng ${n}`,
    capturedAt: '2026-11-01T00:00:00.000Z',
    status: 'new',
    tags: [],
    ...over,
  };
}

describe('một bộ đọc thời điểm: về UTC, năm 0000–9999', () => {
  test.each([
    ['2026-11-28T07:00:00+07:00', '2026-11-28T00:00:00.000Z'],
    ['2026-11-28T00:00:00.123456Z', '2026-11-28T00:00:00.123Z'],
    ['9999-12-31T23:59:59+14:00', '9999-12-31T09:59:59.000Z'],
    ['0000-01-01T00:00:00Z', '0000-01-01T00:00:00.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(normalizeInstant(input)).toBe(iso);
    expect(Idea.parse(rawIdea(1, { capturedAt: input })).capturedAt).toBe(iso);
  });

  test.each([
    ['9999-12-31T23:59:59-14:00', 'ngoài các năm'],
    ['0000-01-01T00:00:00+01:00', 'ngoài các năm'],
    ['+010000-01-01T00:00:00Z', 'ISO 8601'],
    ['2026-02-30T00:00:00Z', 'ISO 8601'],
    ['2026-11-28', 'ISO 8601'],
    ['28/11/2026', 'ISO 8601'],
  ])('%s bị từ chối (“%s”)', (input, message) => {
    const parsed = Idea.safeParse(rawIdea(1, { capturedAt: input }));
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(message);
  });
});

describe('tệp có thời điểm hỏng hay ở tương lai bị từ chối cả tệp, nhật ký không đổi', () => {
  test.each([
    ['capturedAt năm 10000 theo UTC', { capturedAt: '9999-12-31T23:59:59-14:00' }, 'ideas[1].capturedAt'],
    ['updatedAt năm 10000 theo UTC', { updatedAt: '9999-12-31T23:59:59-14:00' }, 'ideas[1].updatedAt'],
    ['updatedAt xa trong tương lai', { updatedAt: '9999-12-31T00:00:00Z' }, 'ideas[1].updatedAt'],
    ['updatedAt hai ngày tới', { updatedAt: '2026-12-08T21:00:01Z' }, 'tương lai'],
    ['capturedAt năm sau', { capturedAt: '2027-01-01T00:00:00Z' }, 'ideas[1].capturedAt'],
  ])('%s', async (_name, over, message) => {
    const { db } = await freshDb();
    const mine = makeIdea(1, { status: 'reviewing', note: 'của tôi', updatedAt: '2026-12-01T00:00:00.000Z' });
    await mergeIntoLog(db, [mine]);
    const before = await listAllIdeas(db);
    const result = await importIdeas(db, file([rawIdea(2), rawIdea(1, { id: uuidOf(9), ...over })]), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(message);
      expect(result.error).toContain('Nhật ký không thay đổi');
    }
    expect(await listAllIdeas(db)).toEqual(before);
  });

  test('trong vòng một ngày (đồng hồ hai máy lệch nhau) vẫn nhập được', () => {
    const parsed = parseExport(file([rawIdea(1, { updatedAt: '2026-12-07T20:59:00Z' })]), NOW);
    expect(parsed.ok).toBe(true);
  });

  test('gộp so sánh thời điểm như số: bản sửa sau thắng dù viết với múi giờ khác', () => {
    const a = makeIdea(1, { note: 'sớm', updatedAt: '2026-11-28T08:00:00+07:00' });
    const b = makeIdea(1, { note: 'muộn', updatedAt: '2026-11-28T01:30:00Z' });
    expect(instantMs(b.updatedAt)).toBeGreaterThan(instantMs(a.updatedAt));
    expect(mergeIdeas(a, b).note).toBe('muộn');
    expect(mergeIdeas(b, a).note).toBe('muộn');
  });
});

/** A seeded generator (mulberry32): the same "random" logs on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'ý tưởng',
  'Đề xuất',
  'lừa đảo',
  '😀',
  '"trích"',
  '\\',
  '\n',
  '\u2028',
  '\u202e',
  '\u200b',
  'a\u0301',
  '<b>',
  '\ud800',
  'x',
];
const TAGS = ['y tế', 'giáo dục', 'Nông nghiệp', 'z', 'AI'];
const STATUSES = ['new', 'reviewing', 'forwarded', 'answered', 'adopted', 'archived'] as const;
const OFFSETS = ['Z', '+07:00', '-14:00', '+14:00', '+05:30', '-03:30'];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

/** An ISO date-time between year 0001 and NOW, written with a random offset and precision. */
function randomDate(next: () => number): string {
  const min = Date.UTC(1, 0, 2);
  const ms = Math.floor(min + next() * (NOW.getTime() - 86_400_000 - min));
  const offset = pick(next, OFFSETS);
  const minutes =
    offset === 'Z'
      ? 0
      : (offset[0] === '+' ? 1 : -1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
  const local = new Date(ms + minutes * 60_000).toISOString().slice(0, next() < 0.5 ? 19 : 23);
  return `${local}${offset}`;
}

function randomLog(seed: number, size: number, commentPool: number): Idea[] {
  const next = random(seed);
  const byComment = new Map<string, Idea>();
  for (let i = 0; i < size; i++) {
    const n = 1 + Math.floor(next() * commentPool);
    const capturedAt = randomDate(next);
    const input: Partial<IdeaInput> = {
      id: uuidOf(seed * 1000 + i),
      text: Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(next, WORDS)).join(' '),
      status: pick(next, STATUSES),
      tags: Array.from({ length: Math.floor(next() * 3) }, () => pick(next, TAGS)),
      note: next() < 0.3 ? pick(next, WORDS) : '',
      capturedAt,
      updatedAt: next() < 0.7 ? randomDate(next) : undefined,
      flags: next() < 0.3 ? [{ category: 'scam', ruleId: 'scam-x' }] : [],
    };
    if (next() < 0.2) delete input.updatedAt;
    byComment.set(commentIdOf(n), makeIdea(n, input));
  }
  return [...byComment.values()];
}

function content(log: Idea[]) {
  return log.map(({ id: _id, ...rest }) => rest).sort((x, y) => (x.commentId < y.commentId ? -1 : 1));
}

describe('tính chất, trên 30 nhật ký ngẫu nhiên (có hạt giống)', () => {
  const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);

  test.each(SEEDS)('hạt %i: xuất → nhập vào nhật ký trống → xuất cho đúng tệp ấy', async (seed) => {
    const { db: first } = await freshDb();
    await mergeIntoLog(first, randomLog(seed, 25, 40));
    const exported = exportJson(await listAllIdeas(first), NOW);
    const { db: second } = await freshDb();
    const result = await importIdeas(second, exported, NOW);
    expect(result.ok).toBe(true);
    expect(exportJson(await listAllIdeas(second), NOW)).toBe(exported);
    // And the file the log exports is one the log imports again without change.
    const again = await importIdeas(second, exported, NOW);
    expect(again).toEqual({ ok: true, summary: expect.objectContaining({ added: 0, updated: 0 }) });
  });

  test.each(SEEDS)('hạt %i: gộp giao hoán và lũy đẳng', (seed) => {
    const a = randomLog(seed, 20, 15);
    const b = randomLog(seed + 100, 20, 15);
    expect(content(mergeLogs(a, b))).toEqual(content(mergeLogs(b, a)));
    const ab = mergeLogs(a, b);
    expect(mergeLogs(ab, b)).toEqual(ab);
    expect(mergeLogs(ab, a)).toEqual(ab);
    expect(mergeLogs(ab, ab)).toEqual(ab);
  });
});
