import { beforeEach, describe, expect, test } from 'vitest';
import { type Comment, Comment as CommentSchema } from '../../../lib/facebook/comment';
import {
  extractComment,
  findCommentArticles,
  glanceComment,
  postIdFromUrl,
} from '../../../lib/facebook/extract';
import { articleByLabel, loadFixture } from './load-fixture';

const POST_URL = 'https://www.facebook.com/khcndmst/posts/1122334455667788';
const PAGE_URL = 'https://www.facebook.com/khcndmst';
const WATCHED = ['khcndmst'];

const labels = (els: Element[]) => els.map((el) => el.getAttribute('aria-label'));

describe('bài viết tiếng Việt (vi-post.html)', () => {
  beforeEach(() => {
    loadFixture('vi-post.html');
  });

  test.each<[string, string, Comment]>([
    [
      'bình luận hai dòng, emoji, nhắc tên, link hồ sơ có comment_id base64',
      'Bình luận của Nguyễn Văn An',
      {
        id: '2233445566778899',
        postId: '1122334455667788',
        postKey: '1122334455667788',
        parentId: null,
        author: 'Nguyễn Văn An',
        authorUrl: 'https://www.facebook.com/profile.php?id=100012345678901',
        text: 'Đề xuất số hóa hồ sơ đăng ký sáng chế 👍\nGửi Trần Thị Bình tham khảo thêm',
        truncated: false,
        permalink: 'https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=2233445566778899',
        time: '3 giờ',
        isPage: false,
      },
    ],
    [
      'phản hồi nằm cạnh bình luận cha: cha lấy từ URL',
      'Phản hồi của Trần Thị Bình',
      {
        id: '3344556677889900',
        postId: '1122334455667788',
        postKey: '1122334455667788',
        parentId: '2233445566778899',
        author: 'Trần Thị Bình',
        authorUrl: 'https://www.facebook.com/tranthibinh.88',
        text: 'Đồng ý, nên làm sớm',
        truncated: false,
        permalink:
          'https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=2233445566778899&reply_comment_id=3344556677889900',
        time: '2 giờ',
        isPage: false,
      },
    ],
    [
      'phản hồi của chính trang (có nhãn "Tác giả")',
      'Phản hồi của Thông tin Khoa học và Công nghệ',
      {
        id: '4455667788990011',
        postId: '1122334455667788',
        postKey: '1122334455667788',
        parentId: '2233445566778899',
        author: 'Thông tin Khoa học và Công nghệ',
        authorUrl: 'https://www.facebook.com/khcndmst',
        text: 'Cảm ơn anh An, ý kiến đã được ghi nhận.',
        truncated: false,
        permalink:
          'https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=2233445566778899&reply_comment_id=4455667788990011',
        time: '1 giờ',
        isPage: true,
      },
    ],
    [
      'bị cắt bởi "Xem thêm", link thời gian tương đối đường dẫn',
      'Bình luận của Lê Hoàng',
      {
        id: '5566778899001122',
        postId: '1122334455667788',
        postKey: '1122334455667788',
        parentId: null,
        author: 'Lê Hoàng',
        authorUrl: 'https://www.facebook.com/le.hoang.9',
        text: 'Nên có quỹ hỗ trợ nhà sáng chế trẻ, vì hiện nay chi phí thử nghiệm quá cao và thủ tục…',
        truncated: true,
        permalink: 'https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=5566778899001122',
        time: '45 phút',
        isPage: false,
      },
    ],
  ])('%s', (_case, label, expected) => {
    expect(extractComment(articleByLabel(label), POST_URL, WATCHED)).toEqual({ ok: true, comment: expected });
  });

  test('bình luận đang đăng (chưa có link thời gian) bị bỏ với lý do no-id, không bịa id', () => {
    expect(extractComment(articleByLabel('Bình luận của Phạm Minh'), POST_URL, WATCHED)).toEqual({
      ok: false,
      reason: 'no-id',
    });
  });

  test('khung soạn thảo mang nhãn "Bình luận dưới tên" không phải bình luận', () => {
    const composerWrapper = articleByLabel('Bình luận dưới tên');
    expect(extractComment(composerWrapper, POST_URL, WATCHED)).toEqual({
      ok: false,
      reason: 'not-a-comment',
    });
  });

  test('bài viết (article ngoài cùng) không phải bình luận', () => {
    const post = document.querySelector('[role="article"][aria-labelledby="post-title"]')!;
    expect(extractComment(post, POST_URL, WATCHED)).toEqual({ ok: false, reason: 'not-a-comment' });
  });

  test('findCommentArticles: mọi bình luận và phản hồi theo thứ tự trang, bỏ khung soạn thảo', () => {
    expect(labels(findCommentArticles(document))).toEqual([
      'Bình luận của Nguyễn Văn An 3 giờ trước',
      'Phản hồi của Trần Thị Bình 2 giờ trước',
      'Phản hồi của Thông tin Khoa học và Công nghệ 1 giờ trước',
      'Bình luận của Lê Hoàng 45 phút trước',
      'Bình luận của Phạm Minh',
    ]);
  });

  test('trang không nằm trong danh sách theo dõi: isPage sai', () => {
    const result = extractComment(articleByLabel('Phản hồi của Thông tin'), POST_URL, ['trangkhac']);
    expect(result.ok && result.comment.isPage).toBe(false);
  });
});

describe('hộp thoại bài viết tiếng Anh (en-dialog.html)', () => {
  beforeEach(() => {
    loadFixture('en-dialog.html');
  });

  test.each<[string, string, Comment]>([
    [
      'bình luận có <br>, "See more" và URL permalink.php?story_fbid',
      'Comment by John Smith',
      {
        id: '1212121212121212',
        postId: '4242424242',
        postKey: '4242424242',
        parentId: null,
        author: 'John Smith',
        authorUrl: 'https://www.facebook.com/john.smith.42',
        text: 'Is there an English version of the draft?\nI would like to send comments.',
        truncated: true,
        permalink:
          'https://www.facebook.com/permalink.php?story_fbid=4242424242&id=100064000000001&comment_id=1212121212121212',
        time: '5h',
        isPage: false,
      },
    ],
    [
      'phản hồi của trang lồng trong bài của bình luận cha',
      'Reply by Thông tin Khoa học và Công nghệ',
      {
        id: '3434343434343434',
        postId: '4242424242',
        postKey: '4242424242',
        parentId: '1212121212121212',
        author: 'Thông tin Khoa học và Công nghệ',
        authorUrl: 'https://www.facebook.com/khcndmst',
        text: 'Yes, it is linked in the post.',
        truncated: false,
        permalink:
          'https://www.facebook.com/permalink.php?story_fbid=4242424242&id=100064000000001&comment_id=1212121212121212&reply_comment_id=3434343434343434',
        time: '4h',
        isPage: true,
      },
    ],
    [
      'link hashtag không phải tác giả, vẫn là chữ của bình luận',
      'Comment by Mary Jones',
      {
        id: '5656565656565656',
        postId: '4242424242',
        postKey: '4242424242',
        parentId: null,
        author: 'Mary Jones',
        authorUrl: 'https://www.facebook.com/profile.php?id=100098765432100',
        text: 'Great initiative! See #khcn',
        truncated: false,
        permalink:
          'https://www.facebook.com/permalink.php?story_fbid=4242424242&id=100064000000001&comment_id=5656565656565656',
        time: '10m',
        isPage: false,
      },
    ],
    [
      'bình luận trong bảng tin phía sau hộp thoại',
      'Comment by Feed Reader',
      {
        id: '1010101010101010',
        postId: '9988776655443322',
        postKey: '9988776655443322',
        parentId: null,
        author: 'Feed Reader',
        authorUrl: 'https://www.facebook.com/feed.reader',
        text: 'A comment in the feed behind the dialog',
        truncated: false,
        permalink: 'https://www.facebook.com/khcndmst/posts/9988776655443322?comment_id=1010101010101010',
        time: '1d',
        isPage: false,
      },
    ],
  ])('%s', (_case, label, expected) => {
    expect(extractComment(articleByLabel(label), PAGE_URL, WATCHED)).toEqual({ ok: true, comment: expected });
  });

  test('bình luận cha không lấy id của phản hồi lồng bên trong (chỉ link thuộc chính nó)', () => {
    const result = extractComment(articleByLabel('Comment by John Smith'), PAGE_URL, WATCHED);
    expect(result.ok && result.comment.id).toBe('1212121212121212');
  });

  test('findCommentArticles tìm trong hộp thoại trước, rồi mới đến bảng tin', () => {
    expect(labels(findCommentArticles(document))).toEqual([
      'Comment by John Smith 5 hours ago',
      'Reply by Thông tin Khoa học và Công nghệ 4 hours ago',
      'Comment by Mary Jones 10 minutes ago',
      'Comment by Feed Reader 1 day ago',
    ]);
  });
});

describe('bản dựng bọc div[data-commentid] (wrapper.html)', () => {
  beforeEach(() => {
    loadFixture('wrapper.html');
  });

  test('id lấy từ div[data-commentid] khi không có link thời gian; permalink dựng từ URL trang', () => {
    expect(extractComment(articleByLabel('Bình luận của Vũ Thị Cúc'), POST_URL, WATCHED)).toEqual({
      ok: true,
      comment: {
        id: '7788990011223344',
        postId: '1122334455667788',
        postKey: '1122334455667788',
        parentId: null,
        author: 'Vũ Thị Cúc',
        authorUrl: 'https://www.facebook.com/vu.thi.cuc',
        text: 'Xin hỏi hạn chót nhận hồ sơ?',
        truncated: false,
        permalink: 'https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=7788990011223344',
        time: '',
        isPage: false,
      },
    });
  });

  test.each([
    ['phản hồi nằm trong wrapper của bình luận cha không mượn id của cha', 'Phản hồi của Đỗ Văn Dũng'],
    ['wrapper mang id base64 không được tính là id', 'Bình luận của Hồ Thị Em'],
  ])('%s', (_case, label) => {
    expect(extractComment(articleByLabel(label), POST_URL, WATCHED)).toEqual({ ok: false, reason: 'no-id' });
  });

  test('article không nhãn lồng trong bài viết vẫn được nhận là bình luận (dự phòng)', () => {
    const unlabelled = document.querySelector('[role="article"] [role="article"]:not([aria-label])')!;
    expect(extractComment(unlabelled, POST_URL, WATCHED)).toEqual({
      ok: true,
      comment: {
        id: '8899001122334455',
        postId: '1122334455667788',
        postKey: '1122334455667788',
        parentId: null,
        author: 'Ngô Quang',
        authorUrl: 'https://www.facebook.com/ngo.quang',
        text: 'Không có nhãn vẫn là bình luận',
        truncated: false,
        permalink: 'https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=8899001122334455',
        time: '6 giờ',
        isPage: false,
      },
    });
  });
});

describe('nhãn và URL', () => {
  test.each([
    ['Bình luận dưới tên', 'Bình luận dưới tên Thông tin Khoa học và Công nghệ 2 giờ trước'],
    ['chữ hoa/thường khác', 'BÌNH LUẬN CỦA An 1 phút trước'],
    ['Reply by', 'Reply by Jane 2 hours ago'],
  ])('nhãn "%s" là bình luận', (_case, label) => {
    const el = document.createElement('div');
    el.setAttribute('role', 'article');
    el.setAttribute('aria-label', label);
    const link = document.createElement('a');
    link.href = 'https://www.facebook.com/x/posts/1?comment_id=42';
    link.textContent = '1 giờ';
    el.append(link);
    document.body.replaceChildren(el);
    const result = extractComment(el, PAGE_URL, WATCHED);
    expect(result.ok && result.comment.id).toBe('42');
  });

  test('tên tác giả lấy từ nhãn (bỏ thời gian) khi không có link hồ sơ', () => {
    const el = document.createElement('div');
    el.setAttribute('role', 'article');
    el.setAttribute('aria-label', 'Bình luận của Nguyễn Thị Hoa 3 giờ trước');
    const link = document.createElement('a');
    link.href = '/khcndmst/posts/77?comment_id=42';
    link.textContent = '3 giờ';
    el.append(link);
    document.body.replaceChildren(el);
    const result = extractComment(el, PAGE_URL, WATCHED);
    expect(result.ok && [result.comment.author, result.comment.authorUrl]).toEqual(['Nguyễn Thị Hoa', null]);
  });

  test('một node chứa [contenteditable] không bao giờ là bình luận, kể cả nhãn khớp', () => {
    const el = document.createElement('div');
    el.setAttribute('role', 'article');
    el.setAttribute('aria-label', 'Bình luận của An 1 giờ trước');
    const box = document.createElement('div');
    box.setAttribute('contenteditable', 'true');
    el.append(box);
    document.body.replaceChildren(el);
    expect(extractComment(el, PAGE_URL, WATCHED)).toEqual({ ok: false, reason: 'not-a-comment' });
  });

  test.each([
    ['/posts/<số>', 'https://www.facebook.com/khcndmst/posts/123456?comment_id=1', '123456'],
    ['story_fbid', 'https://www.facebook.com/permalink.php?story_fbid=987&id=5', '987'],
    ['/permalink/<số>', 'https://www.facebook.com/groups/1/permalink/555/', '555'],
    ['pfbid không phải số', 'https://www.facebook.com/khcndmst/posts/pfbid02abc', null],
    ['trang chủ', 'https://www.facebook.com/khcndmst', null],
  ])('postIdFromUrl: %s', (_case, url, expected) => {
    expect(postIdFromUrl(url)).toBe(expected);
  });
});

describe('giới hạn trường (the hot path checks limits, zod agrees)', () => {
  test.each(['vi-post.html', 'en-dialog.html', 'wrapper.html', 'reply-box.html'])(
    'mọi bình luận trích từ %s đều hợp lệ theo schema zod',
    (fixture) => {
      loadFixture(fixture);
      const comments = findCommentArticles(document)
        .map((article) => extractComment(article, POST_URL, WATCHED))
        .flatMap((result) => (result.ok ? [result.comment] : []));
      expect(comments.length).toBeGreaterThan(0);
      for (const comment of comments) expect(CommentSchema.safeParse(comment).success).toBe(true);
    },
  );

  test('một bình luận dài quá giới hạn bị bỏ với lý do "invalid", như zod cũng từ chối', () => {
    loadFixture('vi-post.html');
    const article = articleByLabel('Bình luận của Nguyễn Văn An');
    const block = article.querySelector('[dir="auto"] [dir="auto"]')!;
    block.textContent = 'a'.repeat(100_001);
    const result = extractComment(article, POST_URL, WATCHED);
    expect(result).toMatchObject({ ok: false, reason: 'invalid', detail: expect.stringContaining('text') });
  });
});

describe('glanceComment: what the watcher reads of every comment', () => {
  test.each(['vi-post.html', 'en-dialog.html', 'wrapper.html', 'reply-box.html'])(
    '%s: id, id cha và lời bình luận đúng như khi đọc đầy đủ',
    (fixture) => {
      loadFixture(fixture);
      const articles = Array.from(document.querySelectorAll('[role="article"]'));
      let comments = 0;
      for (const article of articles) {
        const full = extractComment(article, POST_URL, WATCHED);
        const glance = glanceComment(article);
        if (full.ok) {
          comments += 1;
          expect(glance).toEqual({
            id: full.comment.id,
            parentId: full.comment.parentId,
            text: full.comment.text,
          });
        } else {
          expect(glance).toBe(full.reason);
        }
      }
      expect(comments).toBeGreaterThan(1);
    },
  );

  test('khối chữ chứa link tên tác giả không tính là lời bình luận; link trong lời thì vẫn giữ', () => {
    loadFixture('vi-post.html');
    const article = articleByLabel('Bình luận của Nguyễn Văn An');
    const author = Array.from(article.querySelectorAll('a[href]')).find((a) => a.textContent?.trim())!;
    // The name's link moved into a text block of its own (a layout Facebook has used).
    const nameBlock = document.createElement('div');
    nameBlock.dir = 'auto';
    author.replaceWith(nameBlock);
    nameBlock.append(author);
    // A link the person typed stays part of their words.
    const words = article.querySelector('[dir="auto"] [dir="auto"]')!;
    const typed = document.createElement('a');
    typed.href = 'https://l.facebook.com/l.php?u=https%3A%2F%2Fmost.gov.vn';
    typed.textContent = 'most.gov.vn';
    words.append(' ', typed);
    const glance = glanceComment(article);
    expect(glance).toMatchObject({ text: expect.stringContaining('most.gov.vn') });
    expect(typeof glance !== 'string' && glance.text.includes(author.textContent!.trim())).toBe(false);
    expect(extractComment(article, POST_URL, WATCHED)).toMatchObject({
      ok: true,
      comment: { text: (glance as { text: string }).text },
    });
  });

  test('link bao ngoài cả bài bình luận không làm mất lời (chỉ link, nút bên trong bài mới loại khối chữ)', () => {
    loadFixture('vi-post.html');
    const article = articleByLabel('Bình luận của Nguyễn Văn An');
    const before = glanceComment(article);
    expect(before).toMatchObject({ text: expect.stringContaining('Đề xuất') });
    const outer = document.createElement('a');
    outer.href = 'https://www.facebook.com/khcndmst';
    article.replaceWith(outer);
    outer.append(article);
    expect(glanceComment(article)).toEqual(before);
  });

  test('quá dài: "invalid"; không có id: "no-id"', () => {
    loadFixture('vi-post.html');
    const pending = articleByLabel('Bình luận của Phạm Minh');
    expect(glanceComment(pending)).toBe('no-id');
    const article = articleByLabel('Bình luận của Nguyễn Văn An');
    article.querySelector('[dir="auto"] [dir="auto"]')!.textContent = 'a'.repeat(100_001);
    expect(glanceComment(article)).toBe('invalid');
  });
});
