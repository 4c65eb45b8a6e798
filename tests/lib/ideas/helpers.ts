import { afterEach, beforeEach } from 'vitest';
import type { Comment } from '../../../lib/facebook/comment';
import { deleteIdeasDb, type IdeasDb, openIdeasDb } from '../../../lib/ideas/db';
import { Idea, type IdeaInput } from '../../../lib/ideas/schema';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';

let counter = 0;

/** A database of its own for each test: nothing leaks between tests. */
export async function freshDb(): Promise<{ db: IdeasDb; name: string }> {
  const name = `khcn-test-${Date.now()}-${counter++}`;
  return { db: await openIdeasDb({ name }), name };
}

/**
 * A fresh database for each test of the file, closed and deleted after it;
 * `use` receives it (and its name) before each test.
 */
export function eachFreshDb(use: (fresh: { db: IdeasDb; name: string }) => void): void {
  let fresh: { db: IdeasDb; name: string } | undefined;
  beforeEach(async () => {
    fresh = await freshDb();
    use(fresh);
  });
  afterEach(async () => {
    if (!fresh) return;
    fresh.db.close();
    await deleteIdeasDb(fresh.name);
  });
}

/** A numeric comment id derived from n (ids are strings of digits). */
export function commentIdOf(n: number): string {
  return String(2233445566778899n + BigInt(n));
}

export function uuidOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function makeIdea(n: number, over: Partial<IdeaInput> = {}): Idea {
  const commentId = over.commentId ?? commentIdOf(n);
  return Idea.parse({
    id: uuidOf(n),
    commentId,
    postId: '1122334455667788',
    parentId: null,
    permalink: `https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=${commentId}`,
    pageUrl: 'https://www.facebook.com/khcndmst',
    text: `Ý tưởng số ${n}: đề xuất đầu tư cho nghiên cứu cơ bản`,
    authorName: `Người dân ${n}`,
    authorUrl: `https://www.facebook.com/profile.php?id=1000${n}`,
    flags: [],
    status: 'new',
    tags: [],
    note: '',
    capturedAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
    ...over,
  });
}

export function makeComment(n: number, over: Partial<Comment> = {}): Comment {
  const id = over.id ?? commentIdOf(n);
  return {
    id,
    postId: '1122334455667788',
    parentId: null,
    author: `Nguyễn Văn ${n}`,
    authorUrl: `https://www.facebook.com/profile.php?id=1000${n}`,
    text: `Đề xuất số ${n}: mở phòng thí nghiệm cộng đồng`,
    truncated: false,
    permalink: `https://www.facebook.com/khcndmst/posts/1122334455667788?comment_id=${id}`,
    time: '3 giờ',
    isPage: false,
    ...over,
  };
}

export const SETTINGS = DEFAULT_SETTINGS;
export const NO_AUTHOR = {
  ...DEFAULT_SETTINGS,
  privacy: { ...DEFAULT_SETTINGS.privacy, storeAuthor: false },
};

/** Everything in the log, by id: to prove an operation changed nothing at all. */
export async function dump(db: IdeasDb): Promise<Idea[]> {
  return db.getAll('ideas');
}
