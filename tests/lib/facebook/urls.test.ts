import { describe, expect, test } from 'vitest';
import {
  decodeCommentToken,
  isWatchedPageUrl,
  isWatchedPath,
  pfbidFromUrl,
  postIdFromUrl,
  queryParam,
} from '../../../lib/facebook/urls';
import { isWatchedUrl } from '../../../lib/settings/watched';

const token = (text: string) => encodeURIComponent(btoa(text));

describe('decodeCommentToken (comment_id base64, 2025-06)', () => {
  test.each<[string, string, ReturnType<typeof decodeCommentToken>]>([
    [
      'bình luận',
      token('comment:1234567890123456_1100000000000001'),
      { postId: '1234567890123456', commentId: '1100000000000001', replyId: null },
    ],
    [
      'phản hồi (ba phần: bài, cha, phản hồi)',
      token('comment:1234567890123456_1100000000000001_1100000000000002'),
      { postId: '1234567890123456', commentId: '1100000000000001', replyId: '1100000000000002' },
    ],
    ['không %-mã hóa', btoa('comment:12_34'), { postId: '12', commentId: '34', replyId: null }],
    ['số thường không phải mã', '1100000000000001', null],
    ['base64 của thứ khác', token('comment:abc_def'), null],
    ['%-mã hỏng', 'Y29tbWVudDoxMjM0%E0%A4%A', null],
    ['quá dài', `Y29tbWVudDo${'A'.repeat(300)}`, null],
  ])('%s', (_case, raw, expected) => {
    expect(decodeCommentToken(raw)).toEqual(expected);
  });
});

describe('queryParam (đọc tại chỗ, không cắt chuỗi)', () => {
  test.each<[string, string, string, string | null]>([
    ['tham số đầu', 'https://www.facebook.com/p/posts/1?comment_id=42&x=1', 'comment_id', '42'],
    ['tham số cuối', 'https://www.facebook.com/p/posts/1?x=1&comment_id=42', 'comment_id', '42'],
    ['không có truy vấn', 'https://www.facebook.com/p/posts/1', 'comment_id', null],
    ['tên nằm trong tên khác', '/p?reply_comment_id=7', 'comment_id', null],
    ['cả hai tên', '/p?reply_comment_id=7&comment_id=5', 'comment_id', '5'],
    ['tên dài hơn', '/p?comment_id=5&reply_comment_id=7', 'reply_comment_id', '7'],
    ['sau dấu #', '/p?x=1#comment_id=42', 'comment_id', null],
    ['dừng ở dấu #', '/p?comment_id=42#frag', 'comment_id', '42'],
    ['& sau dấu #', '/p?comment_id=42#a&b', 'comment_id', '42'],
    ['giá trị rỗng', '/p?comment_id=&x=1', 'comment_id', ''],
    ['tên không có =', '/p?comment_id&x=1', 'comment_id', null],
    ['tên trong đường dẫn', '/comment_id=9/p?x=1', 'comment_id', null],
    ['tên ở cuối, sát #', '/p?x=1&comment_id#=3', 'comment_id', null],
    ['dấu ? thứ hai cũng mở tham số', '/p?a=1?comment_id=3', 'comment_id', '3'],
  ])('%s', (_case, href, name, expected) => {
    expect(queryParam(href, name)).toBe(expected);
  });

  // The previous implementation (a slice of the query, a `name=` key): the
  // in-place search must read every URL as it did.
  const sliced = (href: string, name: string): string | null => {
    const query = href.indexOf('?');
    if (query === -1) return null;
    const end = href.indexOf('#', query);
    const search = end === -1 ? href.slice(query) : href.slice(query, end);
    const key = `${name}=`;
    for (let i = search.indexOf(key); i !== -1; i = search.indexOf(key, i + 1)) {
      const before = search[i - 1];
      if (before !== '?' && before !== '&') continue;
      const stop = search.indexOf('&', i);
      return search.slice(i + key.length, stop === -1 ? undefined : stop);
    }
    return null;
  };
  test('đọc như cách cũ trên mọi tổ hợp ngắn', () => {
    const pieces = ['?', '&', '#', '=', 'id', 'x_id', '1', ''];
    let compared = 0;
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces)
          for (const d of pieces)
            for (const e of pieces) {
              const href = `/p${a}${b}${c}${d}${e}`;
              expect(queryParam(href, 'id'), href).toBe(sliced(href, 'id'));
              compared += 1;
            }
    expect(compared).toBe(pieces.length ** 5);
  });
});

describe('post id and post key', () => {
  test.each<[string, string, string | null, string | null]>([
    [
      'pfbid trong đường dẫn',
      'https://www.facebook.com/khcndmst/posts/pfbid02Xk7QmNpZr8TvWc3?comment_id=1',
      null,
      'pfbid02Xk7QmNpZr8TvWc3',
    ],
    [
      'story_fbid=pfbid…',
      'https://www.facebook.com/permalink.php?story_fbid=pfbid0abcdefghijkl&id=1',
      null,
      'pfbid0abcdefghijkl',
    ],
    ['số', 'https://www.facebook.com/khcndmst/posts/1122334455667788', '1122334455667788', null],
    ['không phải bài', 'https://www.facebook.com/khcndmst', null, null],
  ])('%s', (_case, url, postId, pfbid) => {
    expect([postIdFromUrl(url), pfbidFromUrl(url)]).toEqual([postId, pfbid]);
  });
});

describe('one watched-page rule (isWatchedUrl = isWatchedPageUrl = isPage)', () => {
  test.each<[string, boolean]>([
    ['https://www.facebook.com/khcndmst', true],
    ['https://www.facebook.com/KHCNdmst/posts/pfbid02Xk7QmNpZr8TvWc3', true],
    ['https://www.facebook.com/profile.php?id=100012345', true],
    ['https://www.facebook.com/%6Bhcndmst', true],
    // A malformed %-escape: not watched, and no exception (the old session must still stop).
    ['https://www.facebook.com/%E0%A4%A', false],
    ['https://www.facebook.com/khcndmst%', false],
    ['https://www.facebook.com/', false],
    ['không phải URL', false],
  ])('%s → %s', (url, expected) => {
    expect(() => isWatchedUrl(url, ['khcndmst', '100012345'])).not.toThrow();
    expect(isWatchedUrl(url, ['khcndmst', '100012345'])).toBe(expected);
    expect(isWatchedPageUrl(url, ['khcndmst', '100012345'])).toBe(expected);
  });

  test('the path rule a comment author goes through gives the same answers', () => {
    expect(isWatchedPath('/khcndmst', null, ['khcndmst'])).toBe(true);
    expect(isWatchedPath('/%E0%A4%A', null, ['khcndmst'])).toBe(false);
    expect(isWatchedPath('/profile.php', '100012345', ['100012345'])).toBe(true);
  });
});
