import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  decorateComment,
  prepareTools,
  undecorateAll,
} from '../../entrypoints/facebook.content/comment-tools';
import type { FlagSummary } from '../../lib/messages';

function flag(category: FlagSummary['category'], ruleId: string): FlagSummary {
  return {
    ruleId,
    category,
    severity: 'high',
    matched: 'chữa khỏi ung thư',
    explanation: `Khớp quy tắc "${ruleId}"`,
  };
}

function article(id: string): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('role', 'article');
  el.setAttribute('data-khcn-comment', id);
  el.textContent = 'Bình luận';
  document.body.append(el);
  return el;
}

const hosts = (el: Element) => el.querySelectorAll(':scope > khcn-comment-tools');
const saveButton = (el: Element) =>
  hosts(el)[0]?.shadowRoot?.querySelector<HTMLButtonElement>('button.save') ?? null;
const badgeTexts = (el: Element) =>
  Array.from(hosts(el)[0]?.shadowRoot?.querySelectorAll('.badge') ?? [], (b) => b.textContent);

beforeEach(() => {
  document.body.replaceChildren();
});
afterEach(() => {
  undecorateAll(document);
});

describe('prepareTools: khuôn công cụ dựng sẵn trước lô đầu', () => {
  test('không thêm gì vào trang; bình luận sau đó vẫn có đủ công cụ', () => {
    const before = document.documentElement.outerHTML;
    prepareTools();
    expect(document.documentElement.outerHTML).toBe(before);
    const el = article('555');
    decorateComment(el, '555', [flag('health', 'r1')], false);
    expect(hosts(el)).toHaveLength(1);
    expect(saveButton(el)?.textContent).toContain('Lưu ý tưởng');
    expect(badgeTexts(el)).toHaveLength(1);
  });
});

describe('decorateComment', () => {
  test('huy hiệu dựng sẵn theo loại rồi lời giải thích: cùng lời, khác loại không lẫn; nhiều cờ một loại ghép đủ lời', () => {
    const tips = (el: Element) =>
      Array.from(hosts(el)[0]?.shadowRoot?.querySelectorAll('.tip') ?? [], (b) => b.textContent);
    const same = (category: FlagSummary['category']) => ({
      ...flag(category, 'r'),
      explanation: 'Cùng một lời',
    });
    const a = article('901');
    decorateComment(a, '901', [same('health')], false);
    const b = article('902');
    decorateComment(b, '902', [same('scam')], false);
    expect(hosts(a)[0]?.shadowRoot?.querySelector('.badge')?.className).toBe('badge health');
    expect(hosts(b)[0]?.shadowRoot?.querySelector('.badge')?.className).toBe('badge scam');
    const c = article('903');
    decorateComment(c, '903', [same('health'), flag('health', 'r9')], false);
    expect(tips(c)).toEqual(['Cùng một lời\nKhớp quy tắc "r9"']);
    // The one-flag badge is still that flag's alone.
    const d = article('904');
    decorateComment(d, '904', [same('health')], false);
    expect(tips(d)).toEqual(['Cùng một lời']);
  });

  test('mỗi bình luận một nút "Lưu ý tưởng" trong shadow root mở; gọi lại không thêm nút thứ hai', () => {
    const el = article('111');
    decorateComment(el, '111', [], false);
    decorateComment(el, '111', [], false);
    expect(hosts(el)).toHaveLength(1);
    expect(saveButton(el)?.textContent).toBe('Lưu ý tưởng');
    expect(el.hasAttribute('data-khcn-flags')).toBe(false);
  });

  test('cờ: data-khcn-flags và huy hiệu theo loại; cờ đổi thì cập nhật, hết cờ thì gỡ', () => {
    const el = article('222');
    decorateComment(el, '222', [flag('health', 'r1'), flag('scam', 'r2'), flag('health', 'r3')], false);
    expect(el.getAttribute('data-khcn-flags')).toBe('health scam');
    expect(badgeTexts(el)).toHaveLength(2);
    decorateComment(el, '222', [flag('phishing', 'r4')], false);
    expect(hosts(el)).toHaveLength(1);
    expect(el.getAttribute('data-khcn-flags')).toBe('phishing');
    expect(badgeTexts(el)).toHaveLength(1);
    decorateComment(el, '222', [], false);
    expect(el.hasAttribute('data-khcn-flags')).toBe(false);
    expect(badgeTexts(el)).toHaveLength(0);
    expect(saveButton(el)).not.toBeNull();
  });

  test('cờ đến sau (bộ chấm ở nền): huy hiệu thêm vào host đã có, trang không có nút nào thêm hay bớt', async () => {
    const el = article('333');
    decorateComment(el, '333', [], false);
    const host = hosts(el)[0];
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, { childList: true, subtree: true });
    decorateComment(el, '333', [flag('scam', 'r1'), flag('health', 'r2')], false);
    expect(hosts(el)[0]).toBe(host);
    expect(el.getAttribute('data-khcn-flags')?.split(' ').sort()).toEqual(['health', 'scam']);
    expect(badgeTexts(el)).toHaveLength(2);
    // The badges sit before the save button, as in a host built with them.
    const row = host?.shadowRoot?.querySelector('.row');
    expect(row?.lastElementChild?.previousElementSibling?.matches('button.save')).toBe(true);
    expect(row?.firstElementChild?.matches('.wrap')).toBe(true);
    decorateComment(el, '333', [], false);
    expect(hosts(el)[0]).toBe(host);
    expect(badgeTexts(el)).toHaveLength(0);
    await Promise.resolve();
    observer.disconnect();
    expect(records.concat(observer.takeRecords())).toEqual([]);
  });

  test('Facebook gỡ phần của ta khi vẽ lại bên trong bình luận: lần sau gắn lại', () => {
    const el = article('333');
    decorateComment(el, '333', [], false);
    hosts(el)[0]!.remove();
    decorateComment(el, '333', [], false);
    expect(hosts(el)).toHaveLength(1);
  });

  test('giao diện tối của Facebook: data-theme="dark" trên host', () => {
    const el = article('444');
    decorateComment(el, '444', [], true);
    expect(hosts(el)[0]!.getAttribute('data-theme')).toBe('dark');
  });
});

// listenForSaveClicks is driven in the e2e tests (content.e2e.ts, firefox.e2e.ts): happy-dom
// neither retargets a click from a shadow root to its host nor fills composedPath() while
// the event is dispatched, and the one listener relies on both.

describe('giải thích của huy hiệu trích lời bình luận', () => {
  test('ký tự đảo chiều trong lời trích được hiện ra, không làm đảo chữ', () => {
    const el = article('555');
    const hostile: FlagSummary = { ...flag('phishing', 'phish-apk'), explanation: 'Khớp "\u202Ekpa.x"' };
    decorateComment(el, '555', [hostile], false);
    const tip = hosts(el)[0]!.shadowRoot!.querySelector('.tip')!;
    expect(tip.textContent).toBe('Khớp "⟦U+202E⟧kpa.x"');
  });
});
