import { describe, expect, test } from 'vitest';
import { computeReport } from '../../../lib/ideas/report';
import { reportFileName, reportTables, tableCsv } from '../../../lib/ideas/report-tables';
import { DEFAULT_TOPICS } from '../../../lib/ideas/topics';
import { makeIdea, uuidOf } from './helpers';

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 5)).toISOString();
const report = computeReport({
  ideas: [
    makeIdea(1, {
      capturedAt: at(2),
      topic: 'nang-luong',
      groupId: uuidOf(9),
      text: '=HYPERLINK("x") "trích" dẫn',
    }),
    makeIdea(2, { capturedAt: at(3), topic: 'nang-luong', groupId: uuidOf(9) }),
    makeIdea(3, { capturedAt: at(10), topic: 'chu-de-cu' }),
    makeIdea(4, { capturedAt: at(11), answer: { text: 'Trả lời', answeredAt: at(13) }, status: 'answered' }),
  ],
  range: { from: '2026-11-02', to: '2026-11-15' },
  topics: DEFAULT_TOPICS,
  utcOffsetMinutes: 420,
  flagDays: { days: { '2026-11-04': { scam: 2, health: 1 } } },
});
const tables = Object.fromEntries(reportTables(report, DEFAULT_TOPICS).map((t) => [t.id, t]));

describe('bảng số liệu của báo cáo (cùng một nguồn cho trang, HTML và CSV)', () => {
  test('bảng tuần: tên chủ đề song ngữ; mã chủ đề đã xóa hiện nguyên mã; dòng tổng', () => {
    expect(tables.weeks!.header).toEqual([
      'Tuần / Week',
      'Các ngày / Days',
      'Năng lượng / Energy',
      'chu-de-cu / chu-de-cu',
      'Chưa có chủ đề / No topic',
      'Tổng / Total',
    ]);
    expect(tables.weeks!.rows).toEqual([
      ['2026-W45', '2026-11-02 – 2026-11-08', 2, 0, 0, 2],
      ['2026-W46', '2026-11-09 – 2026-11-15', 0, 1, 1, 2],
    ]);
    expect(tables.weeks!.footer).toEqual(['Tổng / Total', '', 2, 1, 1, 4]);
  });

  test('bảng thời gian trả lời: các khoảng rồi các số chính, trung vị theo ngày', () => {
    const rows = Object.fromEntries(tables.answers!.rows.map(([label, value]) => [label, value]));
    expect(rows['≤ 3 ngày / ≤ 3 days']).toBe(1);
    expect(rows['Trung vị (ngày) / Median (days)']).toBe(2);
    expect(rows['Chưa trả lời / Not answered']).toBe(3);
  });

  test('bảng cờ: chỉ những ngày có cờ, và dòng tổng theo loại', () => {
    expect(tables.flags!.rows).toEqual([['2026-11-04', 1, 2, 0, 0, 0, 3]]);
    expect(tables.flags!.footer).toEqual(['Tổng / Total', 1, 2, 0, 0, 0, 3]);
  });
});

describe('CSV', () => {
  test('BOM, CRLF, số viết thẳng, chữ trong ngoặc kép', () => {
    const csv = tableCsv(tables.weeks!);
    expect(csv.startsWith('\uFEFF"Tuần / Week",')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('"2026-W45","2026-11-02 – 2026-11-08",2,0,0,2');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  test('trích đoạn bình luận: công thức bị vô hiệu, ngoặc kép nhân đôi', () => {
    const line = tableCsv(tables.groups!).split('\r\n')[1]!;
    expect(line).toContain(`"'=HYPERLINK(""x"") ""trích"" dẫn"`);
  });

  test.each<[Parameters<typeof reportFileName>[1], string]>([
    ['html', 'khcn-bao-cao-2026-11-02_2026-11-15.html'],
    ['weeks', 'khcn-bao-cao-2026-11-02_2026-11-15-y-tuong-theo-tuan.csv'],
    ['flags', 'khcn-bao-cao-2026-11-02_2026-11-15-co-theo-ngay.csv'],
  ])('tên tệp %s', (what, name) => {
    expect(reportFileName(report, what)).toBe(name);
  });
});
