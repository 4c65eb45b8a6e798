import { describe, expect, test } from 'vitest';
import { parseRulePack } from '../../../lib/flags/schema';
import {
  bundledReplyPack,
  bundledRulePack,
  defaultReplyPack,
  defaultRulePack,
} from '../../../lib/packs/defaults';
import { parseReplyPack } from '../../../lib/replies/schema';

// The content script uses the shipped packs without parsing them (a zod parse
// of both is a long task at every Facebook page load). That is only exact
// while parsing changes nothing: no default filled in, no string trimmed.
describe('gói mặc định dùng nguyên như khi đóng gói / the bundled packs are used as they are', () => {
  test.each([
    ['quy tắc / rules', bundledRulePack, parseRulePack, defaultRulePack],
    ['câu trả lời / replies', bundledReplyPack, parseReplyPack, defaultReplyPack],
  ] as const)('%s: zod parse trả lại đúng dữ liệu đã đóng gói', (_name, bundled, parse, parsedDefault) => {
    const parsed = (parse as (value: unknown) => { ok: boolean; pack?: unknown })(bundled());
    expect(parsed.ok).toBe(true);
    expect(parsed.pack).toStrictEqual(bundled());
    expect((parsedDefault as () => unknown)()).toStrictEqual(bundled());
  });
});
