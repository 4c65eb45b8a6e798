import { browser } from 'wxt/browser';
import { parseRulePack, type Rule, type RulePack } from '../flags/schema';
import { compileJudge } from '../judge';
import { parseReplyPack, type Reply, type ReplyPack } from '../replies/schema';
import { bundledReplyPack, bundledRulePack } from './defaults';

/**
 * The moderator's own reply library and rule list, in the extension's
 * storage.local (never facebook.com's storage). Absent, they are the default
 * packs. A stored pack that no longer parses — written by an older version,
 * damaged — is never used half-way: the default takes its place and the
 * reason is reported, so suggestions and flags keep working.
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

type Parsed<P> = { ok: true; pack: P } | { ok: false; error: string };

function fromStored<P>(
  stored: unknown,
  parse: (value: unknown) => Parsed<P>,
  fallback: () => P,
  label: string,
): LoadedPack<P> {
  if (stored === undefined || stored === null) return { pack: fallback(), source: 'default' };
  const parsed = parse(stored);
  if (parsed.ok) return { pack: parsed.pack, source: 'stored' };
  const problem =
    `${label} đã lưu không còn hợp lệ, đang dùng gói mặc định. / The stored ${label.split(' / ')[1] ?? label} ` +
    `is no longer valid; using the default pack.\n${parsed.error}`;
  return { pack: fallback(), source: 'default', problem };
}

const REPLIES_LABEL = 'Thư viện câu trả lời / reply library';
const RULES_LABEL = 'Danh sách quy tắc / rule list';

function readReplies(stored: unknown): LoadedPack<ReplyPack> {
  return fromStored(stored, parseReplyPack, bundledReplyPack, REPLIES_LABEL);
}

function readRules(stored: unknown): LoadedPack<RulePack> {
  return fromStored(stored, parseRulePack, bundledRulePack, RULES_LABEL);
}

export async function loadReplyPack(): Promise<LoadedPack<ReplyPack>> {
  return readReplies((await browser.storage.local.get(REPLY_PACK_KEY))[REPLY_PACK_KEY]);
}

export async function loadRulePack(): Promise<LoadedPack<RulePack>> {
  return readRules((await browser.storage.local.get(RULE_PACK_KEY))[RULE_PACK_KEY]);
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

/** The rules to flag with (the pack goes to `compileJudge`). Never throws on bad data. */
export async function loadActiveRules(): Promise<Rule[]> {
  const loaded = await loadRulePack();
  report(loaded);
  return loaded.pack.rules;
}

/** Validates, then writes. An invalid pack writes nothing and says why. */
export async function saveReplyPack(pack: unknown): Promise<SavePackResult<ReplyPack>> {
  const parsed = parseReplyPack(pack);
  if (!parsed.ok) return parsed;
  await browser.storage.local.set({ [REPLY_PACK_KEY]: parsed.pack });
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
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `Không dựng được bộ so khớp từ các quy tắc / The rules do not compile: ${reason}`,
    };
  }
  await browser.storage.local.set({ [RULE_PACK_KEY]: parsed.pack });
  return parsed;
}

/** Back to the shipped packs: the moderator's own copy is removed. */
export async function resetReplyPack(): Promise<void> {
  await browser.storage.local.remove(REPLY_PACK_KEY);
}

export async function resetRulePack(): Promise<void> {
  await browser.storage.local.remove(RULE_PACK_KEY);
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
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const change: PackChange = {};
    if (REPLY_PACK_KEY in changes) change.replies = readReplies(changes[REPLY_PACK_KEY]?.newValue);
    if (RULE_PACK_KEY in changes) change.rules = readRules(changes[RULE_PACK_KEY]?.newValue);
    if (!change.replies && !change.rules) return;
    if (change.replies) report(change.replies);
    if (change.rules) report(change.rules);
    listener(change);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
