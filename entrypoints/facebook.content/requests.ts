import type { CommandName, InsertResult, PageRequest, PageState } from '../../lib/messages';
import type { PageSession } from './session';

const UNWATCHED: PageState = {
  url: '',
  watched: false,
  stats: { seen: 0, flagged: 0, droppedNoId: 0 },
  layoutWarning: false,
  current: null,
  flagged: [],
};

/** Answers the sidebar. With no session (not a watched page) it says so. */
export async function handlePageRequest(session: PageSession | null, request: PageRequest): Promise<unknown> {
  if (!session) return request.type === 'page:get-state' ? { ...UNWATCHED, url: location.href } : null;
  switch (request.type) {
    case 'page:get-state':
      session.sidebarListening = true;
      return session.state();
    case 'page:jump':
      return session.jumpTo(request.commentId);
    case 'page:save-current':
      return session.current ? session.save(session.current.comment) : false;
    case 'page:insert-reply':
      return session.insertReply(request.replyId) satisfies Promise<InsertResult>;
  }
}

/** A browser-level shortcut routed here by the background. */
export function handleCommand(session: PageSession, name: CommandName): void {
  switch (name) {
    case 'next-flag':
      session.stepFlagged(1);
      break;
    case 'previous-flag':
      session.stepFlagged(-1);
      break;
    case 'save-idea':
      if (session.current) void session.save(session.current.comment);
      break;
  }
}
