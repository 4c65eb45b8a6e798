import repliesJson from '../../public/packs/replies.vi.json';
import { defaultRulePack } from '../flags';
import type { RulePack } from '../flags/schema';
import { parseReplyPack, type ReplyPack } from '../replies/schema';

let replies: ReplyPack | undefined;

/**
 * The reply pack shipped in public/packs/replies.vi.json, validated once.
 * Bundled, not fetched: the extension makes no requests. An invalid default
 * pack is a build bug, so it fails loudly with the reason.
 */
export function defaultReplyPack(): ReplyPack {
  if (!replies) {
    const parsed = parseReplyPack(repliesJson);
    if (!parsed.ok) throw new Error(`public/packs/replies.vi.json: ${parsed.error}`);
    replies = parsed.pack;
  }
  return replies;
}

export type { ReplyPack, RulePack };
export { defaultRulePack };
