import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { deleteIdeasDb, type IdeasDb, listAllIdeas, saveComment, updateIdea } from '../../../lib/ideas/db';
import { exportJson, exportJsonParts, toExportedIdea } from '../../../lib/ideas/export';
import {
  formatPath,
  importIdeas,
  MAX_IMPORT_BYTES,
  mergeIntoLog,
  parseExport,
  readImportFile,
} from '../../../lib/ideas/import';
import type { Idea } from '../../../lib/ideas/schema';
import { dump, freshDb, makeComment, makeIdea, SETTINGS, uuidOf } from './helpers';

// Vitest runs from the project root.
const fixture = (name: string) => readFileSync(resolve('tests/fixtures/imports', name), 'utf8');

let db: IdeasDb;
let name: string;
const others: string[] = [];

beforeEach(async () => {
  ({ db, name } = await freshDb());
});
afterEach(async () => {
  db.close();
  await deleteIdeasDb(name);
  for (const other of others.splice(0)) await deleteIdeasDb(other);
});

/** A log that already holds work: one idea shares a comment with the corpus files. */
async function seedLog(): Promise<Idea[]> {
  const PAGE = 'https://www.facebook.com/khcndmst';
  const first = await saveComment(db, makeComment(0, { id: '2233445566778899' }), [], PAGE, SETTINGS);
  await updateIdea(db, first.idea.id, { status: 'reviewing', tags: ['cũ'], note: 'đang xem' });
  for (let i = 1; i <= 5; i++) await saveComment(db, makeComment(i + 10), [], PAGE, SETTINGS);
  return dump(db);
}

describe('tệp hỏng: báo lỗi rõ ràng, nhật ký giữ nguyên từng byte', () => {
  test.each([
    ['JSON bị cắt ngang', 'truncated.json', /không phải JSON hợp lệ/],
    ['sai định dạng', 'wrong-format.json', /^format: không phải tệp xuất của KHCN Moderator/m],
    ['sai phiên bản', 'wrong-version.json', /^version: phiên bản không hỗ trợ/m],
    [
      'sai kiểu dữ liệu',
      'wrong-types.json',
      /^ideas\[1\]\.tags: .*\n^ideas\[1\]\.capturedAt: .*\n^ideas\[2\]\.status: /m,
    ],
    ['liên kết không phải Facebook', 'bad-permalink.json', /^ideas\[3\]\.permalink: /m],
    ['trùng id', 'duplicate-id.json', /^ideas\[1\]\.id: trùng id với ideas\[0\]/m],
    [
      'trùng commentId',
      'duplicate-comment-id.json',
      /^ideas\[1\]\.commentId: trùng commentId với ideas\[0\]/m,
    ],
    ['khóa __proto__', 'proto-keys.json', /khóa bị cấm "__proto__" tại ideas\[0\]/],
    ['khóa constructor', 'constructor-key.json', /khóa bị cấm "constructor" tại ideas\[0\]\.flags\[0\]/],
    ['tệp trống', 'empty.json', /Tệp trống/],
    ['chỉ có khoảng trắng', 'whitespace.json', /Tệp trống/],
    ['tệp CSV đặt tên .json', 'csv-named.json', /tệp CSV/],
    ['không phải đối tượng', 'not-an-object.json', /^\(tệp \/ file\): /m],
  ])('%s (%s)', async (_name, file, message) => {
    const before = await seedLog();
    const result = await importIdeas(db, fixture(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(message);
    expect(result.error).toMatch(/Nhật ký không thay đổi\.\n.*The log was not changed\./);
    expect(await dump(db)).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('tệp quá lớn (tạo trong bài kiểm tra): từ chối trước khi đọc', async () => {
    const before = await seedLog();
    const big = `{"format":"khcn-moderator/ideas","version":1,"ideas":[],"pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
    const result = await importIdeas(db, big);
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Tệp quá lớn \(50\.0 MB, tối đa 50\.0 MB\)/),
    });
    let read = false;
    const hugeFile = {
      size: MAX_IMPORT_BYTES + 1,
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    } as unknown as Blob;
    expect(await readImportFile(hugeFile)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Tệp quá lớn/),
    });
    expect(read).toBe(false);
    expect(await dump(db)).toEqual(before);
  });

  test('lỗi khi ghi giữa chừng: hủy cả giao dịch, không ghi ý tưởng nào', async () => {
    const before = await seedLog();
    const unclonable = { ...makeIdea(3), extra: () => 1 } as unknown as Idea;
    await expect(mergeIntoLog(db, [makeIdea(1), makeIdea(2), unclonable])).rejects.toThrow();
    expect(await dump(db)).toEqual(before);
  });

  // The whole text, as the sidebar's alert shows it: both languages (lib/i18n/bilingual.ts), then the details.
  test.each([
    [
      'wrong-version.json',
      'Tệp xuất không hợp lệ, không nhập gì cả. Nhật ký không thay đổi.\n' +
        'Invalid export file, nothing imported. The log was not changed.\n' +
        'version: phiên bản không hỗ trợ (cần 1) / unsupported version',
    ],
    [
      'proto-keys.json',
      'Tệp chứa khóa bị cấm "__proto__" tại ideas[0]. Nhật ký không thay đổi.\n' +
        'The file holds the forbidden key "__proto__" at ideas[0]. The log was not changed.',
    ],
    [
      'not-an-object.json',
      'Tệp xuất không hợp lệ, không nhập gì cả. Nhật ký không thay đổi.\n' +
        'Invalid export file, nothing imported. The log was not changed.\n' +
        '(tệp / file): Invalid input: expected object, received array',
    ],
  ])('the moderator reads exactly this for %s', (file, message) => {
    expect(parseExport(fixture(file))).toEqual({ ok: false, error: message });
  });

  test('every problem past the fifth is counted, and a far-future date is named', () => {
    const ideas = Array.from({ length: 3 }, () => ({}));
    expect(parseExport(JSON.stringify({ format: 'khcn-moderator/ideas', version: 1, ideas }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/\n\(và \d+ lỗi khác \/ and \d+ more\)$/),
    });
    const early = new Date('2000-01-01T00:00:00Z');
    expect(parseExport(fixture('html-and-script.json'), early)).toMatchObject({
      ok: false,
      error: expect.stringContaining(
        'Tệp có thời điểm ở tương lai (quá một ngày so với đồng hồ máy này). Nhật ký không thay đổi.\n' +
          'The file holds dates in the future (more than a day past this machine’s clock). The log was not changed.\n' +
          'ideas[0].capturedAt: 2026-11-21T02:30:00.000Z ở tương lai / is in the future\n',
      ),
    });
  });

  test('đường dẫn lỗi đọc được', () => {
    expect(formatPath(['ideas', 3, 'permalink'])).toBe('ideas[3].permalink');
    expect(formatPath([])).toBe('(tệp / file)');
  });
});

describe('nhập tệp hợp lệ', () => {
  test('HTML và script trong văn bản được nhập như chữ thường (có BOM UTF-8)', async () => {
    const raw = fixture('html-and-script.json');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const result = await importIdeas(db, raw);
    expect(result).toEqual({ ok: true, summary: { added: 2, updated: 0, unchanged: 0, rejected: [] } });
    const ideas = await dump(db);
    const first = ideas.find((idea) => idea.commentId === '2233445566778899')!;
    expect(first.text).toBe('<img src=x onerror="window.__pwned=1"> Ý tưởng hay');
    expect(first.note).toBe('<script>window.__pwned=2</script>');
    expect(first.tags).toEqual(['<b>nhãn</b>']);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  test('xuất → nhập vào hồ sơ mới: không mất gì', async () => {
    await seedLog();
    await saveComment(
      db,
      makeComment(30, { text: '  Dòng 1\nDòng 2 — "trích dẫn" & <b>đậm</b> 😀  ' }),
      [
        { category: 'scam', ruleId: 'scam-2' },
        { category: 'health', ruleId: 'h-1' },
      ],
      null,
      SETTINGS,
    );
    const original = await dump(db);
    const file = exportJson(await listAllIdeas(db), new Date());
    const fresh = await freshDb();
    others.push(fresh.name);
    const result = await importIdeas(fresh.db, file);
    expect(result).toEqual({
      ok: true,
      summary: { added: original.length, updated: 0, unchanged: 0, rejected: [] },
    });
    expect(await dump(fresh.db)).toEqual(original);
    // and back again: the second import changes nothing
    expect(await importIdeas(fresh.db, file)).toEqual({
      ok: true,
      summary: { added: 0, updated: 0, unchanged: original.length, rejected: [] },
    });
    expect(await dump(fresh.db)).toEqual(original);
    fresh.db.close();
  });

  // A few ideas into a big log are read one by one; many into a small log with one getAll.
  test.each([
    ['nhật ký nhỏ (đọc một lần)', 0],
    ['nhật ký lớn (đọc từng ý tưởng)', 40],
  ])('gộp theo commentId vào %s: giữ id cũ, hợp nhất nhãn, bản mới hơn thắng', async (_name, extra) => {
    for (let i = 0; i < extra; i++) {
      await saveComment(db, makeComment(i + 1000), [], null, SETTINGS);
    }
    const before = await seedLog();
    const existing = before.find((idea) => idea.commentId === '2233445566778899')!;
    const newer = makeIdea(0, {
      id: uuidOf(900),
      commentId: '2233445566778899',
      status: 'adopted',
      tags: ['mới'],
      // Newer than the log's (saved just now), within the day of clock skew an import allows.
      updatedAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    });
    const fresh = makeIdea(78);
    const result = await importIdeas(db, exportJson([newer, fresh], new Date()));
    expect(result).toEqual({ ok: true, summary: { added: 1, updated: 1, unchanged: 0, rejected: [] } });
    const after = await dump(db);
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((idea) => idea.commentId === '2233445566778899')).toMatchObject({
      id: existing.id,
      status: 'adopted',
      tags: ['cũ', 'mới'],
    });
  });

  test.each([
    ['nhật ký nhỏ (đọc một lần)', 0],
    ['nhật ký lớn (đọc từng ý tưởng)', 40],
  ])('%s: một id đã thuộc về bình luận khác → cả tệp bị từ chối, nhật ký không đổi', async (_name, extra) => {
    for (let i = 0; i < extra; i++) {
      await saveComment(db, makeComment(i + 1000), [], null, SETTINGS);
    }
    const before = await seedLog();
    const bystander = before.find((idea) => idea.commentId !== '2233445566778899')!;
    const newer = makeIdea(0, { id: uuidOf(900), commentId: '2233445566778899', status: 'adopted' });
    const clash = makeIdea(77, { id: bystander.id });
    const fresh = makeIdea(78);
    const snapshot = await dump(db);
    const result = await importIdeas(db, exportJson([newer, clash, fresh], new Date()));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('ideas[1].id') });
    if (result.ok) return;
    expect(result.error).toContain('đã thuộc về bình luận');
    expect(result.error).toContain('Nhật ký không thay đổi');
    expect(await dump(db)).toEqual(snapshot);
  });

  test('tệp đã chọn (Blob) được đọc và nhập', async () => {
    const blob = new Blob([exportJson([makeIdea(1)], new Date())], { type: 'application/json' });
    expect(await importIdeas(db, blob)).toMatchObject({ ok: true, summary: { added: 1 } });
  });

  test('tệp kèm thùng rác: hợp lệ, chỉ nhập "ideas", không đưa thùng rác trở lại', async () => {
    const trashed = { ...makeIdea(2), deletedAt: '2026-11-30T01:00:00.000Z' };
    const text = exportJsonParts([makeIdea(1)], new Date('2026-12-01T00:00:00.000Z'), [trashed]).join('');
    const file = JSON.parse(text);
    expect(file.trash).toEqual([{ ...toExportedIdea(trashed), deletedAt: trashed.deletedAt }]);
    expect(file).toMatchObject({ format: 'khcn-moderator/ideas', version: 1 });
    expect(await importIdeas(db, text)).toMatchObject({ ok: true, summary: { added: 1, updated: 0 } });
    expect((await dump(db)).map((idea) => idea.id)).toEqual([makeIdea(1).id]);
    expect(await db.count('trash')).toBe(0);
    // Without the trash the file is byte for byte what it was before the trash existed.
    expect(exportJsonParts([makeIdea(1)], new Date(0)).join('')).toBe(exportJson([makeIdea(1)], new Date(0)));
    expect(exportJson([makeIdea(1)], new Date(0)).endsWith('\n]}\n')).toBe(true);
  });

  test('parseExport không đụng tới cơ sở dữ liệu', () => {
    expect(parseExport('{}')).toMatchObject({ ok: false, error: expect.stringMatching(/^format: /m) });
  });
});
