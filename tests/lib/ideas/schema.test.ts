import { describe, expect, test } from 'vitest';
import { ExportFile, Idea, IdeaPatch } from '../../../lib/ideas/schema';
import { makeIdea } from './helpers';

const valid = {
  id: '3b2f5a8e-1c4d-4e6f-9a0b-1c2d3e4f5a6b',
  commentId: '2233445566778899',
  permalink: 'https://www.facebook.com/khcndmst/posts/1?comment_id=2233445566778899',
  text: 'Đề xuất mở phòng thí nghiệm cộng đồng',
  capturedAt: '2026-11-28T09:30:00+07:00',
  status: 'new',
  tags: [],
};

describe('Idea', () => {
  test('chỉ với các trường bắt buộc của hợp đồng: các trường khác có mặc định', () => {
    const idea = Idea.parse(valid);
    expect(idea).toMatchObject({ postId: null, parentId: null, pageUrl: null, flags: [], note: '' });
    expect(idea.capturedAt).toBe('2026-11-28T02:30:00.000Z');
    expect(idea.updatedAt).toBe(idea.capturedAt);
    expect(idea.authorName).toBeUndefined();
  });

  test('nhãn được chuẩn hóa: bỏ trùng, bỏ khoảng trắng thừa, sắp xếp', () => {
    expect(Idea.parse({ ...valid, tags: ['  y tế ', 'giáo dục', 'y tế', 'Giáo  dục'] }).tags).toEqual([
      'Giáo dục',
      'giáo dục',
      'y tế',
    ]);
  });

  test.each([
    ['id không phải UUID', { id: 'abc' }, 'id'],
    ['commentId không phải số', { commentId: 'Y29tbWVudDox' }, 'commentId'],
    [
      'liên kết không phải facebook',
      { permalink: 'https://evil.example/?comment_id=2233445566778899' },
      'permalink',
    ],
    ['liên kết javascript:', { permalink: 'javascript:alert(2233445566778899)' }, 'permalink'],
    [
      'liên kết không chứa mã bình luận',
      { permalink: 'https://www.facebook.com/khcndmst/posts/1' },
      'permalink',
    ],
    ['trạng thái lạ', { status: 'done' }, 'status'],
    ['thời điểm không phải ISO', { capturedAt: '28/11/2026' }, 'capturedAt'],
    ['nhãn không phải mảng', { tags: 'y tế' }, 'tags'],
    ['nhãn trống', { tags: ['  '] }, 'tags'],
    ['cờ có hạng mục lạ', { flags: [{ category: 'spam', ruleId: 'x' }] }, 'flags'],
    ['trang cá nhân không phải https', { authorUrl: 'http://www.facebook.com/x' }, 'authorUrl'],
  ])('từ chối: %s', (_name, change, field) => {
    const result = Idea.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });

  test('văn bản giữ nguyên HTML như chữ thường', () => {
    const text = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    expect(Idea.parse({ ...valid, text }).text).toBe(text);
  });

  test('một ý tưởng đã lưu đi qua schema không đổi (ổn định)', () => {
    const idea = makeIdea(1, { tags: ['b', 'a'], flags: [{ category: 'scam', ruleId: 'r2' }] });
    expect(Idea.parse(idea)).toEqual(idea);
  });
});

describe('IdeaPatch', () => {
  test('chỉ các trường người kiểm duyệt sửa', () => {
    expect(IdeaPatch.parse({ status: 'adopted', text: 'x' })).toEqual({ status: 'adopted' });
    expect(IdeaPatch.safeParse({ status: 'xong' }).success).toBe(false);
  });
});

describe('ExportFile', () => {
  const file = (ideas: unknown[], over = {}) => ({
    format: 'khcn-moderator/ideas',
    version: 1,
    exportedAt: '2026-11-28T03:00:00.000Z',
    ideas,
    ...over,
  });

  test('tệp hợp lệ', () => {
    expect(ExportFile.safeParse(file([makeIdea(1), makeIdea(2)])).success).toBe(true);
  });

  test.each([
    ['sai định dạng', file([], { format: 'x' }), 'format'],
    ['sai phiên bản', file([], { version: 2 }), 'version'],
    ['thiếu exportedAt', file([], { exportedAt: undefined }), 'exportedAt'],
  ])('từ chối: %s', (_name, value, field) => {
    const result = ExportFile.safeParse(value);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  test('trùng id trong một tệp là không hợp lệ', () => {
    const result = ExportFile.safeParse(file([makeIdea(1), makeIdea(2, { id: makeIdea(1).id })]));
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['ideas', 1, 'id']]);
  });

  test('trùng commentId trong một tệp là không hợp lệ', () => {
    const result = ExportFile.safeParse(
      file([makeIdea(1), makeIdea(2, { commentId: makeIdea(1).commentId })]),
    );
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['ideas', 1, 'commentId']]);
  });
});
