import { signal } from '@preact/signals';
import { t } from '../../lib/i18n';
import type { IdeasDb } from '../../lib/ideas/db';
import type { Idea } from '../../lib/ideas/schema';
import { getIdeasByIds } from '../../lib/ideas/search-index';
import { createSimilarIndex, type SimilarIndex } from '../../lib/ideas/similar';

/** One similar idea as the sidebar shows it: the record, its score and words, its group's size. */
export interface SimilarHitView {
  idea: Idea;
  /** 0..1, shown in words (similarityWords). */
  score: number;
  /** Folded words and phrases both ideas use, heaviest first. */
  shared: string[];
  /** How many ideas its group has, when it is in one. */
  groupSize: number | null;
}

export interface SimilarNotice {
  /** The idea the moderator saved or asked about. */
  source: Idea;
  hits: SimilarHitView[];
  /** The moderator asked for it from a row: the panel takes focus. Not after a save. */
  focus: boolean;
  /**
   * Asked while the index was still being built (the first seconds after the
   * sidebar opened): only this many ideas, the newest, were searched. The
   * notice says so, and is looked up again once the index is complete.
   */
  searched?: number;
}

/** Ideas added to the index between two yields while it is built (a few ms each slice). */
const BUILD_SLICE = 250;

/** While the index is built, a save's notice searches what is built once it holds this many ideas. */
const PARTIAL_MIN = 1000;
/** The newest ideas read and indexed first, before the whole log. */
const RECENT_FIRST = 2000;

/**
 * The `count` newest ideas (by capturedAt), in two requests: a key cursor
 * from the newest steps back `count - 1` keys, then one getAll from there.
 */
async function readNewest(db: IdeasDb, count: number): Promise<Idea[]> {
  const index = db.transaction('ideas').store.index('capturedAt');
  const newest = await index.openKeyCursor(null, 'prev');
  if (!newest) return [];
  const oldest = count > 1 ? await newest.advance(count - 1) : newest;
  return oldest ? index.getAll(IDBKeyRange.lowerBound(oldest.key)) : index.getAll();
}

/** Hits shown at most; a notice longer than this is read by nobody. */
const LIMIT = 5;
/**
 * The score in words, so nobody has to read a cosine: "Rất giống" ≥ 0.5,
 * "Khá giống" ≥ 0.3, else "Hơi giống". On the labelled paraphrase set
 * (tests/fixtures/ideas/paraphrases.jsonl) true paraphrases score about
 * 0.2–0.6 and a wrong neighbour can reach 0.3: the words say how close, the
 * moderator decides what is the same idea.
 */
export function similarityWords(score: number): string {
  if (score >= 0.5) return t('idea_similarVery');
  if (score >= 0.3) return t('idea_similarQuite');
  return t('idea_similarSome');
}

/**
 * Lets the page handle input between two slices of work. Not setTimeout: a
 * page in a background tab gets its timers throttled to one a second, which
 * would stretch a 50-slice build to a minute. A message on a MessageChannel
 * is not throttled; scheduler.yield (Chromium) is the same idea, built in.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      done();
    };
    channel.port2.postMessage(null);
  });
}

/** A timing the benchmark reads (performance.getEntriesByName); nothing else uses it. */
function mark(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // An environment without User Timing Level 3: the figure is only for the benchmark.
  }
}

export type SimilarModel = ReturnType<typeof createSimilarModel>;

/**
 * "Similar ideas" in the sidebar. The index (lib/ideas/similar.ts) lives here,
 * in the sidebar's memory, beside the log's search index: the background
 * worker can be stopped at any time and would rebuild it on every wake-up,
 * and the content script must never hold the log. It is built once, lazily
 * (one getAll), then kept up to date incrementally: a save adds one idea (the
 * background names it in its change message), an idea found deleted is
 * removed when a query meets it. Only a change that brings many texts at once
 * (an import, a restore) marks it stale, to be rebuilt when next needed.
 */
export function createSimilarModel({
  getDb,
  readAll = (db) => db.getAll('ideas'),
}: {
  getDb: () => IdeasDb | null;
  /** Every idea, oldest first; the log shares its own read (the search index's) instead of a second one. */
  readAll?: (db: IdeasDb) => Promise<Idea[]>;
}) {
  const notice = signal<SimilarNotice | null>(null);
  /** Ids of the hits ticked for grouping. */
  const chosen = signal<ReadonlySet<string>>(new Set());
  /** What the polite live region says (the notice's first line, or "looking…"). */
  const status = signal('');

  let index: SimilarIndex | null = null;
  let building: Promise<SimilarIndex> | null = null;
  /** The index being built, newest ideas first: what a save during the build can already ask. */
  let partial: SimilarIndex | null = null;
  /** Resolves once `partial` holds the newest ideas (or the build is over). */
  let partialReady: Promise<void> = Promise.resolve();
  /** Resolves when the build is about to read the whole log (what warmUp's caller waits for). */
  let wholeReadNext: Promise<void> = Promise.resolve();
  /** Lookups answering from `partial`: their few reads go before the whole log's read, not behind it. */
  const earlyLookups = new Set<Promise<unknown>>();
  let version = 0;
  let asked = 0;
  let builds = 0;

  function ensureIndex(db: IdeasDb): Promise<SimilarIndex> {
    if (index) return Promise.resolve(index);
    if (!building) {
      const mine = version;
      let recentDone: () => void = () => undefined;
      let wholeReadStarts: () => void = () => undefined;
      partialReady = new Promise((done) => {
        recentDone = done;
      });
      wholeReadNext = new Promise((done) => {
        wholeReadStarts = done;
      });
      building = (async () => {
        const started = performance.now();
        const built = createSimilarIndex();
        if (mine === version) partial = built;
        builds++;
        // The newest ideas first, in one small read (milliseconds): a save in the
        // first seconds after opening finds its recent neighbours while the
        // whole log (a read of seconds at 50,000) is still on its way.
        try {
          for (const idea of await readNewest(db, RECENT_FIRST)) built.add(idea.id, idea.text);
        } catch {
          // The whole read below builds it all the same, only later.
        }
        recentDone();
        // The database answers requests in turn: a save's early lookup reads its
        // neighbours' records before the whole log is asked for, or it would
        // wait seconds behind it. A macrotask first, so a lookup woken by
        // recentDone has started.
        await yieldToPage();
        await Promise.allSettled([...earlyLookups]);
        wholeReadStarts();
        const all = await readAll(db);
        // In slices, yielding between them: 50,000 adds in one go would hold the
        // sidebar for seconds (a keystroke in the search box would wait). Newest
        // first: a save meanwhile finds its recent neighbours in what is built.
        for (let i = all.length - 1; i >= 0; i--) {
          const idea = all[i]!;
          // An idea already there was saved meanwhile (lookUp added it): its newer text stays.
          if (!built.has(idea.id)) built.add(idea.id, idea.text);
          if (i % BUILD_SLICE === 0 && i > 0) await yieldToPage();
        }
        // After markStale (version moved on) a newer build may be running: leave it be.
        if (mine === version) {
          index = built;
          building = null;
          partial = null;
        }
        mark('khcn-similar-build', started);
        return built;
      })();
      building.catch(() => {
        recentDone();
        wholeReadStarts();
        if (mine === version) {
          building = null;
          partial = null;
        }
      });
    }
    return building;
  }

  /** Many texts changed at once (import, restore): rebuild when next needed. */
  function markStale(): void {
    version++;
    index = null;
    building = null;
    partial = null;
  }

  /**
   * Builds the index ahead of the first save, so the first notice is as fast
   * as the rest. Resolves once the newest ideas are in (the small first read).
   */
  function warmUp(): Promise<void> {
    const db = getDb();
    if (!db) return Promise.resolve();
    void ensureIndex(db).catch(() => undefined);
    return wholeReadNext;
  }

  /**
   * The closest ideas to `source`, with their records (ideas deleted meanwhile
   * are dropped from the index). While the index is being built, what is built
   * so far (the newest ideas) answers at once; `searched` says how many.
   */
  async function lookUp(db: IdeasDb, source: Idea): Promise<{ hits: SimilarHitView[]; searched?: number }> {
    const whole = ensureIndex(db);
    if (!index) await Promise.race([whole.then(() => undefined), partialReady]);
    const early = index ? null : partial && partial.size >= PARTIAL_MIN ? partial : null;
    const similar = early ?? (await whole);
    const searched = early ? early.size : undefined;
    const answer = readHits(db, similar, source, early !== null);
    if (early) {
      earlyLookups.add(answer);
      const done = () => earlyLookups.delete(answer);
      answer.then(done, done);
    }
    return { hits: await answer, searched };
  }

  /** The query, the neighbours' records and their groups' sizes. */
  async function readHits(
    db: IdeasDb,
    similar: SimilarIndex,
    source: Idea,
    early: boolean,
  ): Promise<SimilarHitView[]> {
    const started = performance.now();
    if (!similar.has(source.id)) similar.add(source.id, source.text);
    const hits = similar.query(source.text, { limit: LIMIT, exclude: source.id });
    const records = await getIdeasByIds(
      db,
      hits.map((hit) => hit.id),
    );
    const byId = new Map(records.map((idea) => [idea.id, idea]));
    for (const hit of hits) if (!byId.has(hit.id)) similar.remove(hit.id);
    const groups = [...new Set(records.map((idea) => idea.groupId).filter((g): g is string => g !== null))];
    const sizes = new Map(
      await Promise.all(
        groups.map(async (g) => [g, await db.countFromIndex('ideas', 'groupId', g)] as const),
      ),
    );
    // The benchmark reads it (scripts/bench/groups.ts): query, neighbours and their groups, no render.
    mark(early ? 'khcn-similar-lookup-partial' : 'khcn-similar-lookup', started);
    return hits.flatMap((hit) => {
      const idea = byId.get(hit.id);
      if (!idea) return [];
      return [
        {
          idea,
          score: hit.score,
          shared: hit.shared,
          groupSize: idea.groupId ? (sizes.get(idea.groupId) ?? null) : null,
        },
      ];
    });
  }

  /** Shows the notice for `source` ("Tìm ý tưởng tương tự", or after a save). */
  async function findFor(source: Idea, focus = false): Promise<void> {
    const db = getDb();
    if (!db) return;
    const mine = ++asked;
    status.value = t('idea_similarLoading');
    const { hits, searched } = await lookUp(db, source);
    if (mine !== asked) return;
    notice.value = searched === undefined ? { source, hits, focus } : { source, hits, focus, searched };
    if (searched !== undefined) {
      // Once the whole log is indexed, the same notice again over all of it (unless another took its place).
      void ensureIndex(db).then(
        () => {
          if (mine === asked) void findFor(source, false);
        },
        () => undefined,
      );
    }
    // Only the closest is ticked ahead (right 97 % of the time on the labelled set,
    // docs/idea-pipeline.md); the others wait for the moderator's yes.
    const top = hits[0];
    const alreadyTogether =
      top !== undefined && source.groupId !== null && top.idea.groupId === source.groupId;
    chosen.value = new Set(top && !alreadyTogether ? [top.idea.id] : []);
    status.value = hits.length ? t('idea_similarFound', String(hits.length)) : t('idea_similarNone');
  }

  /**
   * The background saved an idea from the page: add (or replace) it in the
   * index — one add, never a rebuild — and, for a new idea, show what is similar.
   */
  async function onSaved(idea: Idea, created: boolean): Promise<void> {
    const db = getDb();
    if (!db) return;
    (index ?? partial)?.add(idea.id, idea.text);
    if (created) await findFor(idea);
  }

  /** After the log changed (a grouping, its Undo): the open notice shows the ideas as they are now. */
  async function refresh(): Promise<void> {
    const db = getDb();
    const open = notice.peek();
    if (!db || !open) return;
    const [source] = await getIdeasByIds(db, [open.source.id]);
    if (source) await findFor(source);
    else close();
  }

  function toggle(id: string, on: boolean): void {
    const next = new Set(chosen.value);
    if (on) next.add(id);
    else next.delete(id);
    chosen.value = next;
  }

  function close(): void {
    asked++;
    notice.value = null;
    chosen.value = new Set();
    status.value = '';
  }

  return {
    notice,
    chosen,
    status,
    warmUp,
    markStale,
    findFor,
    onSaved,
    refresh,
    toggle,
    close,
    /** True once the index is built: a lookup then costs milliseconds. */
    ready: () => index !== null,
    /** For tests and the benchmark: how many ideas the index holds (0 before it is built). */
    indexSize: () => index?.size ?? 0,
    /** For tests: how many times the index was built from the whole log. */
    indexBuilds: () => builds,
  };
}
