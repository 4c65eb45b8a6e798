import { afterEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { scriptStartedEventName, shieldFromForgedStart } from '../../lib/content-shield';

const contexts: ContentScriptContext[] = [];
afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.abort();
});

function forgeStart(): void {
  // What a page script can do: the event's name is the extension id, the entrypoint and a fixed suffix.
  document.dispatchEvent(
    new CustomEvent(scriptStartedEventName(), {
      detail: { contentScriptName: 'facebook', messageId: 'forged' },
    }),
  );
}

describe('shieldFromForgedStart — một sự kiện giả của trang không tắt được tiện ích', () => {
  test('không có lá chắn: sự kiện giả làm ngữ cảnh mất hiệu lực (lỗ hổng cũ)', () => {
    const ctx = new ContentScriptContext('facebook');
    contexts.push(ctx);
    forgeStart();
    expect(ctx.isValid).toBe(false);
  });

  test('có lá chắn: sự kiện giả bị chặn, ngữ cảnh vẫn chạy', () => {
    const ctx = new ContentScriptContext('facebook');
    contexts.push(ctx);
    shieldFromForgedStart(ctx);
    forgeStart();
    forgeStart();
    expect(ctx.isValid).toBe(true);
    expect(ctx.signal.aborted).toBe(false);
  });

  test('bản cũ mồ côi (runtime đã mất sau khi tải lại tiện ích) vẫn dừng khi bản mới khởi động', () => {
    const ctx = new ContentScriptContext('facebook');
    contexts.push(ctx);
    shieldFromForgedStart(ctx);
    const id = fakeBrowser.runtime.id;
    try {
      (fakeBrowser.runtime as { id?: string }).id = undefined;
      forgeStart();
    } finally {
      (fakeBrowser.runtime as { id?: string }).id = id;
    }
    expect(ctx.signal.aborted).toBe(true);
  });
});

test('tên sự kiện là của WXT: <id tiện ích>:<entrypoint>:wxt:content-script-started', () => {
  expect(scriptStartedEventName()).toMatch(/:wxt:content-script-started$/);
});
