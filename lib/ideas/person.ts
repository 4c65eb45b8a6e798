import { foldForSearch } from '../text';
import { type IdeasDb, listAllIdeas } from './db';
import type { Idea } from './schema';

/**
 * "Everything about one person" in the idea log: the ideas whose saved author
 * is that person, found by the name Facebook showed or by their profile link.
 * A request under Vietnam's Personal Data Protection Law names a person; a
 * name is compared whole (case and diacritics aside), never as a substring,
 * so "An" never sweeps in "Anh".
 */
export type PersonQuery = { kind: 'profile'; key: string } | { kind: 'name'; key: string };

const FACEBOOK_HOSTS = /^(?:www\.|m\.|web\.|mbasic\.)?facebook\.com$/;

/** `id:1000123` for profile.php?id=…, `slug:nguyen.van.an` for /nguyen.van.an; null when not a profile link. */
export function profileKey(link: string): string | null {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(link) ? link : `https://${link}`);
  } catch {
    return null;
  }
  if (!FACEBOOK_HOSTS.test(url.hostname.toLowerCase())) return null;
  const first = decodeURIComponent(url.pathname.split('/')[1] ?? '').toLowerCase();
  if (first === 'profile.php') {
    const id = url.searchParams.get('id');
    return id && /^\d+$/.test(id) ? `id:${id}` : null;
  }
  if (first === 'people') {
    // /people/Name/1000123/
    const id = url.pathname.split('/').find((part) => /^\d{5,}$/.test(part));
    return id ? `id:${id}` : null;
  }
  if (!first || first.includes('.php')) return null;
  return /^\d+$/.test(first) ? `id:${first}` : `slug:${first}`;
}

/** What the moderator typed: a profile link, or else a name. Null when empty. */
export function parsePersonQuery(input: string): PersonQuery | null {
  const text = input.trim();
  if (!text) return null;
  if (/facebook\.com\//i.test(text)) {
    const key = profileKey(text);
    return key ? { kind: 'profile', key } : null;
  }
  const key = foldForSearch(text);
  return key ? { kind: 'name', key } : null;
}

export function isAboutPerson(idea: Pick<Idea, 'authorName' | 'authorUrl'>, query: PersonQuery): boolean {
  if (query.kind === 'profile')
    return idea.authorUrl !== undefined && profileKey(idea.authorUrl) === query.key;
  return idea.authorName !== undefined && foldForSearch(idea.authorName) === query.key;
}

/** The person's ideas in the log and in the trash: an erasure request covers both. */
export async function findIdeasAboutPerson(db: IdeasDb, query: PersonQuery): Promise<Idea[]> {
  const [live, trashed] = await Promise.all([listAllIdeas(db), db.getAll('trash')]);
  const trashedIdeas = trashed.map(({ deletedAt: _deletedAt, ...idea }) => idea);
  return [...live, ...trashedIdeas].filter((idea) => isAboutPerson(idea, query));
}
