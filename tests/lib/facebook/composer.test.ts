import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  activeComposer,
  caretInside,
  composerText,
  findComposerFor,
  INSERT_FAILURE_TEXT,
  insertIntoComposer,
  placeCaretAtEnd,
  resolveCommentForComposer,
  verifyInsertion,
} from '../../../lib/facebook/composer';
import { STRINGS } from '../../../lib/i18n/strings';
import { loadFixture } from './load-fixture';

const POST_URL = 'https://www.facebook.com/khcndmst/posts/1122334455667788';
const WATCHED = ['khcndmst'];
const byId = (id: string) => document.getElementById(id) as HTMLElement;

beforeEach(() => {
  loadFixture('reply-box.html');
});

describe('comment đang được trả lời', () => {
  test.each<[string, string, string | null, string | null]>([
    ['ô trả lời có @nhắc tên → đúng phản hồi của người đó', 'reply-mention', '3344556677889900', 'mention'],
    [
      'ô trả lời trống sau chuỗi phản hồi → bình luận gốc của chuỗi',
      'reply-empty',
      '6677889900112233',
      'thread',
    ],
    [
      'nhắc tên người không có trong chuỗi, nhãn "Trả lời" → vẫn là chuỗi đó',
      'reply-stranger',
      '1357913579135791',
      'thread',
    ],
    ['ô bình luận chính của bài viết → không trả lời ai', 'post-composer', null, null],
  ])('%s', (_case, composerId, expectedId, via) => {
    const answered = resolveCommentForComposer(byId(composerId), POST_URL, WATCHED);
    expect(answered?.comment.id ?? null).toBe(expectedId);
    expect(answered?.via ?? null).toBe(via);
  });

  test('ô trả lời nằm trong article của bình luận (bản dựng lồng nhau) → chính bình luận đó', () => {
    const article = document.querySelector('[aria-label^="Bình luận của Hồ Thị Em"]')!;
    const box = byId('reply-stranger');
    box.replaceChildren(document.createElement('p'));
    article.append(box);
    const answered = resolveCommentForComposer(box, POST_URL, WATCHED);
    expect([answered?.comment.id, answered?.via]).toEqual(['1357913579135791', 'inside']);
  });

  test('ô trả lời không có bình luận nào phía trước → null (không đoán)', () => {
    const lonely = byId('reply-empty');
    document.body.replaceChildren(lonely);
    expect(resolveCommentForComposer(lonely, POST_URL, WATCHED)).toBeNull();
  });

  test.each<[string, string | null, string | null]>([
    ['phản hồi của Trần Thị Bình', '3344556677889900', 'reply-mention'],
    ['bình luận của Phạm Minh', '6677889900112233', 'reply-empty'],
    ['bình luận của Nguyễn Văn An (ô đang mở nhắc người khác)', '2233445566778899', null],
    ['bài viết (null)', null, 'post-composer'],
  ])('findComposerFor: %s', (_case, commentId, composerId) => {
    const found = findComposerFor(commentId, document, POST_URL, WATCHED);
    expect(found?.id ?? null).toBe(composerId);
  });
});

describe('activeComposer', () => {
  test('ô Lexical đang có focus', () => {
    byId('reply-mention').focus();
    expect(activeComposer(document)).toBe(byId('reply-mention'));
  });
  test('focus ở một contenteditable không phải Lexical → null', () => {
    byId('plain-editable').focus();
    expect(activeComposer(document)).toBeNull();
  });
  test('không gì có focus → null', () => {
    (document.activeElement as HTMLElement | null)?.blur();
    expect(activeComposer(document)).toBeNull();
  });
});

describe('con trỏ ở cuối', () => {
  test('sau @nhắc tên: cuối nút chữ cuối cùng (khoảng trắng sau tên)', () => {
    const box = byId('reply-mention');
    placeCaretAtEnd(box, window);
    const selection = window.getSelection()!;
    const spaceAfterMention = box.querySelectorAll('span')[1]!.firstChild!;
    expect(selection.anchorNode).toBe(spaceAfterMention);
    expect(selection.anchorOffset).toBe(1);
    expect(selection.isCollapsed).toBe(true);
    expect(caretInside(box, window)).toBe(true);
  });
  test('ô trống: trong đoạn cuối, vị trí 0', () => {
    const box = byId('reply-empty');
    placeCaretAtEnd(box, window);
    const selection = window.getSelection()!;
    expect(selection.anchorNode).toBe(box.querySelector('p'));
    expect(selection.anchorOffset).toBe(0);
  });
});

describe('đọc và kiểm tra nội dung ô', () => {
  test.each([
    ['đoạn trống của Lexical', '<p><br></p>', ''],
    ['nhắc tên và chữ', '<p><span>Trần Thị Bình</span><span> Cảm ơn</span></p>', 'Trần Thị Bình Cảm ơn'],
    ['xuống dòng bằng <br> (plain text)', '<p>Dòng 1<br>Dòng 2</p>', 'Dòng 1\nDòng 2'],
    ['nhiều đoạn (rich text)', '<p>Dòng 1</p><p>Dòng 2</p>', 'Dòng 1\nDòng 2'],
  ])('composerText: %s', (_case, markup, expected) => {
    const box = document.createElement('div');
    const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
    box.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
    expect(composerText(box)).toBe(expected);
  });

  test.each<[string, string, string, string, ReturnType<typeof verifyInsertion>]>([
    ['chèn một lần sau nhắc tên', 'Bình ', 'Bình Cảm ơn bạn', 'Cảm ơn bạn', { ok: true }],
    ['nhiều dòng, Lexical tách đoạn', 'Bình ', 'Bình Dòng 1\n\nDòng 2', 'Dòng 1\nDòng 2', { ok: true }],
    ['không có gì thay đổi', 'Bình ', 'Bình ', 'Cảm ơn', { ok: false, reason: 'not-inserted' }],
    ['bị chèn hai lần', 'Bình ', 'Cảm ơnBình Cảm ơn', 'Cảm ơn', { ok: false, reason: 'inserted-twice' }],
    ['chèn trước nhắc tên', 'Bình', 'Cảm ơn Bình', 'Cảm ơn', { ok: false, reason: 'wrong-place' }],
    ['ô trống', '', 'Cảm ơn', 'Cảm ơn', { ok: true }],
  ])('verifyInsertion: %s', (_case, before, after, text, expected) => {
    expect(verifyInsertion(before, after, text)).toEqual(expected);
  });
});

describe('insertIntoComposer: từ chối khi không chắc', () => {
  afterEach(() => {
    delete (document as { execCommand?: unknown }).execCommand;
  });

  test.each<[string, () => HTMLElement | null, string, string]>([
    ['không có ô nào', () => null, 'Cảm ơn', 'no-composer'],
    [
      'ô đã bị gỡ khỏi trang',
      () => {
        const box = byId('reply-empty');
        box.remove();
        return box;
      },
      'Cảm ơn',
      'detached',
    ],
    ['contenteditable không phải Lexical', () => byId('plain-editable'), 'Cảm ơn', 'not-lexical'],
    ['câu trả lời trống', () => byId('reply-empty'), '  ', 'empty-text'],
  ])('%s', async (_case, composer, text, reason) => {
    const result = await insertIntoComposer(composer(), text, { win: window });
    // A typed failure only: the content script words it (t(INSERT_FAILURE_TEXT[reason])).
    expect(result).toEqual({ ok: false, reason });
    if (!result.ok) {
      const [vi, en] = STRINGS[INSERT_FAILURE_TEXT[result.reason]];
      expect(vi.length).toBeGreaterThan(0);
      expect(en.length).toBeGreaterThan(0);
    }
  });

  test('không đường chèn nào được nhận → not-inserted, ô giữ nguyên, không Enter', async () => {
    const box = byId('reply-mention');
    const keys = vi.fn();
    box.addEventListener('keydown', keys);
    const result = await insertIntoComposer(box, 'Cảm ơn', { win: window });
    expect(result).toMatchObject({ ok: false, reason: 'not-inserted' });
    expect(composerText(box)).toBe('Trần Thị Bình ');
    expect(keys).not.toHaveBeenCalled();
  });
});

/**
 * A stand-in for Lexical's handlers, enough to prove which path is taken and
 * that the result is verified (real Lexical is in tests/e2e/composer.e2e.ts).
 */
function fakeLexical(box: HTMLElement, opts: { twice?: boolean } = {}) {
  const appendAtCaret = (text: string) => {
    const times = opts.twice ? 2 : 1;
    for (let i = 0; i < times; i += 1) {
      const lines = text.split('\n');
      const p = box.querySelector('p')!;
      lines.forEach((line, index) => {
        if (index > 0) p.append(document.createElement('br'));
        p.append(document.createTextNode(line));
      });
    }
  };
  const calls: string[] = [];
  (document as { execCommand?: unknown }).execCommand = (command: string, _ui: boolean, value: string) => {
    calls.push(`execCommand:${command}`);
    if (!caretInside(box, window)) return false;
    appendAtCaret(value);
    return true;
  };
  box.addEventListener('paste', (event) => {
    calls.push('paste');
    const text = (event as ClipboardEvent).clipboardData?.getData('text/plain');
    if (text) {
      event.preventDefault();
      appendAtCaret(text);
    }
  });
  box.addEventListener('beforeinput', (event) =>
    calls.push(`beforeinput:${(event as InputEvent).inputType}`),
  );
  box.addEventListener('keydown', (event) => calls.push(`keydown:${(event as KeyboardEvent).key}`));
  return calls;
}

describe('insertIntoComposer: chọn đường chèn và kiểm tra sau khi chèn', () => {
  afterEach(() => {
    delete (document as { execCommand?: unknown }).execCommand;
  });

  test('một dòng → execCommand insertText, sau @nhắc tên, đúng một lần', async () => {
    const box = byId('reply-mention');
    const calls = fakeLexical(box);
    const result = await insertIntoComposer(box, 'Cảm ơn chị đã góp ý.', { win: window });
    expect(result).toEqual({ ok: true, method: 'execCommand' });
    expect(calls).toEqual(['execCommand:insertText']);
    expect(composerText(box)).toBe('Trần Thị Bình Cảm ơn chị đã góp ý.');
  });

  test('nhiều dòng → sự kiện paste mang DataTransfer text/plain, giữ xuống dòng', async () => {
    const box = byId('reply-empty');
    const calls = fakeLexical(box);
    box.replaceChildren(document.createElement('p'));
    const result = await insertIntoComposer(box, 'Dòng 1\nDòng 2', { win: window });
    expect(result).toEqual({ ok: true, method: 'paste' });
    expect(calls).toEqual(['paste']);
    expect(composerText(box)).toBe('Dòng 1\nDòng 2');
  });

  test('không trình soạn thảo nào nhận paste → dự phòng beforeinput insertReplacementText', async () => {
    const box = byId('reply-empty');
    const inputTypes: string[] = [];
    box.addEventListener('beforeinput', (event) => {
      const e = event as InputEvent & { dataTransfer: DataTransfer | null };
      inputTypes.push(`${e.inputType}:${e.dataTransfer?.getData('text/plain')}`);
      event.preventDefault();
      box
        .querySelector('p')!
        .replaceChildren(
          document.createTextNode('A'),
          document.createElement('br'),
          document.createTextNode('B'),
        );
    });
    const result = await insertIntoComposer(box, 'A\nB', { win: window });
    expect(result).toEqual({ ok: true, method: 'beforeinput' });
    expect(inputTypes).toEqual(['insertReplacementText:A\nB']);
  });

  test('trình soạn thảo chèn hai lần → báo inserted-twice, không thử lại', async () => {
    const box = byId('reply-mention');
    const calls = fakeLexical(box, { twice: true });
    const result = await insertIntoComposer(box, 'Cảm ơn', { win: window });
    expect(result).toMatchObject({ ok: false, reason: 'inserted-twice' });
    expect(calls).toEqual(['execCommand:insertText']);
  });

  test('con trỏ bị script khác kéo ra ngoài trước khi chèn → selection-moved, không chèn', async () => {
    const box = byId('reply-mention');
    const calls = fakeLexical(box);
    const elsewhere = document.querySelector(
      '[aria-label^="Bình luận của Phạm Minh"] [dir="auto"] [dir="auto"]',
    )!;
    // Another script moves the selection while we wait for Lexical's turn.
    setTimeout(() => window.getSelection()!.selectAllChildren(elsewhere), 0);
    const result = await insertIntoComposer(box, 'Cảm ơn', { win: window });
    expect(result).toMatchObject({ ok: false, reason: 'selection-moved' });
    expect(calls).toEqual([]);
  });
});
