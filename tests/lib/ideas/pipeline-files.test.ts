// Issue 17, item 5: the export's new fields (topic, unit, answer, groupId,
// history) in JSON and CSV, files with and without them, and the merge laws
// with them — two moderators' logs merged in either order give the same log.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { deleteIdeasDb, type IdeasDb } from '../../../lib/ideas/db';
import { exportCsv, exportJson, toExportedIdea } from '../../../lib/ideas/export';
import { importIdeas } from '../../../lib/ideas/import';
import { mergeLogs } from '../../../lib/ideas/merge';
import type { HistoryEntry, Idea, IdeaInput } from '../../../lib/ideas/schema';
import { commentIdOf, dump, freshDb, makeIdea, uuidOf } from './helpers';

const NOW = new Date('2026-12-01T00:00:00.000Z');
const G1 = uuidOf(9001);
const G2 = uuidOf(9002);
const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 0, minute)).toISOString();

const ANSWERED: Partial<IdeaInput> = {
  status: 'answered',
  topic: 'nang-luong',
  unit: 'Cục Đổi mới sáng tạo',
  answer: {
    text: 'Bộ đã tiếp nhận và chuyển Cục Đổi mới sáng tạo.',
    answeredAt: at(30),
    permalink: `https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=${commentIdOf(900)}`,
  },
  groupId: G1,
  history: [
    { at: at(10), by: 'Lan', groupId: G1 },
    { at: at(20), by: 'Minh', status: 'forwarded', unit: 'Cục Đổi mới sáng tạo' },
    { at: at(30), by: 'Minh', status: 'answered', answered: true },
  ],
  updatedAt: at(30),
};

describe('CSV có các trường mới / CSV gains the pipeline columns', () => {
  test('chủ đề, đơn vị, trả lời, ngày và liên kết trả lời, nhóm, số lần đổi', () => {
    const [head, row, blank] = exportCsv([makeIdea(1, ANSWERED)])
      .slice(1)
      .split('\r\n');
    expect(blank).toBe('');
    const headers = head!.split('","');
    const cells = row!.split('","');
    const cell = (header: string) =>
      cells[headers.findIndex((h) => h.includes(header))]!.replace(/^"|"$/g, '');
    expect(cell('(topic)')).toBe('nang-luong');
    expect(cell('(unit)')).toBe('Cục Đổi mới sáng tạo');
    expect(cell('(answer)')).toBe('Bộ đã tiếp nhận và chuyển Cục Đổi mới sáng tạo.');
    expect(cell('(answer.answeredAt)')).toBe('2026-11-28T07:30:00+07:00');
    expect(cell('(answer.permalink)')).toContain(commentIdOf(900));
    expect(cell('(groupId)')).toBe(G1);
    expect(cell('(history)')).toBe('3');
  });

  test('ý tưởng chưa có gì trong quy trình: ô trống, số lần đổi 0', () => {
    const [head, row] = exportCsv([makeIdea(1)])
      .slice(1)
      .split('\r\n');
    const headers = head!.split('","');
    const cells = row!.split('","');
    for (const header of ['(topic)', '(unit)', '(answer)', '(groupId)'])
      expect(cells[headers.findIndex((h) => h.includes(header))]).toBe('');
    expect(cells.at(-1)).toBe('0"');
  });

  test('một câu trả lời bắt đầu bằng "=" không thành công thức', () => {
    const csv = exportCsv([
      makeIdea(1, { ...ANSWERED, answer: { text: '=HYPERLINK("x")', answeredAt: at(1) } }),
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

let db: IdeasDb;
let name: string;
beforeEach(async () => {
  ({ db, name } = await freshDb());
});
afterEach(async () => {
  db.close();
  await deleteIdeasDb(name);
});

describe('nhập tệp có và không có các trường mới', () => {
  test('tệp cũ (không có topic, unit, answer, groupId, history): nhập được, nhận giá trị mặc định', async () => {
    const old = [1, 2].map((n) => {
      const {
        topic: _t,
        unit: _u,
        answer: _a,
        groupId: _g,
        history: _h,
        ...rest
      } = toExportedIdea(makeIdea(n));
      return rest;
    });
    const file = JSON.stringify({
      format: 'khcn-moderator/ideas',
      version: 1,
      exportedAt: NOW.toISOString(),
      ideas: old,
    });
    const result = await importIdeas(db, file, NOW);
    expect(result).toMatchObject({ ok: true, summary: { added: 2 } });
    for (const idea of await dump(db)) {
      expect(idea).toMatchObject({ topic: null, unit: null, answer: null, groupId: null, history: [] });
    }
  });

  test('tệp mới: xuất rồi nhập vào nhật ký trống giữ nguyên mọi trường; nhập lại lần hai không đổi gì', async () => {
    const ideas = [
      makeIdea(1, ANSWERED),
      makeIdea(2, { ...ANSWERED, answer: null, status: 'forwarded' }),
      makeIdea(3),
    ];
    const file = exportJson(ideas, NOW);
    expect(await importIdeas(db, file, NOW)).toMatchObject({ ok: true, summary: { added: 3 } });
    const once = await dump(db);
    expect(once).toEqual(ideas);
    expect(await importIdeas(db, file, NOW)).toEqual({
      ok: true,
      summary: { added: 0, updated: 0, unchanged: 3, rejected: [] },
    });
    expect(await dump(db)).toEqual(once);
  });

  test('trường mới sai (groupId không phải UUID, lịch sử có trạng thái lạ): báo rõ chỗ sai, không nhập gì', async () => {
    const bad = {
      ...toExportedIdea(makeIdea(1)),
      groupId: 'nhóm-1',
      history: [{ at: at(1), status: 'xong' }],
    };
    const file = JSON.stringify({
      format: 'khcn-moderator/ideas',
      version: 1,
      exportedAt: NOW.toISOString(),
      ideas: [bad],
    });
    const result = await importIdeas(db, file, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('ideas[0].groupId');
      expect(result.error).toContain('ideas[0].history[0].status');
    }
    expect(await dump(db)).toEqual([]);
  });
});

/** Deterministic generator (mulberry32): the same cases on every run. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One moderator's log: some of five comments, each with a version that
 * differs in the pipeline's fields. Few distinct `updatedAt` values, so ties
 * (the tie-break's work) are frequent; ids differ per log as in real exports.
 */
function randomLog(random: () => number, moderator: number): Idea[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const log: Idea[] = [];
  for (let n = 1; n <= 5; n++) {
    if (random() < 0.25) continue;
    const history: HistoryEntry[] = [];
    const entries = Math.floor(random() * 3);
    for (let e = 0; e < entries; e++) {
      history.push(
        pick<HistoryEntry>([
          { at: at(pick([1, 2, 3])), by: pick(['Lan', 'Minh']), groupId: pick([G1, G2, null]) },
          { at: at(pick([1, 2, 3])), by: 'Minh', status: pick(['reviewing', 'forwarded', 'answered']) },
          { at: at(pick([1, 2])), by: 'Lan', unit: pick(['Vụ Pháp chế', null]) },
          { at: at(4), by: 'Lan', answered: true },
        ]),
      );
    }
    log.push(
      makeIdea(n, {
        id: uuidOf(moderator * 100 + n),
        status: pick(['new', 'forwarded', 'answered', 'declined']),
        tags: random() < 0.5 ? [pick(['y tế', 'giáo dục', 'năng lượng'])] : [],
        topic: pick(['nang-luong', 'chuyen-doi-so', null]),
        unit: pick(['Vụ Pháp chế', 'Cục Sở hữu trí tuệ', null]),
        answer: random() < 0.3 ? { text: pick(['Đã trả lời.', 'Bộ ghi nhận.']), answeredAt: at(5) } : null,
        groupId: pick([G1, G2, null]),
        history,
        updatedAt: at(pick([6, 7, 8])),
      }),
    );
  }
  return log;
}

/** The log as data keyed by comment: `id` is local to each log. */
function content(log: readonly Idea[]) {
  return log.map(({ id: _id, ...rest }) => rest).sort((x, y) => (x.commentId < y.commentId ? -1 : 1));
}

describe('luật gộp với các trường mới (200 bộ ngẫu nhiên cố định) / merge laws with the new fields', () => {
  const CASES = Array.from({ length: 200 }, (_, seed) => {
    const random = generator(seed + 1);
    return [randomLog(random, 1), randomLog(random, 2), randomLog(random, 3)] as const;
  });

  test('giao hoán: nhật ký của hai người gộp theo thứ tự nào cũng như nhau', () => {
    for (const [a, b] of CASES) expect(content(mergeLogs(a, b))).toEqual(content(mergeLogs(b, a)));
  });

  test('kết hợp: (A∪B)∪C = A∪(B∪C)', () => {
    for (const [a, b, c] of CASES)
      expect(content(mergeLogs(mergeLogs(a, b), c))).toEqual(content(mergeLogs(a, mergeLogs(b, c))));
  });

  test('lũy đẳng: gộp lại cùng nhật ký không đổi gì', () => {
    for (const [a, b] of CASES) {
      const merged = mergeLogs(a, b);
      expect(mergeLogs(merged, b)).toEqual(merged);
      expect(mergeLogs(merged, merged)).toEqual(merged);
      expect(content(mergeLogs(a, a))).toEqual(content(a));
    }
  });

  test('lịch sử của cả hai người được giữ (hợp), các trường khác theo bản mới hơn', () => {
    const mine = makeIdea(1, { ...ANSWERED, updatedAt: at(30) });
    const theirs = makeIdea(1, {
      id: uuidOf(501),
      groupId: G2,
      unit: 'Vụ Pháp chế',
      history: [{ at: at(40), by: 'Hà', groupId: G2 }],
      updatedAt: at(40),
    });
    const [merged] = mergeLogs([mine], [theirs]);
    expect(merged).toMatchObject({ id: mine.id, groupId: G2, unit: 'Vụ Pháp chế', answer: null });
    expect(merged!.history).toHaveLength(4);
  });

  test('trong cơ sở dữ liệu: nhập tệp của A rồi B bằng nhập B rồi A', async () => {
    for (const [a, b] of CASES.slice(0, 20)) {
      const ab = await freshDb();
      const ba = await freshDb();
      for (const [target, first, second] of [
        [ab.db, a, b],
        [ba.db, b, a],
      ] as const) {
        expect((await importIdeas(target, exportJson(first, NOW), NOW)).ok).toBe(true);
        expect((await importIdeas(target, exportJson(second, NOW), NOW)).ok).toBe(true);
      }
      expect(content(await dump(ab.db))).toEqual(content(await dump(ba.db)));
      for (const opened of [ab, ba]) {
        opened.db.close();
        await deleteIdeasDb(opened.name);
      }
    }
  });
});
