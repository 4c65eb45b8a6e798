import { expect, test } from 'vitest';
import { DEFAULT_TOPICS, parseTopicList, suggestTopic, type Topic } from '../../../lib/ideas/topics';

test('danh sách mặc định hợp lệ và có đủ 12 lĩnh vực của Bộ', () => {
  expect(parseTopicList(DEFAULT_TOPICS)).toEqual({ ok: true, topics: DEFAULT_TOPICS });
  expect(DEFAULT_TOPICS.map((t) => t.id)).toEqual([
    'chuyen-doi-so',
    'tri-tue-nhan-tao',
    'nang-luong',
    'nong-nghiep-cong-nghe-cao',
    'y-sinh',
    'moi-truong',
    'giao-duc-stem',
    'khoi-nghiep-doi-moi-sang-tao',
    'so-huu-tri-tue',
    'tieu-chuan-do-luong-chat-luong',
    'thu-tuc-hanh-chinh',
    'kinh-phi-nghien-cuu',
  ]);
});

test.each<[string, string, string | null, string[]]>([
  ['có dấu', 'Nên lắp điện mặt trời áp mái cho nhà dân', 'nang-luong', ['điện mặt trời']],
  ['không dấu', 'lap dien mat troi ap mai cho nha dan', 'nang-luong', ['điện mặt trời']],
  [
    'cụm dài thắng cụm ngắn trong cùng chủ đề',
    'đầu tư năng lượng tái tạo',
    'nang-luong',
    ['năng lượng tái tạo'],
  ],
  [
    'viết hoa "AI" là trí tuệ nhân tạo',
    'Bộ nên dùng AI trong chẩn đoán hình ảnh',
    'tri-tue-nhan-tao',
    // "AI" reads as "trí tuệ nhân tạo", so the topic's first spelling of it explains the match.
    ['trí tuệ nhân tạo'],
  ],
  [
    'không dấu, teencode',
    'bo ho tro nong dan dk sang che va nhan hieu ko',
    'so-huu-tri-tue',
    ['sáng chế', 'nhãn hiệu'],
  ],
  ['viết tắt của Bộ', 'hồ sơ trên cổng dvc bị lỗi', 'thu-tuc-hanh-chinh', ['hồ sơ', 'cổng dịch vụ công']],
  [
    'nhiều từ của cùng chủ đề cộng dồn',
    'Kinh phí đề tài giải ngân chậm quá',
    'kinh-phi-nghien-cuu',
    ['kinh phí', 'đề tài', 'giải ngân'],
  ],
  ['một từ lặp lại chỉ tính một lần', 'STEM STEM STEM', null, []],
  ['không thuộc chủ đề nào', 'Cảm ơn ad đã trả lời ạ', null, []],
  ['cân điêu ngoài chợ', 'Đi chợ toàn bị cân điêu', 'tieu-chuan-do-luong-chat-luong', ['cân điêu']],
])('suggestTopic: %s', (_name, text, topicId, words) => {
  const suggestion = suggestTopic(text, DEFAULT_TOPICS);
  if (topicId === null) {
    expect(suggestion).toBeNull();
  } else {
    expect(suggestion).toMatchObject({ topicId, words });
  }
});

test('suggestTopic: điểm là số âm tiết của các cụm khớp; minScore chặn gợi ý yếu', () => {
  expect(suggestTopic('giải ngân và đề tài', DEFAULT_TOPICS)?.score).toBe(4);
  expect(suggestTopic('giải ngân', DEFAULT_TOPICS, { minScore: 3 })).toBeNull();
  expect(suggestTopic('STEM', DEFAULT_TOPICS, { minScore: 1 })?.topicId).toBe('giao-duc-stem');
});

test('suggestTopic: hòa điểm thì chủ đề đứng trước thắng (thứ tự do quản trị viên sắp)', () => {
  const a: Topic = { id: 'a', label: { vi: 'A', en: 'A' }, words: ['nước sạch'] };
  const b: Topic = { id: 'b', label: { vi: 'B', en: 'B' }, words: ['giếng khoan'] };
  const text = 'nước sạch cho giếng khoan';
  expect(suggestTopic(text, [a, b])?.topicId).toBe('a');
  expect(suggestTopic(text, [b, a])?.topicId).toBe('b');
});

test('suggestTopic: danh sách đã sửa được dùng ngay (không giữ bản cũ)', () => {
  const list: Topic[] = [{ id: 'x', label: { vi: 'X', en: 'X' }, words: ['cây xăng'] }];
  expect(suggestTopic('cây xăng bơm thiếu', list)?.topicId).toBe('x');
  const edited: Topic[] = [{ ...list[0]!, words: ['đồng hồ nước'] }];
  expect(suggestTopic('cây xăng bơm thiếu', edited)).toBeNull();
});

const good = { id: 'nang-luong', label: { vi: 'Năng lượng', en: 'Energy' }, words: ['điện gió'] };

test.each<[string, unknown, string[]]>([
  ['không phải danh sách', { id: 'x' }, ['invalid topic list']],
  ['danh sách trống', [], ['danh sách chủ đề trống']],
  [
    'mã có dấu',
    [good, { ...good, id: 'Năng lượng' }],
    ['Chủ đề số 2 (Năng lượng) / topic 2, id:', 'mã chủ đề chỉ gồm'],
  ],
  ['mã trùng', [good, { ...good }], ['Chủ đề số 2 (nang-luong)', 'trùng với chủ đề số 1']],
  [
    'từ khóa trống',
    [good, { ...good, id: 'moi', words: ['ô nhiễm', '  '] }],
    ['Chủ đề số 2 (moi) / topic 2, words[1]:', 'từ khóa trống'],
  ],
  ['từ khóa chỉ có dấu câu', [{ ...good, words: ['!!!'] }], ['words[0]', 'không có chữ cái']],
  ['thiếu tên tiếng Anh', [{ ...good, label: { vi: 'Năng lượng' } }], ['label.en']],
  ['không có từ khóa nào', [{ ...good, words: [] }], ['ít nhất một từ khóa']],
])('parseTopicList báo lỗi nêu rõ mục sai: %s', (_name, json, parts) => {
  const result = parseTopicList(json);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  for (const part of parts) expect(result.error).toContain(part);
});
