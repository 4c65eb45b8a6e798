import { foldForSearch } from '../text';
import type { IdeasDb } from './db';
import { type IdeaFilter, pipelineMatcher } from './filter';
import type { Idea, IdeaStatus } from './schema';

/**
 * What the sidebar keeps in memory to filter 50,000 ideas on a keystroke: the
 * folded text and the filterable fields, not the ideas themselves. Walking an
 * IndexedDB cursor per keystroke costs a round trip per idea in Chromium
 * (seconds at 50,000); scanning this array costs milliseconds.
 */
export interface SearchEntry {
  id: string;
  capturedAt: string;
  status: IdeaStatus;
  tags: readonly string[];
  flagged: boolean;
  /** Text, author, note and tags, folded (no diacritics, lowercase). */
  folded: string;
  // Issue 17: what the unit, topic and waiting filters read.
  unit: string | null;
  topic: string | null;
  answered: boolean;
}

export function toSearchEntry(idea: Idea): SearchEntry {
  return {
    id: idea.id,
    capturedAt: idea.capturedAt,
    status: idea.status,
    tags: idea.tags,
    flagged: idea.flags.length > 0,
    folded: foldForSearch(`${idea.text}\n${idea.authorName ?? ''}\n${idea.note}\n${idea.tags.join(' ')}`),
    // `?? null`: a record written without the v4 fields (by a tool, or the benchmark's raw
    // seed) reads as "none" rather than as an unknown value that matches no filter.
    unit: idea.unit ?? null,
    topic: idea.topic ?? null,
    answered: (idea.answer ?? null) !== null,
  };
}

/**
 * The entries with `entry` in place of the one with its id, or added where
 * the log's order (newest first) puts it. A copy: the list may be in use.
 */
export function withEntry(entries: readonly SearchEntry[], entry: SearchEntry): SearchEntry[] {
  const at = entries.findIndex((item) => item.id === entry.id);
  if (at >= 0 && entries[at]!.capturedAt === entry.capturedAt) {
    const copy = [...entries];
    copy[at] = entry;
    return copy;
  }
  const rest = at >= 0 ? entries.filter((item) => item.id !== entry.id) : entries;
  let before = 0;
  while (before < rest.length && rest[before]!.capturedAt > entry.capturedAt) before++;
  return [...rest.slice(0, before), entry, ...rest.slice(before)];
}

/** Every idea as a search entry, newest first (the log's order). */
export async function loadSearchEntries(db: IdeasDb): Promise<SearchEntry[]> {
  const all = await db.getAllFromIndex('ideas', 'capturedAt');
  const entries = all.map(toSearchEntry);
  return entries.reverse();
}

/** Ids of the entries matching the filter, in the entries' order. */
export function searchEntries(
  entries: readonly SearchEntry[],
  filter: IdeaFilter,
  now: Date = new Date(),
): string[] {
  const pipeline = pipelineMatcher(filter, now);
  const words = foldForSearch(filter.search ?? '')
    .split(' ')
    .filter(Boolean);
  const from = filter.from ? new Date(filter.from).toISOString() : undefined;
  const to = filter.to ? new Date(filter.to).toISOString() : undefined;
  const ids: string[] = [];
  for (const entry of entries) {
    if (filter.status && entry.status !== filter.status) continue;
    if (filter.tag && !entry.tags.includes(filter.tag)) continue;
    if (from && entry.capturedAt < from) continue;
    if (to && entry.capturedAt > to) continue;
    if (filter.flagged !== undefined && entry.flagged !== filter.flagged) continue;
    if (!pipeline(entry)) continue;
    if (!words.every((word) => entry.folded.includes(word))) continue;
    ids.push(entry.id);
  }
  return ids;
}

/** The ideas with these ids, in this order (ids deleted meanwhile are skipped). */
export async function getIdeasByIds(db: IdeasDb, ids: readonly string[]): Promise<Idea[]> {
  const tx = db.transaction('ideas');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return found.filter((idea): idea is Idea => idea !== undefined);
}
