// The idea log's database, in the extension's own origin. Only extension pages
// (the sidebar) and the background may import this file — never the content
// script: there, IndexedDB would be facebook.com's storage.
import { type DBSchema, deleteDB, type IDBPDatabase, type IDBPObjectStore, openDB } from 'idb';
import { Comment } from '../facebook/comment';
import { IDEA_LOG_STRINGS } from '../i18n/idea-log-strings';
import { translate } from '../i18n/translate';
import type { Settings } from '../settings/schema';
import { type IdeaFilter, ideaMatcher } from './filter';
import { historyEntryFor, topicWasChosen } from './history';
import { mergeIdeas } from './merge';
import { IDEA_STATUSES, Idea, type IdeaFlag, IdeaPatch, type IdeaStatus } from './schema';
import { suggestTopic, type Topic } from './topics';

export const IDEAS_DB_NAME = 'khcn-moderator';
/**
 * Version history (upgrades are cumulative, each `if (oldVersion < N)` runs once):
 * 1. store `ideas` (keyPath id), indexes status, capturedAt, commentId (unique).
 * 2. indexes tags (multi-entry) and updatedAt; records gain `updatedAt` and `tags`.
 * 3. store `trash` (keyPath id): deleted ideas with `deletedAt`, kept TRASH_DAYS days;
 *    index deletedAt. Nothing in `ideas` changes.
 * 4. issue 17: records gain `topic`, `unit`, `answer`, `groupId` (null) and `history` ([]);
 *    indexes groupId, topic, unit (an idea whose field is null is simply not in that index).
 */
export const IDEAS_DB_VERSION = 4;

/** How long a deleted idea stays restorable in the trash. */
export const TRASH_DAYS = 30;

/** An idea in the trash: the idea as it was, and when it was deleted. */
export type TrashedIdea = Idea & { deletedAt: string };

export interface IdeasDBSchema extends DBSchema {
  ideas: {
    key: string;
    value: Idea;
    indexes: {
      status: IdeaStatus;
      capturedAt: string;
      commentId: string;
      tags: string;
      updatedAt: string;
      groupId: string;
      topic: string;
      unit: string;
    };
  };
  trash: {
    key: string;
    value: TrashedIdea;
    indexes: { deletedAt: string };
  };
}
export type IdeasDb = IDBPDatabase<IdeasDBSchema>;

/** The idea log's messages from the string table: only its own part, so the background bundles no more. */
function t(key: keyof typeof IDEA_LOG_STRINGS, ...substitutions: string[]): string {
  return translate(IDEA_LOG_STRINGS, key, substitutions);
}

/** What the moderator is told when the log cannot be used, in the UI's language (the string table). */
export const DB_MESSAGES = {
  get reload() {
    return t('ideaLog_reload');
  },
  get blocked() {
    return t('ideaLog_blocked');
  },
  get terminated() {
    return t('ideaLog_terminated');
  },
  get tooNew() {
    return t('ideaLog_tooNew');
  },
};

export interface OpenIdeasDbOptions {
  /** Injectable for tests; the extension always uses IDEAS_DB_NAME. */
  name?: string;
  /** Told when this page must reload or another page blocks an upgrade (show it to the moderator). */
  onProblem?: (message: string) => void;
}

export async function openIdeasDb({
  name = IDEAS_DB_NAME,
  onProblem,
}: OpenIdeasDbOptions = {}): Promise<IdeasDb> {
  try {
    return await openDB<IdeasDBSchema>(name, IDEAS_DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          const store = db.createObjectStore('ideas', { keyPath: 'id' });
          store.createIndex('status', 'status');
          store.createIndex('capturedAt', 'capturedAt');
          store.createIndex('commentId', 'commentId', { unique: true });
        }
        if (oldVersion < 2) {
          const store = tx.objectStore('ideas');
          store.createIndex('tags', 'tags', { multiEntry: true });
          store.createIndex('updatedAt', 'updatedAt');
        }
        if (oldVersion < 3) {
          const trash = db.createObjectStore('trash', { keyPath: 'id' });
          trash.createIndex('deletedAt', 'deletedAt');
        }
        if (oldVersion < 4) {
          const store = tx.objectStore('ideas');
          store.createIndex('groupId', 'groupId');
          store.createIndex('topic', 'topic');
          store.createIndex('unit', 'unit');
        }
        // Older records gain the fields later versions added, in one pass per store
        // (two cursors over one store would overwrite each other's updates). Requests
        // chain inside the upgrade transaction, so the database opens only after this.
        if (oldVersion >= 1 && oldVersion < IDEAS_DB_VERSION) {
          void backfill(store(tx, 'ideas'));
          if (oldVersion >= 3) void backfill(store(tx, 'trash'));
        }
      },
      blocked() {
        onProblem?.(DB_MESSAGES.blocked);
      },
      blocking(_current, _blocked, event) {
        // Another page needs a newer version: step aside so it can upgrade.
        (event.target as IDBDatabase).close();
        onProblem?.(DB_MESSAGES.reload);
      },
      terminated() {
        onProblem?.(DB_MESSAGES.terminated);
      },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'VersionError') throw new Error(DB_MESSAGES.tooNew);
    throw error;
  }
}

type UpgradeStore = IDBPObjectStore<
  IdeasDBSchema,
  ArrayLike<'ideas' | 'trash'>,
  'ideas' | 'trash',
  'versionchange'
>;

function store(tx: { objectStore(name: 'ideas' | 'trash'): unknown }, name: 'ideas' | 'trash'): UpgradeStore {
  return tx.objectStore(name) as UpgradeStore;
}

/**
 * Gives older records the fields later versions added: version 1 had no
 * updatedAt and no tags; version 3 had none of the pipeline's fields.
 */
async function backfill(target: UpgradeStore): Promise<void> {
  let cursor = await target.openCursor();
  while (cursor) {
    const old = cursor.value as Partial<Idea> & { capturedAt: string };
    await cursor.update({
      ...old,
      tags: old.tags ?? [],
      flags: old.flags ?? [],
      note: old.note ?? '',
      updatedAt: old.updatedAt ?? old.capturedAt,
      topic: old.topic ?? null,
      unit: old.unit ?? null,
      answer: old.answer ?? null,
      groupId: old.groupId ?? null,
      history: old.history ?? [],
    } as TrashedIdea);
    cursor = await cursor.continue();
  }
}

let shared: Promise<IdeasDb> | undefined;

/**
 * The one connection a page or the background uses. When the browser or
 * another page closes it, the next call opens a new one.
 */
export function getIdeasDb(onProblem?: (message: string) => void): Promise<IdeasDb> {
  if (!shared) {
    const forget = (message: string) => {
      if (message !== DB_MESSAGES.blocked) shared = undefined;
      onProblem?.(message);
    };
    shared = openIdeasDb({ onProblem: forget });
    shared.catch(() => {
      shared = undefined;
    });
    void requestPersistentStorage();
  }
  return shared;
}

/**
 * Asks the browser not to evict the log under storage pressure. Only windows
 * have `persist()` (not the service worker): there it quietly does nothing.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persist) return false;
    if (await storage.persisted?.()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

export function deleteIdeasDb(name = IDEAS_DB_NAME): Promise<void> {
  return deleteDB(name);
}

export interface SaveResult {
  idea: Idea;
  created: boolean;
}

/** What saving reads besides the comment: the privacy setting, and the pipeline's topic list when there is one. */
export type SaveSettings = Pick<Settings, 'privacy'> & { topics?: readonly Topic[] };

/**
 * Saves a comment as an idea. Saving the same comment again updates its text,
 * flags and links, keeps the moderator's status, tags, note and pipeline
 * fields (topic, unit, answer, group, history), and never makes a second idea.
 * A new idea gets the topic its words suggest (settings.topics).
 */
export async function saveComment(
  db: IdeasDb,
  comment: Comment,
  flags: readonly IdeaFlag[],
  pageUrl: string | null,
  settings: SaveSettings,
  now: Date = new Date(),
): Promise<SaveResult> {
  const checked = Comment.safeParse(comment);
  if (!checked.success) {
    throw new Error(t('ideaLog_invalidComment', checked.error.issues[0]?.message ?? ''));
  }
  const found = checked.data;
  const at = now.toISOString();
  const author = settings.privacy.storeAuthor
    ? { authorName: found.author || undefined, authorUrl: found.authorUrl ?? undefined }
    : {};

  const tx = db.transaction('ideas', 'readwrite');
  const existing = await tx.store.index('commentId').get(found.id);
  // A resave from a collapsed view ("Xem thêm") must not cut a full text short.
  // Facebook ends a cut text with "…": compare what precedes it.
  const cutText = found.text.trim().replace(/\s*(…|\.\.\.)$/u, '');
  const keepLongerText = existing && found.truncated && existing.text.startsWith(cutText);
  const candidate = {
    id: existing?.id ?? crypto.randomUUID(),
    commentId: found.id,
    postId: found.postId,
    parentId: found.parentId,
    permalink: found.permalink,
    pageUrl,
    text: keepLongerText ? existing.text : found.text,
    ...author,
    flags: [...flags],
    status: existing?.status ?? 'new',
    tags: existing?.tags ?? [],
    note: existing?.note ?? '',
    capturedAt: existing?.capturedAt ?? at,
    updatedAt: nextUpdatedAt(existing?.updatedAt, now),
    ...pipelineFieldsOnSave(existing, keepLongerText ? existing.text : found.text, settings.topics),
  };
  let parsed = Idea.safeParse(candidate);
  // Optional links that fail validation are dropped rather than losing the idea.
  if (!parsed.success) parsed = Idea.safeParse({ ...candidate, pageUrl: null, authorUrl: undefined });
  if (!parsed.success) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(t('ideaLog_invalidIdea', describeIssue(parsed.error.issues[0])));
  }
  await Promise.all([tx.store.put(parsed.data), tx.done]);
  return { idea: parsed.data, created: !existing };
}

/**
 * Issue 17: a re-save keeps what the moderator set in the pipeline; the topic
 * is suggested only when none was ever chosen (a new idea, or an older one
 * whose history has no topic change — "none" chosen by the moderator stays none).
 */
function pipelineFieldsOnSave(
  existing: Idea | undefined,
  text: string,
  topics: readonly Topic[] | undefined,
): Pick<Idea, 'topic' | 'unit' | 'answer' | 'groupId' | 'history'> {
  const kept = {
    topic: existing?.topic ?? null,
    unit: existing?.unit ?? null,
    answer: existing?.answer ?? null,
    groupId: existing?.groupId ?? null,
    history: existing?.history ?? [],
  };
  if (kept.topic !== null || !topics || topicWasChosen(kept.history)) return kept;
  return { ...kept, topic: suggestTopic(text, topics)?.topicId ?? null };
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return '';
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

/**
 * Thrown when an edit started from a version of the idea that is no longer
 * the stored one (another window or the background changed it meanwhile).
 * Nothing was written; `current` is the idea as stored now.
 */
export class IdeaConflictError extends Error {
  constructor(readonly current: Idea) {
    super(t('ideaLog_conflict'));
    this.name = 'IdeaConflictError';
  }
}

/**
 * A change's `updatedAt`: `now`, but always after the previous one, so that
 * every change gives the idea a new version even within one millisecond or
 * with a clock that went back. Edits use it to detect a conflict.
 */
export function nextUpdatedAt(previous: string | undefined, now: Date): string {
  const at = now.toISOString();
  if (!previous || at > previous) return at;
  return new Date(new Date(previous).getTime() + 1).toISOString();
}

/**
 * Edits what the moderator edits (status, tags, note, and the pipeline's
 * topic, unit, answer, group) — only the fields in `patch`, so a note edit
 * never writes back a status — and returns the idea as saved. With
 * `baseUpdatedAt` (the version the edit started from), a stored idea that
 * changed since is not overwritten: IdeaConflictError. A change of a followed
 * field appends one history entry {at, by, what changed} in the same
 * transaction as the change: both are written or neither.
 */
export async function updateIdea(
  db: IdeasDb,
  id: string,
  patch: IdeaPatch,
  now: Date = new Date(),
  baseUpdatedAt?: string,
  by = '',
): Promise<Idea> {
  const checked = IdeaPatch.safeParse(patch);
  if (!checked.success) throw new Error(t('ideaLog_invalidEdit', describeIssue(checked.error.issues[0])));
  const tx = db.transaction('ideas', 'readwrite');
  const existing = await tx.store.get(id);
  if (!existing) {
    await tx.done;
    throw new Error(t('ideaLog_notFound'));
  }
  if (baseUpdatedAt !== undefined && existing.updatedAt !== baseUpdatedAt) {
    await tx.done;
    throw new IdeaConflictError(existing);
  }
  const updated: Idea = {
    ...existing,
    ...checked.data,
    updatedAt: nextUpdatedAt(existing.updatedAt, now),
  };
  const entry = historyEntryFor(existing, updated, updated.updatedAt, by.trim().slice(0, 200));
  // Appended last: the set order (normalizeHistory) keeps time order, and this entry is the newest.
  if (entry) updated.history = [...existing.history, entry].slice(-1000);
  await Promise.all([tx.store.put(updated), tx.done]);
  return updated;
}

/**
 * Deletes an idea into the trash and hands it back, so the sidebar can offer
 * Undo; the trash keeps it restorable for TRASH_DAYS days.
 */
export async function deleteIdea(db: IdeasDb, id: string, now: Date = new Date()): Promise<Idea | undefined> {
  return (await deleteIdeasById(db, [id], now))[0];
}

/**
 * Moves these ideas to the trash in one transaction (all or nothing) and hands
 * back the ones that existed. Exactly these ids: a purge deletes what it
 * showed and exported, not whatever crossed the retention line since.
 */
export async function deleteIdeasById(
  db: IdeasDb,
  ids: readonly string[],
  now: Date = new Date(),
): Promise<Idea[]> {
  const deletedAt = now.toISOString();
  const tx = db.transaction(['ideas', 'trash'], 'readwrite');
  const ideas = tx.objectStore('ideas');
  const trash = tx.objectStore('trash');
  const deleted: Idea[] = [];
  for (const id of ids) {
    const idea = await ideas.get(id);
    if (!idea) continue;
    await trash.put({ ...idea, deletedAt });
    await ideas.delete(id);
    deleted.push(idea);
  }
  await tx.done;
  return deleted;
}

/**
 * Erases these ideas for good, from the log and from the trash, in one
 * transaction: a person's erasure request under the Personal Data Protection
 * Law is immediate and final. Returns how many records were erased.
 */
export async function eraseIdeasById(db: IdeasDb, ids: readonly string[]): Promise<number> {
  const tx = db.transaction(['ideas', 'trash'], 'readwrite');
  const ideas = tx.objectStore('ideas');
  const trash = tx.objectStore('trash');
  let erased = 0;
  for (const id of ids) {
    const [live, trashed] = await Promise.all([ideas.getKey(id), trash.getKey(id)]);
    if (live !== undefined) await ideas.delete(id);
    if (trashed !== undefined) await trash.delete(id);
    if (live !== undefined || trashed !== undefined) erased++;
  }
  await tx.done;
  return erased;
}

/**
 * Puts a deleted idea back (Undo). If the same comment was saved again in the
 * meantime, the two are merged instead of failing on the unique commentId.
 */
export async function restoreIdea(db: IdeasDb, idea: Idea): Promise<Idea> {
  const [restored] = await restoreIdeas(db, [idea]);
  return restored ?? idea;
}

/**
 * Undo of a batch delete: every idea back in one transaction, merged like
 * `restoreIdea`, and out of the trash.
 */
export async function restoreIdeas(db: IdeasDb, ideas: readonly Idea[]): Promise<Idea[]> {
  const tx = db.transaction(['ideas', 'trash'], 'readwrite');
  const store = tx.objectStore('ideas');
  const trash = tx.objectStore('trash');
  const restored: Idea[] = [];
  for (const idea of ideas) {
    const { deletedAt: _deletedAt, ...plain } = idea as TrashedIdea;
    const existing = await store.index('commentId').get(plain.commentId);
    const back = existing && existing.id !== plain.id ? mergeIdeas(existing, plain) : plain;
    await store.put(back);
    await trash.delete(plain.id);
    restored.push(back);
  }
  await tx.done;
  return restored;
}

/**
 * Restores these ideas from the trash (when `ids` is absent: all it lists, the
 * ones deleted in the last TRASH_DAYS days); ids not in the trash are skipped.
 */
export async function restoreFromTrash(
  db: IdeasDb,
  ids?: readonly string[],
  now: Date = new Date(),
): Promise<Idea[]> {
  const tx = db.transaction(['ideas', 'trash'], 'readwrite');
  const store = tx.objectStore('ideas');
  const trash = tx.objectStore('trash');
  const chosen = ids
    ? (await Promise.all(ids.map((id) => trash.get(id)))).filter((item) => item !== undefined)
    : await trash.index('deletedAt').getAll(IDBKeyRange.lowerBound(trashCutoff(now)));
  const restored: Idea[] = [];
  for (const { deletedAt: _deletedAt, ...idea } of chosen) {
    const existing = await store.index('commentId').get(idea.commentId);
    const back = existing && existing.id !== idea.id ? mergeIdeas(existing, idea) : idea;
    await store.put(back);
    await trash.delete(idea.id);
    restored.push(back);
  }
  await tx.done;
  return restored;
}

function trashCutoff(now: Date, days = TRASH_DAYS): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

/** The trash, most recently deleted first, without what is already past TRASH_DAYS. */
export async function listTrash(db: IdeasDb, now: Date = new Date()): Promise<TrashedIdea[]> {
  const kept = await db.getAllFromIndex('trash', 'deletedAt', IDBKeyRange.lowerBound(trashCutoff(now)));
  return kept.reverse();
}

/** Empties what has been in the trash longer than TRASH_DAYS; returns how many were removed. */
export async function emptyExpiredTrash(db: IdeasDb, now: Date = new Date()): Promise<number> {
  const tx = db.transaction('trash', 'readwrite');
  let removed = 0;
  let cursor = await tx.store.index('deletedAt').openCursor(IDBKeyRange.upperBound(trashCutoff(now), true));
  while (cursor) {
    await cursor.delete();
    removed++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return removed;
}

/** Where a page of the log ended: the last idea shown (the log is newest first). */
export interface IdeaCursor {
  capturedAt: string;
  id: string;
}

export interface IdeaPage {
  ideas: Idea[];
  /** Pass as `after` for the next page; null at the end. */
  next: IdeaCursor | null;
}

export interface ListIdeasOptions {
  filter?: IdeaFilter;
  after?: IdeaCursor | null;
  limit?: number;
}

/**
 * One page of the log, newest first, over the capturedAt index (a date range
 * narrows the key range; the other filters are checked on the way).
 * Ties on capturedAt are ordered by id, so pages never skip or repeat an idea.
 */
export async function listIdeas(
  db: IdeasDb,
  { filter = {}, after, limit = 100 }: ListIdeasOptions = {},
): Promise<IdeaPage> {
  const matches = ideaMatcher(filter);
  const from = filter.from ? new Date(filter.from).toISOString() : undefined;
  let to = filter.to ? new Date(filter.to).toISOString() : undefined;
  if (after && (!to || after.capturedAt < to)) to = after.capturedAt;
  const range =
    from && to
      ? from <= to
        ? IDBKeyRange.bound(from, to)
        : null
      : from
        ? IDBKeyRange.lowerBound(from)
        : to
          ? IDBKeyRange.upperBound(to)
          : undefined;
  if (range === null) return { ideas: [], next: null };

  const tx = db.transaction('ideas');
  let cursor = await tx.store.index('capturedAt').openCursor(range, 'prev');
  if (after && cursor && cursor.key === after.capturedAt) {
    if (cursor.primaryKey > after.id) cursor = await cursor.continuePrimaryKey(after.capturedAt, after.id);
    if (cursor && cursor.key === after.capturedAt && cursor.primaryKey === after.id)
      cursor = await cursor.continue();
  }
  const ideas: Idea[] = [];
  while (cursor && ideas.length < limit) {
    if (matches(cursor.value)) ideas.push(cursor.value);
    if (ideas.length >= limit) break;
    cursor = await cursor.continue();
  }
  await tx.done;
  const last = ideas.at(-1);
  return { ideas, next: ideas.length >= limit && last ? { capturedAt: last.capturedAt, id: last.id } : null };
}

/** Every idea matching the filter, oldest first (for export). */
export async function listAllIdeas(db: IdeasDb, filter: IdeaFilter = {}): Promise<Idea[]> {
  const all = await db.getAllFromIndex('ideas', 'capturedAt');
  const matches = ideaMatcher(filter);
  return Object.values(filter).some((value) => value !== undefined && value !== '')
    ? all.filter(matches)
    : all;
}

export interface IdeaCounts {
  total: number;
  byStatus: Record<IdeaStatus, number>;
}

export async function countIdeas(db: IdeasDb): Promise<IdeaCounts> {
  const tx = db.transaction('ideas');
  const [total, ...perStatus] = await Promise.all([
    tx.store.count(),
    ...IDEA_STATUSES.map((status) => tx.store.index('status').count(status)),
  ]);
  await tx.done;
  const byStatus = Object.fromEntries(
    IDEA_STATUSES.map((status, i) => [status, perStatus[i] ?? 0]),
  ) as Record<IdeaStatus, number>;
  return { total, byStatus };
}

/** Every tag in use, sorted (walks the tags index one distinct key at a time). */
export async function listTags(db: IdeasDb): Promise<string[]> {
  const tags: string[] = [];
  let cursor = await db.transaction('ideas').store.index('tags').openKeyCursor(null, 'nextunique');
  while (cursor) {
    tags.push(cursor.key);
    cursor = await cursor.continue();
  }
  return tags;
}

/** Ideas captured more than `days` days before `now`: the retention period's key range. */
function olderThan(days: number, now: Date): IDBKeyRange {
  return IDBKeyRange.upperBound(new Date(now.getTime() - days * 86_400_000).toISOString(), true);
}

/** How many ideas were captured more than `days` days ago (0 days: retention is off, none). */
export async function countOlderThan(db: IdeasDb, days: number, now: Date = new Date()): Promise<number> {
  if (days <= 0) return 0;
  return db.countFromIndex('ideas', 'capturedAt', olderThan(days, now));
}

/** The ideas `countOlderThan` counts, oldest first: what a retention purge exports, then deletes. */
export async function ideasOlderThan(db: IdeasDb, days: number, now: Date = new Date()): Promise<Idea[]> {
  if (days <= 0) return [];
  return db.getAllFromIndex('ideas', 'capturedAt', olderThan(days, now));
}
