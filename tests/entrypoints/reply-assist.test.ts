import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  paletteItems,
  ReplyAssist,
  type ReplyAssistHost,
} from '../../entrypoints/facebook.content/reply-assist';
import { setReplyLibrary } from '../../entrypoints/facebook.content/reply-library';
import type { Comment } from '../../lib/facebook/comment';
import type { SuggestionSummary } from '../../lib/messages';
import { bundledReplyPack } from '../../lib/packs/defaults';
import type { Reply } from '../../lib/replies/schema';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';

const library: Reply[] = bundledReplyPack().replies;

const comment: Comment = {
  id: '2233445566778906',
  postId: '1122334455667788',
  parentId: null,
  author: 'Vũ Ngọc Lan',
  authorUrl: null,
  text: 'Cảm ơn Bộ đã lắng nghe ý kiến người dân',
  truncated: false,
  permalink: 'https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=2233445566778906',
  time: '1 giờ',
  isPage: false,
};

function suggestion(reply: Reply, why: string): SuggestionSummary {
  return { replyId: reply.id, intent: reply.intent, title: reply.title, preview: '…', why, score: 0.5 };
}

function host() {
  return {
    ctx: {} as ContentScriptContext,
    settings: DEFAULT_SETTINGS,
    knownFlags: () => undefined,
    onCurrentChange: vi.fn(() => {}),
    showToast: vi.fn((_text: string, _kind: 'ok' | 'error' | 'info') => {}),
  } satisfies ReplyAssistHost;
}

afterEach(() => {
  document.body.replaceChildren();
  setReplyLibrary([]);
});

describe('paletteItems', () => {
  test('gợi ý trước theo thứ tự, kèm lý do; sau đó cả thư viện, không lặp', () => {
    const [a, b] = [library[3]!, library[1]!];
    const items = paletteItems(
      [suggestion(a, 'lý do A'), suggestion(b, 'lý do B')],
      library,
      comment,
      DEFAULT_SETTINGS,
    );
    expect(items.map((i) => i.reply.id).slice(0, 2)).toEqual([a.id, b.id]);
    expect(items.map((i) => i.why).slice(0, 2)).toEqual(['lý do A', 'lý do B']);
    expect(items).toHaveLength(library.length);
    expect(new Set(items.map((i) => i.reply.id)).size).toBe(library.length);
    expect(items.slice(2).every((i) => i.why === undefined)).toBe(true);
  });

  test('gợi ý không còn trong thư viện thì bỏ qua', () => {
    const gone = { ...suggestion(library[0]!, 'x'), replyId: 'khong-con' };
    expect(paletteItems([gone], library, comment, DEFAULT_SETTINGS)).toHaveLength(library.length);
  });

  test('câu trả lời cần {hotline} chưa điền: xem trước báo lỗi thay vì văn bản', () => {
    const needsHotline = library.find((r) => r.body.includes('{hotline}'))!;
    const [item] = paletteItems([], [needsHotline], comment, DEFAULT_SETTINGS);
    expect(item!.preview.ok).toBe(false);
  });
});

describe('ReplyAssist', () => {
  test('chèn một câu trả lời không có: báo lỗi cho người kiểm duyệt, không chèn', async () => {
    const h = host();
    const assist = new ReplyAssist(h);
    await expect(assist.insert('khong-co', null)).resolves.toEqual({
      ok: false,
      reason: 'Không có câu trả lời "khong-co"',
    });
    expect(h.showToast).toHaveBeenCalledWith(expect.stringContaining('khong-co'), 'error');
  });

  test('ô soạn không thuộc bình luận nào: không có bình luận hiện tại, phiên được báo', async () => {
    const h = host();
    const assist = new ReplyAssist(h);
    const composer = document.createElement('div');
    document.body.append(composer);
    await assist.follow(composer);
    expect(assist.current).toBeNull();
    expect(assist.suggestions).toEqual([]);
    expect(h.onCurrentChange).toHaveBeenCalledTimes(1);
    expect(assist.composer).toBe(composer);
  });

  test('theo dõi focus đến khi signal hủy', () => {
    const assist = new ReplyAssist(host());
    const follow = vi.spyOn(assist, 'follow').mockResolvedValue();
    const controller = new AbortController();
    assist.start(controller.signal);
    const composer = document.createElement('div');
    composer.setAttribute('role', 'textbox');
    composer.setAttribute('contenteditable', 'true');
    composer.setAttribute('data-lexical-editor', 'true');
    composer.setAttribute('aria-label', 'Viết bình luận…');
    document.body.append(composer);
    const other = document.createElement('input');
    document.body.append(other);
    other.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    composer.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(follow).toHaveBeenCalledTimes(1);
    expect(follow).toHaveBeenCalledWith(composer);
    controller.abort();
    assist.composer = null;
    composer.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(follow).toHaveBeenCalledTimes(1);
  });
});
