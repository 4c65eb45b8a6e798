import { type CommentGlance, glanceComment } from './extract';
import { ARTICLE_ANY, POST, POST_DIALOG } from './selectors';

/** The marker every recognised comment article carries (docs/contracts.md). */
export const COMMENT_MARKER = 'data-khcn-comment';

/** The node the page shows now for a comment id (the one the watcher marked last), or null. */
export function markedComment(id: string, root: ParentNode = document): Element | null {
  return root.querySelector(`[${COMMENT_MARKER}="${CSS.escape(id)}"]`);
}

/** Our own in-page UI lives under `khcn-` elements (a contract); the watcher never reads it. */
const OWN_UI_PREFIX = 'khcn-';

export interface WatchedComment {
  /** Id, parent id and words: what marking and flagging need. The rest: `extractComment(element, pageUrl, …)`. */
  seen: CommentGlance;
  element: Element;
  /** The page's address when the comment was read (a permalink's fallback, the post id). */
  pageUrl: string;
  /**
   * `new`: first time this comment id is seen. `rerendered`: Facebook rendered
   * a known comment in a new node (re-decorate it). `updated`: a known node's
   * words changed — "Xem thêm" expanded it, or its author edited it.
   */
  kind: 'new' | 'rerendered' | 'updated';
}

export interface WatcherStats {
  /** Distinct comment ids recognised. */
  seen: number;
  /** Comment articles on the page without an id (still being posted, or a layout change). */
  droppedNoId: number;
  /** Articles that are not comments (posts), and post dialogs: the page shows posts. */
  articlesWithoutComments: number;
  /** Known comments Facebook rendered again in a new node. */
  rerendered: number;
  /** Batches run so far. */
  batches: number;
  /** When the watcher started (ms, from `now`). */
  startedAt: number;
  /** When the first comment was recognised, or null. */
  firstCommentAt: number | null;
}

/** Runs `work` later, in one batch; returns a cancel function. */
export type Schedule = (work: () => void) => () => void;

export interface WatcherOptions {
  root: Node;
  onComments: (batch: WatchedComment[]) => void;
  onStats?: (stats: WatcherStats) => void;
  schedule?: Schedule;
  pageUrl: () => string;
  now?: () => number;
}

export interface CommentWatcher {
  stop(): void;
  stats(): WatcherStats;
  /** Runs a pending batch now (tests, and before the content script reads the page). */
  flush(): void;
}

/** A hidden tab draws no frames: its batches wait this long on a timer instead. */
export const HIDDEN_TAB_DELAY_MS = 100;

/**
 * The next animation frame: the batch then runs just before the frame that
 * draws the page's new comments, so our markers and buttons are styled and laid
 * out in that same pass. An idle callback ran after it and made the browser lay
 * the page out a second time for every batch (measured: the page's style, layout
 * and paint went from 1.6-2.4 s to 4.4-4.7 s over the bench; with the frame,
 * 2.5-2.8 s). A hidden tab draws no frames, so there a timer runs the batch; a
 * tab hidden after the request runs it before its first frame when shown again,
 * so nothing unmarked is ever drawn. A timer alone where there are no frames.
 */
export function defaultSchedule(
  win: Window & typeof globalThis = globalThis as Window & typeof globalThis,
): Schedule {
  return (work) => {
    if (typeof win.requestAnimationFrame !== 'function' || win.document?.visibilityState === 'hidden') {
      const handle = setTimeout(work, HIDDEN_TAB_DELAY_MS);
      return () => clearTimeout(handle);
    }
    const handle = win.requestAnimationFrame(() => work());
    return () => win.cancelAnimationFrame(handle);
  };
}

const OBSERVED: MutationObserverInit = { childList: true, subtree: true };

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** Elements, documents and fragments: what can hold comment articles. */
function isParent(node: Node): node is Node & ParentNode {
  return node.nodeType === 1 || node.nodeType === 9 || node.nodeType === 11;
}

/**
 * Watches `root` for comments as Facebook streams them in. The mutation
 * callback only queues added nodes (Facebook mutates thousands of nodes per
 * scroll); one scheduled batch finds the comment articles among them, reads
 * them and marks them. Seen comments are keyed by id, not node, because
 * Facebook re-renders threads into new nodes.
 */
export function createCommentWatcher(opts: WatcherOptions): CommentWatcher {
  const now = opts.now ?? (() => Date.now());
  const schedule = opts.schedule ?? defaultSchedule();
  const stats: WatcherStats = {
    seen: 0,
    droppedNoId: 0,
    articlesWithoutComments: 0,
    rerendered: 0,
    batches: 0,
    startedAt: now(),
    firstCommentAt: null,
  };

  const seenIds = new Set<string>();
  /** Nodes already read, with the id and words they showed (a recycled node shows another). */
  const processed = new WeakMap<Element, CommentGlance>();
  /**
   * Nodes without an id yet: read again when their subtree changes. A Set, not
   * a WeakSet, so the batch can forget the ones Facebook removed (a comment
   * "being posted" is replaced by a new node once it has its id).
   */
  const waitingForId = new Set<Element>();
  const countedNonComments = new WeakSet<Element>();

  let queue: Node[] = [];
  let cancel: (() => void) | null = null;
  let stopped = false;

  const request = () => {
    if (!cancel && !stopped) cancel = schedule(runBatch);
  };

  /**
   * Indexed loops: this runs for every mutation Facebook makes anywhere in
   * the page, and a NodeList iterator is an object per record.
   */
  const queueAdded = (records: readonly MutationRecord[]) => {
    for (let r = 0; r < records.length; r++) {
      const added = records[r]!.addedNodes;
      for (let i = 0; i < added.length; i++) queue.push(added[i]!);
    }
  };

  const observer = new MutationObserver((records) => {
    queueAdded(records);
    // Nothing added: a batch is still due when a comment waiting for its id may have been removed.
    if (queue.length || waitingForId.size) request();
  });

  const postSelector = `${POST}, ${POST_DIALOG}`;
  /** Only until the first comment is recognised: it feeds the layout warning and nothing else. */
  function countPosts(node: ParentNode) {
    const posts = Array.from(node.querySelectorAll(postSelector));
    if (isElement(node) && node.matches(postSelector)) posts.push(node);
    for (const el of posts) countNonComment(el);
  }
  function countNonComment(el: Element) {
    if (countedNonComments.has(el)) return;
    countedNonComments.add(el);
    stats.articlesWithoutComments += 1;
  }

  /**
   * Reads one article; false when it is not a comment at all. A known node
   * is read again only because something was added inside it: reported when
   * it now shows other words ("Xem thêm" opened) or another comment (React
   * recycled the node), silent for a like count or a reaction.
   */
  function read(article: Element, out: WatchedComment[]): boolean {
    const previous = processed.get(article);
    const seen = glanceComment(article);
    if (typeof seen === 'string') {
      if (seen === 'no-id' && !waitingForId.has(article)) {
        waitingForId.add(article);
        stats.droppedNoId += 1;
      }
      return seen !== 'not-a-comment';
    }
    if (waitingForId.has(article)) {
      waitingForId.delete(article);
      stats.droppedNoId -= 1;
    }
    let kind: WatchedComment['kind'];
    if (previous?.id === seen.id) {
      if (previous.text === seen.text) return true;
      kind = 'updated';
    } else if (seenIds.has(seen.id)) kind = 'rerendered';
    else kind = 'new';
    processed.set(article, seen);
    if (article.getAttribute(COMMENT_MARKER) !== seen.id) article.setAttribute(COMMENT_MARKER, seen.id);
    if (kind === 'new') {
      seenIds.add(seen.id);
      stats.seen += 1;
      stats.firstCommentAt ??= now();
    } else if (kind === 'rerendered') {
      stats.rerendered += 1;
    }
    out.push({ seen, element: article, pageUrl: batchPage.url, kind });
    return true;
  }

  /** Read once per batch: `location.href` is not free, and a batch is one moment. */
  const batchPage = { url: '' };

  function runBatch() {
    cancel = null;
    if (stopped) return;
    batchPage.url = opts.pageUrl();
    const nodes = queue;
    queue = [];
    const out: WatchedComment[] = [];
    const visited = new Set<Element>();
    for (const node of nodes) {
      // The save button we add to every comment is itself an addition inside
      // that comment: without this, each batch would read again every comment
      // the previous batch decorated.
      if (isElement(node) && node.localName.startsWith(OWN_UI_PREFIX)) continue;
      if (!node.isConnected) continue;
      // The node itself when it is an article; else the article it was added
      // into (its timestamp link arriving, "Xem thêm" expanding), which makes
      // that comment worth reading again.
      const host = isElement(node) ? node.closest(ARTICLE_ANY) : node.parentElement?.closest(ARTICLE_ANY);
      if (host && !visited.has(host)) {
        visited.add(host);
        if (!read(host, out) && stats.seen === 0) countNonComment(host);
      }
      if (!isParent(node)) continue;
      const articles = node.querySelectorAll(ARTICLE_ANY);
      for (let i = 0; i < articles.length; i++) {
        const article = articles[i]!;
        if (visited.has(article)) continue;
        visited.add(article);
        if (!read(article, out) && stats.seen === 0) countNonComment(article);
      }
      if (stats.seen === 0) countPosts(node);
    }
    for (const article of waitingForId) {
      if (!article.isConnected) {
        waitingForId.delete(article);
        stats.droppedNoId -= 1;
      }
    }
    stats.batches += 1;
    if (out.length) reportQuietly(out);
    opts.onStats?.({ ...stats });
  }

  /**
   * What `onComments` adds to the page (the tools inside every comment) is
   * not for the watcher to read: it runs with the observer off, so those
   * additions make no mutation records at all. Records the page made before
   * are kept (there are none within one task; this is a safety net).
   */
  function reportQuietly(out: WatchedComment[]) {
    queueAdded(observer.takeRecords());
    observer.disconnect();
    try {
      opts.onComments(out);
    } finally {
      if (!stopped) {
        observer.observe(opts.root, OBSERVED);
        if (queue.length) request();
      }
    }
  }

  observer.observe(opts.root, OBSERVED);
  // What the page already shows is read in the first batch, like any addition.
  queue.push(opts.root);
  request();

  return {
    stop() {
      stopped = true;
      observer.disconnect();
      cancel?.();
      cancel = null;
      queue = [];
      waitingForId.clear();
    },
    stats: () => ({ ...stats }),
    flush() {
      if (cancel) {
        cancel();
        runBatch();
      }
    },
  };
}

/** Whether the layout looks recognised; the panel words the warning (`layoutWarning` in the string table). */
export interface LayoutHealth {
  ok: boolean;
}

/**
 * Whether Facebook's layout still looks like what the selectors expect: a
 * watched page that shows posts (or comment-like articles without ids) for
 * `graceMs` with no comment recognised has most likely changed its markup.
 */
export function layoutHealth(
  stats: WatcherStats,
  opts: { now: number; watched: boolean; graceMs?: number },
): LayoutHealth {
  const graceMs = opts.graceMs ?? 10_000;
  const showsSomething = stats.articlesWithoutComments > 0 || stats.droppedNoId > 0;
  const waited = opts.now - stats.startedAt >= graceMs;
  if (opts.watched && waited && stats.seen === 0 && showsSomething) {
    return { ok: false };
  }
  return { ok: true };
}
