// The default packs live beside their schemas (lib/flags, lib/replies); this
// module gathers them for the pack storage and sharing code.

import repliesJson from '../../public/packs/replies.vi.json';
import rulesJson from '../../public/packs/rules.vi.json';
import { defaultRulePack } from '../flags';
import type { RulePack } from '../flags/schema';
import { defaultReplyPack } from '../replies/default-pack';
import type { ReplyPack } from '../replies/schema';

export type { ReplyPack, RulePack };
export { defaultReplyPack, defaultRulePack };

/**
 * The shipped packs exactly as bundled, without a zod parse. Parsing them is
 * 20–40 ms at every content-script start on Facebook (a long task on a slow
 * machine) and can only ever give back the same data: the packs are part of
 * the build, and tests/lib/packs/bundled.test.ts checks that their parse is
 * strictly equal to the bundled JSON (no defaults filled, nothing trimmed).
 * `defaultRulePack()`/`defaultReplyPack()` stay for code that wants the
 * validation in the same call (options page, CLI).
 */
export function bundledRulePack(): RulePack {
  return rulesJson as RulePack;
}

export function bundledReplyPack(): ReplyPack {
  return repliesJson as ReplyPack;
}
