import repliesJson from '../../public/packs/replies.vi.json';
import { parseReplyPack, type ReplyPack } from './schema';

let pack: ReplyPack | undefined;

/**
 * The default reply library shipped in public/packs/replies.vi.json,
 * validated once. It is bundled (Vite and tsx both import JSON), so no page
 * fetches it. An invalid default pack is a build bug: fail loudly, naming it.
 */
export function defaultReplyPack(): ReplyPack {
  if (!pack) {
    const parsed = parseReplyPack(repliesJson);
    if (!parsed.ok) throw new Error(`public/packs/replies.vi.json: ${parsed.error}`);
    pack = parsed.pack;
  }
  return pack;
}
