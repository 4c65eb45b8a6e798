import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PrivacyTools } from '../../../components/options/PrivacyTools';
import { deleteIdeasById, deleteIdeasDb, type IdeasDb, listAllIdeas, listTrash } from '../../../lib/ideas/db';
import { isAboutPerson, parsePersonQuery, profileKey } from '../../../lib/ideas/person';
import { ExportFile, type Idea } from '../../../lib/ideas/schema';
import { freshDb, makeIdea } from '../../lib/ideas/helpers';
import { button, mount, type, unmount, waitFor } from './helpers';

let db: IdeasDb;
let name: string;
let container: HTMLElement;
const NOW = new Date('2026-11-28T03:00:00.000Z');
const DAY = 86_400_000;

async function seed(ideas: Idea[]) {
  const tx = db.transaction('ideas', 'readwrite');
  await Promise.all([...ideas.map((idea) => tx.store.put(idea)), tx.done]);
}

/** Captures what would be downloaded. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let last: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    last = blob as Blob;
    return 'blob:test';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) files.push({ name: this.download, blob: last });
  });
  return files;
}

beforeEach(async () => {
  ({ db, name } = await freshDb());
  await seed([
    makeIdea(1, { authorName: 'Nguyễn Văn An', authorUrl: 'https://www.facebook.com/profile.php?id=100011' }),
    makeIdea(2, { authorName: 'nguyen van an', authorUrl: 'https://www.facebook.com/profile.php?id=100011' }),
    makeIdea(3, { authorName: 'Nguyễn Văn Anh', authorUrl: 'https://www.facebook.com/anh.nguyen' }),
    makeIdea(4, { authorName: undefined, authorUrl: undefined }),
    // Old enough for a 30-day retention.
    makeIdea(5, { capturedAt: new Date(NOW.getTime() - 40 * DAY).toISOString(), authorName: 'Trần Thị B' }),
    makeIdea(6, { capturedAt: new Date(NOW.getTime() - 31 * DAY).toISOString(), authorName: 'Lê C' }),
  ]);
  container = mount(<PrivacyTools retentionDays={30} openDb={() => Promise.resolve(db)} now={() => NOW} />);
  await waitFor(() => container.querySelector('#person-query'));
});
afterEach(async () => {
  unmount(container);
  db.close();
  await deleteIdeasDb(name);
});

/** Which seeded ideas are left, by their number in makeIdea(n). */
const ids = async () =>
  (await listAllIdeas(db)).map((idea) => String(Number.parseInt(idea.id.slice(-12), 16))).sort();

describe('tìm một người / finding one person', () => {
  test.each([
    ['https://www.facebook.com/profile.php?id=100011', 'id:100011'],
    ['facebook.com/profile.php?id=100011&sk=about', 'id:100011'],
    ['https://m.facebook.com/anh.nguyen/', 'slug:anh.nguyen'],
    ['https://www.facebook.com/people/Nguyen-Van-An/100011/', 'id:100011'],
    ['https://example.com/anh.nguyen', null],
  ])('liên kết %s → %s', (link, key) => {
    expect(profileKey(link)).toBe(key);
  });

  test.each([
    ['Nguyễn Văn An', { authorName: 'nguyen van  an' }, true],
    ['Nguyễn Văn An', { authorName: 'Nguyễn Văn Anh' }, false],
    ['An', { authorName: 'Nguyễn Văn An' }, false],
    ['facebook.com/anh.nguyen', { authorUrl: 'https://www.facebook.com/anh.nguyen?ref=x' }, true],
    ['Nguyễn Văn An', {}, false],
  ])('"%s" với %o → %s', (query, idea, expected) => {
    expect(isAboutPerson(idea, parsePersonQuery(query)!)).toBe(expected);
  });
});

describe('xuất và xóa dữ liệu của một người', () => {
  test('xuất theo tên: tệp xuất hợp lệ chỉ có ý tưởng của người đó', async () => {
    const files = captureDownloads();
    type(container.querySelector<HTMLInputElement>('#person-query')!, 'Nguyen Van An');
    button('Tìm', container).click();
    await waitFor(() => container.textContent?.includes('Có 2 ý tưởng'));
    button('Xuất mọi dữ liệu về người này (JSON)', container).click();
    expect(files).toHaveLength(1);
    const file = ExportFile.parse(JSON.parse(await files[0]!.blob.text()));
    expect(file.ideas.map((idea) => idea.authorName).sort()).toEqual(['Nguyễn Văn An', 'nguyen van an']);
  });

  test('xóa theo liên kết cần xác nhận, có hiệu lực ngay và vĩnh viễn, cả trong thùng rác', async () => {
    // Idea 2 was deleted earlier: it waits in the trash, and the erasure covers it too.
    await deleteIdeasById(db, [makeIdea(2).id]);
    type(
      container.querySelector<HTMLInputElement>('#person-query')!,
      'https://www.facebook.com/profile.php?id=100011',
    );
    button('Tìm', container).click();
    await waitFor(() => container.textContent?.includes('Có 2 ý tưởng'));
    button('Xóa mọi dữ liệu về người này…', container).click();
    // Nothing is deleted before the confirmation, which says the erasure is final.
    const legend = await waitFor(() => container.querySelector('#person-confirm'));
    expect(legend.textContent).toContain('không qua thùng rác và không hoàn tác được');
    expect(await ids()).toEqual(['1', '3', '4', '5', '6']);
    button('Xóa vĩnh viễn', container).click();
    await waitFor(async () => (await ids()).length === 4);
    expect(await ids()).toEqual(['3', '4', '5', '6']);
    expect(await db.count('trash')).toBe(0);
    await waitFor(() => container.textContent?.includes('Đã xóa vĩnh viễn 2 ý tưởng'));
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Hoàn tác');
  });
});

describe('hết hạn lưu giữ / retention purge', () => {
  const statusText = () =>
    [...container.querySelectorAll('[role="status"]')].map((status) => status.textContent).join(' ');

  test('xuất trước; chỉ xóa khi người kiểm duyệt xác nhận đã lưu tệp; xóa vào thùng rác', async () => {
    const files = captureDownloads();
    button('Xóa ý tưởng cũ hơn 30 ngày…', container).click();
    await waitFor(() => container.textContent?.includes('Có 2 ý tưởng cũ hơn 30 ngày'));
    expect(await ids()).toHaveLength(6);
    button('Xuất JSON trước', container).click();
    await waitFor(() => container.querySelector('#purge-saved'));
    // The download started, but nothing is deleted until the moderator says the file was saved.
    expect(files).toHaveLength(1);
    expect(container.querySelector('#purge-confirm')!.textContent).toContain(
      'khcn-y-tuong-truoc-khi-xoa-2026-11-28.json',
    );
    await new Promise((done) => setTimeout(done, 30));
    expect(await ids()).toHaveLength(6);
    const exported = ExportFile.parse(JSON.parse(await files[0]!.blob.text()));
    expect(exported.ideas.map((idea) => idea.authorName).sort()).toEqual(['Lê C', 'Trần Thị B']);

    button('Tôi đã lưu tệp — xóa', container).click();
    await waitFor(async () => (await ids()).length === 4);
    expect(await ids()).toEqual(['1', '2', '3', '4']);
    expect((await listTrash(db, NOW)).map((idea) => idea.authorName).sort()).toEqual(['Lê C', 'Trần Thị B']);
    await waitFor(() => statusText().includes('Đã chuyển 2 ý tưởng quá hạn vào thùng rác'));
  });

  test('xóa không xuất cần bước xác nhận thứ hai; Hủy ở bước đó không xóa gì', async () => {
    const files = captureDownloads();
    button('Xóa ý tưởng cũ hơn 30 ngày…', container).click();
    await waitFor(() => container.querySelector('#purge-confirm'));
    button('Xóa mà không xuất…', container).click();
    await waitFor(() => container.querySelector('#purge-no-export'));
    expect(container.querySelector('#purge-confirm')!.textContent).toContain('không có bản xuất nào');
    expect(await ids()).toHaveLength(6);
    button('Hủy', container).click();
    await waitFor(() => !container.querySelector('#purge-confirm'));
    expect(await ids()).toHaveLength(6);

    button('Xóa ý tưởng cũ hơn 30 ngày…', container).click();
    await waitFor(() => container.querySelector('#purge-confirm'));
    button('Xóa mà không xuất…', container).click();
    (await waitFor(() => container.querySelector<HTMLButtonElement>('#purge-no-export'))).click();
    await waitFor(async () => (await ids()).length === 4);
    expect(files).toHaveLength(0);
    expect(await listTrash(db, NOW)).toHaveLength(2);
  });

  test('Hủy không xóa gì', async () => {
    button('Xóa ý tưởng cũ hơn 30 ngày…', container).click();
    await waitFor(() => container.querySelector('#purge-confirm'));
    button('Hủy', container).click();
    await waitFor(() => !container.querySelector('#purge-confirm'));
    expect(await ids()).toHaveLength(6);
  });
});
