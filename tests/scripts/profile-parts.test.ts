import { describe, expect, test } from 'vitest';
import { type Part, partOf, splitProfile } from '../../scripts/bench/profile-parts';

describe('partOf: phần việc của một mẫu hồ sơ CPU, theo tên hàm gần lá nhất', () => {
  test.each<[string, string[], Part]>([
    [
      'truy vấn cây con của glance',
      ['querySelectorAll', 'glanceArticle', 'read', 'runBatch'],
      'floor: the glance — one subtree query, its parts sorted',
    ],
    [
      'đọc id trong glance',
      ['queryParam', 'readCommentIds', 'glanceArticle', 'read'],
      'floor: the glance — the id',
    ],
    [
      'đọc lời trong glance',
      ['closest', 'commentText', 'glanceArticle', 'read'],
      'floor: the glance — the words',
    ],
    [
      'ghi dấu data-khcn-comment ngay trong read',
      ['setAttribute', 'read', 'runBatch'],
      'floor: the marker (data-khcn-comment)',
    ],
    [
      'sổ sách của watcher (Set, WeakMap) trong read',
      ['has', 'read', 'runBatch'],
      "ours: the watcher's bookkeeping (seen ids, nodes read)",
    ],
    [
      'tìm bài bình luận trong nút được thêm',
      ['querySelectorAll', 'runBatch', '(anonymous)'],
      'floor: finding the comments (added nodes, one query each)',
    ],
    [
      'nhân bản khung công cụ khi thấy bình luận',
      ['cloneNode', 'toolsHost', 'decorateComment', 'onComments'],
      'floor: the tools host (clone, append)',
    ],
    [
      'gắn khung công cụ vào bài',
      ['appendChild', 'decorateComment', 'onComments'],
      'floor: the tools host (clone, append)',
    ],
    [
      'decorateComment khi ghi cờ là việc ghi cờ',
      ['setAttribute', 'decorateComment', '(anonymous)', 'applyJudged', 'writeFlags'],
      "ours: the flags' write (badges, data-khcn-flags)",
    ],
    [
      'nhân bản huy hiệu',
      ['cloneNode', 'badge', 'addBadges', 'decorateComment', 'writeFlags'],
      "ours: the flags' write (badges, data-khcn-flags)",
    ],
    [
      'kiểm tra nhãn',
      ['exec', 'labelledOrNested', 'glanceArticle'],
      'ours: the checks (label, editable, nesting)',
    ],
    [
      'gửi yêu cầu chấm',
      ['getUILanguage', 'sendMessage', 'sendMessageWithin', 'askBackground', 'judge'],
      "ours: the judge's request (pack, send, deadline)",
    ],
    [
      'zod đọc câu trả lời',
      ['inst._zod.parse', 'safeParse', 'parseAnswer', '(anonymous)'],
      "ours: the judge's answer (zod's parse)",
    ],
    ['bản ghi của phiên', ['set', 'onComments', 'reportQuietly'], "ours: the session's record per comment"],
    ['đếm trên bảng', ['render', 'refreshStats', 'scheduleStats'], 'ours: the counts (panel)'],
    ['không có hàm nào của ta được biết', ['(anonymous)', '(root)'], 'other'],
  ])('%s', (_name, stack, part) => {
    expect(partOf(stack)).toBe(part);
  });
});

describe('splitProfile: cộng thời gian mẫu theo nhóm và phần', () => {
  test('chỉ mẫu có hàm của ta; thời gian một mẫu là khoảng tới mẫu sau; nhóm null bị bỏ', () => {
    const ours = 'chrome-extension://x/content-scripts/facebook.js';
    const profile = {
      startTime: 0,
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2, 4] },
        { id: 2, callFrame: { functionName: 'runBatch', url: ours }, children: [3] },
        { id: 3, callFrame: { functionName: 'querySelectorAll', url: '' } },
        { id: 4, callFrame: { functionName: 'pageScript', url: 'https://www.facebook.com/x.js' } },
      ],
      samples: [3, 4, 3, 3],
      timeDeltas: [0, 1000, 2000, 3000],
    };
    const split = splitProfile(
      profile,
      (url) => url.startsWith('chrome-extension://'),
      (ts) => (ts >= 6000 ? null : 'a'),
    );
    // Sample 0 lasts 1 ms (ours), sample 1 the page's, sample 2 lasts 3 ms (ours), sample 3 is left out.
    expect([...split.get('a')!]).toEqual([['floor: finding the comments (added nodes, one query each)', 4]]);
  });
});
