import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { extractComment } from '../../../lib/facebook/extract';
import {
  type CommentWatcher,
  createCommentWatcher,
  defaultSchedule,
  HIDDEN_TAB_DELAY_MS,
  layoutHealth,
  type Schedule,
  type WatchedComment,
  type WatcherStats,
} from '../../../lib/facebook/watcher';
import { articleByLabel, loadFixture } from './load-fixture';

const POST_URL = 'https://www.facebook.com/khcndmst/posts/1122334455667788';

/** A schedule the test runs by hand: proves the mutation callback itself does no work. */
function manualSchedule() {
  let pending: (() => void)[] = [];
  const schedule: Schedule = vi.fn((work: () => void) => {
    pending.push(work);
    return () => {
      pending = pending.filter((w) => w !== work);
    };
  });
  return {
    schedule,
    pendingCount: () => pending.length,
    run() {
      const works = pending;
      pending = [];
      for (const work of works) work();
    },
  };
}

/** MutationObserver records are delivered after the current task. */
const mutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

function makeComment(id: string, name: string, text: string, opts: { parent?: string } = {}): HTMLElement {
  const article = document.createElement('div');
  article.setAttribute('role', 'article');
  article.setAttribute(
    'aria-label',
    `${opts.parent ? 'Phản hồi của' : 'Bình luận của'} ${name} 1 phút trước`,
  );
  const author = document.createElement('a');
  author.href = `https://www.facebook.com/${name.replace(/\s/g, '.').toLowerCase()}`;
  author.textContent = name;
  const body = document.createElement('div');
  body.dir = 'auto';
  body.textContent = text;
  const time = document.createElement('a');
  time.href = opts.parent
    ? `${POST_URL}?comment_id=${opts.parent}&reply_comment_id=${id}`
    : `${POST_URL}?comment_id=${id}`;
  time.textContent = '1 phút';
  article.append(author, body, time);
  return article;
}

let watcher: CommentWatcher | null = null;
let batches: WatchedComment[][] = [];
let manual: ReturnType<typeof manualSchedule>;

function start(root: Node = document.body, onStats?: (s: WatcherStats) => void) {
  manual = manualSchedule();
  batches = [];
  watcher = createCommentWatcher({
    root,
    onComments: (batch) => batches.push(batch),
    onStats,
    schedule: manual.schedule,
    pageUrl: () => POST_URL,
    now: () => 1000,
  });
  return watcher;
}

const summary = (batch: WatchedComment[] | undefined) => (batch ?? []).map((b) => [b.kind, b.seen.id]);
const markers = () =>
  Array.from(document.querySelectorAll('[data-khcn-comment]'), (el) => el.getAttribute('data-khcn-comment'));

afterEach(() => {
  watcher?.stop();
  watcher = null;
});

describe('quét ban đầu', () => {
  beforeEach(() => {
    loadFixture('vi-post.html');
  });

  test('chưa làm gì cho tới khi lô chạy; lô đánh dấu mọi bình luận có id và đếm cái bị bỏ', () => {
    start();
    expect(markers()).toEqual([]);
    expect(batches).toEqual([]);
    manual.run();
    expect(markers()).toEqual([
      '2233445566778899',
      '3344556677889900',
      '4455667788990011',
      '5566778899001122',
    ]);
    expect(summary(batches[0])).toEqual([
      ['new', '2233445566778899'],
      ['new', '3344556677889900'],
      ['new', '4455667788990011'],
      ['new', '5566778899001122'],
    ]);
    expect(batches[0]?.[0]?.element).toBe(articleByLabel('Bình luận của Nguyễn Văn An'));
    expect(watcher!.stats()).toMatchObject({
      seen: 4,
      droppedNoId: 1,
      rerendered: 0,
      batches: 1,
      firstCommentAt: 1000,
    });
  });

  test('khung soạn thảo và bài viết không bao giờ mang data-khcn-comment', () => {
    start();
    manual.run();
    expect(articleByLabel('Bình luận dưới tên').hasAttribute('data-khcn-comment')).toBe(false);
    expect(document.querySelector('[aria-labelledby="post-title"]')!.hasAttribute('data-khcn-comment')).toBe(
      false,
    );
    expect(articleByLabel('Bình luận của Phạm Minh').hasAttribute('data-khcn-comment')).toBe(false);
  });
});

describe('theo dõi thay đổi', () => {
  beforeEach(() => {
    loadFixture('vi-post.html');
    start();
    manual.run();
    batches = [];
  });

  test('luồng thêm vào: trả lời lồng trong bình luận, ô soạn thảo trong hay cạnh bình luận — đọc đúng từng cái', async () => {
    const parent = makeComment('8100000000000001', 'Lê Hoa', 'Lời của bình luận cha');
    const reply = makeComment('8100000000000002', 'Trần Nam', 'Lời của phản hồi', {
      parent: '8100000000000001',
    });
    parent.append(reply);
    const withComposer = makeComment('8100000000000003', 'Vũ Lan', 'Bình luận có ô soạn thảo bên trong');
    const composer = document.createElement('div');
    composer.setAttribute('contenteditable', 'true');
    withComposer.append(composer);
    const beside = makeComment('8100000000000004', 'Đỗ Minh', 'Bình luận có ô soạn thảo bên cạnh');
    const besideComposer = document.createElement('div');
    besideComposer.setAttribute('contenteditable', 'true');
    const thread = document.createElement('div');
    thread.append(parent, withComposer, beside, besideComposer);
    document.body.append(thread);
    await mutationsDelivered();
    manual.run();
    const read = new Map((batches[0] ?? []).map((b) => [b.seen.id, b.seen.text]));
    expect(read.get('8100000000000001')).toBe('Lời của bình luận cha');
    expect(read.get('8100000000000002')).toBe('Lời của phản hồi');
    expect(read.has('8100000000000003')).toBe(false);
    expect(withComposer.hasAttribute('data-khcn-comment')).toBe(false);
    expect(read.get('8100000000000004')).toBe('Bình luận có ô soạn thảo bên cạnh');
  });

  test('callback của MutationObserver chỉ xếp hàng: nhiều lần thêm gộp vào một lô', async () => {
    const list = articleByLabel('Bình luận của Lê Hoàng').parentElement!;
    for (let i = 0; i < 50; i += 1)
      list.append(makeComment(String(9_000_000 + i), `Người ${i}`, `Ý kiến ${i}`));
    await mutationsDelivered();
    list.append(makeComment('9100000', 'Người cuối', 'Ý kiến cuối'));
    await mutationsDelivered();
    expect(batches).toEqual([]);
    expect(document.querySelectorAll('[data-khcn-comment]').length).toBe(4);
    expect(manual.pendingCount()).toBe(1);
    manual.run();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(51);
    expect(batches[0]!.every((b) => b.kind === 'new')).toBe(true);
    expect(watcher!.stats()).toMatchObject({ seen: 55, droppedNoId: 1, batches: 2 });
  });

  test('Facebook vẽ lại bình luận thành node mới: node mới cũng được đánh dấu, báo "rerendered", không đếm lại', async () => {
    const old = articleByLabel('Bình luận của Nguyễn Văn An');
    const fresh = old.cloneNode(true) as Element;
    fresh.removeAttribute('data-khcn-comment');
    old.replaceWith(fresh);
    await mutationsDelivered();
    manual.run();
    expect(fresh.getAttribute('data-khcn-comment')).toBe('2233445566778899');
    expect(summary(batches[0])).toEqual([['rerendered', '2233445566778899']]);
    expect(batches[0]![0]!.element).toBe(fresh);
    expect(watcher!.stats()).toMatchObject({ seen: 4, rerendered: 1 });
  });

  test('bình luận đang đăng nhận link thời gian sau: được đọc lại, đánh dấu, bớt số bị bỏ', async () => {
    const pending = articleByLabel('Bình luận của Phạm Minh');
    const link = document.createElement('a');
    link.href = `${POST_URL}?comment_id=6677889900112233`;
    link.textContent = 'Vừa xong';
    pending.append(link);
    await mutationsDelivered();
    manual.run();
    expect(pending.getAttribute('data-khcn-comment')).toBe('6677889900112233');
    expect(summary(batches[0])).toEqual([['new', '6677889900112233']]);
    expect(batches[0]![0]!.seen.text).toBe('Đang viết…');
    expect(watcher!.stats()).toMatchObject({ seen: 5, droppedNoId: 0 });
  });

  test('bấm "Xem thêm": bình luận được đọc lại với toàn văn, báo "updated"', async () => {
    const cut = articleByLabel('Bình luận của Lê Hoàng');
    const block = cut.querySelector('[dir="auto"] [dir="auto"]')!;
    block.replaceChildren(document.createTextNode('Nên có quỹ hỗ trợ nhà sáng chế trẻ. Toàn văn ở đây.'));
    await mutationsDelivered();
    manual.run();
    expect(summary(batches[0])).toEqual([['updated', '5566778899001122']]);
    const { seen, element, pageUrl } = batches[0]![0]!;
    expect(seen.text).toBe('Nên có quỹ hỗ trợ nhà sáng chế trẻ. Toàn văn ở đây.');
    // Read in full from the node it reported: no longer cut.
    expect(extractComment(element, pageUrl, ['khcndmst'])).toMatchObject({
      ok: true,
      comment: { text: seen.text, truncated: false },
    });
    expect(watcher!.stats().seen).toBe(4);
  });

  test('thay đổi nhỏ bên trong bình luận đã biết (lượt thích) không báo lại', async () => {
    const known = articleByLabel('Bình luận của Nguyễn Văn An');
    const likes = document.createElement('span');
    likes.textContent = '12';
    known.append(likes);
    await mutationsDelivered();
    manual.run();
    expect(batches).toEqual([]);
    expect(watcher!.stats()).toMatchObject({ seen: 4, rerendered: 0, batches: 2 });
  });

  test('node bị React dùng lại cho bình luận khác: đổi dấu sang id mới', async () => {
    const recycled = articleByLabel('Bình luận của Nguyễn Văn An');
    const time = recycled.querySelector('a[href*="comment_id=2233445566778899"]')!;
    const replacement = document.createElement('a');
    replacement.href = `${POST_URL}?comment_id=1111222233334444`;
    replacement.textContent = '1 phút';
    time.replaceWith(replacement);
    await mutationsDelivered();
    manual.run();
    expect(recycled.getAttribute('data-khcn-comment')).toBe('1111222233334444');
    expect(summary(batches[0])).toEqual([['new', '1111222233334444']]);
  });

  test('bình luận đang đăng bị thay bằng node mới có id: không còn tính là bị bỏ', async () => {
    const pending = articleByLabel('Bình luận của Phạm Minh');
    const posted = makeComment('6677889900112233', 'Phạm Minh', 'Đang viết…');
    pending.replaceWith(posted);
    await mutationsDelivered();
    manual.run();
    expect(summary(batches[0])).toEqual([['new', '6677889900112233']]);
    expect(posted.getAttribute('data-khcn-comment')).toBe('6677889900112233');
    expect(watcher!.stats()).toMatchObject({ seen: 5, droppedNoId: 0 });
  });

  test('những gì onComments thêm vào trang không bị theo dõi; thay đổi của trang sau đó vẫn được', async () => {
    watcher!.stop();
    manual = manualSchedule();
    batches = [];
    watcher = createCommentWatcher({
      root: document.body,
      onComments: (batch) => {
        batches.push(batch);
        // Anything, not only khcn- elements: the observer is off meanwhile.
        for (const { element } of batch) element.append(document.createElement('span'));
      },
      schedule: manual.schedule,
      pageUrl: () => POST_URL,
    });
    manual.run(); // the page as it is
    await mutationsDelivered();
    expect(manual.pendingCount()).toBe(0);
    const list = articleByLabel('Bình luận của Lê Hoàng').parentElement!;
    list.append(makeComment('91', 'Người mới', 'xin chào'));
    await mutationsDelivered();
    manual.run();
    expect(summary(batches.at(-1))).toEqual([['new', '91']]);
    await mutationsDelivered();
    expect(manual.pendingCount()).toBe(0);
    list.append(makeComment('92', 'Người sau', 'chào lại'));
    await mutationsDelivered();
    manual.run();
    expect(summary(batches.at(-1))).toEqual([['new', '92']]);
  });

  test('bình luận đang đăng bị gỡ (không thêm gì khác): lô vẫn chạy và bớt số bị bỏ', async () => {
    expect(watcher!.stats().droppedNoId).toBe(1);
    articleByLabel('Bình luận của Phạm Minh').remove();
    await mutationsDelivered();
    expect(manual.pendingCount()).toBe(1);
    manual.run();
    expect(watcher!.stats().droppedNoId).toBe(0);
  });

  test('thêm rồi gỡ trước khi lô chạy: bỏ qua', async () => {
    const list = articleByLabel('Bình luận của Lê Hoàng').parentElement!;
    const gone = makeComment('42', 'Ai đó', 'xoá ngay');
    list.append(gone);
    await mutationsDelivered();
    gone.remove();
    manual.run();
    expect(batches).toEqual([]);
  });

  test('stop(): huỷ lô đang chờ và không theo dõi nữa', async () => {
    const list = articleByLabel('Bình luận của Lê Hoàng').parentElement!;
    list.append(makeComment('77', 'Trước khi dừng', 'a'));
    await mutationsDelivered();
    expect(manual.pendingCount()).toBe(1);
    watcher!.stop();
    expect(manual.pendingCount()).toBe(0);
    list.append(makeComment('78', 'Sau khi dừng', 'b'));
    await mutationsDelivered();
    manual.run();
    expect(batches).toEqual([]);
    expect(document.querySelector('[data-khcn-comment="77"], [data-khcn-comment="78"]')).toBeNull();
  });
});

describe('thống kê và cảnh báo bố cục', () => {
  test('onStats nhận số liệu sau mỗi lô; bài viết không có bình luận nhận ra được đếm', () => {
    loadFixture('en-dialog.html');
    // Facebook changed its labels and links: nothing is a comment any more.
    for (const el of document.querySelectorAll('[role="article"][aria-label]'))
      el.removeAttribute('aria-label');
    for (const el of document.querySelectorAll('a[href*="comment_id="]')) el.remove();
    const seen: WatcherStats[] = [];
    start(document.body, (s) => seen.push(s));
    manual.run();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ seen: 0, batches: 1 });
    expect(seen[0]!.articlesWithoutComments).toBeGreaterThan(0);
    expect(layoutHealth(seen[0]!, { now: 1000 + 10_000, watched: true }).ok).toBe(false);
  });

  const base: WatcherStats = {
    seen: 0,
    droppedNoId: 0,
    articlesWithoutComments: 0,
    rerendered: 0,
    batches: 3,
    startedAt: 0,
    firstCommentAt: null,
  };
  test.each<[string, Partial<WatcherStats>, { now: number; watched: boolean }, boolean]>([
    [
      'trang theo dõi có bài viết, 10 giây không nhận ra bình luận nào → cảnh báo',
      { articlesWithoutComments: 3 },
      { now: 10_000, watched: true },
      false,
    ],
    ['bình luận không có id mãi → cảnh báo', { droppedNoId: 5 }, { now: 12_000, watched: true }, false],
    [
      'chưa đủ thời gian chờ → chưa cảnh báo',
      { articlesWithoutComments: 3 },
      { now: 9_999, watched: true },
      true,
    ],
    [
      'đã nhận ra bình luận → ổn',
      { articlesWithoutComments: 3, seen: 1 },
      { now: 60_000, watched: true },
      true,
    ],
    [
      'trang không theo dõi → không cảnh báo',
      { articlesWithoutComments: 3 },
      { now: 60_000, watched: false },
      true,
    ],
    ['trang trống (chưa có bài) → không cảnh báo', {}, { now: 60_000, watched: true }, true],
  ])('layoutHealth: %s', (_case, stats, opts, ok) => {
    const health = layoutHealth({ ...base, ...stats }, opts);
    expect(health).toEqual({ ok });
  });
});

describe('lịch chạy lô mặc định (khung hình kế tiếp)', () => {
  /** A window whose frames the test draws by hand; a hidden tab never draws. */
  function framedWindow(visibilityState: DocumentVisibilityState = 'visible') {
    let frames = new Map<number, FrameRequestCallback>();
    let next = 1;
    const win = {
      document: { visibilityState },
      requestAnimationFrame: (callback: FrameRequestCallback) => {
        frames.set(next, callback);
        return next++;
      },
      cancelAnimationFrame: (handle: number) => frames.delete(handle),
    } as unknown as Window & typeof globalThis;
    return {
      win,
      pendingFrames: () => frames.size,
      drawFrame() {
        const callbacks = [...frames.values()];
        frames = new Map();
        for (const callback of callbacks) callback(0);
      },
    };
  }

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('tab đang hiện: lô chạy ở khung hình kế tiếp, một lần, không hẹn giờ nào', () => {
    const { win, drawFrame } = framedWindow();
    const work = vi.fn();
    defaultSchedule(win)(work);
    expect(vi.getTimerCount()).toBe(0);
    expect(work).not.toHaveBeenCalled();
    drawFrame();
    expect(work).toHaveBeenCalledTimes(1);
    drawFrame();
    expect(work).toHaveBeenCalledTimes(1);
  });

  test('tab ẩn không vẽ khung hình: hẹn giờ chạy lô, không chờ khung hình', () => {
    const { win, pendingFrames } = framedWindow('hidden');
    const work = vi.fn();
    defaultSchedule(win)(work);
    expect(pendingFrames()).toBe(0);
    vi.advanceTimersByTime(HIDDEN_TAB_DELAY_MS - 1);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  test('huỷ: khung hình (hoặc hẹn giờ ở tab ẩn) không chạy lô', () => {
    for (const visibility of ['visible', 'hidden'] as const) {
      const { win, drawFrame } = framedWindow(visibility);
      const work = vi.fn();
      const cancel = defaultSchedule(win)(work);
      cancel();
      drawFrame();
      vi.advanceTimersByTime(HIDDEN_TAB_DELAY_MS * 2);
      expect(work).not.toHaveBeenCalled();
    }
  });

  test('không có requestAnimationFrame: một hẹn giờ', () => {
    const work = vi.fn();
    defaultSchedule({} as Window & typeof globalThis)(work);
    vi.advanceTimersByTime(HIDDEN_TAB_DELAY_MS);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
