// The moderator's corrections, in the extension's own origin (IndexedDB of the
// background and the extension pages) — never facebook.com's: the content
// script asks the background for them.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { type Correction, correctionKey } from './schema';

export const CORRECTIONS_DB_NAME = 'khcn-corrections';
/**
 * Version history (upgrades are cumulative):
 * 1. store `corrections` (keyPath id), unique index `key` (kind + comment id), index `at`.
 */
export const CORRECTIONS_DB_VERSION = 1;

type Stored = Correction & { key: string };

interface CorrectionsDBSchema extends DBSchema {
  corrections: {
    key: string;
    value: Stored;
    indexes: { key: string; at: string };
  };
}
export type CorrectionsDb = IDBPDatabase<CorrectionsDBSchema>;

export function openCorrectionsDb(name = CORRECTIONS_DB_NAME): Promise<CorrectionsDb> {
  return openDB<CorrectionsDBSchema>(name, CORRECTIONS_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const store = db.createObjectStore('corrections', { keyPath: 'id' });
        store.createIndex('key', 'key', { unique: true });
        store.createIndex('at', 'at');
      }
    },
  });
}

function strip({ key: _key, ...c }: Stored): Correction {
  return c;
}

/** Oldest first. */
export async function listCorrections(db: CorrectionsDb): Promise<Correction[]> {
  return (await db.getAllFromIndex('corrections', 'at')).map(strip);
}

/**
 * Records a correction. The same comment corrected the same way again replaces
 * the earlier one; returns what it replaced, so the moderator can undo.
 */
export async function addCorrection(db: CorrectionsDb, c: Correction): Promise<Correction | null> {
  const tx = db.transaction('corrections', 'readwrite');
  const key = correctionKey(c);
  const previous = await tx.store.index('key').get(key);
  if (previous) await tx.store.delete(previous.id);
  await tx.store.put({ ...c, key });
  await tx.done;
  return previous ? strip(previous) : null;
}

/** Undo: removes one correction and, when given, puts back the one it had replaced. */
export async function undoCorrection(
  db: CorrectionsDb,
  id: string,
  restore: Correction | null = null,
): Promise<void> {
  const tx = db.transaction('corrections', 'readwrite');
  await tx.store.delete(id);
  if (restore) await tx.store.put({ ...restore, key: correctionKey(restore) });
  await tx.done;
}

/** Reset: everything learnt is forgotten; returns it, so the reset can be undone. */
export async function clearCorrections(db: CorrectionsDb): Promise<Correction[]> {
  const all = await listCorrections(db);
  await db.clear('corrections');
  return all;
}

/**
 * Imports pooled corrections in one transaction: all land or none. A
 * correction of a comment already corrected the same way keeps the later one.
 * Returns how many were added or replaced.
 */
export async function importCorrections(db: CorrectionsDb, incoming: readonly Correction[]): Promise<number> {
  const tx = db.transaction('corrections', 'readwrite');
  let changed = 0;
  for (const c of incoming) {
    const key = correctionKey(c);
    const existing = await tx.store.index('key').get(key);
    if (existing && Date.parse(existing.at) >= Date.parse(c.at)) continue;
    if (existing) await tx.store.delete(existing.id);
    await tx.store.put({ ...c, key });
    changed++;
  }
  await tx.done;
  return changed;
}

/** Puts a whole list back (undo of a reset), in one transaction. */
export async function restoreCorrections(db: CorrectionsDb, list: readonly Correction[]): Promise<void> {
  const tx = db.transaction('corrections', 'readwrite');
  for (const c of list) await tx.store.put({ ...c, key: correctionKey(c) });
  await tx.done;
}
