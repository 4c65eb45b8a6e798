import { errorMessage } from '../errors';
import { parseRulePack, type RulePack } from '../flags/schema';
import { t } from '../i18n';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { compileJudge } from '../judge';
import { parseReplyPack, type Reply, type ReplyPack } from '../replies/schema';
import { defineStoredItem, type Parse, type StoredRead } from '../stored-item';
import { bundledReplyPack, bundledRulePack } from './defaults';

/**
 * The moderator's own reply library and rule list, in the extension's
 * storage.local (never facebook.com's storage). Absent, they are the default
 * packs. A stored pack that no longer parses — written by an older version,
 * damaged — or that cannot be read is never used half-way: the default takes
 * its place and the reason is reported, so suggestions and flags keep working.
 */
export const REPLY_PACK_KEY = 'replyPack';
export const RULE_PACK_KEY = 'rulePack';

export interface LoadedPack<P> {
  pack: P;
  /** `stored`: the moderator's own; `default`: the shipped pack. */
  source: 'stored' | 'default';
  /** Why a stored pack was set aside (Vietnamese, then English). */
  problem?: string;
}

export type SavePackResult<P> = { ok: true; pack: P } | { ok: false; error: string };

const packParse =
  <P>(parse: (value: unknown) => { ok: true; pack: P } | { ok: false; error: string }): Parse<P> =>
  (raw) => {
    const parsed = parse(raw);
    return parsed.ok ? { ok: true, value: parsed.pack } : parsed;
  };

const replyPackItem = defineStoredItem(REPLY_PACK_KEY, {
  parse: packParse(parseReplyPack),
  fallback: bundledReplyPack,
  version: 1,
});
const rulePackItem = defineStoredItem(RULE_PACK_KEY, {
  parse: packParse(parseRulePack),
  fallback: bundledRulePack,
  version: 1,
});

function loaded<P>(read: StoredRead<P>, label: readonly [vi: string, en: string]): LoadedPack<P> {
  const source = read.stored ? 'stored' : 'default';
  if (!read.problem) return { pack: read.value, source };
  const key = read.problem.kind === 'invalid' ? 'storedPack_invalid' : 'storedPack_unreadable';
  return {
    pack: read.value,
    source,
    problem: `${bilingual(CHECK_STRINGS, key, label)}\n${read.problem.detail}`,
  };
}

const REPLIES_LABEL = CHECK_STRINGS.storedPack_replies;
const RULES_LABEL = CHECK_STRINGS.storedPack_rules;

export async function loadReplyPack(): Promise<LoadedPack<ReplyPack>> {
  return loaded(await replyPackItem.read(), REPLIES_LABEL);
}

export async function loadRulePack(): Promise<LoadedPack<RulePack>> {
  return loaded(await rulePackItem.read(), RULES_LABEL);
}

function report(loaded: LoadedPack<unknown>): void {
  if (loaded.problem) console.warn(`[khcn] ${loaded.problem}`);
}

/** The replies to suggest from: the moderator's library, or the default one. Never throws on bad data. */
export async function loadActiveReplies(): Promise<Reply[]> {
  const loaded = await loadReplyPack();
  report(loaded);
  return loaded.pack.replies;
}

/** The rule pack to judge with (it goes to `compileJudge`): the moderator's, or the default. Never throws on bad data. */
export async function loadActiveRulePack(): Promise<RulePack> {
  const loaded = await loadRulePack();
  report(loaded);
  return loaded.pack;
}

/** Validates, then writes. An invalid pack writes nothing and says why. */
export async function saveReplyPack(pack: unknown): Promise<SavePackResult<ReplyPack>> {
  const parsed = parseReplyPack(pack);
  if (!parsed.ok) return parsed;
  await replyPackItem.set(parsed.pack);
  return parsed;
}

/**
 * Validates and compiles, then writes: a rule list the matcher cannot build
 * would leave the fanpage without flags, so it is refused like a schema error.
 */
export async function saveRulePack(pack: unknown): Promise<SavePackResult<RulePack>> {
  const parsed = parseRulePack(pack);
  if (!parsed.ok) return parsed;
  try {
    compileJudge({ ...parsed.pack, model: null });
  } catch (error) {
    return { ok: false, error: t('options_rulesDoNotCompile', errorMessage(error)) };
  }
  await rulePackItem.set(parsed.pack);
  return parsed;
}

/** Back to the shipped packs: the moderator's own copy is removed. */
export async function resetReplyPack(): Promise<void> {
  await replyPackItem.remove();
}

export async function resetRulePack(): Promise<void> {
  await rulePackItem.remove();
}

export interface PackChange {
  replies?: LoadedPack<ReplyPack>;
  rules?: LoadedPack<RulePack>;
}

/**
 * Calls `listener` when another page (the options page, another window)
 * changes a pack; only the packs that changed are present. Returns the
 * function that stops listening (tie it to the content script's `ctx`).
 */
export function watchPacks(listener: (change: PackChange) => void): () => void {
  const stops = [
    replyPackItem.watch((read) => {
      const replies = loaded(read, REPLIES_LABEL);
      report(replies);
      listener({ replies });
    }),
    rulePackItem.watch((read) => {
      const rules = loaded(read, RULES_LABEL);
      report(rules);
      listener({ rules });
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
