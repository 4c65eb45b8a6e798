import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { IdeaLog } from '../../../components/ideas/IdeaLog';
import { createIdeaLogModel } from '../../../components/ideas/idea-log-model';
import { createSimilarModel, similarityWords } from '../../../components/ideas/similar-model';
import { deleteIdeasDb, type IdeasDb, saveComment } from '../../../lib/ideas/db';
import { notifyIdeasChanged } from '../../../lib/ideas/notify';
import type { Idea } from '../../../lib/ideas/schema';
import { dump, freshDb, makeComment, makeIdea, SETTINGS } from '../../lib/ideas/helpers';

let db: IdeasDb;
let name: string;
let container: HTMLElement;
const NOW = new Date('2026-11-28T03:00:00.000Z');

// Three ways citizens ask for the same thing (tests/fixtures/ideas/paraphrases.jsonl), and one other idea.
const PARAPHRASES = [
  'Nên lắp điện mặt trời áp mái cho các trường học để tiết kiệm tiền điện.',
  'lap dien mat troi tren mai truong hoc di, vua tiet kiem dien vua day hoc sinh ve nang luong sach',
  'Trường học mái rộng vậy sao ko lắp pin mặt trời áp mái hả Bộ, tiết kiệm tiền điện bao nhiêu',
];

/**
 * A log around them: every other idea of the labelled set. With three ideas
 * alone every word is rare and the scores mean little; with 300 the common
 * words weigh what they weigh on the fanpage.
 */
const BACKGROUND = readFileSync(resolve(__dirname, '../../fixtures/ideas/paraphrases.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { group: string; text: string })
  .filter((line) => line.group !== 'dien-mat-troi-truong')
  .map((line, i) => makeIdea(1000 + i, { text: line.text }));

beforeEach(async () => {
  ({ db, name } = await freshDb());
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(async () => {
  render(null, container);
  container.remove();
  db.close();
  await deleteIdeasDb(name);
});

async function seed(ideas: Idea[]) {
  const tx = db.transaction('ideas', 'readwrite');
  await Promise.all([...ideas.map((idea) => tx.store.put(idea)), tx.done]);
}

function mount() {
  render(
    <IdeaLog openDb={() => Promise.resolve(db)} now={() => NOW} moderatorName={async () => 'Lan'} />,
    container,
  );
}

const status = () =>
  [...container.querySelectorAll('.khcn-similar-status')].map((node) => node.textContent).join('');
const panel = () => container.querySelector<HTMLElement>('.khcn-similar');
const hitIds = () =>
  [...container.querySelectorAll<HTMLElement>('.khcn-similar-hit')].map((hit) => hit.dataset.ideaId);
function button(label: string, within: ParentNode = container): HTMLButtonElement {
  const found = [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

/** The background's save: the record, then the change message naming it. */
async function saveFromPage(n: number, text: string): Promise<Idea> {
  const { idea, created } = await saveComment(db, makeComment(n, { text }), [], null, SETTINGS, NOW);
  notifyIdeasChanged({ saved: { id: idea.id, created } });
  return idea;
}

describe('ý tưởng tương tự khi lưu / similar ideas on save', () => {
  test('lưu một cách nói khác: báo ý tưởng tương tự, gộp nhóm, hoàn tác, gộp lại', async () => {
    await seed([...BACKGROUND, makeIdea(1, { text: PARAPHRASES[0] }), makeIdea(2, { text: PARAPHRASES[1] })]);
    mount();
    await vi.waitFor(() => expect(container.querySelector('article.khcn-idea')).not.toBeNull());
    const saved = await saveFromPage(50, PARAPHRASES[2]!);

    await vi.waitFor(() => expect(status()).toMatch(/^Đã có [2-5] ý tưởng tương tự$/), { timeout: 5000 });
    // Announced politely, and the panel does not take focus after a save.
    expect(container.querySelector('.khcn-similar-status')!.getAttribute('role')).toBe('status');
    expect(document.activeElement).not.toBe(panel());
    expect(hitIds()).toEqual(expect.arrayContaining([makeIdea(1).id, makeIdea(2).id]));
    expect(hitIds()[0]).toBe(makeIdea(1).id);
    expect(panel()!.textContent).toMatch(/giống \(\d+%\)/);
    expect(panel()!.textContent).toContain('Cùng nói về:');
    expect(panel()!.textContent).toContain('mat troi');
    // Only the closest is ticked ahead; the moderator ticks the other paraphrase.
    const box = (id: string) =>
      panel()!.querySelector<HTMLInputElement>(`li[data-idea-id="${id}"] input[type="checkbox"]`)!;
    expect(panel()!.querySelectorAll('input:checked')).toHaveLength(1);
    expect(box(makeIdea(1).id).checked).toBe(true);
    box(makeIdea(2).id).click();
    await vi.waitFor(() => expect(box(makeIdea(2).id).checked).toBe(true));

    const before = await dump(db);
    button('Gộp thành nhóm với các ý tưởng đã chọn').click();
    await vi.waitFor(() =>
      expect(container.textContent).toContain('Đã gộp nhóm: 3 ý tưởng, 3 người ủng hộ.'),
    );
    const grouped = await dump(db);
    const groupId = grouped.find((idea) => idea.id === saved.id)!.groupId;
    expect(groupId).toBeTruthy();
    expect(
      grouped
        .filter((idea) => idea.groupId === groupId)
        .map((idea) => idea.id)
        .sort(),
    ).toEqual([makeIdea(1).id, makeIdea(2).id, saved.id].sort());
    expect(grouped.find((idea) => idea.id === saved.id)!.history).toEqual([
      { at: NOW.toISOString(), by: 'Lan', groupId },
    ]);
    // The notice now shows the hits as grouped.
    await vi.waitFor(() => expect(panel()!.textContent).toContain('Trong nhóm 3 ý tưởng'));

    // Undo from the toast: focused, and it restores the exact records.
    const undo = button('Hoàn tác');
    expect(document.activeElement).toBe(undo);
    undo.click();
    await vi.waitFor(async () => expect(await dump(db)).toEqual(before));

    await vi.waitFor(() => expect(panel()!.textContent).not.toContain('Trong nhóm'));
    box(makeIdea(2).id).click();
    await vi.waitFor(() => expect(panel()!.querySelectorAll('input:checked')).toHaveLength(2));
    button('Gộp thành nhóm với các ý tưởng đã chọn').click();
    await vi.waitFor(async () => {
      const again = (await dump(db)).filter((idea) => idea.groupId !== null);
      expect(again).toHaveLength(3);
      expect(new Set(again.map((idea) => idea.groupId)).size).toBe(1);
    });
  });

  test('chỉ mục được giữ tăng dần: lưu thêm không dựng lại từ cả nhật ký', async () => {
    await seed([...BACKGROUND, makeIdea(1, { text: PARAPHRASES[0] })]);
    const log = createIdeaLogModel({
      openDb: () => Promise.resolve(db),
      now: () => NOW,
      loadRetentionDays: async () => 0,
    });
    const stop = log.start();
    await vi.waitFor(() => expect(log.counts.value?.total).toBe(BACKGROUND.length + 1));
    const first = await saveFromPage(50, PARAPHRASES[1]!);
    await vi.waitFor(() => expect(log.similar.notice.value?.source.id).toBe(first.id));
    expect(log.similar.notice.value!.hits.map((hit) => hit.idea.id)).toContain(makeIdea(1).id);
    const second = await saveFromPage(51, PARAPHRASES[2]!);
    await vi.waitFor(() => expect(log.similar.notice.value?.source.id).toBe(second.id));
    // The idea saved first is found by the second save: it was added, not rebuilt.
    expect(log.similar.notice.value!.hits.map((hit) => hit.idea.id)).toContain(first.id);
    expect(log.similar.indexBuilds()).toBe(1);
    expect(log.similar.indexSize()).toBe(BACKGROUND.length + 3);
    expect(log.alert.value).toBe('');
    stop();
  });

  test('một lần lưu vào thẳng chỉ mục tìm kiếm: không đọc lại cả nhật ký (trước đây mỗi lần lưu mất giây)', async () => {
    await seed([...BACKGROUND, makeIdea(1, { text: PARAPHRASES[0] })]);
    // Counts the reads of the whole log (what building the search or similar index costs).
    let wholeReads = 0;
    const counted = new Proxy(db, {
      get(target, prop) {
        if (prop === 'getAllFromIndex' || prop === 'getAll')
          return (store: string, ...rest: unknown[]) => {
            if (store === 'ideas' && rest.length <= 1) wholeReads++;
            return (target[prop] as (...args: unknown[]) => unknown)(store, ...rest);
          };
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const log = createIdeaLogModel({
      openDb: () => Promise.resolve(counted),
      now: () => NOW,
      loadRetentionDays: async () => 0,
    });
    const stop = log.start();
    // Both indexes are built after the first rows, from one read of the log.
    await vi.waitFor(() => expect(log.overdue.value).not.toBeNull(), { timeout: 5000 });
    await vi.waitFor(() => expect(log.similar.ready()).toBe(true), { timeout: 5000 });
    expect(wholeReads).toBe(1);
    const saved = await saveFromPage(50, `${PARAPHRASES[1]} hiếmcógì`);
    await vi.waitFor(() => expect(log.similar.notice.value?.source.id).toBe(saved.id));
    await vi.waitFor(() => expect(log.counts.value?.total).toBe(BACKGROUND.length + 2));
    log.setFilter({ search: 'hiemcogi' });
    await vi.waitFor(() => expect(log.ideas.value.map((idea) => idea.id)).toEqual([saved.id]));
    expect(wholeReads).toBe(1);
    expect(log.alert.value).toBe('');
    stop();
  });

  test('lưu khi chỉ mục còn đang dựng: tìm ngay trong các ý tưởng mới nhất, nói rõ, rồi tìm lại trong cả nhật ký', async () => {
    const many = Array.from({ length: 1200 }, (_, i) =>
      makeIdea(3000 + i, { text: BACKGROUND[i % BACKGROUND.length]!.text }),
    );
    await seed([...many, makeIdea(1, { text: PARAPHRASES[0] })]);
    let release: () => void = () => undefined;
    const held = new Promise<void>((done) => {
      release = done;
    });
    // The whole log's read is held back: only the first small read (the newest ideas) is in.
    const model = createSimilarModel({
      getDb: () => db,
      readAll: async (database) => {
        await held;
        return database.getAllFromIndex('ideas', 'capturedAt');
      },
    });
    const source = makeIdea(50, { text: PARAPHRASES[1] });
    await model.findFor(source);
    expect(model.ready()).toBe(false);
    expect(model.notice.value?.searched).toBeGreaterThanOrEqual(1000);
    release();
    await vi.waitFor(() => expect(model.ready()).toBe(true));
    await vi.waitFor(() => expect(model.notice.value?.searched).toBeUndefined());
    expect(model.notice.value!.source.id).toBe(source.id);
    expect(model.notice.value!.hits.map((hit) => hit.idea.id)).toContain(makeIdea(1).id);
  });

  test('lưu lại cùng bình luận (không phải ý tưởng mới): không báo', async () => {
    await seed([makeIdea(1, { text: PARAPHRASES[0] })]);
    mount();
    await vi.waitFor(() => expect(container.querySelectorAll('article.khcn-idea')).toHaveLength(1));
    const { idea } = await saveComment(db, makeComment(1, { text: PARAPHRASES[0] }), [], null, SETTINGS, NOW);
    notifyIdeasChanged({ saved: { id: idea.id, created: false } });
    await new Promise((done) => setTimeout(done, 200));
    expect(panel()).toBeNull();
    expect(status()).toBe('');
  });

  test('"Tìm ý tưởng tương tự" trên một hàng: bảng nhận tiêu điểm; không có gì tương tự thì nói rõ', async () => {
    await seed([
      makeIdea(1, { text: PARAPHRASES[0] }),
      makeIdea(2, { text: PARAPHRASES[1] }),
      makeIdea(3, { text: 'Xin hỏi lịch tiếp công dân tháng sau' }),
    ]);
    mount();
    await vi.waitFor(() => expect(container.querySelectorAll('article.khcn-idea')).toHaveLength(3));
    const row = container.querySelector(`article[data-idea-id="${makeIdea(1).id}"]`)!;
    button('Tìm ý tưởng tương tự', row).click();
    await vi.waitFor(() => expect(status()).toBe('Đã có 1 ý tưởng tương tự'));
    expect(document.activeElement).toBe(panel());
    button('Đóng', panel()!).click();
    await vi.waitFor(() => expect(panel()).toBeNull());

    const other = container.querySelector(`article[data-idea-id="${makeIdea(3).id}"]`)!;
    button('Tìm ý tưởng tương tự', other).click();
    await vi.waitFor(() => expect(status()).toBe('Chưa có ý tưởng nào tương tự trong nhật ký.'));
    expect(() => button('Gộp thành nhóm với các ý tưởng đã chọn')).toThrow();
  });
});

describe('xem nhóm, tách khỏi nhóm / group view, split', () => {
  test('huy hiệu nhóm → xem nhóm: số ý tưởng, người ủng hộ, mọi liên kết; tách một rồi hoàn tác', async () => {
    const G = '00000000-0000-4000-8000-00000000aaaa';
    await seed([
      makeIdea(1, { groupId: G, authorUrl: 'https://www.facebook.com/an' }),
      makeIdea(2, { groupId: G, authorUrl: 'https://www.facebook.com/an' }),
      makeIdea(3, { groupId: G }),
      makeIdea(4),
    ]);
    mount();
    await vi.waitFor(() => expect(container.querySelectorAll('article.khcn-idea')).toHaveLength(4));
    const row = container.querySelector(`article[data-idea-id="${makeIdea(4).id}"]`)!;
    expect(row.querySelector('.khcn-group-badge')).toBeNull();
    const grouped = container.querySelector(`article[data-idea-id="${makeIdea(2).id}"]`)!;
    button('Nhóm · Xem nhóm', grouped).click();
    await vi.waitFor(() => expect(container.querySelector('.khcn-group-view')).not.toBeNull());
    const view = container.querySelector<HTMLElement>('.khcn-group-view')!;
    expect(view.querySelector('h3')!.textContent).toBe('Nhóm 3 ý tưởng · 2 người ủng hộ');
    expect(document.activeElement).toBe(view.querySelector('h3'));
    expect([...view.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(
      [1, 2, 3].map((n) => makeIdea(n).permalink),
    );
    // The lead is the idea saved first.
    expect(view.querySelector('q')!.textContent).toBe(makeIdea(1).text);

    const before = await dump(db);
    const member = view.querySelector(`li[data-idea-id="${makeIdea(3).id}"]`)!;
    button('Tách khỏi nhóm', member).click();
    await vi.waitFor(() =>
      expect(container.querySelector('.khcn-group-view h3')!.textContent).toBe(
        'Nhóm 2 ý tưởng · 1 người ủng hộ',
      ),
    );
    expect((await db.get('ideas', makeIdea(3).id))!.groupId).toBeNull();
    button('Hoàn tác').click();
    await vi.waitFor(async () => expect(await dump(db)).toEqual(before));
    await vi.waitFor(() =>
      expect(container.querySelector('.khcn-group-view h3')!.textContent).toBe(
        'Nhóm 3 ý tưởng · 2 người ủng hộ',
      ),
    );
  });
});

describe('similarityWords', () => {
  const cases: [number, string][] = [
    [0.9, 'Rất giống'],
    [0.5, 'Rất giống'],
    [0.45, 'Khá giống'],
    [0.3, 'Khá giống'],
    [0.2, 'Hơi giống'],
  ];
  for (const [score, words] of cases)
    test(`điểm ${score} → ${words}`, () => expect(similarityWords(score)).toBe(words));
});
