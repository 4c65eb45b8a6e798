import type { CommandName, InsertResult, PageRequest, PageState } from '../../lib/messages';

/** What the sidebar's requests and the browser's shortcuts ask of the page session. */
export interface PageActions {
  /** The tab's state; from now on a sidebar listens, so changes are pushed to it. */
  stateForSidebar(): PageState;
  /** Scrolls to a comment; false when the page no longer shows it. */
  jumpTo(commentId: string): boolean;
  /** Saves the comment being answered as an idea; false when there is none or it failed. */
  saveCurrent(): Promise<boolean>;
  insertReply(replyId: string): Promise<InsertResult>;
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

/** Answers the sidebar. With no session (not a watched page) it says so. */
export async function handlePageRequest(page: PageActions | null, request: PageRequest): Promise<unknown> {
  if (!page) return request.type === 'page:get-state' ? { ...UNWATCHED, url: location.href } : null;
  switch (request.type) {
    case 'page:get-state':
      return page.stateForSidebar();
    case 'page:jump':
      return page.jumpTo(request.commentId);
    case 'page:save-current':
      return page.saveCurrent();
    case 'page:insert-reply':
      return page.insertReply(request.replyId) satisfies Promise<InsertResult>;
  }
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
