import { signal } from '@preact/signals';
import { errorMessage } from '../../lib/errors';
import { t } from '../../lib/i18n';
import {
  countIdeas,
  countOlderThan,
  deleteIdea,
  emptyExpiredTrash,
  getIdeasDb,
  IdeaConflictError,
  type IdeaCounts,
  type IdeaCursor,
  type IdeasDb,
  ideasOlderThan,
  listAllIdeas,
  listIdeas,
  listTags,
  listTrash,
  restoreFromTrash,
  restoreIdea,
  restoreIdeas,
  type TrashedIdea,
  updateIdea,
} from '../../lib/ideas/db';
import { EXPORT_MIME, exportCsvParts, exportFileName, exportJsonParts } from '../../lib/ideas/export';
import { hasPipelineFilter, type IdeaFilter, ideaMatcher } from '../../lib/ideas/filter';
import { type ImportSummary, importIdeas } from '../../lib/ideas/import';
import { notifyIdeasChanged, onIdeasChanged } from '../../lib/ideas/notify';
import {
  DEFAULT_PIPELINE,
  loadPipeline as loadStoredPipeline,
  type PipelineSettings,
  watchPipeline as watchStoredPipeline,
} from '../../lib/ideas/pipeline-settings';
import type { Idea, IdeaPatch, IdeaStatus } from '../../lib/ideas/schema';
import {
  getIdeasByIds,
  type SearchEntry,
  searchEntries,
  toSearchEntry,
  withEntry,
} from '../../lib/ideas/search-index';
import { isOpen, overdueCutoff } from '../../lib/ideas/waiting';
import { loadSettings, watchSettings } from '../../lib/settings/storage';
import { downloadFile } from '../download';
import { createGroupModel } from './group-model';
import { downloadPurgeExport, purgeIdeas } from './purge';
import { createSimilarModel, yieldToPage } from './similar-model';
import { dayBoundary } from './time';

export interface IdeaLogOptions {
  /** Opens the log; tests pass their own database. `onProblem` carries "reload this page" messages. */
  openDb?: (onProblem: (message: string) => void) => Promise<IdeasDb>;
  now?: () => Date;
  /** Ideas fetched per cursor page. */
  pageSize?: number;
  /** How long the Undo offer stays after a delete (ms). */
  undoMs?: number;
  /** The retention period in days (0 = keep until deleted); by default Settings.privacy.retentionDays. */
  loadRetentionDays?: () => Promise<number>;
  /** The pipeline's settings (moderator name, units, topics, waiting days); by default the stored item. */
  loadPipeline?: () => Promise<PipelineSettings>;
  watchPipeline?: (listener: (pipeline: PipelineSettings) => void) => () => void;
  /** Written into history entries (grouping); by default the pipeline settings' moderatorName. */
  moderatorName?: () => Promise<string>;
}

/**
 * A retention purge waiting for its second step: the export was downloaded
 * and the moderator must say the file was saved, or they asked to delete
 * without exporting and must confirm it. Exactly these ideas are deleted.
 */
export interface PendingPurge {
  step: 'exported' | 'noExport';
  ideas: Idea[];
  fileName?: string;
}

export interface IdeaLogToast {
  message: string;
  undo?: () => void;
}

/** Ideas folded into the search index between two yields while it is built. */
const FOLD_SLICE = 1000;

/** A User Timing measure the benchmarks read; nothing else uses it. */
function timing(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // No User Timing Level 3 here: the figure is only for the benchmark.
  }
}

async function retentionFromSettings(): Promise<number> {
  return (await loadSettings()).privacy.retentionDays;
}

/** Filters the in-memory index answers; a bare date range pages the capturedAt index instead. */
function usesIndex(filter: IdeaFilter): boolean {
  return Boolean(
    filter.search?.trim() ||
      filter.status ||
      filter.tag ||
      filter.flagged !== undefined ||
      hasPipelineFilter(filter),
  );
}

/** The import summary in the browser's language, then the rejected ideas' reasons (data, as stored). */
function describeImport({ added, updated, unchanged, rejected }: ImportSummary): string {
  const head = t('idea_imported', String(added), String(updated), String(unchanged), String(rejected.length));
  return [head, ...rejected.slice(0, 10).map(({ index, reason }) => `ideas[${index}]: ${reason}`)].join('\n');
}

export type IdeaLogModel = ReturnType<typeof createIdeaLogModel>;

/**
 * What the sidebar's idea log shows and does, apart from how it looks: the
 * rows (paged cursor queries, or the in-memory search index when filtering),
 * counts and tags, edits with Undo, export, import and the retention purge.
 * The components read its signals and call its actions; `start` opens the
 * database and returns the function that stops listening.
 */
export function createIdeaLogModel({
  openDb = getIdeasDb,
  now = () => new Date(),
  pageSize = 100,
  undoMs = 10_000,
  loadRetentionDays = retentionFromSettings,
  loadPipeline = loadStoredPipeline,
  watchPipeline = watchStoredPipeline,
  moderatorName,
}: IdeaLogOptions = {}) {
  const ideas = signal<Idea[]>([]);
  const next = signal<IdeaCursor | null>(null);
  const loading = signal(true);
  const filter = signal<IdeaFilter>({});
  const fromDay = signal('');
  const toDay = signal('');
  const counts = signal<IdeaCounts | null>(null);
  const tags = signal<string[]>([]);
  const alert = signal('');
  const progress = signal('');
  const busy = signal(false);
  const editing = signal<Idea | null>(null);
  /** The idea as stored now, when the editor's save found it changed since the editor opened. */
  const conflict = signal<Idea | null>(null);
  const toast = signal<IdeaLogToast | null>(null);
  const onlyFiltered = signal(false);
  /** The JSON export also lists the trash (beside `ideas`, as `trash`): off unless the moderator asks. */
  const includeTrash = signal(false);
  /** Ideas past the retention period, and that period; none when retention is off. */
  const expired = signal<{ count: number; days: number }>({ count: 0, days: 0 });
  /** What the retention purge moved to the trash: Undo is offered at once; the trash keeps it 30 days. */
  const purged = signal<Idea[] | null>(null);
  const pendingPurge = signal<PendingPurge | null>(null);
  /** Deleted ideas, restorable for TRASH_DAYS days (most recently deleted first). */
  const trash = signal<TrashedIdea[]>([]);
  /** Issue 17: who the moderator is, the units and topics to choose from, when an idea waits too long. */
  const pipeline = signal<PipelineSettings>(DEFAULT_PIPELINE);
  /** Ideas without an answer past pipeline.waitingDays; null until the search index is built. */
  const overdue = signal<number | null>(null);

  let db: IdeasDb | null = null;
  // Each list query gets a number; an answer to an older query (a previous
  // keystroke) is dropped instead of overwriting a newer one.
  let generation = 0;
  let loadingMore = false;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  // Search and the status/tag/flag filters run over an in-memory index (a
  // cursor walk per keystroke is seconds at 50,000 ideas); the unfiltered log
  // and date ranges page through the capturedAt index directly.
  let entries: SearchEntry[] | null = null;
  let entriesLoading: Promise<SearchEntry[]> | null = null;
  /** Ideas saved while the index was loading: applied to it once loaded (the read may predate them). */
  let savedWhileLoading = new Map<string, SearchEntry>();
  /** One read of the whole log, shared by the search and similar indexes when both are built together. */
  let readingAll: Promise<Idea[]> | null = null;
  let dataVersion = 0;
  let matched: { ids: string[]; offset: number } | null = null;
  // Issue 17: similar ideas on save, and groups (their own files; they share this log's toast).
  const similar = createSimilarModel({ getDb: () => db, readAll: (database) => readAll(database) });
  const groups = createGroupModel({
    getDb: () => db,
    now,
    showToast: (value) => showToast(value),
    say: (message) => {
      progress.value = message;
    },
    fail: (message) => {
      alert.value = message;
    },
    afterChange: async () => {
      notifyIdeasChanged();
      await refreshAll();
      await similar.refresh();
    },
    // The name the pipeline settings hold now (watched), the same the editor's changes carry.
    moderatorName: moderatorName ?? (async () => moderator()),
  });

  /**
   * Every idea, oldest first (the capturedAt index). Reading 50,000 records
   * costs seconds in Chromium, most of it decoding them on this thread: the
   * search index and the similar index, built together after the first rows,
   * share one read instead of two.
   */
  function readAll(database: IdeasDb): Promise<Idea[]> {
    if (!readingAll) {
      const reading = database.getAllFromIndex('ideas', 'capturedAt');
      readingAll = reading;
      const done = () => {
        if (readingAll === reading) readingAll = null;
      };
      reading.then(done, done);
    }
    return readingAll;
  }

  function ensureEntries(database: IdeasDb): Promise<SearchEntry[]> {
    if (entries) return Promise.resolve(entries);
    if (!entriesLoading) {
      const version = dataVersion;
      const started = performance.now();
      const loading = (async () => {
        const all = await readAll(database);
        // Newest first (the log's order), folded in slices that let a keystroke
        // or a save's notice in between: 50,000 folds at once hold the page for a second or more.
        let loaded: SearchEntry[] = [];
        for (let i = all.length - 1; i >= 0; i--) {
          loaded.push(toSearchEntry(all[i]!));
          if (i % FOLD_SLICE === 0 && i > 0) await yieldToPage();
        }
        // The benchmark reads it (scripts/bench/groups.ts): the read and 50,000 folds.
        timing('khcn-search-build', started);
        if (version !== dataVersion) return loaded;
        for (const entry of savedWhileLoading.values()) loaded = withEntry(loaded, entry);
        savedWhileLoading = new Map();
        entries = loaded;
        entriesLoading = null;
        countOverdue(loaded);
        return loaded;
      })();
      entriesLoading = loading;
      loading.catch(() => {
        if (entriesLoading === loading) entriesLoading = null;
      });
    }
    return entriesLoading;
  }

  /**
   * An idea the background saved: its entry goes into the index in place of a
   * rebuild (a rebuild is a read of the whole log and 50,000 folds, seconds in
   * Chromium, and the next save's notice would wait behind it).
   */
  function saveEntry(idea: Idea): void {
    const entry = toSearchEntry(idea);
    if (entries) {
      entries = withEntry(entries, entry);
      countOverdue();
    } else if (entriesLoading) {
      savedWhileLoading.set(idea.id, entry);
    }
  }

  /**
   * Counted over the in-memory index (one pass, milliseconds at 50,000), not
   * the database: the count must not hold up the log's first rows.
   */
  function countOverdue(from: readonly SearchEntry[] | null = entries): void {
    if (!from) return;
    const days = pipeline.peek().waitingDays;
    // isOverdue's rule as one string comparison per idea (the waiting filter's), not a date parse each.
    const cutoff = overdueCutoff(now(), days);
    let count = 0;
    if (days > 0) for (const entry of from) if (entry.capturedAt <= cutoff && isOpen(entry)) count++;
    overdue.value = count;
  }

  /** After a change made elsewhere: the index is rebuilt when next needed. */
  function invalidateEntries(): void {
    dataVersion++;
    entries = null;
    entriesLoading = null;
    savedWhileLoading = new Map();
  }

  async function reload(limit = pageSize): Promise<void> {
    const database = db;
    if (!database) return;
    const mine = ++generation;
    loading.value = true;
    const current = filter.value;
    try {
      if (usesIndex(current)) {
        const ids = searchEntries(await ensureEntries(database), current, now());
        if (mine !== generation) return;
        const first = await getIdeasByIds(database, ids.slice(0, limit));
        if (mine !== generation) return;
        matched = { ids, offset: Math.min(limit, ids.length) };
        ideas.value = first;
        next.value = null;
        return;
      }
      const page = await listIdeas(database, { filter: current, limit });
      if (mine !== generation) return;
      matched = null;
      ideas.value = page.ideas;
      next.value = page.next;
    } catch (error) {
      if (mine === generation) alert.value = errorMessage(error);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function refreshCounts(): Promise<void> {
    const database = db;
    if (!database) return;
    try {
      const [newCounts, newTags, trashed] = await Promise.all([
        countIdeas(database),
        listTags(database),
        listTrash(database, now()),
      ]);
      counts.value = newCounts;
      tags.value = newTags;
      trash.value = trashed;
      await refreshExpired();
    } catch (error) {
      alert.value = errorMessage(error);
    }
  }

  /** Counts the ideas past the retention period (settings can change in the options page meanwhile). */
  async function refreshExpired(): Promise<void> {
    const database = db;
    if (!database) return;
    const days = await loadRetentionDays();
    expired.value = { count: await countOlderThan(database, days, now()), days };
  }

  /**
   * After data changed (here or elsewhere): keep as many rows loaded as before.
   * `entriesKept`: the search index was already brought up to date (a save), do not rebuild it.
   */
  async function refreshAll(entriesKept = false): Promise<void> {
    if (!entriesKept) invalidateEntries();
    // The rows first: counting walks every record in Chromium's IndexedDB and
    // would hold up the first page if queued before it.
    await reload(Math.min(Math.max(pageSize, ideas.peek().length), 5_000));
    await refreshCounts();
    // The overdue count lives on the index: rebuild it once it was shown (not before the first rows).
    const database = db;
    if (!entriesKept && database && overdue.peek() !== null)
      void ensureEntries(database).catch(() => undefined);
  }

  async function loadMore(): Promise<void> {
    const database = db;
    const after = next.peek();
    const found = matched;
    if (!database || loadingMore) return;
    if (found && found.offset < found.ids.length) {
      loadingMore = true;
      const mine = generation;
      try {
        const more = await getIdeasByIds(database, found.ids.slice(found.offset, found.offset + pageSize));
        if (mine !== generation) return;
        found.offset = Math.min(found.offset + pageSize, found.ids.length);
        ideas.value = [...ideas.peek(), ...more];
      } catch (error) {
        alert.value = errorMessage(error);
      } finally {
        loadingMore = false;
      }
      return;
    }
    if (!after) return;
    loadingMore = true;
    const mine = generation;
    try {
      const page = await listIdeas(database, { filter: filter.peek(), after, limit: pageSize });
      if (mine !== generation) return;
      ideas.value = [...ideas.peek(), ...page.ideas];
      next.value = page.next;
    } catch (error) {
      alert.value = errorMessage(error);
    } finally {
      loadingMore = false;
    }
  }

  /** Opens the log and follows changes from other pages; returns the function that stops. */
  function start(): () => void {
    let alive = true;
    let stopListening: () => void = () => undefined;
    // Watched from the start, before the first read: a name saved while the
    // database opens must not be missed (the history would say nobody).
    let heardChange = false;
    const stopPipeline = watchPipeline((next) => {
      heardChange = true;
      pipeline.value = next;
      countOverdue();
    });
    void loadPipeline().then(
      (loaded) => {
        // A change heard meanwhile is newer than this read.
        if (!alive || heardChange) return;
        pipeline.value = loaded;
        countOverdue();
      },
      () => undefined, // the defaults stay: the log works without the pipeline's settings
    );
    openDb((message) => {
      alert.value = message;
    }).then(
      (database) => {
        if (!alive) return;
        db = database;
        // What has been in the trash longer than 30 days goes for good.
        void emptyExpiredTrash(database, now()).catch(() => undefined);
        // Build the search index once the list is up, so the first keystroke is fast too.
        void refreshAll().then(() =>
          setTimeout(() => {
            // The similar index's small read of the newest ideas goes first: the
            // database answers in turn, and queued behind the whole log's read
            // (seconds at 50,000) a save's early notice would wait for all of it.
            void similar
              .warmUp()
              .then(() => ensureEntries(database))
              .catch(() => undefined);
          }, 300),
        );
        const stopIdeas = onIdeasChanged((message) => {
          if (message.texts) similar.markStale();
          if (!message.saved) {
            void refreshAll();
            return;
          }
          // One idea saved: both indexes take it in place (never a rebuild of
          // either). The similar ideas first, the list after: refreshing the list
          // counts the whole log, and its requests would queue before the
          // neighbours' records. While the similar index is still being built
          // the list does not wait for it.
          const { id, created } = message.saved;
          void getIdeasByIds(database, [id])
            .then(async ([idea]) => {
              if (!idea) return void refreshAll();
              const ready = similar.ready();
              const intoList = () => {
                saveEntry(idea);
                void refreshAll(true);
              };
              // Once the similar index is built the notice goes first: the search
              // entry (a copy of 50,000 entries, the overdue count) and the list after.
              if (!ready) intoList();
              await similar.onSaved(idea, created).finally(() => {
                if (ready) intoList();
              });
            })
            .catch((error) => {
              alert.value = errorMessage(error);
            });
        });
        const stopSettings = watchSettings(() => void refreshExpired().catch(() => undefined));
        stopListening = () => {
          stopIdeas();
          stopSettings();
        };
      },
      (error) => {
        alert.value = errorMessage(error);
        loading.value = false;
      },
    );
    return () => {
      alive = false;
      stopPipeline();
      stopListening();
      clearTimeout(toastTimer);
    };
  }

  function setFilter(patch: Partial<IdeaFilter>): void {
    filter.value = { ...filter.value, ...patch };
    void reload();
  }

  function setDay(which: 'from' | 'to', day: string): void {
    if (which === 'from') {
      fromDay.value = day;
      setFilter({ from: dayBoundary(day, 'start') });
    } else {
      toDay.value = day;
      setFilter({ to: dayBoundary(day, 'end') });
    }
  }

  function clearFilters(): void {
    fromDay.value = '';
    toDay.value = '';
    filter.value = {};
    void reload();
  }

  function showToast(value: IdeaLogToast): void {
    clearTimeout(toastTimer);
    toast.value = value;
    toastTimer = setTimeout(() => {
      toast.value = null;
    }, undoMs);
  }

  /** The toast's Undo: the offer goes, the undo runs. */
  function undoFromToast(): void {
    const undo = toast.value?.undo;
    toast.value = null;
    undo?.();
  }

  /** Runs an edit, then tells other pages; a failure goes to the alert. */
  async function change(work: (database: IdeasDb) => Promise<void>): Promise<void> {
    const database = db;
    if (!database) return;
    alert.value = '';
    try {
      await work(database);
      notifyIdeasChanged();
      void refreshCounts();
    } catch (error) {
      alert.value = errorMessage(error);
    }
  }

  function replace(updated: Idea): void {
    ideas.value = ideas.value.map((idea) => (idea.id === updated.id ? updated : idea));
    if (entries) {
      entries = entries.map((entry) => (entry.id === updated.id ? toSearchEntry(updated) : entry));
      countOverdue();
    } else {
      invalidateEntries();
    }
  }

  /** Who makes the change, for the idea's history (settings.pipeline.moderatorName). */
  const moderator = () => pipeline.peek().moderatorName;

  /** The row's status menu: from the version the row shows; if it changed meanwhile, reload and say so. */
  const changeStatus = (idea: Idea, status: IdeaStatus) =>
    change(async (database) => {
      try {
        const updated = await updateIdea(database, idea.id, { status }, now(), idea.updatedAt, moderator());
        replace(updated);
        askForWhatStatusNeeds(updated);
      } catch (error) {
        if (!(error instanceof IdeaConflictError)) throw error;
        replace(error.current);
        alert.value = t('idea_statusConflict');
      }
    });

  /**
   * Forwarded without a unit, or answered without the answer: the row's menu
   * saved the status (nothing is blocked) and the editor opens to ask for the
   * rest, unless the moderator is already editing something.
   */
  function askForWhatStatusNeeds(idea: Idea): void {
    const needsUnit = idea.status === 'forwarded' && idea.unit === null;
    const needsAnswer = idea.status === 'answered' && idea.answer === null;
    if (!(needsUnit || needsAnswer) || editing.peek()) return;
    editing.value = idea;
    progress.value = t(needsUnit ? 'pipe_openForUnit' : 'pipe_openForAnswer');
  }

  /**
   * The editor's save: only the fields the moderator changed, from the version
   * the editor opened with. On a conflict nothing is written and the editor
   * stays open with what the moderator typed; `conflict` holds the newer idea.
   */
  const saveEdit = (idea: Idea, patch: IdeaPatch) =>
    change(async (database) => {
      conflict.value = null;
      if (Object.keys(patch).length === 0) {
        editing.value = null;
        return;
      }
      try {
        replace(await updateIdea(database, idea.id, patch, now(), idea.updatedAt, moderator()));
      } catch (error) {
        if (!(error instanceof IdeaConflictError)) throw error;
        conflict.value = error.current;
        return;
      }
      editing.value = null;
      progress.value = t('idea_saved');
    });

  /** After a conflict: the editor continues from the newest version (the moderator's own changes stay in the fields). */
  function loadNewest(): void {
    const newest = conflict.value;
    if (!newest) return;
    conflict.value = null;
    replace(newest);
    editing.value = newest;
    progress.value = t('idea_newestLoaded');
  }

  function closeEditor(): void {
    editing.value = null;
    conflict.value = null;
  }

  const remove = (idea: Idea) =>
    change(async (database) => {
      const deleted = await deleteIdea(database, idea.id, now());
      ideas.value = ideas.value.filter((item) => item.id !== idea.id);
      if (entries) entries = entries.filter((entry) => entry.id !== idea.id);
      else invalidateEntries();
      if (editing.value?.id === idea.id) closeEditor();
      if (!deleted) return;
      showToast({
        message: t('idea_deleted'),
        undo: () =>
          change(async (again) => {
            await restoreIdea(again, deleted);
            invalidateEntries();
            similar.markStale();
            showToast({ message: t('idea_restored') });
            await reload(Math.max(pageSize, ideas.peek().length + 1));
          }),
      });
    });

  async function exportAs(kind: 'json' | 'csv'): Promise<void> {
    const database = db;
    if (!database || busy.value) return;
    busy.value = true;
    alert.value = '';
    try {
      const chosenFilter = onlyFiltered.value ? filter.value : {};
      const chosen = await listAllIdeas(database, chosenFilter);
      progress.value = t('idea_exporting', String(chosen.length));
      const at = now();
      const fileName = exportFileName(kind, at);
      const trashed =
        kind === 'json' && includeTrash.value
          ? (await listTrash(database, at)).filter(ideaMatcher(chosenFilter))
          : undefined;
      const parts = kind === 'json' ? exportJsonParts(chosen, at, trashed) : exportCsvParts(chosen);
      downloadFile(parts, fileName, EXPORT_MIME[kind]);
      progress.value = t('idea_exported', String(chosen.length), fileName);
    } catch (error) {
      alert.value = errorMessage(error);
      progress.value = '';
    } finally {
      busy.value = false;
    }
  }

  async function importFile(file: File): Promise<void> {
    const database = db;
    if (!database) return;
    busy.value = true;
    alert.value = '';
    progress.value = t('idea_importing', file.name);
    try {
      const result = await importIdeas(database, file);
      if (!result.ok) {
        alert.value = result.error;
        progress.value = '';
        return;
      }
      progress.value = describeImport(result.summary);
      similar.markStale();
      notifyIdeasChanged({ texts: true });
      await refreshAll();
    } catch (error) {
      alert.value = errorMessage(error);
      progress.value = '';
    } finally {
      busy.value = false;
    }
  }

  /**
   * The purge's first step: downloads the ideas past the retention period and
   * waits for the moderator to confirm the file was saved. Nothing is deleted
   * here: a page download cannot tell whether the file was written.
   */
  async function exportExpired(): Promise<void> {
    const database = db;
    const { days } = expired.value;
    if (!database || busy.value || days <= 0) return;
    busy.value = true;
    alert.value = '';
    try {
      const at = now();
      const chosen = await ideasOlderThan(database, days, at);
      if (chosen.length > 0) {
        const fileName = downloadPurgeExport(chosen, at);
        pendingPurge.value = { step: 'exported', ideas: chosen, fileName };
      }
    } catch (error) {
      alert.value = errorMessage(error);
    } finally {
      busy.value = false;
    }
  }

  /** "Delete without exporting": asks again before anything is deleted. */
  async function askPurgeWithoutExport(): Promise<void> {
    const database = db;
    const { days } = expired.value;
    if (!database || busy.value || days <= 0) return;
    try {
      const chosen = await ideasOlderThan(database, days, now());
      if (chosen.length > 0) pendingPurge.value = { step: 'noExport', ideas: chosen };
    } catch (error) {
      alert.value = errorMessage(error);
    }
  }

  function cancelPurge(): void {
    pendingPurge.value = null;
  }

  /** The second step: moves exactly the ideas shown (and exported) to the trash; Undo puts them back. */
  async function confirmPurge(): Promise<void> {
    const database = db;
    const pending = pendingPurge.value;
    if (!database || !pending || busy.value) return;
    busy.value = true;
    alert.value = '';
    try {
      const deleted = await purgeIdeas(database, pending.ideas, now());
      pendingPurge.value = null;
      purged.value = [...(purged.peek() ?? []), ...deleted];
      await refreshAll();
    } catch (error) {
      alert.value = errorMessage(error);
    } finally {
      busy.value = false;
    }
  }

  /** Restores these ideas from the trash, or all it shows ("restore all" restores what the moderator sees). */
  const restoreTrashed = (ids?: readonly string[]) =>
    change(async (database) => {
      const chosen = ids ?? trash.peek().map((idea) => idea.id);
      const restored = await restoreFromTrash(database, chosen, now());
      similar.markStale();
      progress.value = t('idea_trashRestored', String(restored.length));
      await refreshAll();
    });

  const undoPurge = () =>
    change(async (database) => {
      const deleted = purged.value;
      if (!deleted) return;
      await restoreIdeas(database, deleted);
      similar.markStale();
      purged.value = null;
      progress.value = t('idea_retentionRestored', String(deleted.length));
      await refreshAll();
    });

  return {
    now,
    similar,
    groups,
    ideas,
    loading,
    filter,
    fromDay,
    toDay,
    counts,
    tags,
    alert,
    progress,
    busy,
    editing,
    conflict,
    toast,
    onlyFiltered,
    includeTrash,
    expired,
    purged,
    pendingPurge,
    trash,
    pipeline,
    overdue,
    start,
    loadMore,
    setFilter,
    setDay,
    clearFilters,
    undoFromToast,
    changeStatus,
    saveEdit,
    loadNewest,
    closeEditor,
    remove,
    exportAs,
    importFile,
    exportExpired,
    askPurgeWithoutExport,
    cancelPurge,
    confirmPurge,
    restoreTrashed,
    undoPurge,
  };
}
