import { signal } from '@preact/signals';
import type { Concept, Rule, RulePack } from '../../lib/flags/schema';
import {
  type LoadedPack,
  loadReplyPack,
  loadRulePack,
  type SavePackResult,
  saveReplyPack,
  saveRulePack,
  watchPacks,
} from '../../lib/packs/storage';
import { REPLY_PACK_FORMAT, type Reply, type ReplyPack } from '../../lib/replies/schema';

/**
 * The packs as saved, shared by the editors, the test box and pack sharing on
 * the options page. Only a successful save changes them: a draft being typed
 * never reaches the test box.
 */
export const replyPack = signal<LoadedPack<ReplyPack> | null>(null);
export const rulePack = signal<LoadedPack<RulePack> | null>(null);

export async function loadPacks(): Promise<void> {
  const [replies, rules] = await Promise.all([loadReplyPack(), loadRulePack()]);
  replyPack.value = replies;
  rulePack.value = rules;
}

/** Follows saves from other windows of the options page. */
export function followPackChanges(): () => void {
  return watchPacks((change) => {
    if (change.replies) replyPack.value = change.replies;
    if (change.rules) rulePack.value = change.rules;
  });
}

export async function commitReplies(replies: readonly Reply[]): Promise<SavePackResult<ReplyPack>> {
  const result = await saveReplyPack({ format: REPLY_PACK_FORMAT, version: 1, replies });
  if (result.ok) replyPack.value = { pack: result.pack, source: 'stored' };
  return result;
}

export async function commitRules(rules: readonly Rule[]): Promise<SavePackResult<RulePack>> {
  // The pack's concepts and shared exceptions stay as they are: the editor changes the rules.
  const { concepts, exceptions } = rulePack.value?.pack ?? {};
  const result = await saveRulePack({
    format: 'khcn-moderator/rules',
    version: 1,
    concepts,
    exceptions,
    rules,
  });
  if (result.ok) rulePack.value = { pack: result.pack, source: 'stored' };
  return result;
}

/** Writes the concept lists; the rules and shared exceptions stay. A rule still needing a removed concept makes the save fail, naming it. */
export async function commitConcepts(concepts: readonly Concept[]): Promise<SavePackResult<RulePack>> {
  const { rules = [], exceptions } = rulePack.value?.pack ?? {};
  const result = await saveRulePack({
    format: 'khcn-moderator/rules',
    version: 1,
    concepts: [...concepts],
    exceptions,
    rules,
  });
  if (result.ok) rulePack.value = { pack: result.pack, source: 'stored' };
  return result;
}
