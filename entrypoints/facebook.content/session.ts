import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Correction } from '../../lib/corrections/schema';
import type { Comment } from '../../lib/facebook/comment';
import { extractComment } from '../../lib/facebook/extract';
import {
  COMMENT_MARKER,
  type CommentWatcher,
  createCommentWatcher,
  layoutHealth,
  markedComment,
  type WatchedComment,
} from '../../lib/facebook/watcher';
import type { RulePack } from '../../lib/flags/schema';
import { t } from '../../lib/i18n';
import type { FlaggedComment, FlagSummary, InsertReplyResult, PageState } from '../../lib/messages';
import { sendMessage } from '../../lib/messaging';
import { loadActiveReplies, loadActiveRulePack } from '../../lib/packs/storage';
import { loadPanelPrefs, savePanelPrefs } from '../../lib/settings/panel-prefs';
import type { Settings } from '../../lib/settings/schema';
import { decorateComment, listenForToolClicks, undecorateAll } from './comment-tools';
import { type CorrectionOf, fetchCorrections, sendCorrection } from './corrections';
import { expandCutComment } from './expand';
import { flagsFor, setFlagRules, warmUpJudge } from './flag-comments';
import { countFlags, tieFlagStatsTo } from './flag-stats';
import { nextTask } from './next-task';
import { createPanelModel, mountPanel, type PanelModel, type Toast } from './panel';
import { ReplyAssist } from './reply-assist';
import { setReplyLibrary } from './reply-library';
import type { PageActions } from './requests';
import { sendIdeaToBackground } from './save-idea';
import { facebookIsDark } from './shadow';
import { planStats } from './stats-schedule';

/**
 * A comment the watcher saw: its id and words, flagged. The rest of it is
 * read from its node when something needs it (`commentFor`).
 */
interface SeenComment extends Omit<WatchedComment, 'kind' | 'element'> {
  /**
   * Its node, held weakly: the session lasts as long as the moderator stays on
   * the fanpage, across posts opened and closed all day, and a strong hold
   * would keep every removed comment's DOM alive with it.
   */
  node: WeakRef<Element>;
  flags: FlagSummary[];
  /** The full reading, once made. */
  full: Comment | null;
}

/** The flag verdicts among the corrections, as one string (ids in order): equal means the same flags. */
function flagVerdictsKey(corrections: readonly Correction[]): string {
  return corrections
    .filter((c) => c.kind !== 'reply-chosen')
    .map((c) => c.id)
    .join(' ');
}

/**
 * Everything the content script does on one watched page: watches comments,
 * flags them, decorates them, keeps the counts, and answers the sidebar. It
 * ends when the page is left, the settings change, or the extension reloads.
 */
export class PageSession implements PageActions {
  readonly comments = new Map<string, SeenComment>();
  private readonly flaggedIds = new Set<string>();
  readonly panel: PanelModel = createPanelModel(
    () => void this.replies.openPalette({ help: true }),
    (collapsed) => void savePanelPrefs({ collapsed }).catch(() => undefined),
  );
  /** Follows the composer in use; owns the comment being answered. */
  readonly replies: ReplyAssist;
  private readonly stops: (() => void)[] = [];
  private pushTimer: ReturnType<typeof setTimeout> | null = null;
  private toastTimer: ReturnType<typeof setTimeout> | null = null;
  private flagCursor = -1;
  private stopped = false;
  /** Set once a sidebar asked for this tab's state: until then nobody listens to pushes. */
  private sidebarListening = false;
  private watcher: CommentWatcher | null = null;
  /** The rule pack this session judges with (its corrections are fetched again when they change). */
  private rulePack: RulePack | null = null;
  /** Which flag verdicts ("Không đúng", "Gắn cờ…") the page's flags were worked out with. */
  private flagVerdicts = '';

  /** Ends with the session (page left, settings or packs changed) or with the content script. */
  private readonly lifetime = new AbortController();
  readonly signal: AbortSignal;

  constructor(
    readonly ctx: ContentScriptContext,
    readonly settings: Settings,
  ) {
    this.signal = AbortSignal.any([ctx.signal, this.lifetime.signal]);
    tieFlagStatsTo(ctx.signal);
    this.replies = new ReplyAssist({
      ctx: this.ctx,
      settings: this.settings,
      knownFlags: (commentId, text) => {
        const seen = this.comments.get(commentId);
        return seen && seen.seen.text === text ? seen.flags : undefined;
      },
      onCurrentChange: () => this.schedulePush(),
      showToast: (text, kind) => this.showToast(text, kind),
      // The reply the moderator chose is the comment's intent: the judgement learns it.
      onReplyChosen: (comment, intent) => void this.correct(comment.id, { kind: 'reply-chosen', intent }),
    });
  }

  async start(): Promise<void> {
    // The moderator's own packs, or the defaults; a stored pack that no
    // longer parses falls back to the default (and says so in the console).
    const [replies, rules, corrections] = await Promise.all([
      loadActiveReplies(),
      loadActiveRulePack(),
      fetchCorrections(),
    ]);
    setReplyLibrary(replies);
    this.rulePack = rules;
    // Parsing the packs and compiling the rules are each tens of milliseconds:
    // give the page a turn between them so neither joins a long task.
    await nextTask();
    setFlagRules(rules, corrections);
    this.flagVerdicts = flagVerdictsKey(corrections);
    await nextTask();
    await warmUpJudge(this.signal);
    if (this.stopped) return;
    this.panel.collapsed.value = (await loadPanelPrefs()).collapsed;
    const panelUi = await mountPanel(this.ctx, this.panel);
    this.stops.push(() => panelUi.remove());
    this.replies.start(this.signal);
    this.stops.push(() => this.replies.stop());
    listenForToolClicks(
      {
        save: (id) => {
          const comment = this.commentFor(id);
          if (comment) void this.save(comment);
        },
        dismiss: (id, category) => void this.correct(id, { kind: 'not-a-problem', categories: [category] }),
        flagAs: (id, category) => void this.correct(id, { kind: 'flag-as', categories: [category] }),
      },
      this.signal,
    );

    const watcher = createCommentWatcher({
      root: document.body,
      pageUrl: () => location.href,
      onComments: (batch) => this.onComments(batch),
      onStats: () => this.scheduleStats(),
    });
    this.stops.push(() => watcher.stop());
    this.watcher = watcher;

    // The layout check needs time to pass without comments: look again later.
    const healthTimer = this.ctx.setInterval(() => this.refreshStats(), 5_000);
    this.stops.push(() => clearInterval(healthTimer));
  }

  stop(): void {
    this.stopped = true;
    this.lifetime.abort();
    for (const stop of this.stops.splice(0)) stop();
    if (this.pushTimer) clearTimeout(this.pushTimer);
    if (this.toastTimer) clearTimeout(this.toastTimer);
    if (this.statsTimer) clearTimeout(this.statsTimer);
    undecorateAll(document);
    for (const marked of document.querySelectorAll(`[${COMMENT_MARKER}]`))
      marked.removeAttribute(COMMENT_MARKER);
  }

  private onComments(batch: WatchedComment[]): void {
    const dark = facebookIsDark();
    for (const watched of batch) {
      const { id, text } = watched.seen;
      const known = this.comments.get(id);
      // Flags are computed once per text: re-rendered nodes reuse them.
      const flags = known && known.seen.text === text ? known.flags : flagsFor(text);
      this.comments.set(id, {
        seen: watched.seen,
        node: new WeakRef(watched.element),
        pageUrl: watched.pageUrl,
        flags,
        full: null,
      });
      if (flags.length > 0) this.flaggedIds.add(id);
      else this.flaggedIds.delete(id);
      decorateComment(watched.element, id, flags, dark);
      countFlags(id, flags);
    }
    this.scheduleStats();
    this.schedulePush();
  }

  /**
   * A seen comment read in full from its node (author, permalink, time,
   * "Xem thêm"), once; null when the page no longer shows it.
   */
  commentFor(id: string): Comment | null {
    const seen = this.comments.get(id);
    if (!seen) return null;
    if (seen.full) return seen.full;
    const read = (node: Element | null) => {
      if (!node) return null;
      const result = extractComment(node, seen.pageUrl, this.settings.watchedPages);
      return result.ok && result.comment.id === id ? result.comment : null;
    };
    // Facebook may have replaced the node since, or given it to another
    // comment: then the page's current node for this id is read (queried
    // only then), and a detached node (if not yet collected) as the last resort.
    const element = seen.node.deref() ?? null;
    const connected = element?.isConnected === true;
    seen.full =
      (connected ? read(element) : null) ?? read(markedComment(id)) ?? (connected ? null : read(element));
    return seen.full;
  }

  private statsTimer: ReturnType<typeof setTimeout> | null = null;
  private statsShownAt = Number.NEGATIVE_INFINITY;
  /**
   * The counts are for reading, not for every batch: while comments stream
   * in, the panel is redrawn at most once a second (each redraw measured
   * 100–200 µs of the page's time, as much as reading a few comments). The
   * first change after a quiet second is shown at once: the page's first
   * comments never sit under a panel that still says 0. A due redraw is made
   * by the batch (in its frame), not by a timer of its own: see `planStats`.
   */
  private scheduleStats(): void {
    if (this.stopped) return;
    const plan = planStats(performance.now(), this.statsShownAt);
    if (plan.kind === 'draw') {
      this.refreshStats();
      return;
    }
    if (this.statsTimer) return;
    this.statsTimer = setTimeout(() => {
      this.statsTimer = null;
      this.refreshStats();
    }, plan.ms);
  }

  private refreshStats(): void {
    if (this.stopped || !this.watcher) return;
    if (this.statsTimer) {
      clearTimeout(this.statsTimer);
      this.statsTimer = null;
    }
    this.statsShownAt = performance.now();
    const stats = this.watcher.stats();
    const shown = this.panel.stats.peek();
    const flagged = this.flaggedIds.size;
    if (shown.seen !== stats.seen || shown.flagged !== flagged || shown.droppedNoId !== stats.droppedNoId)
      this.panel.stats.value = { seen: stats.seen, flagged, droppedNoId: stats.droppedNoId };
    this.panel.layoutWarning.value = !layoutHealth(stats, { now: Date.now(), watched: true }).ok;
  }

  /**
   * The moderator corrected the judgement on a comment: recorded by the
   * background, which tells every tab to judge again.
   */
  async correct(commentId: string, of: CorrectionOf): Promise<void> {
    const seen = this.comments.get(commentId);
    if (!seen) return;
    const sent = await sendCorrection({ id: commentId, text: seen.seen.text }, of);
    // The reply chosen is a quiet lesson: its failure must not replace "reply inserted".
    if (of.kind === 'reply-chosen') {
      if (!sent.ok) console.warn(`[khcn] ${t('correctionFailed', sent.error)}`);
      return;
    }
    if (!sent.ok) {
      this.showToast(t('correctionFailed', sent.error), 'error');
      return;
    }
    const category = t(`category_${of.categories[0]!}`);
    // The background announces the change (storage.local), and every tab, this one
    // included, judges its comments again (`relearn`) once.
    this.showToast(t(of.kind === 'flag-as' ? 'correctionFlagged' : 'correctionDismissed', category), 'ok');
  }

  /** The corrections changed (here or in another tab, or in Options): flags are worked out again. */
  async relearn(): Promise<void> {
    if (this.stopped || !this.rulePack) return;
    const corrections = await fetchCorrections();
    if (this.stopped) return;
    setFlagRules(this.rulePack, corrections);
    // A reply chosen teaches intents, not flags: the page's flags stand as they are.
    const verdicts = flagVerdictsKey(corrections);
    if (verdicts === this.flagVerdicts) return;
    this.flagVerdicts = verdicts;
    const dark = facebookIsDark();
    for (const [id, seen] of this.comments) {
      const flags = flagsFor(seen.seen.text);
      seen.flags = flags;
      if (flags.length > 0) this.flaggedIds.add(id);
      else this.flaggedIds.delete(id);
      const element = seen.node.deref();
      const article = element?.isConnected ? element : markedComment(id);
      if (article) decorateComment(article, id, flags, dark);
    }
    this.scheduleStats();
    this.schedulePush();
  }

  showToast(text: string, kind: Toast['kind']): void {
    this.panel.toast.value = { text, kind };
    if (this.toastTimer) clearTimeout(this.toastTimer);
    // Errors stay until the next message: the moderator must be able to read them.
    if (kind !== 'error') this.toastTimer = setTimeout(() => (this.panel.toast.value = null), 4_000);
  }

  async save(comment: Comment): Promise<boolean> {
    if (comment.truncated) {
      const element = markedComment(comment.id);
      if (element) comment = await expandCutComment(element, comment, this.settings.watchedPages);
      const seen = this.comments.get(comment.id);
      if (seen && !comment.truncated) seen.full = comment;
    }
    const flags = this.comments.get(comment.id)?.flags ?? [];
    const outcome = await sendIdeaToBackground(comment, flags, location.href, () => this.ctx.isValid);
    this.showToast(outcome.message, outcome.ok ? 'ok' : 'error');
    return outcome.ok;
  }

  saveCurrent(): Promise<boolean> {
    const current = this.replies.current;
    return current ? this.save(current.comment) : Promise.resolve(false);
  }

  insertReply(replyId: string): Promise<InsertReplyResult> {
    return this.replies.insert(replyId);
  }

  /** Flagged comments in page order (what "next flagged" walks through). */
  flaggedElements(): Element[] {
    return Array.from(document.querySelectorAll(`[${COMMENT_MARKER}][data-khcn-flags]`));
  }

  jumpTo(commentId: string): boolean {
    const element = markedComment(commentId);
    if (!element) return false;
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    // Focus lands on our own button inside the comment: Facebook's nodes stay untouched.
    const tools = element.querySelector('khcn-comment-tools');
    (tools?.shadowRoot?.querySelector('button') as HTMLElement | null)?.focus({ preventScroll: true });
    const flagged = this.flaggedElements();
    const index = flagged.indexOf(element);
    if (index >= 0) this.flagCursor = index;
    return true;
  }

  /** Moves to the next (+1) or previous (-1) flagged comment, wrapping around. */
  stepFlagged(direction: 1 | -1): void {
    const flagged = this.flaggedElements();
    if (flagged.length === 0) {
      this.showToast(t('noFlagged'), 'info');
      return;
    }
    this.flagCursor = (this.flagCursor + direction + flagged.length) % flagged.length;
    this.jumpTo(flagged[this.flagCursor]!.getAttribute(COMMENT_MARKER)!);
  }

  stateForSidebar(): PageState {
    this.sidebarListening = true;
    return this.state();
  }

  state(): PageState {
    const stats = this.panel.stats.value;
    const current = this.replies.current;
    const flagged: FlaggedComment[] = [];
    for (const { seen, flags, node } of this.comments.values()) {
      if (flags.length === 0) continue;
      // The list is of this page: a comment of a post the moderator has left
      // cannot be jumped to. (A re-rendered comment's entry holds its new node.)
      if (node.deref()?.isConnected !== true) continue;
      flagged.push({
        commentId: seen.id,
        // Only flagged comments are read in full here, and only once each.
        author: this.commentFor(seen.id)?.author ?? '',
        excerpt: seen.text.slice(0, 160),
        categories: [...new Set(flags.map((f) => f.category))],
        flags,
      });
    }
    return {
      url: location.href,
      watched: true,
      stats,
      layoutWarning: this.panel.layoutWarning.value,
      current: current
        ? { comment: current.comment, flags: current.flags, suggestions: this.replies.suggestions }
        : null,
      flagged,
    };
  }

  /** Tells an open sidebar that something changed; batched, and silent when no sidebar listens. */
  schedulePush(): void {
    if (this.pushTimer || this.stopped || !this.sidebarListening) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      if (!this.ctx.isValid) return;
      sendMessage({ type: 'page:state', state: this.state() }).catch(() => undefined);
    }, 250);
  }
}
