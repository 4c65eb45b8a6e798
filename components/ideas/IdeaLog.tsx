import { useSignal } from '@preact/signals';
import { useCallback, useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import {
  countIdeas,
  countOlderThan,
  deleteIdea,
  deleteIdeasById,
  getIdeasDb,
  type IdeaCounts,
  type IdeaCursor,
  type IdeasDb,
  ideasOlderThan,
  listAllIdeas,
  listIdeas,
  listTags,
  restoreIdea,
  restoreIdeas,
  updateIdea,
} from '../../lib/ideas/db';
import {
  EXPORT_MIME,
  exportCsvParts,
  exportFileName,
  exportJsonParts,
  toVietnamTime,
} from '../../lib/ideas/export';
import { type IdeaFilter, isFilterEmpty } from '../../lib/ideas/filter';
import { type ImportSummary, importIdeas } from '../../lib/ideas/import';
import { notifyIdeasChanged, onIdeasChanged } from '../../lib/ideas/notify';
import { IDEA_STATUSES, type Idea, type IdeaPatch, type IdeaStatus } from '../../lib/ideas/schema';
import {
  getIdeasByIds,
  loadSearchEntries,
  type SearchEntry,
  searchEntries,
  toSearchEntry,
} from '../../lib/ideas/search-index';
import { loadSettings, watchSettings } from '../../lib/settings/storage';
import { IdeaEditor } from './IdeaEditor';
import { IdeaRow } from './IdeaRow';
import { statusLabel } from './labels';
import { dayBoundary } from './time';
import { VirtualList } from './VirtualList';
import './idea-log.css';
import { errorMessage } from '../../lib/errors';

export interface IdeaLogProps {
  /** Opens the log; tests pass their own database. `onProblem` carries "reload this page" messages. */
  openDb?: (onProblem: (message: string) => void) => Promise<IdeasDb>;
  now?: () => Date;
  /** Ideas fetched per cursor page. */
  pageSize?: number;
  /** Fixed row height (px) of the virtual list. */
  rowHeight?: number;
  /** How long the Undo offer stays after a delete (ms). */
  undoMs?: number;
  /** The retention period in days (0 = keep until deleted); by default Settings.privacy.retentionDays. */
  loadRetentionDays?: () => Promise<number>;
}

async function retentionFromSettings(): Promise<number> {
  return (await loadSettings()).privacy.retentionDays;
}

interface Toast {
  message: string;
  undo?: () => void;
}

/** Filters the in-memory index answers; a bare date range pages the capturedAt index instead. */
function usesIndex(filter: IdeaFilter): boolean {
  return Boolean(filter.search?.trim() || filter.status || filter.tag || filter.flagged !== undefined);
}

/** The import summary in the browser's language, then the rejected ideas' reasons (data, as stored). */
function describeImport({ added, updated, unchanged, rejected }: ImportSummary): string {
  const head = t('idea_imported', String(added), String(updated), String(unchanged), String(rejected.length));
  return [head, ...rejected.slice(0, 10).map(({ index, reason }) => `ideas[${index}]: ${reason}`)].join('\n');
}

/** An ordinary page download of a Blob: no `downloads` permission needed. */
function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The sidebar's idea log: search, filters, a virtual list over paged cursor
 * queries, status/tag/note editing, delete with Undo, export and import.
 */
export function IdeaLog({
  openDb = getIdeasDb,
  now = () => new Date(),
  pageSize = 100,
  rowHeight = 132,
  undoMs = 10_000,
  loadRetentionDays = retentionFromSettings,
}: IdeaLogProps) {
  const db = useRef<IdeasDb | null>(null);
  const ideas = useSignal<Idea[]>([]);
  const next = useSignal<IdeaCursor | null>(null);
  const loading = useSignal(true);
  const filter = useSignal<IdeaFilter>({});
  const fromDay = useSignal('');
  const toDay = useSignal('');
  const counts = useSignal<IdeaCounts | null>(null);
  const tags = useSignal<string[]>([]);
  const alert = useSignal('');
  const progress = useSignal('');
  const busy = useSignal(false);
  const editing = useSignal<Idea | null>(null);
  const toast = useSignal<Toast | null>(null);
  const onlyFiltered = useSignal(false);
  /** Ideas past the retention period, and that period; none when retention is off. */
  const expired = useSignal<{ count: number; days: number }>({ count: 0, days: 0 });
  // Each list query gets a number; an answer to an older query (a previous
  // keystroke) is dropped instead of overwriting a newer one.
  const generation = useRef(0);
  const loadingMore = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const retentionUndo = useRef<HTMLButtonElement>(null);
  /** What the retention purge deleted: Undo stays offered until the sidebar closes. */
  const purged = useSignal<Idea[] | null>(null);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Search and the status/tag/flag filters run over an in-memory index (a
  // cursor walk per keystroke is seconds at 50,000 ideas); the unfiltered log
  // and date ranges page through the capturedAt index directly.
  const entries = useRef<SearchEntry[] | null>(null);
  const entriesLoading = useRef<Promise<SearchEntry[]> | null>(null);
  const dataVersion = useRef(0);
  const matched = useRef<{ ids: string[]; offset: number } | null>(null);

  const ensureEntries = useCallback((database: IdeasDb): Promise<SearchEntry[]> => {
    if (entries.current) return Promise.resolve(entries.current);
    if (!entriesLoading.current) {
      const version = dataVersion.current;
      entriesLoading.current = loadSearchEntries(database).then((loaded) => {
        if (version === dataVersion.current) entries.current = loaded;
        entriesLoading.current = null;
        return loaded;
      });
    }
    return entriesLoading.current;
  }, []);

  /** After a change made elsewhere: the index is rebuilt when next needed. */
  const invalidateEntries = useCallback(() => {
    dataVersion.current++;
    entries.current = null;
    entriesLoading.current = null;
  }, []);

  const reload = useCallback(async (limit = pageSize) => {
    const database = db.current;
    if (!database) return;
    const mine = ++generation.current;
    loading.value = true;
    const current = filter.value;
    try {
      if (usesIndex(current)) {
        const ids = searchEntries(await ensureEntries(database), current);
        if (mine !== generation.current) return;
        const first = await getIdeasByIds(database, ids.slice(0, limit));
        if (mine !== generation.current) return;
        matched.current = { ids, offset: Math.min(limit, ids.length) };
        ideas.value = first;
        next.value = null;
        return;
      }
      const page = await listIdeas(database, { filter: current, limit });
      if (mine !== generation.current) return;
      matched.current = null;
      ideas.value = page.ideas;
      next.value = page.next;
    } catch (error) {
      if (mine === generation.current) alert.value = errorMessage(error);
    } finally {
      if (mine === generation.current) loading.value = false;
    }
  }, []);

  const refreshCounts = useCallback(async () => {
    const database = db.current;
    if (!database) return;
    try {
      const [newCounts, newTags] = await Promise.all([countIdeas(database), listTags(database)]);
      counts.value = newCounts;
      tags.value = newTags;
      await refreshExpired();
    } catch (error) {
      alert.value = errorMessage(error);
    }
  }, []);

  /** Counts the ideas past the retention period (settings can change in the options page meanwhile). */
  const refreshExpired = useCallback(async () => {
    const database = db.current;
    if (!database) return;
    const days = await loadRetentionDays();
    expired.value = { count: await countOlderThan(database, days, now()), days };
  }, []);

  /** After data changed (here or elsewhere): keep as many rows loaded as before. */
  const refreshAll = useCallback(async () => {
    invalidateEntries();
    // The rows first: counting walks every record in Chromium's IndexedDB and
    // would hold up the first page if queued before it.
    await reload(Math.min(Math.max(pageSize, ideas.peek().length), 5_000));
    await refreshCounts();
  }, []);

  const loadMore = useCallback(async () => {
    const database = db.current;
    const after = next.peek();
    const found = matched.current;
    if (!database || loadingMore.current) return;
    if (found && found.offset < found.ids.length) {
      loadingMore.current = true;
      const mine = generation.current;
      try {
        const more = await getIdeasByIds(database, found.ids.slice(found.offset, found.offset + pageSize));
        if (mine !== generation.current) return;
        found.offset = Math.min(found.offset + pageSize, found.ids.length);
        ideas.value = [...ideas.peek(), ...more];
      } catch (error) {
        alert.value = errorMessage(error);
      } finally {
        loadingMore.current = false;
      }
      return;
    }
    if (!after) return;
    loadingMore.current = true;
    const mine = generation.current;
    try {
      const page = await listIdeas(database, { filter: filter.peek(), after, limit: pageSize });
      if (mine !== generation.current) return;
      ideas.value = [...ideas.peek(), ...page.ideas];
      next.value = page.next;
    } catch (error) {
      alert.value = errorMessage(error);
    } finally {
      loadingMore.current = false;
    }
  }, []);

  useEffect(() => {
    let alive = true;
    let stopListening: () => void = () => undefined;
    openDb((message) => {
      alert.value = message;
    }).then(
      (database) => {
        if (!alive) return;
        db.current = database;
        // Build the search index once the list is up, so the first keystroke is fast too.
        void refreshAll().then(() =>
          setTimeout(() => void ensureEntries(database).catch(() => undefined), 300),
        );
        const stopIdeas = onIdeasChanged(() => void refreshAll());
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
      stopListening();
      clearTimeout(toastTimer.current);
    };
  }, []);

  useEffect(() => {
    if (toast.value?.undo) undoButton.current?.focus();
  }, [toast.value]);

  useEffect(() => {
    if (purged.value) retentionUndo.current?.focus();
  }, [purged.value]);

  function setFilter(patch: Partial<IdeaFilter>) {
    filter.value = { ...filter.value, ...patch };
    void reload();
  }

  function showToast(value: Toast) {
    clearTimeout(toastTimer.current);
    toast.value = value;
    toastTimer.current = setTimeout(() => {
      toast.value = null;
    }, undoMs);
  }

  /** Runs an edit, then tells other pages; a failure goes to the alert. */
  async function change(work: (database: IdeasDb) => Promise<void>) {
    const database = db.current;
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

  const replace = (updated: Idea) => {
    ideas.value = ideas.value.map((idea) => (idea.id === updated.id ? updated : idea));
    if (entries.current) {
      entries.current = entries.current.map((entry) =>
        entry.id === updated.id ? toSearchEntry(updated) : entry,
      );
    } else {
      invalidateEntries();
    }
  };

  const changeStatus = (idea: Idea, status: IdeaStatus) =>
    change(async (database) => replace(await updateIdea(database, idea.id, { status }, now())));

  const saveEdit = (idea: Idea, patch: IdeaPatch) =>
    change(async (database) => {
      replace(await updateIdea(database, idea.id, patch, now()));
      editing.value = null;
      progress.value = t('idea_saved');
    });

  const remove = (idea: Idea) =>
    change(async (database) => {
      const deleted = await deleteIdea(database, idea.id);
      ideas.value = ideas.value.filter((item) => item.id !== idea.id);
      if (entries.current) entries.current = entries.current.filter((entry) => entry.id !== idea.id);
      else invalidateEntries();
      if (editing.value?.id === idea.id) editing.value = null;
      if (!deleted) return;
      showToast({
        message: t('idea_deleted'),
        undo: () =>
          change(async (again) => {
            await restoreIdea(again, deleted);
            invalidateEntries();
            showToast({ message: t('idea_restored') });
            await reload(Math.max(pageSize, ideas.peek().length + 1));
          }),
      });
    });

  async function exportAs(kind: 'json' | 'csv') {
    const database = db.current;
    if (!database || busy.value) return;
    busy.value = true;
    alert.value = '';
    try {
      const chosen = await listAllIdeas(database, onlyFiltered.value ? filter.value : {});
      progress.value = t('idea_exporting', String(chosen.length));
      const at = now();
      const fileName = exportFileName(kind, at);
      const parts = kind === 'json' ? exportJsonParts(chosen, at) : exportCsvParts(chosen);
      downloadBlob(new Blob(parts, { type: EXPORT_MIME[kind] }), fileName);
      progress.value = t('idea_exported', String(chosen.length), fileName);
    } catch (error) {
      alert.value = errorMessage(error);
      progress.value = '';
    } finally {
      busy.value = false;
    }
  }

  async function importFile(file: File) {
    const database = db.current;
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
      notifyIdeasChanged();
      await refreshAll();
    } catch (error) {
      alert.value = errorMessage(error);
      progress.value = '';
    } finally {
      busy.value = false;
    }
  }

  /**
   * Exports the ideas past the retention period, then deletes exactly those
   * (not whatever crossed the line in between); Undo puts them back.
   */
  async function exportThenDeleteExpired() {
    const database = db.current;
    const { days } = expired.value;
    if (!database || busy.value || days <= 0) return;
    busy.value = true;
    alert.value = '';
    try {
      const at = now();
      const chosen = await ideasOlderThan(database, days, at);
      if (chosen.length > 0) {
        const day = toVietnamTime(at.toISOString()).slice(0, 10);
        downloadBlob(
          new Blob(exportJsonParts(chosen, at), { type: EXPORT_MIME.json }),
          `khcn-y-tuong-truoc-khi-xoa-${day}.json`,
        );
        const deleted = await deleteIdeasById(
          database,
          chosen.map((idea) => idea.id),
        );
        notifyIdeasChanged();
        purged.value = [...(purged.peek() ?? []), ...deleted];
      }
      await refreshAll();
    } catch (error) {
      alert.value = errorMessage(error);
    } finally {
      busy.value = false;
    }
  }

  const undoPurge = () =>
    change(async (database) => {
      const deleted = purged.value;
      if (!deleted) return;
      await restoreIdeas(database, deleted);
      purged.value = null;
      progress.value = t('idea_retentionRestored', String(deleted.length));
      await refreshAll();
    });

  const current = filter.value;
  const total = counts.value?.total ?? 0;
  const shown = ideas.value;
  const today = now();

  return (
    <section class="khcn-idea-log" aria-label={t('idea_logTitle')} aria-busy={busy.value || loading.value}>
      <header class="khcn-idea-head">
        <h2>{t('idea_logTitle')}</h2>
        <span class="khcn-muted">{t('idea_count', String(total))}</span>
      </header>

      <div class="khcn-idea-toolbar">
        <button type="button" disabled={busy.value} onClick={() => void exportAs('json')}>
          {t('exportJson')}
        </button>
        <button type="button" disabled={busy.value} onClick={() => void exportAs('csv')}>
          {t('exportCsv')}
        </button>
        <button type="button" disabled={busy.value} onClick={() => fileInput.current?.click()}>
          {t('importJson')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            // Cleared so that picking the same file again still imports it.
            input.value = '';
            if (file) void importFile(file);
          }}
        />
        <label class="khcn-idea-check">
          <input
            type="checkbox"
            checked={onlyFiltered.value}
            onChange={(event) => {
              onlyFiltered.value = (event.currentTarget as HTMLInputElement).checked;
            }}
          />
          {t('idea_exportFilteredOnly')}
        </label>
      </div>

      <div role="alert" class="khcn-alert">
        {alert.value}
      </div>
      <p role="status" class="khcn-progress">
        {progress.value}
      </p>

      <div class="khcn-retention" aria-live="polite">
        {purged.value ? (
          <p class="khcn-retention-banner">
            <span>{t('idea_retentionDone', String(purged.value.length))}</span>
            <button ref={retentionUndo} type="button" onClick={() => void undoPurge()}>
              {t('idea_undo')}
            </button>
          </p>
        ) : expired.value.count > 0 ? (
          <p class="khcn-retention-banner">
            <span>{t('idea_retentionNotice', String(expired.value.count), String(expired.value.days))}</span>
            <button type="button" disabled={busy.value} onClick={() => void exportThenDeleteExpired()}>
              {t('idea_retentionExportDelete')}
            </button>
          </p>
        ) : null}
      </div>

      <search class="khcn-idea-filters">
        <input
          type="search"
          aria-label={t('idea_search')}
          placeholder={t('idea_search')}
          value={current.search ?? ''}
          onInput={(event) => setFilter({ search: (event.currentTarget as HTMLInputElement).value })}
        />
        <label>
          {t('idea_filterStatus')}
          <select
            value={current.status ?? ''}
            onChange={(event) => {
              const value = (event.currentTarget as HTMLSelectElement).value;
              setFilter({ status: value ? (value as IdeaStatus) : undefined });
            }}
          >
            <option value="">{t('idea_all')}</option>
            {IDEA_STATUSES.map((status) => (
              <option key={status} value={status}>
                {`${statusLabel(status)} (${counts.value?.byStatus[status] ?? 0})`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('idea_filterTag')}
          <select
            value={current.tag ?? ''}
            onChange={(event) =>
              setFilter({ tag: (event.currentTarget as HTMLSelectElement).value || undefined })
            }
          >
            <option value="">{t('idea_all')}</option>
            {tags.value.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('idea_filterFlagged')}
          <select
            value={current.flagged === undefined ? '' : String(current.flagged)}
            onChange={(event) => {
              const value = (event.currentTarget as HTMLSelectElement).value;
              setFilter({ flagged: value === '' ? undefined : value === 'true' });
            }}
          >
            <option value="">{t('idea_all')}</option>
            <option value="true">{t('idea_flaggedOnly')}</option>
            <option value="false">{t('idea_unflaggedOnly')}</option>
          </select>
        </label>
        <label>
          {t('idea_filterFrom')}
          <input
            type="date"
            value={fromDay.value}
            onChange={(event) => {
              fromDay.value = (event.currentTarget as HTMLInputElement).value;
              setFilter({ from: dayBoundary(fromDay.value, 'start') });
            }}
          />
        </label>
        <label>
          {t('idea_filterTo')}
          <input
            type="date"
            value={toDay.value}
            onChange={(event) => {
              toDay.value = (event.currentTarget as HTMLInputElement).value;
              setFilter({ to: dayBoundary(toDay.value, 'end') });
            }}
          />
        </label>
        {!isFilterEmpty(current) && (
          <button
            type="button"
            onClick={() => {
              fromDay.value = '';
              toDay.value = '';
              filter.value = {};
              void reload();
            }}
          >
            {t('idea_clearFilters')}
          </button>
        )}
      </search>

      {editing.value && (
        <IdeaEditor
          key={editing.value.id}
          idea={editing.value}
          onSave={(patch) => void saveEdit(editing.value!, patch)}
          onCancel={() => {
            editing.value = null;
          }}
        />
      )}

      {shown.length === 0 ? (
        <p class="khcn-muted khcn-idea-empty">
          {loading.value
            ? t('idea_loading')
            : isFilterEmpty(current)
              ? t('idea_emptyLog')
              : t('idea_noMatch')}
        </p>
      ) : (
        <VirtualList
          items={shown}
          rowHeight={rowHeight}
          keyOf={(idea) => idea.id}
          label={t('idea_listLabel')}
          onNearEnd={loadMore}
          renderRow={(idea) => (
            <IdeaRow
              idea={idea}
              now={today}
              onStatus={(target, status) => void changeStatus(target, status)}
              onEdit={(target) => {
                editing.value = target;
              }}
              onDelete={(target) => void remove(target)}
            />
          )}
        />
      )}

      {toast.value && (
        <div class="khcn-toast" role="status">
          <span>{toast.value.message}</span>
          {toast.value.undo && (
            <button
              ref={undoButton}
              type="button"
              onClick={() => {
                const undo = toast.value?.undo;
                toast.value = null;
                undo?.();
              }}
            >
              {t('idea_undo')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
