import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { deleteIdeasById, deleteIdeasDb, type IdeasDb } from '../../../lib/ideas/db';
import { findIdeasAboutPerson, isAboutPerson, parsePersonQuery, profileKey } from '../../../lib/ideas/person';
import { freshDb, makeIdea } from './helpers';

describe('liên kết trang cá nhân / profile links', () => {
  test.each([
    ['https://www.facebook.com/profile.php?id=100011', 'id:100011'],
    ['facebook.com/profile.php?id=100011&sk=about', 'id:100011'],
    ['https://m.facebook.com/anh.nguyen/', 'slug:anh.nguyen'],
    ['https://www.facebook.com/people/Nguyen-Van-An/100011/', 'id:100011'],
    ['https://www.facebook.com/100011', 'id:100011'],
    ['https://www.facebook.com/watch.php', null],
    ['https://example.com/anh.nguyen', null],
  ])('%s → %s', (link, key) => {
    expect(profileKey(link)).toBe(key);
  });
});

describe('câu tìm một người / person query', () => {
  test.each([
    ['', null],
    ['   ', null],
    ['https://www.facebook.com/anh.nguyen', { kind: 'profile', key: 'slug:anh.nguyen' }],
    ['https://www.facebook.com/login.php', null],
    ['Nguyễn Văn An', { kind: 'name', key: 'nguyen van an' }],
  ])('"%s" → %o', (input, want) => {
    expect(parsePersonQuery(input)).toEqual(want);
  });

  test.each([
    ['Nguyễn Văn An', { authorName: 'nguyen van  an' }, true],
    ['Nguyễn Văn An', { authorName: 'Nguyễn Văn Anh' }, false],
    ['An', { authorName: 'Nguyễn Văn An' }, false],
    ['facebook.com/anh.nguyen', { authorUrl: 'https://www.facebook.com/anh.nguyen?ref=x' }, true],
    ['facebook.com/profile.php?id=1', { authorUrl: 'https://www.facebook.com/profile.php?id=12' }, false],
    ['Nguyễn Văn An', {}, false],
  ])('"%s" với %o → %s', (query, idea, expected) => {
    expect(isAboutPerson(idea, parsePersonQuery(query)!)).toBe(expected);
  });
});

describe('findIdeasAboutPerson', () => {
  let db: IdeasDb;
  let name: string;
  beforeEach(async () => {
    ({ db, name } = await freshDb());
  });
  afterEach(async () => {
    db.close();
    await deleteIdeasDb(name);
  });

  test('tìm theo tên và theo liên kết, không quét nhầm tên dài hơn', async () => {
    const ideas = [
      makeIdea(1, {
        authorName: 'Nguyễn Văn An',
        authorUrl: 'https://www.facebook.com/profile.php?id=100011',
      }),
      makeIdea(2, { authorName: 'nguyen van an', authorUrl: undefined }),
      makeIdea(3, {
        authorName: 'Nguyễn Văn Anh',
        authorUrl: 'https://www.facebook.com/profile.php?id=100011',
      }),
      makeIdea(4, { authorName: undefined, authorUrl: undefined }),
    ];
    const tx = db.transaction('ideas', 'readwrite');
    await Promise.all([...ideas.map((idea) => tx.store.put(idea)), tx.done]);
    const byName = await findIdeasAboutPerson(db, parsePersonQuery('Nguyen Van An')!);
    expect(byName.map((idea) => idea.id).sort()).toEqual([ideas[0]!.id, ideas[1]!.id]);
    const byLink = await findIdeasAboutPerson(db, parsePersonQuery('facebook.com/profile.php?id=100011')!);
    expect(byLink.map((idea) => idea.id).sort()).toEqual([ideas[0]!.id, ideas[2]!.id]);
  });

  test('cũng tìm trong thùng rác: yêu cầu xóa của một người phủ cả ý tưởng đã xóa tạm', async () => {
    const mine = makeIdea(1, { authorName: 'Nguyễn Văn An' });
    await db.put('ideas', mine);
    await deleteIdeasById(db, [mine.id]);
    const found = await findIdeasAboutPerson(db, parsePersonQuery('Nguyen Van An')!);
    expect(found).toEqual([mine]);
  });
});
