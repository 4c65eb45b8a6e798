import { describe, expect, test } from 'vitest';
import {
  decodeCommentToken,
  isWatchedPageUrl,
  isWatchedPath,
  pfbidFromUrl,
  postIdFromUrl,
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
