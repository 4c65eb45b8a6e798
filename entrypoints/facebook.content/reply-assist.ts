import {
  activeComposer,
  copyToClipboard,
  insertIntoComposer,
  isLexicalComposer,
  resolveCommentForComposer,
} from '../../lib/facebook/composer';
import { t, uiLanguage } from '../../lib/i18n';
import type { InsertResult, SuggestionSummary } from '../../lib/messages';
import { flagsFor } from './flag-comments';
import { recordUsage, renderFor, replyById, suggestionsFor, summarize } from './reply-library';
import type { KnownComment, PageSession } from './session';
import { removeSuggestionStrips, showSuggestionStrip } from './suggestion-strip';

/**
 * Follows the composer the moderator is typing in: works out which comment it
 * answers, shows the suggestion strip next to it, and inserts a chosen reply
 * at its end. It never presses Enter: the moderator sends.
 */
export class ReplyAssist {
  composer: HTMLElement | null = null;
  suggestions: SuggestionSummary[] = [];

  constructor(private readonly session: PageSession) {}

  start(): void {
    this.session.listen('focusin', (event) => {
      const target = event.target;
      if (target instanceof HTMLElement && isLexicalComposer(target) && target !== this.composer) {
        void this.follow(target);
      }
    });
  }

  stop(): void {
    removeSuggestionStrips(document);
    this.composer = null;
  }

  /** A composer got focus: find its comment and suggest. */
  async follow(composer: HTMLElement): Promise<void> {
    this.composer = composer;
    const { session } = this;
    const answered = resolveCommentForComposer(composer, location.href, session.settings.watchedPages);
    if (!answered) {
      session.setCurrent(null);
      this.suggestions = [];
      removeSuggestionStrips(document);
      return;
    }
    // Read just now, so it is the latest; the watcher's flags serve while its words are the same.
    const watched = session.comments.get(answered.comment.id);
    const known: KnownComment = {
      comment: answered.comment,
      flags:
        watched && watched.seen.text === answered.comment.text
          ? watched.flags
          : flagsFor(answered.comment.text),
    };
    const ranked = await suggestionsFor(known.comment, known.flags);
    if (this.composer !== composer) return; // focus moved on while we ranked
    this.suggestions = summarize(ranked, known.comment, session.settings);
    session.setCurrent(known, this.suggestions);
    showSuggestionStrip(composer, this.suggestions, (replyId, target) => void this.insert(replyId, target));
  }

  /** The composer to type into: the focused one, else the last one followed if still on the page. */
  target(): HTMLElement | null {
    const focused = activeComposer(document);
    if (focused) return focused;
    return this.composer?.isConnected ? this.composer : null;
  }

  async insert(replyId: string, composer: HTMLElement | null = this.target()): Promise<InsertResult> {
    const { session } = this;
    const reply = replyById(replyId);
    if (!reply) return this.fail(`Không có câu trả lời "${replyId}" / No reply "${replyId}"`);
    const rendered = renderFor(reply, session.current?.comment ?? null, session.settings);
    if (!rendered.ok) return this.fail(rendered.message);
    const result = await insertIntoComposer(composer, rendered.text, { win: window });
    if (result.ok) {
      void recordUsage(replyId).catch(() => undefined);
      session.showToast(t('replyInserted'), 'ok');
      return { ok: true, method: result.method };
    }
    // The composer's reasons already tell the moderator to paste the copy.
    const message = result.message[uiLanguage()];
    const copied = await copyToClipboard(rendered.text, { win: window });
    return this.fail(copied ? message : `${message} ${t('copyFailed')}`);
  }

  private fail(reason: string): InsertResult {
    this.session.showToast(reason, 'error');
    return { ok: false, reason };
  }
}
