import type { Idea, IdeaStatus } from './schema';

const DAY_MS = 86_400_000;

/** Statuses where the ministry has given its word (or set the idea aside): the idea waits no more. */
export const SETTLED_STATUSES: ReadonlySet<IdeaStatus> = new Set([
  'answered',
  'adopted',
  'declined',
  'archived',
]);

/** What waiting needs to know of an idea (the search index keeps exactly this). */
export interface WaitingFields {
  status: IdeaStatus;
  capturedAt: string;
  answered: boolean;
}

export function waitingFieldsOf(idea: Pick<Idea, 'status' | 'capturedAt' | 'answer'>): WaitingFields {
  return { status: idea.status, capturedAt: idea.capturedAt, answered: (idea.answer ?? null) !== null };
}

/**
 * Whole days since the idea was saved (what "chờ 23 ngày" says). Counted from
 * saving, not from the last change: a citizen has waited since they wrote.
 */
export function daysWaiting(capturedAt: string, now: Date): number {
  const since = now.getTime() - new Date(capturedAt).getTime();
  return since <= 0 ? 0 : Math.floor(since / DAY_MS);
}

/** Still without an answer: not settled and no official answer recorded. */
export function isOpen(idea: Pick<WaitingFields, 'status' | 'answered'>): boolean {
  return !SETTLED_STATUSES.has(idea.status) && !idea.answered;
}

/**
 * Open and waiting more than `days` whole days (the pipeline's waitingDays;
 * 0 turns the warning off). "More than 14 days" means a 15th day has begun.
 */
export function isOverdue(idea: WaitingFields, now: Date, days: number): boolean {
  if (days <= 0 || !isOpen(idea)) return false;
  return daysWaiting(idea.capturedAt, now) > days;
}

/** The latest capturedAt an idea can have and still be overdue: one comparison per idea when scanning 50,000. */
export function overdueCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - (days + 1) * DAY_MS).toISOString();
}
