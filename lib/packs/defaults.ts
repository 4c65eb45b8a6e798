// The default packs live beside their schemas (lib/flags, lib/replies); this
// module gathers them for the pack storage and sharing code.
import { defaultRulePack } from '../flags';
import type { RulePack } from '../flags/schema';
import { defaultReplyPack } from '../replies/default-pack';
import type { ReplyPack } from '../replies/schema';

export type { ReplyPack, RulePack };
export { defaultReplyPack, defaultRulePack };
