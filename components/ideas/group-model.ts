import { signal } from '@preact/signals';
import { errorMessage } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { IdeasDb } from '../../lib/ideas/db';
import { type GroupSummary, summarizeGroup } from '../../lib/ideas/groups';
import {
  type GroupEdit,
  groupIdeasInDb,
  listGroup,
  splitFromGroupInDb,
  undoGroupEdit,
} from '../../lib/ideas/groups-db';

/** What the group actions need from the idea log they belong to. */
export interface GroupHost {
  getDb: () => IdeasDb | null;
  now: () => Date;
  /** The toast with Undo (the log's, shared with delete). */
  showToast: (toast: { message: string; undo?: () => void }) => void;
  say: (message: string) => void;
  fail: (message: string) => void;
  /** After a change: tell other pages, reload the rows and counts. */
  afterChange: () => Promise<void>;
  /** settings.pipeline.moderatorName, written into each history entry (the log's watched copy). */
  moderatorName: () => Promise<string>;
}

export type GroupModel = ReturnType<typeof createGroupModel>;

/**
 * Grouping, splitting and the group view. Every grouping and split shows the
 * log's toast with Undo, which puts back the exact records from before.
 */
export function createGroupModel(host: GroupHost) {
  /** The group the moderator opened ("Xem nhóm"): its summary, members oldest first. */
  const viewing = signal<GroupSummary | null>(null);
  const { moderatorName } = host;

  async function refreshView(): Promise<void> {
    const open = viewing.peek();
    const db = host.getDb();
    if (!open || !db) return;
    viewing.value = summarizeGroup(await listGroup(db, open.groupId)) ?? null;
  }

  async function run(
    work: (db: IdeasDb, by: string) => Promise<GroupEdit>,
    done: (edit: GroupEdit) => Promise<string>,
  ) {
    const db = host.getDb();
    if (!db) return;
    try {
      const edit = await work(db, await moderatorName());
      if (edit.after.length === 0) {
        host.say(t('idea_groupNothing'));
        return;
      }
      await host.afterChange();
      await refreshView();
      host.showToast({ message: await done(edit), undo: () => void undo(edit) });
    } catch (error) {
      host.fail(errorMessage(error));
    }
  }

  async function undo(edit: GroupEdit): Promise<void> {
    const db = host.getDb();
    if (!db) return;
    try {
      await undoGroupEdit(db, edit);
      await host.afterChange();
      await refreshView();
      host.showToast({ message: t('idea_groupUndone') });
    } catch (error) {
      host.fail(errorMessage(error));
    }
  }

  /** Makes these ideas one group (joining or merging the groups they are in). */
  const group = (ids: readonly string[]) =>
    run(
      (db, by) => groupIdeasInDb(db, ids, { by, now: host.now() }),
      async (edit) => {
        const db = host.getDb()!;
        const members = edit.groupId ? await listGroup(db, edit.groupId) : [];
        const summary = summarizeGroup(members);
        return t('idea_grouped', String(summary?.size ?? 0), String(summary?.supporters ?? 0));
      },
    );

  /** Takes these ideas out of their group. */
  const split = (ids: readonly string[]) =>
    run(
      (db, by) => splitFromGroupInDb(db, ids, { by, now: host.now() }),
      async () => t('idea_splitDone', String(ids.length)),
    );

  async function view(groupId: string): Promise<void> {
    const db = host.getDb();
    if (!db) return;
    try {
      viewing.value = summarizeGroup(await listGroup(db, groupId)) ?? null;
    } catch (error) {
      host.fail(errorMessage(error));
    }
  }

  function closeView(): void {
    viewing.value = null;
  }

  return { viewing, group, split, view, closeView, refreshView };
}
