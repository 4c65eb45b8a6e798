import type { IDBPTransaction } from 'idb';
import type { z } from 'zod';
import { errorMessage } from '../errors';
import { bilingual, bothLanguages, type Substitution } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import type { IdeasDBSchema, IdeasDb } from './db';
import { isFarFuture } from './instant';
import { mergeIdeas, sameIdea } from './merge';
import { ExportFile, type Idea } from './schema';

/**
 * The largest file accepted: 50 MB, about 100,000 ideas. Past that, reading and
 * parsing would freeze the sidebar; split the export instead.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Keys that could reach an object's prototype if some later code spread them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ParseResult = { ok: true; file: ExportFile } | { ok: false; error: string };

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Ideas of a valid file that could not be merged, with the reason (index into the file's `ideas`). */
  rejected: { index: number; reason: string }[];
}
export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; error: string };

type CheckKey = keyof typeof CHECK_STRINGS;

/** Vietnamese first, English below, then the details (paths and reasons). */
function fail(
  key: CheckKey,
  substitutions: readonly Substitution[] = [],
  details = '',
): { ok: false; error: string } {
  const [vi, en] = bothLanguages(CHECK_STRINGS, key, ...substitutions);
  const [viUnchanged, enUnchanged] = CHECK_STRINGS.import_logUnchanged;
  const error = `${vi} ${viUnchanged}\n${en} ${enUnchanged}${details ? `\n${details}` : ''}`;
  return { ok: false, error };
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function tooLarge(bytes: number): { ok: false; error: string } {
  return fail('import_tooLarge', [megabytes(bytes), megabytes(MAX_IMPORT_BYTES)]);
}

/** `['ideas', 3, 'permalink']` → `ideas[3].permalink`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  }
  return out || `(${bilingual(CHECK_STRINGS, 'import_wholeFile')})`;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  // One field can fail two checks with the same message (e.g. protocol and host of a link).
  const lines = [...new Set(issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`))];
  const shown = lines.slice(0, 5);
  if (lines.length > shown.length)
    shown.push(`(${bilingual(CHECK_STRINGS, 'check_more', String(lines.length - shown.length))})`);
  return shown.join('\n');
}

/** The path of the first forbidden key, walking the parsed value without recursion limits. */
function findForbiddenKey(root: unknown): { key: string; path: PropertyKey[] } | undefined {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === 'object') stack.push({ value: item, path: [...path, i] });
      });
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) return { key, path };
        const item = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return undefined;
}

function looksLikeCsv(text: string): boolean {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return /^[^{[]/.test(firstLine) && /[,;\t]/.test(firstLine);
}

/**
 * Reads an export file's text: strips a UTF-8 BOM, parses JSON guardedly,
 * refuses prototype keys, validates the whole file with zod. Pure; touches no database.
 */
export function parseExport(raw: string, now: Date = new Date()): ParseResult {
  if (raw.length > MAX_IMPORT_BYTES) return tooLarge(raw.length);
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const trimmed = text.trim();
  if (!trimmed) return fail('import_empty');
  if (looksLikeCsv(trimmed)) return fail('import_csv');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('import_notJson', [], errorMessage(error));
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden) {
    return fail('import_forbiddenKey', [forbidden.key, formatPath(forbidden.path)]);
  }
  const checked = ExportFile.safeParse(value);
  if (!checked.success) {
    return fail('import_invalid', [], describeIssues(checked.error.issues));
  }
  const future = farFutureDates(checked.data.ideas, now);
  if (future.length > 0) {
    return fail('import_future', [], describeIssues(future));
  }
  return { ok: true, file: checked.data };
}

/**
 * A date more than a day ahead of this machine's clock: a far-future
 * `updatedAt` would win every later merge, whatever the moderators write.
 */
function farFutureDates(ideas: readonly Idea[], now: Date): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  ideas.forEach((idea, index) => {
    for (const key of ['capturedAt', 'updatedAt'] as const) {
      if (!isFarFuture(idea[key], now)) continue;
      issues.push({
        code: 'custom',
        path: ['ideas', index, key],
        message: bilingual(CHECK_STRINGS, 'import_dateInFuture', idea[key]),
        input: idea[key],
      });
    }
  });
  return issues;
}

/** Reads a picked file, refusing an oversized one before reading it into memory. */
export async function readImportFile(file: Blob, now: Date = new Date()): Promise<ParseResult> {
  if (file.size > MAX_IMPORT_BYTES) return tooLarge(file.size);
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail('check_unreadable');
  }
  return parseExport(text, now);
}

/**
 * Merges a valid file's ideas into the log by commentId, in ONE readwrite
 * transaction: every read and write is an IndexedDB request of that
 * transaction (no other await in between), so the file lands whole or not at all.
 */
/** The file cannot be merged as a whole; nothing was written. */
export class ImportConflict extends Error {}

export async function mergeIntoLog(db: IdeasDb, ideas: readonly Idea[]): Promise<ImportSummary> {
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, rejected: [] };
  const tx = db.transaction('ideas', 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    const [current, holders] = await readExisting(tx, ideas);
    ideas.forEach((incoming, index) => {
      const existing = current[index];
      if (existing) {
        const merged = mergeIdeas(existing, incoming);
        if (sameIdea(merged, existing)) {
          summary.unchanged++;
        } else {
          writes.push(tx.store.put(merged));
          summary.updated++;
        }
        return;
      }
      const holder = holders[index];
      if (holder) {
        // One file is all or nothing (a contract, docs/contracts.md): an id that names another
        // comment in the log means the file and the log disagree — refuse it whole.
        throw new ImportConflict(
          `ideas[${index}].id: ${bilingual(CHECK_STRINGS, 'import_idTaken', incoming.id, holder.commentId)}`,
        );
      }
      writes.push(tx.store.put(incoming));
      summary.added++;
    });
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    // The writes already issued are rolled back with the transaction; their
    // rejections are expected, not news.
    for (const write of writes) write.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already aborted by the failing request.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
  return summary;
}

/**
 * The stored ideas sharing a commentId or an id with the file's ideas, read
 * inside the import transaction. When the file is large next to the log, one
 * getAll beats tens of thousands of single reads (in Chromium each read is a
 * round trip); otherwise the single reads touch less.
 */
async function readExisting(
  tx: IDBPTransaction<IdeasDBSchema, ['ideas'], 'readwrite'>,
  ideas: readonly Idea[],
): Promise<[(Idea | undefined)[], (Idea | undefined)[]]> {
  const store = tx.objectStore('ideas');
  const stored = await store.count();
  if (stored <= ideas.length * 4) {
    const all = await store.getAll();
    const byComment = new Map(all.map((idea) => [idea.commentId, idea]));
    const byId = new Map(all.map((idea) => [idea.id, idea]));
    return [ideas.map((idea) => byComment.get(idea.commentId)), ideas.map((idea) => byId.get(idea.id))];
  }
  const index = store.index('commentId');
  return Promise.all([
    Promise.all(ideas.map((idea) => index.get(idea.commentId))),
    Promise.all(ideas.map((idea) => store.get(idea.id))),
  ]);
}

/** Imports an export file (its text or the picked file): all or nothing. */
export async function importIdeas(
  db: IdeasDb,
  source: string | Blob,
  now: Date = new Date(),
): Promise<ImportResult> {
  const parsed = typeof source === 'string' ? parseExport(source, now) : await readImportFile(source, now);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, summary: await mergeIntoLog(db, parsed.file.ideas) };
  } catch (error) {
    const reason = errorMessage(error);
    return fail(error instanceof ImportConflict ? 'import_conflict' : 'import_writeFailed', [], reason);
  }
}
