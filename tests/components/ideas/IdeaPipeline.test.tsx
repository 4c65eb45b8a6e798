// Issue 17 in the sidebar: the editor's status, unit, topic and official answer
// with their guidance and history; the overdue badge, count and filters.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { IdeaEditor } from '../../../components/ideas/IdeaEditor';
import { IdeaLog } from '../../../components/ideas/IdeaLog';
import { type EditorValues, readEditor, valuesOf } from '../../../components/ideas/idea-editor-values';
import { deleteIdeasDb, type IdeasDb } from '../../../lib/ideas/db';
import { DEFAULT_PIPELINE, type PipelineSettings } from '../../../lib/ideas/pipeline-settings';
import type { Idea, IdeaPatch } from '../../../lib/ideas/schema';
import { dump, freshDb, makeIdea } from '../../lib/ideas/helpers';

const NOW = new Date('2026-11-28T03:00:00.000Z');
const ANSWER = {
  text: 'Bộ đã tiếp nhận và giao Vụ Pháp chế nghiên cứu.',
  answeredAt: '2026-11-20T03:00:00.000Z',
  permalink: 'https://www.facebook.com/khcndmst/posts/1?comment_id=2',
};

describe('trình sửa: đọc các trường thành bản vá', () => {
  const base = makeIdea(1, { status: 'reviewing' });
  const answered = makeIdea(2, { status: 'answered', unit: 'Vụ Pháp chế', answer: ANSWER });
  const fields = (idea: Idea, over: Partial<EditorValues>): EditorValues => ({ ...valuesOf(idea), ...over });

  test.each<[string, Idea, Partial<EditorValues>, IdeaPatch]>([
    ['không đổi gì', base, {}, {}],
    [
      'chuyển đơn vị kèm đơn vị',
      base,
      { status: 'forwarded', unit: 'Vụ Pháp chế' },
      { status: 'forwarded', unit: 'Vụ Pháp chế' },
    ],
    ['chọn chủ đề', base, { topic: 'y-sinh' }, { topic: 'y-sinh' }],
    ['bỏ chủ đề', makeIdea(3, { topic: 'y-sinh' }), { topic: '' }, { topic: null }],
    [
      'trả lời: ngày và liên kết Facebook',
      base,
      {
        status: 'answered',
        answerText: ' Đã trả lời ',
        answerDay: '2026-11-27',
        answerLink: ANSWER.permalink,
      },
      {
        status: 'answered',
        answer: { text: 'Đã trả lời', answeredAt: '2026-11-26T17:00:00.000Z', permalink: ANSWER.permalink },
      },
    ],
    [
      'trả lời không ghi ngày: lấy lúc ghi',
      base,
      { status: 'answered', answerText: 'Đã trả lời' },
      { status: 'answered', answer: { text: 'Đã trả lời', answeredAt: NOW.toISOString(), permalink: null } },
    ],
    ['câu trả lời giữ nguyên cùng ngày: không gửi lại', answered, { note: 'ghi chú' }, { note: 'ghi chú' }],
    ['đổi sang "được tiếp thu": không hỏi thêm', answered, { status: 'adopted' }, { status: 'adopted' }],
    [
      'xóa câu trả lời khi đã chuyển sang lưu trữ',
      answered,
      { status: 'archived', answerText: '', answerDay: '', answerLink: '' },
      { status: 'archived', answer: null },
    ],
    // Forwarded elsewhere without a unit: a later note edit is not blocked.
    [
      'sửa ghi chú của ý tưởng đã chuyển chưa có đơn vị',
      makeIdea(4, { status: 'forwarded' }),
      { note: 'gọi lại' },
      { note: 'gọi lại' },
    ],
  ])('%s', (_name, idea, over, patch) => {
    expect(readEditor(idea, fields(idea, over), NOW)).toEqual({ ok: true, patch });
  });

  test.each<[string, Idea, Partial<EditorValues>, string[]]>([
    ['chuyển đơn vị mà chưa chọn đơn vị', base, { status: 'forwarded' }, ['unit']],
    [
      'bỏ đơn vị của ý tưởng đã chuyển',
      makeIdea(5, { status: 'forwarded', unit: 'Vụ Pháp chế' }),
      { unit: '' },
      ['unit'],
    ],
    ['đã trả lời mà không có nội dung', base, { status: 'answered' }, ['answerText']],
    ['có liên kết mà không có nội dung', base, { answerLink: ANSWER.permalink }, ['answerText']],
    [
      'liên kết không phải Facebook',
      base,
      { answerText: 'x', answerLink: 'https://evil.example/post' },
      ['answerLink'],
    ],
    ['liên kết http', base, { answerText: 'x', answerLink: 'http://www.facebook.com/x' }, ['answerLink']],
    [
      'liên kết m.facebook.com',
      base,
      { answerText: 'x', answerLink: 'https://m.facebook.com/x' },
      ['answerLink'],
    ],
    ['ngày trả lời ở tương lai', base, { answerText: 'x', answerDay: '2026-12-01' }, ['answerDay']],
    ['ngày trả lời sai dạng', base, { answerText: 'x', answerDay: '27/11/2026' }, ['answerDay']],
    [
      'chuyển đơn vị và trả lời đều thiếu',
      base,
      { status: 'forwarded', answerLink: 'javascript:alert(1)' },
      ['unit', 'answerText', 'answerLink'],
    ],
  ])('không lưu gì khi %s', (_name, idea, over, problemFields) => {
    const result = readEditor(idea, fields(idea, over), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((problem) => problem.field)).toEqual(problemFields);
      for (const problem of result.problems) expect(problem.message).toMatch(/\S/);
    }
  });
});

describe('IdeaEditor', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  const select = (label: string) =>
    [...container.querySelectorAll('label')]
      .find((l) => l.firstChild?.textContent === label)!
      .querySelector('select')!;
  const field = (label: string) =>
    [...container.querySelectorAll('label')]
      .find((l) => l.firstChild?.textContent === label)!
      .querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!;
  const submit = () =>
    container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  function choose(element: HTMLSelectElement, value: string) {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function open(idea: Idea, pipeline: PipelineSettings = DEFAULT_PIPELINE) {
    const onSave = vi.fn();
    render(
      <IdeaEditor idea={idea} onSave={onSave} onCancel={() => undefined} pipeline={pipeline} now={NOW} />,
      container,
    );
    return onSave;
  }

  test('chuyển đơn vị: hướng dẫn chọn đơn vị, chưa chọn thì không lưu và đưa con trỏ tới ô đơn vị', async () => {
    const onSave = open(makeIdea(1));
    choose(select('Trạng thái'), 'forwarded');
    await Promise.resolve();
    expect(container.textContent).toContain('Chuyển đơn vị: hãy chọn đơn vị tiếp nhận.');
    submit();
    await new Promise((done) => setTimeout(done, 0));
    expect(onSave).not.toHaveBeenCalled();
    const unit = select('Đơn vị tiếp nhận');
    expect(unit.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(unit);
    expect(container.querySelector('.khcn-editor-problems')!.textContent).toContain('hãy chọn đơn vị');
    choose(unit, 'Vụ Pháp chế');
    submit();
    expect(onSave).toHaveBeenCalledWith({ status: 'forwarded', unit: 'Vụ Pháp chế' });
  });

  test('trả lời: liên kết sai bị báo rõ; liên kết Facebook thì lưu câu trả lời', async () => {
    const onSave = open(makeIdea(1, { status: 'forwarded', unit: 'Vụ Pháp chế' }));
    choose(select('Trạng thái'), 'answered');
    field('Nội dung câu trả lời').value = 'Bộ đã trả lời trên fanpage.';
    field('Ngày trả lời').value = '2026-11-27';
    field('Liên kết bình luận trả lời trên Facebook (https://www.facebook.com/…)').value =
      'https://example.com/x';
    submit();
    await new Promise((done) => setTimeout(done, 0));
    expect(onSave).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alert"].khcn-editor-problems')!.textContent).toContain(
      'https://www.facebook.com/',
    );
    field('Liên kết bình luận trả lời trên Facebook (https://www.facebook.com/…)').value = ANSWER.permalink;
    submit();
    expect(onSave).toHaveBeenCalledWith({
      status: 'answered',
      answer: {
        text: 'Bộ đã trả lời trên fanpage.',
        answeredAt: '2026-11-26T17:00:00.000Z',
        permalink: ANSWER.permalink,
      },
    });
  });

  test('chủ đề: gợi ý kèm các từ khóa quyết định; danh sách có "không có chủ đề"', () => {
    open(makeIdea(1, { text: 'Đề nghị hỗ trợ lắp điện mặt trời để tiết kiệm điện', topic: 'nang-luong' }));
    const topic = select('Chủ đề');
    expect(topic.value).toBe('nang-luong');
    expect(topic.options[0]!.textContent).toBe('(không có chủ đề)');
    expect(container.querySelector('.khcn-topic-why')!.textContent).toBe(
      'Gợi ý theo từ khóa: Năng lượng — điện mặt trời, tiết kiệm điện',
    );
  });

  test('lịch sử: mới nhất trước, ai, khi nào (định dạng Việt Nam), đổi gì', () => {
    open(
      makeIdea(1, {
        status: 'answered',
        unit: 'Vụ Pháp chế',
        answer: ANSWER,
        history: [
          { at: '2026-11-20T03:00:00.000Z', by: 'Chị Lan', status: 'forwarded', unit: 'Vụ Pháp chế' },
          { at: '2026-11-27T08:30:00.000Z', by: 'Anh Minh', status: 'answered', answered: true },
          { at: '2026-11-10T01:00:00.000Z', by: '', topic: 'y-sinh' },
        ],
      }),
    );
    const items = [...container.querySelectorAll('.khcn-idea-history li')].map((li) => li.textContent);
    expect(items).toEqual([
      '15:30 27/11/2026 — Anh Minh: trạng thái → Đã trả lời; ghi câu trả lời chính thức',
      '10:00 20/11/2026 — Chị Lan: trạng thái → Đã chuyển đơn vị; đơn vị → Vụ Pháp chế',
      '08:00 10/11/2026 — (chưa đặt tên người kiểm duyệt): chủ đề → Y sinh',
    ]);
  });

  test('đơn vị không còn trong danh sách vẫn hiện và được giữ', () => {
    const onSave = open(makeIdea(1, { status: 'forwarded', unit: 'Sở KH&CN Cà Mau' }));
    expect(select('Đơn vị tiếp nhận').value).toBe('Sở KH&CN Cà Mau');
    submit();
    expect(onSave).toHaveBeenCalledWith({});
  });
});

describe('IdeaLog: quy trình', () => {
  let db: IdeasDb;
  let name: string;
  let container: HTMLElement;
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
  async function waitFor<T>(check: () => T, timeout = 3000): Promise<NonNullable<T>> {
    const start = Date.now();
    for (;;) {
      const value = check();
      if (value) return value as NonNullable<T>;
      if (Date.now() - start > timeout) throw new Error('waitFor: timed out');
      await new Promise((done) => setTimeout(done, 10));
    }
  }
  const PIPELINE: PipelineSettings = { ...DEFAULT_PIPELINE, moderatorName: 'Chị Lan', waitingDays: 14 };
  function mount() {
    render(
      <IdeaLog
        openDb={() => Promise.resolve(db)}
        now={() => NOW}
        loadPipeline={() => Promise.resolve(PIPELINE)}
        watchPipeline={() => () => undefined}
      />,
      container,
    );
  }
  const rows = () => [...container.querySelectorAll('article.khcn-idea')];
  const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

  test('ý tưởng chờ quá hạn: nhãn có chữ trên hàng, số đếm, nút lọc', async () => {
    await seed([
      makeIdea(1, { capturedAt: daysAgo(20), text: 'Chờ lâu, mới' }),
      makeIdea(2, {
        capturedAt: daysAgo(30),
        status: 'forwarded',
        unit: 'Vụ Pháp chế',
        text: 'Chờ lâu, đã chuyển',
      }),
      makeIdea(3, { capturedAt: daysAgo(40), status: 'answered', answer: ANSWER, text: 'Đã trả lời' }),
      makeIdea(4, { capturedAt: daysAgo(2), text: 'Mới gửi' }),
    ]);
    mount();
    await waitFor(() => rows().length === 4);
    const badges = rows().map((row) => row.querySelector('.khcn-overdue')?.textContent ?? null);
    expect(badges).toEqual([null, '⚠ Chờ 20 ngày', '⚠ Chờ 30 ngày', null]);
    const count = await waitFor(() => container.querySelector('.khcn-overdue-count'));
    expect(count.textContent).toContain('2 ý tưởng chờ quá 14 ngày');
    [...count.querySelectorAll('button')].find((b) => b.textContent === 'Xem các ý tưởng này')!.click();
    await waitFor(() => rows().length === 2);
    expect(rows().map((row) => row.querySelector('blockquote')!.textContent)).toEqual([
      'Chờ lâu, mới',
      'Chờ lâu, đã chuyển',
    ]);
  });

  test('lọc theo đơn vị và chủ đề', async () => {
    await seed([
      makeIdea(1, { unit: 'Vụ Pháp chế', topic: 'y-sinh', text: 'A' }),
      makeIdea(2, { unit: 'Cục Sở hữu trí tuệ', topic: 'y-sinh', text: 'B' }),
      makeIdea(3, { text: 'C' }),
    ]);
    mount();
    await waitFor(() => rows().length === 3);
    const filters = container.querySelector('search')!;
    const pick = (label: string, value: string) => {
      const element = [...filters.querySelectorAll('label')]
        .find((l) => l.firstChild?.textContent === label)!
        .querySelector('select')!;
      element.value = value;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    };
    pick('Chủ đề', 'y-sinh');
    await waitFor(() => rows().length === 2);
    pick('Đơn vị tiếp nhận', 'Cục Sở hữu trí tuệ');
    await waitFor(() => rows().length === 1);
    expect(rows()[0]!.textContent).toContain('Đơn vị tiếp nhận: Cục Sở hữu trí tuệ');
    pick('Chủ đề', '');
    pick('Đơn vị tiếp nhận', '\u0000none');
    await waitFor(() => rows().length === 1 && rows()[0]!.querySelector('blockquote')!.textContent === 'C');
  });

  test('chọn "Đã chuyển đơn vị" trên hàng: lưu trạng thái, mở trình sửa để hỏi đơn vị; lưu ghi lịch sử có tên', async () => {
    await seed([makeIdea(1)]);
    mount();
    await waitFor(() => rows().length === 1);
    const status = rows()[0]!.querySelector('select')!;
    status.value = 'forwarded';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    const form = await waitFor(() => container.querySelector('form'));
    expect(container.textContent).toContain('Hãy chọn đơn vị tiếp nhận trong trình sửa.');
    expect((await dump(db))[0]!.status).toBe('forwarded');
    const unit = [...form.querySelectorAll('label')]
      .find((l) => l.firstChild?.textContent === 'Đơn vị tiếp nhận')!
      .querySelector('select')!;
    unit.value = 'Vụ Pháp chế';
    unit.dispatchEvent(new Event('change', { bubbles: true }));
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await waitFor(() => container.querySelector('form') === null);
    const [stored] = await dump(db);
    expect(stored!.history).toEqual([
      { at: expect.any(String), by: 'Chị Lan', status: 'forwarded' },
      { at: expect.any(String), by: 'Chị Lan', unit: 'Vụ Pháp chế' },
    ]);
    expect(rows()[0]!.textContent).toContain('Đơn vị tiếp nhận: Vụ Pháp chế');
  });
});
