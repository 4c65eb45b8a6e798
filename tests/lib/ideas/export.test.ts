import { describe, expect, test } from 'vitest';
import {
  csvCell,
  exportCsv,
  exportFileName,
  exportJson,
  exportJsonParts,
  toVietnamTime,
} from '../../../lib/ideas/export';
import { ExportFile } from '../../../lib/ideas/schema';
import { makeIdea } from './helpers';

const NOW = new Date('2026-11-28T17:30:00.000Z');

describe('exportJson', () => {
  test('đúng hợp đồng và đọc lại được bằng schema', () => {
    const ideas = [
      makeIdea(1, { tags: ['y tế'] }),
      makeIdea(2, { authorName: undefined, authorUrl: undefined }),
    ];
    const value = JSON.parse(exportJson(ideas, NOW));
    expect(Object.keys(value)).toEqual(['format', 'version', 'exportedAt', 'ideas']);
    expect(value).toMatchObject({
      format: 'khcn-moderator/ideas',
      version: 1,
      exportedAt: NOW.toISOString(),
    });
    for (const key of ['id', 'commentId', 'permalink', 'text', 'capturedAt', 'status', 'tags']) {
      expect(value.ideas[0]).toHaveProperty(key);
    }
    expect(value.ideas[1]).not.toHaveProperty('authorName');
    expect(ExportFile.parse(value).ideas).toEqual(ideas);
  });

  test('tệp rỗng vẫn hợp lệ; chia thành từng phần, mỗi ý tưởng một dòng', () => {
    expect(ExportFile.parse(JSON.parse(exportJson([], NOW))).ideas).toEqual([]);
    const parts = exportJsonParts([makeIdea(1), makeIdea(2), makeIdea(3)], NOW);
    expect(parts).toHaveLength(5);
    expect(parts.join('').split('\n')).toHaveLength(6);
  });
});

describe('exportCsv', () => {
  test.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+84 912', `"'+84 912"`],
    ['-1+2', `"'-1+2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tlệnh', `"'\tlệnh"`],
    ['\rlệnh', `"'\rlệnh"`],
    ['Ý tưởng "hay", dòng 1\ndòng 2', '"Ý tưởng ""hay"", dòng 1\ndòng 2"'],
    ['bình thường = không sao', '"bình thường = không sao"'],
  ])('ô %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('BOM UTF-8, dòng CRLF, ngày giờ +07:00, ô công thức bị vô hiệu', () => {
    const csv = exportCsv([makeIdea(1, { text: '=cmd|calc', status: 'adopted', tags: ['a', 'b'] })]);
    expect(csv.startsWith('\uFEFF"Mã ý tưởng (id)"')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toContain(`"'=cmd|calc"`);
    expect(lines[1]).toContain('"Được tiếp thu"');
    expect(lines[1]).toContain('"a; b"');
    expect(lines[1]).toContain('"2026-11-01T07:01:00+07:00"');
  });
});

describe('thời gian Việt Nam và tên tệp', () => {
  test.each([
    ['2026-11-28T17:30:00.000Z', '2026-11-29T00:30:00+07:00'],
    ['2026-01-01T00:00:00.000Z', '2026-01-01T07:00:00+07:00'],
    ['2025-12-31T16:59:59.999Z', '2025-12-31T23:59:59+07:00'],
  ])('%s → %s', (iso, vn) => {
    expect(toVietnamTime(iso)).toBe(vn);
  });

  test('tên tệp mang ngày theo giờ Việt Nam', () => {
    expect(exportFileName('json', NOW)).toBe('khcn-y-tuong-2026-11-29.json');
    expect(exportFileName('csv', new Date('2026-11-28T03:00:00Z'))).toBe('khcn-y-tuong-2026-11-28.csv');
  });
});
