import { describe, expect, test } from 'vitest';
import { instantMs as instantMsFast } from '../../../lib/ideas/instant';
import {
  computeReport,
  DayKey,
  dayKey,
  dayNumber,
  excerpt,
  isoWeek,
  NO_TOPIC,
  nearestRank,
  presetRange,
  type ReportPreset,
  ReportRange,
  supporterKey,
} from '../../../lib/ideas/report';
import type { HistoryEntry, IdeaInput } from '../../../lib/ideas/schema';
import { makeIdea, uuidOf } from './helpers';

const VN = 420;
const TOPICS = [{ id: 'nang-luong' }, { id: 'y-sinh' }, { id: 'chuyen-doi-so' }];

/** An idea saved at a Vietnam local time `YYYY-MM-DD HH:mm`. */
function savedAt(local: string): string {
  return new Date(`${local.replace(' ', 'T')}:00+07:00`).toISOString();
}

function idea(n: number, local: string, over: Partial<IdeaInput> = {}) {
  return makeIdea(n, { capturedAt: savedAt(local), ...over });
}

function history(...entries: Partial<HistoryEntry>[]): HistoryEntry[] {
  return entries.map((e, i) => ({ at: new Date(Date.UTC(2026, 10, 1, i)).toISOString(), by: 'Lan', ...e }));
}

describe('ngày và tuần ISO', () => {
  test.each<[string, string, string]>([
    ['thứ Hai đầu tuần 49', '2026-11-30', '2026-W49'],
    ['Chủ nhật cuối tuần 49', '2026-12-06', '2026-W49'],
    ['1/1/2027 (thứ Sáu) thuộc tuần 53 của 2026', '2027-01-01', '2026-W53'],
    ['29/12/2025 (thứ Hai) thuộc tuần 1 của 2026', '2025-12-29', '2026-W01'],
    ['4/1/2021 là tuần 1 của 2021', '2021-01-04', '2021-W01'],
  ])('%s', (_name, day, week) => {
    expect(isoWeek(dayNumber(day))).toBe(week);
  });

  test('dayKey là nghịch đảo của dayNumber', () => {
    for (const day of ['1970-01-01', '2024-02-29', '2026-12-31']) expect(dayKey(dayNumber(day))).toBe(day);
  });

  test.each<[string, unknown, boolean]>([
    ['ngày hợp lệ', '2026-12-06', true],
    ['30 tháng Hai', '2026-02-30', false],
    ['sai dạng', '6/12/2026', false],
  ])('DayKey: %s', (_name, value, ok) => {
    expect(DayKey.safeParse(value).success).toBe(ok);
  });

  test.each<[string, unknown, boolean]>([
    ['đúng thứ tự', { from: '2026-01-01', to: '2026-12-06' }, true],
    ['một ngày', { from: '2026-12-06', to: '2026-12-06' }, true],
    ['ngược', { from: '2026-12-07', to: '2026-12-06' }, false],
    ['dài hơn 5 năm', { from: '2015-01-01', to: '2026-12-06' }, false],
  ])('ReportRange: %s', (_name, value, ok) => {
    expect(ReportRange.safeParse(value).success).toBe(ok);
  });

  test.each<[unknown, string]>([
    [{ from: '2026-1-1', to: '2026-12-06' }, 'cần ngày dạng YYYY-MM-DD / expected a YYYY-MM-DD date'],
    [{ from: '2026-02-30', to: '2026-12-06' }, 'ngày không tồn tại / no such date'],
    [{ from: '2026-12-07', to: '2026-12-06' }, 'ngày bắt đầu sau ngày kết thúc / the start is after the end'],
    [{ from: '2015-01-01', to: '2026-12-06' }, 'khoảng ngày dài quá 5 năm / range longer than five years'],
  ])('ReportRange %j: the whole message, both languages', (value, message) => {
    expect(ReportRange.safeParse(value).error?.issues[0]?.message).toBe(message);
  });
});

describe('instantMsFast: đọc thời điểm chuẩn nhanh, đúng như Date.parse', () => {
  test.each([
    '1970-01-01T00:00:00.000Z',
    '2024-02-29T23:59:59.999Z',
    '2026-12-06T16:30:05.120Z',
    '2000-03-01T00:00:00.000Z',
    '1900-02-28T12:00:00.000Z',
    '0001-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    // Not the normal form: handed to Date.parse.
    '2026-12-06T23:30:00+07:00',
  ])('%s', (iso) => {
    expect(instantMsFast(iso)).toBe(Date.parse(iso));
  });

  test('mọi ngày trong 4 năm', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000 + 3_723_001) {
      const iso = new Date(t).toISOString();
      expect(instantMsFast(iso)).toBe(t);
    }
  });
});

describe('khoảng ngày có sẵn (hôm nay 6/12/2026)', () => {
  test.each<[ReportPreset, string, string]>([
    ['last7', '2026-11-30', '2026-12-06'],
    ['last4weeks', '2026-11-09', '2026-12-06'],
    ['thisQuarter', '2026-10-01', '2026-12-06'],
    ['thisYear', '2026-01-01', '2026-12-06'],
  ])('%s: %s → %s', (preset, from, to) => {
    expect(presetRange(preset, '2026-12-06')).toEqual({ from, to });
  });

  test('quý đầu năm bắt đầu 1/1', () => {
    expect(presetRange('thisQuarter', '2026-02-15').from).toBe('2026-01-01');
  });
});

describe('ý tưởng theo tuần và chủ đề', () => {
  const ideas = [
    idea(1, '2026-11-30 08:00', { topic: 'y-sinh' }),
    idea(2, '2026-12-01 09:00', { topic: 'nang-luong' }),
    idea(3, '2026-12-06 23:30', { topic: 'nang-luong' }), // 16:30 UTC: still Sunday in Vietnam
    idea(4, '2026-12-07 00:30', { topic: null }), // 6 Dec 17:30 UTC: Monday in Vietnam, next week
    idea(5, '2026-12-08 10:00', { topic: 'chu-de-da-xoa' }),
    idea(6, '2026-11-29 22:00', { topic: 'y-sinh' }), // before the range
  ];
  const report = computeReport({
    ideas,
    range: { from: '2026-11-30', to: '2026-12-08' },
    topics: TOPICS,
    utcOffsetMinutes: VN,
  });

  test('tính theo ngày giờ Việt Nam, không theo UTC', () => {
    expect(report.total).toBe(5);
    expect(report.weeks.map((w) => [w.week, w.total])).toEqual([
      ['2026-W49', 3],
      ['2026-W50', 2],
    ]);
  });

  test('cột: thứ tự danh sách chủ đề, rồi mã lạ, rồi "không chủ đề"; chỉ cột có ý tưởng', () => {
    expect(report.topicColumns).toEqual(['nang-luong', 'y-sinh', 'chu-de-da-xoa', NO_TOPIC]);
    expect(report.weeks[0]!.byTopic).toEqual({
      'nang-luong': 2,
      'y-sinh': 1,
      'chu-de-da-xoa': 0,
      [NO_TOPIC]: 0,
    });
    expect(report.topicTotals).toEqual({ 'nang-luong': 2, 'y-sinh': 1, 'chu-de-da-xoa': 1, [NO_TOPIC]: 1 });
  });

  test('tuần cuối bị cắt theo khoảng ngày', () => {
    expect(report.weeks[1]).toMatchObject({ from: '2026-12-07', to: '2026-12-08' });
  });

  test('khoảng không có ý tưởng: các tuần vẫn có, toàn số 0', () => {
    const empty = computeReport({
      ideas: [],
      range: { from: '2026-11-30', to: '2026-12-13' },
      utcOffsetMinutes: VN,
    });
    expect(empty.weeks.map((w) => w.total)).toEqual([0, 0]);
    expect(empty.topicColumns).toEqual([]);
    expect(empty.answerTimes.medianDays).toBeNull();
  });
});

describe('phễu trạng thái', () => {
  const range = { from: '2026-11-01', to: '2026-11-30' };
  test.each<[string, Partial<IdeaInput>, number, 'adopted' | 'declined' | null]>([
    ['mới lưu', { status: 'new' }, 0, null],
    ['đang xem xét, không có lịch sử', { status: 'reviewing' }, 1, null],
    ['đã chuyển, không có lịch sử', { status: 'forwarded' }, 2, null],
    [
      'lưu trữ sau khi chuyển đơn vị: lịch sử cho biết đã tới "chuyển"',
      {
        status: 'archived',
        history: history({ status: 'reviewing' }, { status: 'forwarded' }, { status: 'archived' }),
      },
      2,
      null,
    ],
    [
      'có câu trả lời chính thức dù trạng thái vẫn "mới"',
      { status: 'new', answer: { text: 'Đã trả lời', answeredAt: '2026-11-10T00:00:00Z' } },
      3,
      null,
    ],
    [
      'lịch sử ghi đã trả lời rồi gỡ câu trả lời',
      { status: 'reviewing', history: history({ answered: true }, { answered: false }) },
      3,
      null,
    ],
    ['đã tiếp thu', { status: 'adopted' }, 4, 'adopted'],
    ['không tiếp thu', { status: 'declined' }, 4, 'declined'],
    [
      'không tiếp thu rồi lưu trữ: quyết định mới nhất trong lịch sử',
      {
        status: 'archived',
        history: history({ status: 'adopted' }, { status: 'declined' }, { status: 'archived' }),
      },
      4,
      'declined',
    ],
    ['lưu trữ ngay, không lịch sử', { status: 'archived' }, 0, null],
  ])('%s', (_name, over, rank, decision) => {
    const report = computeReport({ ideas: [idea(1, '2026-11-05 10:00', over)], range, utcOffsetMinutes: VN });
    expect(report.funnel.map((row) => row.reached)).toEqual([0, 1, 2, 3, 4].map((r) => (r <= rank ? 1 : 0)));
    expect(report.adopted).toBe(decision === 'adopted' ? 1 : 0);
    expect(report.declined).toBe(decision === 'declined' ? 1 : 0);
    expect(report.current[over.status ?? 'new']).toBe(1);
  });
});

describe('thời gian từ lúc lưu đến câu trả lời chính thức', () => {
  const range = { from: '2026-11-01', to: '2026-11-30' };
  const answered = (n: number, days: number) =>
    idea(n, '2026-11-02 08:00', {
      status: 'answered',
      answer: {
        text: 'Bộ đã tiếp nhận',
        answeredAt: new Date(Date.parse(savedAt('2026-11-02 08:00')) + days * 86_400_000).toISOString(),
      },
    });

  test('trung vị và phân vị 90 theo hạng gần nhất; ý tưởng chưa trả lời đếm riêng', () => {
    const ideas = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => answered(d, d));
    ideas.push(idea(11, '2026-11-03 08:00'), idea(12, '2026-11-29 08:00'));
    const report = computeReport({ ideas, range, utcOffsetMinutes: VN, waitingDays: 14 });
    expect(report.answerTimes).toMatchObject({
      answered: 10,
      unanswered: 2,
      waitingLong: 1, // saved 3 Nov: 27 days before the range's end; 29 Nov: 1 day
      medianDays: 5,
      p90Days: 9,
    });
    // ≤1, ≤3, ≤7, ≤14, ≤30, ≤60, >60
    expect(report.answerTimes.buckets).toEqual([1, 2, 4, 3, 0, 0, 0]);
  });

  test('câu trả lời ghi ngày trước lúc lưu tính là 0 ngày', () => {
    const report = computeReport({ ideas: [answered(1, -2)], range, utcOffsetMinutes: VN });
    expect(report.answerTimes.medianDays).toBe(0);
  });

  test.each<[string, number[], number | null, number | null]>([
    ['rỗng', [], null, null],
    ['một giá trị', [4], 4, 4],
    ['hai giá trị', [1, 3], 1, 3],
  ])('nearestRank: %s', (_name, values, median, p90) => {
    expect(nearestRank(values, 0.5)).toBe(median);
    expect(nearestRank(values, 0.9)).toBe(p90);
  });
});

describe('nhóm lớn nhất', () => {
  const g1 = uuidOf(9001);
  const g2 = uuidOf(9002);
  const ideas = [
    idea(1, '2026-10-20 08:00', {
      groupId: g1,
      text: 'Đề nghị   hỗ trợ\nđiện mặt trời áp mái',
      topic: 'nang-luong',
    }),
    idea(2, '2026-11-02 08:00', { groupId: g1, topic: 'nang-luong' }),
    idea(3, '2026-11-03 08:00', { groupId: g1, authorUrl: 'https://www.facebook.com/profile.php?id=10002' }),
    idea(4, '2026-11-04 08:00', { groupId: g2, topic: 'y-sinh' }),
    idea(5, '2026-11-05 08:00', { groupId: g2, topic: 'y-sinh' }),
    idea(6, '2026-11-06 08:00', { groupId: g2 }),
    idea(7, '2026-12-20 08:00', { groupId: uuidOf(9003) }),
  ];
  const report = computeReport({
    ideas,
    range: { from: '2026-11-01', to: '2026-11-30' },
    utcOffsetMinutes: VN,
  });

  test('xếp theo số thành viên trong khoảng; kích thước tính cả thành viên ngoài khoảng', () => {
    expect(report.groups.map((g) => [g.groupId, g.inRange, g.size])).toEqual([
      [g2, 3, 3],
      [g1, 2, 3],
    ]);
  });

  test('người ủng hộ: người bình luận khác nhau (cùng trang cá nhân tính một lần)', () => {
    expect(report.groups.find((g) => g.groupId === g1)!.supporters).toBe(2);
  });

  test('ý tưởng dẫn đầu là ý tưởng lưu sớm nhất; trích đoạn gọn khoảng trắng; chủ đề chiếm đa số', () => {
    const first = report.groups.find((g) => g.groupId === g1)!;
    expect(first.leadText).toBe('Đề nghị hỗ trợ điện mặt trời áp mái');
    expect(first.topic).toBe('nang-luong');
  });

  test.each<[string, Partial<IdeaInput>, string]>([
    [
      'theo trang cá nhân, bỏ tham số',
      { authorUrl: 'https://www.facebook.com/An.Nguyen/?ref=x' },
      'url:https://www.facebook.com/an.nguyen',
    ],
    [
      'profile.php: giữ mã người dùng',
      { authorUrl: 'https://www.facebook.com/profile.php?id=42&ref=x' },
      'url:https://www.facebook.com/profile.php?id=42',
    ],
    [
      'không có liên kết: theo tên',
      { authorUrl: undefined, authorName: '  Nguyễn  Văn An ' },
      'name:nguyễn văn an',
    ],
    [
      'không lưu tác giả: mỗi bình luận một người',
      { authorUrl: undefined, authorName: undefined },
      'comment:2233445566778900',
    ],
  ])('supporterKey: %s', (_name, over, key) => {
    expect(supporterKey(makeIdea(1, over))).toBe(key);
  });

  test('trích đoạn cắt ở ký tự, thêm dấu …', () => {
    expect(excerpt('Ứng dụng AI trong y tế', 10)).toBe('Ứng dụng…');
    expect(Array.from(excerpt('ẽ'.repeat(300))).length).toBe(160);
  });
});

describe('cờ theo ngày và loại', () => {
  test('mỗi ngày trong khoảng có một dòng, ngày không có số liệu là 0', () => {
    const report = computeReport({
      ideas: [],
      range: { from: '2026-12-01', to: '2026-12-03' },
      utcOffsetMinutes: VN,
      flagDays: {
        days: {
          '2026-11-30': { scam: 9 },
          '2026-12-01': { scam: 2, health: 1 },
          '2026-12-03': { phishing: 4 },
        },
      },
    });
    expect(report.flags.days.map((d) => [d.day, d.total])).toEqual([
      ['2026-12-01', 3],
      ['2026-12-02', 0],
      ['2026-12-03', 4],
    ]);
    expect(report.flags.totals).toEqual({
      health: 1,
      scam: 2,
      impersonation: 0,
      pseudoscience: 0,
      phishing: 4,
    });
    expect(report.flags.total).toBe(7);
  });
});
