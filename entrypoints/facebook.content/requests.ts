import type { CommandName, InsertReplyResult, PageState } from '../../lib/messages';
import type { MessageHandlers } from '../../lib/messaging';

/** What the sidebar's requests and the browser's shortcuts ask of the page session. */
export interface PageActions {
  /** The tab's state; from now on a sidebar listens, so changes are pushed to it. */
  stateForSidebar(): PageState;
  /** Scrolls to a comment; false when the page no longer shows it. */
  jumpTo(commentId: string): boolean;
  /** Saves the comment being answered as an idea; false when there is none or it failed. */
  saveCurrent(): Promise<boolean>;
  insertReply(replyId: string): Promise<InsertReplyResult>;
  /** Moves to the next (+1) or previous (-1) flagged comment. */
  stepFlagged(direction: 1 | -1): void;
}

const UNWATCHED: PageState = {
  url: '',
  watched: false,
  stats: { seen: 0, flagged: 0, droppedNoId: 0 },
  layoutWarning: false,
  current: null,
  flagged: [],
};

/**
 * Answers the sidebar's requests and the background's commands for the page
 * session `page()` names. With no session (not a watched page) the state
 * says so, other requests answer null and commands go unanswered.
 */
export function pageMessageHandlers(page: () => PageActions | null): MessageHandlers {
  return {
    'page:get-state': () => page()?.stateForSidebar() ?? { ...UNWATCHED, url: location.href },
    'page:jump': ({ commentId }) => page()?.jumpTo(commentId) ?? null,
    'page:save-current': () => page()?.saveCurrent() ?? null,
    'page:insert-reply': ({ replyId }) => page()?.insertReply(replyId) ?? null,
    command: ({ name }) => {
      const session = page();
      if (!session) return undefined;
      handleCommand(session, name);
      return true;
    },
  };
}

/** A browser-level shortcut routed here by the background (or its in-page key). */
export function handleCommand(page: PageActions, name: CommandName): void {
  switch (name) {
    case 'next-flag':
      page.stepFlagged(1);
      break;
    case 'previous-flag':
      page.stepFlagged(-1);
      break;
    case 'save-idea':
      void page.saveCurrent();
      break;
  }
}
