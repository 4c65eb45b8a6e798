import type { z } from 'zod';
import { errorMessage } from '../errors';
import { RulePack } from '../flags/schema';
import { bilingual, bothLanguages, type Substitution } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { REPLY_PACK_FORMAT, ReplyPack } from '../replies/schema';

/**
 * Sharing packs between moderators as files. Everything here is pure: a file's
 * text goes in, a validated pack or a message naming what is wrong comes out,
 * and the preview says what an import would change before anything is written.
 */

export const RULE_PACK_FORMAT = 'khcn-moderator/rules';
export type PackKind = 'replies' | 'rules';
export type AnyPack = { kind: 'replies'; pack: ReplyPack } | { kind: 'rules'; pack: RulePack };

const FORMAT_OF: Record<PackKind, string> = { replies: REPLY_PACK_FORMAT, rules: RULE_PACK_FORMAT };
const ITEMS_OF = { replies: 'replies', rules: 'rules' } as const;

/** A pack file larger than this is not a pack someone wrote by hand: refuse before parsing. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;

export type ParsedPackFile = ({ ok: true } & AnyPack) | { ok: false; error: string };

/** The file as written: pretty JSON, the pack's own key order, a final newline. */
export function exportPack(pack: ReplyPack | RulePack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** `khcn-cau-tra-loi-2026-11-28.json` / `khcn-quy-tac-2026-11-28.json`, dated in Vietnam's time. */
export function packFileName(kind: PackKind, now: Date): string {
  const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return `khcn-${kind === 'replies' ? 'cau-tra-loi' : 'quy-tac'}-${day}.json`;
}

/** Vietnamese first, English below, then the details. */
function fail(
  key: keyof typeof CHECK_STRINGS,
  substitutions: readonly Substitution[] = [],
  details = '',
): { ok: false; error: string } {
  const [vi, en] = bothLanguages(CHECK_STRINGS, key, ...substitutions);
  const [viNothing, enNothing] = CHECK_STRINGS.pack_nothingChanged;
  return { ok: false, error: `${vi} ${viNothing}\n${en} ${enNothing}${details ? `\n${details}` : ''}` };
}

function tooLarge(): { ok: false; error: string } {
  return fail('pack_tooLarge');
}

/**
 * Reads a picked pack file: a file over the limit is refused by its size,
 * before a byte of it is read into memory (a 2 GB file would otherwise freeze
 * the options page first, and be refused after).
 */
export async function readPackFile(
  file: Blob,
  expected?: PackKind,
  readText: (file: Blob) => Promise<string> = (f) => f.text(),
): Promise<ParsedPackFile> {
  if (file.size > MAX_PACK_BYTES) return tooLarge();
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    return fail('check_unreadable', [], errorMessage(error));
  }
  return parsePackFile(text, expected);
}

/**
 * Reads a shared pack file. `expected` limits it to one kind (the rule
 * section's import takes only rule packs). A UTF-8 BOM is fine. The message
 * names the item by its position and its id, so the sender can find it.
 */
export function parsePackFile(text: string, expected?: PackKind): ParsedPackFile {
  if (text.length > MAX_PACK_BYTES) return tooLarge();
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('pack_notJson', [], errorMessage(error));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('pack_notObject');
  }
  const format = (value as { format?: unknown }).format;
  const kind = (Object.keys(FORMAT_OF) as PackKind[]).find((k) => FORMAT_OF[k] === format);
  if (!kind) {
    const wanted = (expected ? [expected] : (['replies', 'rules'] as const))
      .map((k) => `"${FORMAT_OF[k]}"`)
      .join(` ${bilingual(CHECK_STRINGS, 'pack_or')} `);
    return fail('pack_wrongFormat', [JSON.stringify(format ?? null), wanted]);
  }
  if (expected && kind !== expected) {
    return fail('pack_wrongKind', [
      CHECK_STRINGS[`pack_kind_${kind}`],
      CHECK_STRINGS[`pack_kind_${expected}`],
    ]);
  }
  const version = (value as { version?: unknown }).version;
  if (version !== 1) {
    return fail('pack_badVersion', [JSON.stringify(version ?? null)]);
  }
  const schema = kind === 'replies' ? ReplyPack : RulePack;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    return fail(`pack_invalid_${kind}`, [], describeIssues(parsed.error.issues, value, ITEMS_OF[kind]));
  }
  return kind === 'replies'
    ? { ok: true, kind, pack: parsed.data as ReplyPack }
    : { ok: true, kind, pack: parsed.data as RulePack };
}

/**
 * One line per problem: "replies[3] (id "cam-on") › body: unknown placeholder…".
 * Items are numbered from 1 for people and by index for the JSON-minded.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, itemsKey: string): string {
  const items = (raw as Record<string, unknown>)[itemsKey];
  return issues
    .slice(0, 20)
    .map((issue) => {
      const [head, index, ...rest] = issue.path;
      let where = issue.path.map(String).join('.');
      if (head === itemsKey && typeof index === 'number') {
        const item = Array.isArray(items) ? (items[index] as { id?: unknown } | undefined) : undefined;
        const id = typeof item?.id === 'string' ? ` (id "${item.id}")` : '';
        const numbered = bilingual(CHECK_STRINGS, 'pack_item', String(index + 1));
        where = `${itemsKey}[${index}]${id}, ${numbered}${rest.length ? ` › ${rest.map(String).join('.')}` : ''}`;
      }
      return `• ${where || `(${bilingual(CHECK_STRINGS, 'pack_root')})`}: ${issue.message}`;
    })
    .concat(
      issues.length > 20 ? [`• … ${bilingual(CHECK_STRINGS, 'check_more', String(issues.length - 20))}`] : [],
    )
    .join('\n');
}

export type ImportMode = 'merge' | 'replace';

export interface PackDiff {
  /** Ids in the file but not in the library. */
  added: string[];
  /** Ids in both whose content differs (the file's version wins). */
  changed: string[];
  /** Ids the library loses: only with `replace`. */
  removed: string[];
  /** Ids in both with the same content. */
  unchanged: string[];
}

/** Key order does not matter when comparing two items: `{a,b}` equals `{b,a}`. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export function sameItem(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** What importing `incoming` into `current` would do, by id, before anything is written. */
export function previewImport<T extends { id: string }>(
  current: readonly T[],
  incoming: readonly T[],
  mode: ImportMode,
): PackDiff {
  const byId = new Map(current.map((item) => [item.id, item]));
  const incomingIds = new Set(incoming.map((item) => item.id));
  const diff: PackDiff = { added: [], changed: [], removed: [], unchanged: [] };
  for (const item of incoming) {
    const before = byId.get(item.id);
    if (!before) diff.added.push(item.id);
    else if (sameItem(before, item)) diff.unchanged.push(item.id);
    else diff.changed.push(item.id);
  }
  if (mode === 'replace')
    diff.removed = current.filter((item) => !incomingIds.has(item.id)).map((item) => item.id);
  return diff;
}

/**
 * The library after the import. `merge` keeps the moderator's order and items,
 * takes the file's version of each shared id in place, and appends new ones in
 * the file's order; `replace` is the file as it is.
 */
export function applyImport<T extends { id: string }>(
  current: readonly T[],
  incoming: readonly T[],
  mode: ImportMode,
): T[] {
  if (mode === 'replace') return [...incoming];
  const fromFile = new Map(incoming.map((item) => [item.id, item]));
  const merged = current.map((item) => fromFile.get(item.id) ?? item);
  const known = new Set(current.map((item) => item.id));
  for (const item of incoming) if (!known.has(item.id)) merged.push(item);
  return merged;
}

export function hasChanges(diff: PackDiff): boolean {
  return diff.added.length + diff.changed.length + diff.removed.length > 0;
}

/** Rules whose correction reply is not in the reply library: they still flag, but offer no correction. */
export function missingCorrections(
  rules: readonly { id: string; correctionReplyId?: string }[],
  replies: readonly { id: string }[],
): { ruleId: string; replyId: string }[] {
  const ids = new Set(replies.map((reply) => reply.id));
  return rules.flatMap((rule) =>
    rule.correctionReplyId && !ids.has(rule.correctionReplyId)
      ? [{ ruleId: rule.id, replyId: rule.correctionReplyId }]
      : [],
  );
}
