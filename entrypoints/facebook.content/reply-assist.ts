import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Comment } from '../../lib/facebook/comment';
import {
  activeComposer,
  copyToClipboard,
  insertIntoComposer,
  isLexicalComposer,
  resolveCommentForComposer,
} from '../../lib/facebook/composer';
import { INSERT_FAILURE_TEXT } from '../../lib/facebook/lexical-insert';
import { t } from '../../lib/i18n';
import { judgeComment, replyJudgement } from '../../lib/judge/active';
import type { FlagSummary, InsertReplyResult, SuggestionSummary } from '../../lib/messages';
import type { Intent } from '../../lib/replies/intents';
import type { Reply } from '../../lib/replies/schema';
import type { Settings } from '../../lib/settings/schema';
import { askJudgement } from './judge-requests';
import { closePalette, isPaletteOpen, openPalette, type PaletteItem } from './palette';
import type { Toast } from './panel';
import { recordUsage, renderFor, replyById, replyLibrary, suggestionsFor, summarize } from './reply-library';
import { removeSuggestionStrips, showSuggestionStrip } from './suggestion-strip';

/** A comment read in full (the one being answered), with its flags. */
export interface KnownComment {
  comment: Comment;
  flags: FlagSummary[];
}

/** What the reply assistant needs from the page session, and nothing more. */
export interface ReplyAssistHost {
  /** For the palette's shadow root, removed with the content script. */
  readonly ctx: ContentScriptContext;
  readonly settings: Settings;
  /** The flags already found for this comment while its words were `text`; undefined if none were. */
  knownFlags(commentId: string, text: string): FlagSummary[] | undefined;
  /** The comment being answered (or its suggestions) changed. */
  onCurrentChange(): void;
  showToast(text: string, kind: Toast['kind']): void;
  /** A reply was inserted for this comment: its intent is what the comment asked for. */
  onReplyChosen?(comment: { id: string; text: string }, intent: Intent): void;
}

/**
 * Follows the composer the moderator is typing in: works out which comment it
 * answers (the current comment, which it owns), shows the suggestion strip
 * next to it and the palette on demand, and inserts a chosen reply at its end.
 * It never presses Enter: the moderator sends.
 */
export class ReplyAssist {
  composer: HTMLElement | null = null;
  /** The comment the moderator is answering (its composer has focus). */
  current: KnownComment | null = null;
  suggestions: SuggestionSummary[] = [];

  constructor(private readonly host: ReplyAssistHost) {}

  /** Follows focus until `signal` aborts. */
  start(signal: AbortSignal): void {
    document.addEventListener(
      'focusin',
      (event) => {
        const target = event.target;
        if (target instanceof HTMLElement && isLexicalComposer(target) && target !== this.composer) {
          void this.follow(target);
        }
      },
      { signal },
    );
  }

  stop(): void {
    removeSuggestionStrips(document);
    this.composer = null;
  }

  private setCurrent(known: KnownComment | null, suggestions: SuggestionSummary[]): void {
    this.current = known;
    this.suggestions = suggestions;
    this.host.onCurrentChange();
  }

  /** A composer got focus: find its comment and suggest. */
  async follow(composer: HTMLElement): Promise<void> {
    this.composer = composer;
    const { host } = this;
    const answered = resolveCommentForComposer(composer, location.href, host.settings.watchedPages);
    if (!answered) {
      this.setCurrent(null, []);
      removeSuggestionStrips(document);
      return;
    }
    // Judged in the background, which has the model and this moderator's
    // corrections (the page has neither: issue 14); the page's rules-only judge
    // when it cannot answer.
    const { text } = answered.comment;
    const judged = await askJudgement(text);
    if (this.composer !== composer) return; // focus moved on while we asked
    const judgement = judged ?? replyJudgement(judgeComment(text));
    // Read just now, so it is the latest; the watcher's flags serve while its words are the same.
    const known: KnownComment = {
      comment: answered.comment,
      flags: host.knownFlags(answered.comment.id, text) ?? judgement.flags,
    };
    const ranked = await suggestionsFor(known.comment, known.flags, judgement);
    if (this.composer !== composer) return; // focus moved on while we ranked
    const suggestions = summarize(ranked, known.comment, host.settings);
    this.setCurrent(known, suggestions);
    showSuggestionStrip(composer, suggestions, (replyId, target) => void this.insert(replyId, target));
  }

  /** The composer to type into: the focused one, else the last one followed if still on the page. */
  target(): HTMLElement | null {
    const focused = activeComposer(document);
    if (focused) return focused;
    return this.composer?.isConnected ? this.composer : null;
  }

  async insert(replyId: string, composer: HTMLElement | null = this.target()): Promise<InsertReplyResult> {
    const { host } = this;
    const reply = replyById(replyId);
    if (!reply) return this.fail(t('replyNotFound', replyId));
    const rendered = renderFor(reply, this.current?.comment ?? null, host.settings);
    if (!rendered.ok) return this.fail(rendered.message);
    const result = await insertIntoComposer(composer, rendered.text, { win: window });
    if (result.ok) {
      void recordUsage(replyId).catch(() => undefined);
      const answered = this.current?.comment;
      if (answered) host.onReplyChosen?.(answered, reply.intent);
      host.showToast(t('replyInserted'), 'ok');
      return { ok: true, method: result.method };
    }
    // The composer's reasons already tell the moderator to paste the copy.
    const message = t(INSERT_FAILURE_TEXT[result.reason]);
    const copied = await copyToClipboard(rendered.text, { win: window });
    return this.fail(copied ? message : `${message} ${t('copyFailed')}`);
  }

  /** The palette: this comment's suggestions first, then the whole library. */
  async openPalette(opts: { help?: boolean } = {}): Promise<void> {
    if (isPaletteOpen()) return;
    const composer = activeComposer(document) ?? this.target();
    if (composer) await this.follow(composer);
    const items = paletteItems(
      this.suggestions,
      replyLibrary(),
      this.current?.comment ?? null,
      this.host.settings,
    );
    await openPalette(this.host.ctx, {
      items,
      help: opts.help,
      onClose() {
        closePalette();
        composer?.focus();
      },
      onPick: (replyId) => {
        closePalette();
        void this.insert(replyId, composer);
      },
    });
  }

  private fail(reason: string): InsertReplyResult {
    this.host.showToast(reason, 'error');
    return { ok: false, reason };
  }
}

/** The palette's rows: the suggested replies in their order, then the rest of the library, each rendered. */
export function paletteItems(
  suggestions: readonly SuggestionSummary[],
  library: readonly Reply[],
  comment: Comment | null,
  settings: Settings,
): PaletteItem[] {
  const suggested = new Map(suggestions.map((s) => [s.replyId, s.why]));
  const ordered = [
    ...suggestions.flatMap((s) => library.filter((r) => r.id === s.replyId)),
    ...library.filter((r) => !suggested.has(r.id)),
  ];
  return ordered.map((reply) => {
    const rendered = renderFor(reply, comment, settings);
    return {
      reply,
      preview: rendered.ok ? { ok: true, text: rendered.text } : { ok: false, message: rendered.message },
      why: suggested.get(reply.id),
    };
  });
}
