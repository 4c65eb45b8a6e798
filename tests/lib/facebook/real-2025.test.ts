import { beforeEach, describe, expect, test } from 'vitest';
import { type Comment, Comment as CommentSchema } from '../../../lib/facebook/comment';
import {
  composerKind,
  findComposerFor,
  findComposers,
  resolveCommentForComposer,
} from '../../../lib/facebook/composer';
import { extractComment, findCommentArticles, glanceComment } from '../../../lib/facebook/extract';
import { articleByLabel, loadFixture } from './load-fixture';

// The shape of a saved real post page (2025-06): pfbid permalinks, base64 ids
// on avatar and name links, link preview cards, today's labels, composers
// with aria-placeholder only. Fixtures: tests/fixtures/facebook/make-real.ts.
const PFBID = 'pfbid02Xk7QmNpZr8TvWc3LdYs9HgF1aBqEuJo4KtMx6RwVnCy5iD2PhSzAe';
const PAGE_URL = `https://www.facebook.com/khcndmst/posts/${PFBID}`;
const POST_ID = '1234567890123456';
const WATCHED = ['khcndmst'];
const PAGE = 'Thông tin Khoa học và Công nghệ';
const permalink = (ids: string) => `https://www.facebook.com/khcndmst/posts/${PFBID}?${ids}`;
const byId = (id: string) => document.getElementById(id) as HTMLElement;

function comment(fields: Partial<Comment> & Pick<Comment, 'id' | 'author' | 'text'>): Comment {
  return {
    postId: POST_ID,
    postKey: POST_ID,
    parentId: null,
    authorUrl: null,
    truncated: false,
    permalink: permalink(`comment_id=${fields.id}`),
    time: '',
    isPage: false,
    ...fields,
  };
}

describe('trang thật 2025, giao diện tiếng Anh (real-2025-en.html)', () => {
  beforeEach(() => {
    loadFixture('real-2025-en.html');
  });

  test.each<[string, string, Comment]>([
    [
      'thẻ xem trước liên kết (div[data-ft]) không lọt vào lời bình luận; emoji là alt; postId từ mã base64',
      'Comment by Nguyễn Văn An',
      comment({
        id: '1100000000000001',
        author: 'Nguyễn Văn An',
        authorUrl: 'https://www.facebook.com/profile.php?id=100012345678901',
        text: 'Đề xuất số hóa hồ sơ đăng ký sáng chế 👍\nTham khảo mô hình này: https://www.ipvietnam.gov.vn/so-hoa',
        time: '2w',
      }),
    ],
    [
      'phản hồi "Reply by X to Y\'s comment": id là reply_comment_id, cha từ URL',
      'Reply by Trần Thị Bình',
      comment({
        id: '1100000000000002',
        parentId: '1100000000000001',
        author: 'Trần Thị Bình',
        authorUrl: 'https://www.facebook.com/profile.php?id=100023456789012',
        text: 'Đồng ý, nên làm sớm 😊',
        permalink: permalink('comment_id=1100000000000001&reply_comment_id=1100000000000002'),
        time: '2w',
      }),
    ],
    [
      'bị cắt ("See more"), có nút cảm xúc',
      'Comment by Lê Hoàng',
      comment({
        id: '1100000000000003',
        author: 'Lê Hoàng',
        authorUrl: 'https://www.facebook.com/le.hoang.9',
        text: 'Khi nào Bộ công bố kết quả xét chọn nhiệm vụ khoa học năm nay? Nhiều nhóm nghiên cứu đang chờ',
        truncated: true,
        time: '1w',
      }),
    ],
    [
      'chỉ có comment_id dạng base64: id và bài viết giải mã từ nó, link thời gian là link tới bài',
      'Comment by Phạm Minh',
      comment({
        id: '1100000000000004',
        author: 'Phạm Minh',
        authorUrl: 'https://www.facebook.com/profile.php?id=100034567890123',
        text: 'Chỉ có mã dạng base64 trong link của bình luận này',
        time: '6d',
      }),
    ],
    [
      'phản hồi của chính trang',
      `Reply by ${PAGE}`,
      comment({
        id: '1100000000000005',
        parentId: '1100000000000004',
        author: PAGE,
        authorUrl: 'https://www.facebook.com/khcndmst',
        text: 'Cảm ơn anh Minh, ý kiến đã được ghi nhận.',
        permalink: permalink('comment_id=1100000000000004&reply_comment_id=1100000000000005'),
        time: '5d',
        isPage: true,
      }),
    ],
    [
      'thẻ xem trước không có data-ft (dự phòng: từ link ra ngoài); URL trong lời vẫn giữ',
      'Comment by John Smith',
      comment({
        id: '1100000000000006',
        author: 'John Smith',
        authorUrl: 'https://www.facebook.com/john.smith.42',
        text: 'Is there an English version of the draft? https://example.org/draft-law',
        time: '3d',
      }),
    ],
    [
      'chỉ có emoji',
      'Comment by Vũ Thị Cúc',
      comment({
        id: '1100000000000007',
        author: 'Vũ Thị Cúc',
        authorUrl: 'https://www.facebook.com/profile.php?id=100045678901234',
        text: '❤️❤️',
        time: '2d',
      }),
    ],
    [
      'hai đoạn',
      'Comment by Đặng Quốc Bảo',
      comment({
        id: '1100000000000008',
        author: 'Đặng Quốc Bảo',
        authorUrl: 'https://www.facebook.com/profile.php?id=100056789012345',
        text: 'Nên có cổng góp ý trực tuyến cho doanh nghiệp nhỏ\nThủ tục hiện nay còn nhiều giấy tờ',
        time: '2d',
      }),
    ],
    [
      'phản hồi chỉ mang mã base64 của chính nó: id của phản hồi, không bao giờ id của cha',
      'Reply by Bùi Lan',
      comment({
        id: '1100000000000009',
        author: 'Bùi Lan',
        authorUrl: 'https://www.facebook.com/profile.php?id=100067890123456',
        text: 'Một phản hồi chỉ mang mã base64 của chính nó',
        time: '1d',
      }),
    ],
    [
      'một dòng ngắn',
      'Comment by Hồ Thị Em',
      comment({
        id: '1100000000000010',
        author: 'Hồ Thị Em',
        authorUrl: 'https://www.facebook.com/profile.php?id=100078901234567',
        text: 'Hay quá',
        time: '1d',
      }),
    ],
  ])('%s', (_case, label, expected) => {
    const result = extractComment(articleByLabel(label), PAGE_URL, WATCHED);
    expect(result).toEqual({ ok: true, comment: expected });
    expect(CommentSchema.safeParse(expected).success).toBe(true);
    // What the watcher reads agrees with the full reading.
    expect(glanceComment(articleByLabel(label))).toEqual({
      id: expected.id,
      parentId: expected.parentId,
      text: expected.text,
    });
  });

  test('mười bình luận, mỗi cái một id khác nhau, đúng thứ tự trang', () => {
    const ids = findCommentArticles(document).map((el) => {
      const seen = glanceComment(el);
      return typeof seen === 'string' ? seen : seen.id;
    });
    expect(ids).toEqual(
      Array.from({ length: 10 }, (_, i) => `11000000000000${String(i + 1).padStart(2, '0')}`),
    );
  });

  test('tên lấy từ nhãn khi không có link hồ sơ: "X to Y\'s comment 8 weeks ago" → X', () => {
    const article = articleByLabel('Reply by Trần Thị Bình');
    article.setAttribute('aria-label', "Reply by Trần Thị Bình to Nguyễn Văn An's comment 8 weeks ago");
    for (const link of article.querySelectorAll('a[href*="profile.php"]')) link.remove();
    const result = extractComment(article, PAGE_URL, WATCHED);
    expect(result.ok && [result.comment.author, result.comment.authorUrl]).toEqual(['Trần Thị Bình', null]);
  });

  test('không có số bài viết nào trong trang: postKey là pfbid', () => {
    for (const link of document.querySelectorAll('a[href*="Y29tbWVudDo"]')) {
      // Tokens that name no post: the page shows only the pfbid.
      link.setAttribute('href', 'https://www.facebook.com/profile.php?id=100012345678901');
    }
    const result = extractComment(articleByLabel('Comment by Nguyễn Văn An'), PAGE_URL, WATCHED);
    expect(result.ok && [result.comment.postId, result.comment.postKey]).toEqual([null, PFBID]);
  });

  describe('ô soạn thảo chỉ có aria-placeholder', () => {
    test('tìm thấy mọi ô theo role, contenteditable và data-lexical-editor', () => {
      expect(findComposers(document).map((c) => c.id)).toEqual([
        'reply-answer-as',
        'reply-no-hint',
        'post-composer',
      ]);
    });

    test.each<[string, string, string | null, string | null]>([
      [
        '"Answer as PAGE" có @nhắc tên → phản hồi của người đó',
        'reply-answer-as',
        '1100000000000002',
        'mention',
      ],
      [
        'không nhãn, không placeholder, nằm trong chuỗi → bình luận gốc',
        'reply-no-hint',
        '1100000000000003',
        'thread',
      ],
      [
        '"Write a comment…" (chỉ placeholder) → ô của bài viết, không trả lời ai',
        'post-composer',
        null,
        null,
      ],
    ])('%s', (_case, id, expectedId, via) => {
      const answered = resolveCommentForComposer(byId(id), PAGE_URL, WATCHED);
      expect([answered?.comment.id ?? null, answered?.via ?? null]).toEqual([expectedId, via]);
    });

    test('ô của bài viết không có gợi ý nào: vị trí (ngoài mọi chuỗi) nói nó là ô của bài viết', () => {
      const box = byId('post-composer');
      box.removeAttribute('aria-placeholder');
      expect(composerKind(box)).toBe('post');
      expect(findComposerFor(null, document, PAGE_URL, WATCHED)?.id).toBe('post-composer');
      expect(resolveCommentForComposer(box, PAGE_URL, WATCHED)).toBeNull();
    });

    test('bài viết chỉ có một chuỗi, ô không gợi ý: ô của bài viết vẫn là ô của bài viết', () => {
      const threads = Array.from(document.querySelectorAll('[role="dialog"] > div:not([role])')[0]!.children);
      for (const extra of threads.slice(1)) extra.remove();
      byId('post-composer').removeAttribute('aria-placeholder');
      byId('reply-answer-as').removeAttribute('aria-placeholder');
      expect(composerKind(byId('post-composer'))).toBe('post');
      expect(composerKind(byId('reply-answer-as'))).toBe('reply');
    });

    test('findComposerFor: ô trả lời của từng bình luận', () => {
      expect(findComposerFor('1100000000000002', document, PAGE_URL, WATCHED)?.id).toBe('reply-answer-as');
      expect(findComposerFor('1100000000000003', document, PAGE_URL, WATCHED)?.id).toBe('reply-no-hint');
      expect(findComposerFor('1100000000000010', document, PAGE_URL, WATCHED)).toBeNull();
    });
  });
});

describe('trang thật 2025, nhãn tiếng Việt hôm nay (real-2025-vi.html)', () => {
  beforeEach(() => {
    loadFixture('real-2025-vi.html');
  });

  test('"Bình luận dưới tên NAME vào 1 tuần trước": bình luận của người khác; tên từ nhãn bỏ cả "vào"', () => {
    const article = articleByLabel('Bình luận dưới tên Nguyễn Thị Hoa');
    expect(extractComment(article, PAGE_URL, WATCHED)).toEqual({
      ok: true,
      comment: comment({
        id: '2200000000000001',
        author: 'Nguyễn Thị Hoa',
        authorUrl: 'https://www.facebook.com/profile.php?id=100011112222333',
        text: 'Xin hỏi thủ tục đăng ký nhiệm vụ KH&CN cấp bộ ở đâu ạ?',
        time: '1 tuần',
      }),
    });
    for (const link of article.querySelectorAll('a[href*="profile.php"]')) link.remove();
    const fromLabel = extractComment(article, PAGE_URL, WATCHED);
    expect(fromLabel.ok && fromLabel.comment.author).toBe('Nguyễn Thị Hoa');
  });

  test('"Xem thêm" và "Thích" không phải lời bình luận', () => {
    const result = extractComment(articleByLabel('Bình luận dưới tên Trịnh Văn Long'), PAGE_URL, WATCHED);
    expect(result.ok && [result.comment.text, result.comment.truncated]).toEqual([
      'Ủng hộ chủ trương mở dữ liệu khoa học',
      true,
    ]);
  });

  test('ô "Trả lời dưới tên PAGE" (chỉ placeholder) trả lời chuỗi của nó; ô "Viết bình luận…" là của bài viết', () => {
    expect(resolveCommentForComposer(byId('reply-vi'), PAGE_URL, WATCHED)?.comment.id).toBe(
      '2200000000000001',
    );
    expect(findComposerFor(null, document, PAGE_URL, WATCHED)?.id).toBe('post-composer');
  });
});
