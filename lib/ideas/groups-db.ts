// Grouping, merging and splitting in the idea log's database: the pure rules
// of groups.ts applied in ONE readwrite transaction each, with a history entry
// per changed idea and an Undo that puts the exact previous records back.
// Sidebar only (like db.ts, never the content script).
import type { IDBPTransaction } from 'idb';
import { t } from '../i18n';
import { type IdeasDBSchema, type IdeasDb, nextUpdatedAt } from './db';
import { type GroupChange, groupIdeas, mergeGroups, splitFromGroup } from './groups';
import { type Idea, normalizeHistory } from './schema';

type Tx = IDBPTransaction<IdeasDBSchema, ['ideas'], 'readwrite'>;

/** What one grouping changed: the records before and after, for Undo. Empty when nothing changed. */
export interface GroupEdit {
  before: Idea[];
  after: Idea[];
  /** The group the ideas are in afterwards (null for a split). */
  groupId: string | null;
}

export interface GroupEditOptions {
  /** Written into each history entry: settings.pipeline.moderatorName ('' when unset). */
  by: string;
  now?: Date;
  /** Injectable for tests; a new group otherwise gets a random UUID. */
  newGroupId?: () => string;
}

/** Thrown by undo when an idea changed after the grouping: nothing is written. */
export class GroupUndoConflict extends Error {
  constructor() {
    super(t('idea_groupUndoConflict'));
    this.name = 'GroupUndoConflict';
  }
}

function notFound(): Error {
  return new Error(t('ideaLog_notFound'));
}

/** Runs `work` in one readwrite transaction; a throw aborts it, so nothing is half written. */
async function inTransaction<T>(db: IdeasDb, work: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = db.transaction('ideas', 'readwrite');
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

async function getAll(tx: Tx, ids: readonly string[]): Promise<Idea[]> {
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  if (found.some((idea) => idea === undefined)) throw notFound();
  return found as Idea[];
}

async function membersOf(tx: Tx, groupIds: Iterable<string | null>): Promise<Idea[]> {
  const unique = [...new Set(groupIds)].filter((g): g is string => g !== null);
  const lists = await Promise.all(unique.map((g) => tx.store.index('groupId').getAll(g)));
  return lists.flat();
}

/** Writes the changes: the new groupId, a history entry (who, when, which group), a new updatedAt. */
async function apply(
  tx: Tx,
  known: readonly Idea[],
  changes: readonly GroupChange[],
  by: string,
  now: Date,
  groupId: string | null,
): Promise<GroupEdit> {
  const byId = new Map(known.map((idea) => [idea.id, idea]));
  const before: Idea[] = [];
  const after: Idea[] = [];
  const at = now.toISOString();
  for (const change of changes) {
    const old = byId.get(change.id);
    if (!old) throw notFound();
    const updated: Idea = {
      ...old,
      groupId: change.groupId,
      updatedAt: nextUpdatedAt(old.updatedAt, now),
      history: normalizeHistory([...old.history, { at, by, groupId: change.groupId }]),
    };
    before.push(old);
    after.push(updated);
  }
  await Promise.all(after.map((idea) => tx.store.put(idea)));
  return { before, after, groupId };
}

/**
 * Makes these ideas one group (groups.ts groupIdeas: join the target's group,
 * merging any other group a chosen idea is in).
 */
export function groupIdeasInDb(
  db: IdeasDb,
  ids: readonly string[],
  { by, now = new Date(), newGroupId = () => crypto.randomUUID() }: GroupEditOptions,
): Promise<GroupEdit> {
  return inTransaction(db, async (tx) => {
    const chosen = await getAll(tx, ids);
    const members = await membersOf(
      tx,
      chosen.map((idea) => idea.groupId),
    );
    const fresh = newGroupId();
    const changes = groupIdeas(chosen, members, fresh);
    const target = changes[0]?.groupId ?? chosen.find((idea) => idea.groupId)?.groupId ?? null;
    return apply(tx, [...chosen, ...members], changes, by, now, target);
  });
}

/** Merges group `from` into group `into`: every idea of `from` takes `into`'s id. */
export function mergeGroupsInDb(
  db: IdeasDb,
  into: string,
  from: string,
  { by, now = new Date() }: GroupEditOptions,
): Promise<GroupEdit> {
  return inTransaction(db, async (tx) => {
    const [a, b] = await Promise.all([membersOf(tx, [into]), membersOf(tx, [from])]);
    if (a.length === 0 || b.length === 0) throw notFound();
    return apply(tx, b, mergeGroups(a, b), by, now, into);
  });
}

/** Takes these ideas out of their groups (a group left with one idea dissolves). */
export function splitFromGroupInDb(
  db: IdeasDb,
  ids: readonly string[],
  { by, now = new Date() }: GroupEditOptions,
): Promise<GroupEdit> {
  return inTransaction(db, async (tx) => {
    const leaving = await getAll(tx, ids);
    const changes: GroupChange[] = [];
    const known: Idea[] = [...leaving];
    for (const groupId of new Set(leaving.map((idea) => idea.groupId))) {
      if (groupId === null) continue;
      const members = await membersOf(tx, [groupId]);
      known.push(...members);
      changes.push(
        ...splitFromGroup(
          leaving.filter((idea) => idea.groupId === groupId),
          members,
        ),
      );
    }
    return apply(tx, known, changes, by, now, null);
  });
}

/**
 * Undo: puts back exactly the records from before the edit, in one
 * transaction — unless one of them changed since (another window, a save):
 * then nothing is written and GroupUndoConflict says so.
 */
export function undoGroupEdit(db: IdeasDb, edit: GroupEdit): Promise<Idea[]> {
  return inTransaction(db, async (tx) => {
    const current = await Promise.all(edit.after.map((idea) => tx.store.get(idea.id)));
    current.forEach((stored, i) => {
      if (!stored || stored.updatedAt !== edit.after[i]!.updatedAt) throw new GroupUndoConflict();
    });
    await Promise.all(edit.before.map((idea) => tx.store.put(idea)));
    return edit.before;
  });
}

/** Every idea of a group, oldest first. */
export async function listGroup(db: IdeasDb, groupId: string): Promise<Idea[]> {
  const members = await db.getAllFromIndex('ideas', 'groupId', groupId);
  return members.sort((a, b) => (a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : 0));
}
