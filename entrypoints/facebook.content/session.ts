import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Correction } from '../../lib/corrections/schema';
import type { Comment } from '../../lib/facebook/comment';
import { extractComment } from '../../lib/facebook/extract';
import {
  COMMENT_MARKER,
  type CommentWatcher,
  createCommentWatcher,
  defaultSchedule,
  layoutHealth,
  markedComment,
  type WatchedComment,
} from '../../lib/facebook/watcher';
import type { RulePack } from '../../lib/flags/schema';
import { t } from '../../lib/i18n';
import { flagsFor, useFlagRules } from '../../lib/judge/active';
import type { FlaggedComment, FlagSummary, InsertReplyResult, PageState } from '../../lib/messages';
import { sendMessage } from '../../lib/messaging';
import { loadActiveReplies, loadActiveRulePack } from '../../lib/packs/storage';
import { loadPanelPrefs, savePanelPrefs } from '../../lib/settings/panel-prefs';
import type { Settings } from '../../lib/settings/schema';
import { decorateComment, listenForToolClicks, prepareTools, undecorateAll } from './comment-tools';
import { type CorrectionOf, fetchCorrections, sendCorrection } from './corrections';
import { expandCutComment } from './expand';
import { applyJudged, type JudgedComment } from './flag-apply';
import { tieFlagStatsTo } from './flag-stats';
import { type Asked, askBackground, judgeComments, NO_FLAGS } from './judge-requests';
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
interface SeenComment extends Omit<WatchedComment, 'kind' | 'element'>, Omit<JudgedComment, 'seen'> {
  /**
   * Its node, held weakly: the session lasts as long as the moderator stays on
   * the fanpage, across posts opened and closed all day, and a strong hold
   * would keep every removed comment's DOM alive with it.
   */
  node: WeakRef<Element>;
  /** The full reading, once made. */
  full: Comment | null;
}

/**
 * How long the judge's answer may wait for a frame the page draws anyway
 * before it is written on its own. Written outside the page's frames, the
 * flags of each batch cost the page a frame of their own: on the replica's
 * bench page (3,000 comments) that doubled its style, layout and paint (6.9
 * → 11.3–12.5 s over the run; docs/benchmarks.md, fifth round).
 */
export const FLAGS_WAIT_FOR_FRAME_MS = 250;

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
  /** Numbers the judge requests: a comment shows the answer to the last one that asked for it. */
  private askTicket = 0;
  /** Answers of the judge not yet written: they wait for the page's next frame (`writeWaitingFlags`). */
  private waitingFlags: { asked: Asked[]; ticket: number; flags: FlagSummary[][] }[] = [];
  private waitingTimer: ReturnType<typeof setTimeout> | null = null;
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
        return seen && seen.seen.text === text ? (seen.flags ?? undefined) : undefined;
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
    // The page's comments are judged in the background: wake it (a service
    // worker may be asleep) and have it compile and warm its judge while the
    // panel mounts. The page's own judge (reply assistant, fallback) is
    // compiled only if it is used.
    void askBackground([], false);
    useFlagRules(rules, corrections);
    this.flagVerdicts = flagVerdictsKey(corrections);
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

    prepareTools();
    const frame = defaultSchedule();
    const watcher = createCommentWatcher({
      root: document.body,
      pageUrl: () => location.href,
      onComments: (batch) => this.onComments(batch),
      onStats: () => this.scheduleStats(),
      // The watcher's batch runs at the frame that draws what the page just
      // changed: the judge's answers waiting by then are written in it too.
      schedule: (work) =>
        frame(() => {
          work();
          this.writeWaitingFlags();
        }),
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
    if (this.waitingTimer) clearTimeout(this.waitingTimer);
    undecorateAll(document);
    for (const marked of document.querySelectorAll(`[${COMMENT_MARKER}]`))
      marked.removeAttribute(COMMENT_MARKER);
  }

  /**
   * A batch of comments shown: each is marked and gets its tools at once (the
   * contracts); the new ones (or with new words) are sent to the background
   * to be judged, and their flags are written when the answer comes
   * (`judge`, at the page's next frame). A node Facebook rendered again with the same words keeps its
   * comment's flags, or its place in the request still out.
   */
  private onComments(batch: WatchedComment[]): void {
    const dark = facebookIsDark();
    const asked: Asked[] = [];
    const ticket = ++this.askTicket;
    for (const watched of batch) {
      const { id, text } = watched.seen;
      const known = this.comments.get(id);
      const same = known !== undefined && known.seen.text === text;
      const flags = same ? known.flags : null;
      this.comments.set(id, {
        seen: watched.seen,
        node: new WeakRef(watched.element),
        pageUrl: watched.pageUrl,
        flags,
        asked: same ? known.asked : ticket,
        full: null,
      });
      if (!same) asked.push({ id, text });
      if (flags && flags.length > 0) this.flaggedIds.add(id);
      else this.flaggedIds.delete(id);
      decorateComment(watched.element, id, flags ?? NO_FLAGS, dark);
    }
    if (asked.length > 0) void this.judge(asked, ticket, true);
    this.scheduleStats();
    this.schedulePush();
  }

  /**
   * Judges comments (in the background, or here if it cannot answer) and
   * writes their flags: `data-khcn-flags` and the badges on each comment
   * still shown, the counts, the sidebar. `count`: newly seen comments, for
   * the day's flag counts.
   */
  private async judge(asked: Asked[], ticket: number, count: boolean): Promise<void> {
    const flags = await judgeComments(asked, count);
    if (this.stopped) return;
    this.waitingFlags.push({ asked, ticket, flags });
    this.waitingTimer ??= setTimeout(() => this.writeWaitingFlags(), FLAGS_WAIT_FOR_FRAME_MS);
  }

  /**
   * Writes the judge's answers that came since the last frame: in the
   * watcher's batch at the page's next frame, or after
   * FLAGS_WAIT_FOR_FRAME_MS when the page draws nothing (a quiet thread).
   */
  private writeWaitingFlags(): void {
    if (this.waitingTimer) clearTimeout(this.waitingTimer);
    this.waitingTimer = null;
    if (this.stopped || this.waitingFlags.length === 0) return;
    let changed = 0;
    for (const { asked, ticket, flags } of this.waitingFlags.splice(0))
      changed += this.writeFlags(asked, ticket, flags);
    if (changed === 0) return;
    this.scheduleStats();
    this.schedulePush();
  }

  private writeFlags(asked: Asked[], ticket: number, flags: FlagSummary[][]): number {
    let dark: boolean | undefined;
    return applyJudged(this.comments, asked, ticket, flags, (id, seen, before) => {
      const now = seen.flags ?? NO_FLAGS;
      if (now.length > 0) this.flaggedIds.add(id);
      else this.flaggedIds.delete(id);
      // Shown without flags while it was judged: nothing to redraw.
      if (now.length === 0 && (before === null || before.length === 0)) return;
      const element = seen.node.deref();
      const article = element?.isConnected ? element : markedComment(id);
      dark ??= facebookIsDark();
      if (article) decorateComment(article, id, now, dark);
    });
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
    useFlagRules(this.rulePack, corrections);
    // A reply chosen teaches intents, not flags: the page's flags stand as they are.
    const verdicts = flagVerdictsKey(corrections);
    if (verdicts === this.flagVerdicts) return;
    this.flagVerdicts = verdicts;
    // Every comment of the session, in one request (the background has
    // already dropped its judge for the new corrections); answers to earlier
    // requests still out are superseded.
    const ticket = ++this.askTicket;
    const asked: Asked[] = [];
    for (const [id, seen] of this.comments) {
      seen.asked = ticket;
      asked.push({ id, text: seen.seen.text });
    }
    if (asked.length > 0) await this.judge(asked, ticket, false);
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
    // Still being judged (a few milliseconds after it was shown): judged here.
    const flags = this.comments.get(comment.id)?.flags ?? flagsFor(comment.text);
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
      if (!flags || flags.length === 0) continue;
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
