import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyJudged, type JudgedComment } from '../../entrypoints/facebook.content/flag-apply';
import {
  type Asked,
  askBackground,
  askJudgement,
  JUDGE_TIMEOUT_MS,
  judgeComments,
  judgeHere,
} from '../../entrypoints/facebook.content/judge-requests';
import type { FlagSummary } from '../../lib/flags/hit';
import { flagsFor } from '../../lib/judge/active';
import {
  JUDGE_COMMENTS_MAX,
  JudgeOneRequest,
  JudgeOneResponse,
  JudgeRequest,
  JudgeResponse,
  packJudgeComments,
  unpackJudgeComments,
} from '../../lib/messages';
import { onMessages } from '../../lib/messaging';

const SCAM = 'Nạp 100k nhận ngay 288k, nổ hũ rút liền tay, link t.ly/xxxx';
const THANKS = 'Cảm ơn Bộ đã chia sẻ thông tin hữu ích';
const asked: Asked[] = [
  { id: '9001', text: SCAM },
  { id: '9002', text: THANKS },
];
const flag = (ruleId: string): FlagSummary => ({
  category: 'scam',
  severity: 'high',
  ruleId,
  matched: 'nổ hũ',
  explanation: 'Khớp cụm “nổ hũ”',
});

describe('tin nhắn judge:comments (lib/messages)', () => {
  test.each([
    ['một lô bình thường', { type: 'judge:comments', comments: packJudgeComments(asked), count: true }, true],
    ['lô rỗng (đánh thức nền)', { type: 'judge:comments', comments: '[]', count: false }, true],
    ['thiếu count', { type: 'judge:comments', comments: '[]' }, false],
    ['bình luận không gói thành chuỗi', { type: 'judge:comments', comments: asked, count: true }, false],
  ])('%s', (_, message, ok) => {
    expect(JudgeRequest.safeParse(message).success).toBe(ok);
  });

  test('gói rồi mở lại: đúng mã và lời, đúng thứ tự (chữ có dấu, ngoặc kép, xuống dòng)', () => {
    const tricky = [...asked, { id: '9003', text: 'Câu có "ngoặc kép"\nvà xuống dòng \u202e' }];
    expect(unpackJudgeComments(packJudgeComments(tricky))).toEqual({ ok: true, comments: tricky });
  });

  test.each([
    ['không phải JSON', 'không phải json'],
    ['đối tượng thay vì cặp', JSON.stringify(asked)],
    ['mã rỗng', JSON.stringify([['', 'a']])],
    ['chữ quá dài', JSON.stringify([['1', 'a'.repeat(20_001)]])],
    [
      'quá nhiều bình luận một lần',
      JSON.stringify(Array.from({ length: JUDGE_COMMENTS_MAX + 1 }, (_, i) => [String(i + 1), 'a'])),
    ],
  ])('mở gói từ chối: %s', (_, packed) => {
    expect(unpackJudgeComments(packed).ok).toBe(false);
  });

  test.each([
    ['cờ của các bình luận bị gắn cờ, theo chỗ', { ok: true, flagged: [[0, [flag('r1')]]] }, true],
    ['không bình luận nào bị gắn cờ', { ok: true, flagged: [] }, true],
    ['lỗi có lý do', { ok: false, error: 'hỏng' }, true],
    ['cờ sai hình dạng', { ok: true, flagged: [[0, [{ category: 'không-có' }]]] }, false],
    ['chỗ âm', { ok: true, flagged: [[-1, [flag('r1')]]] }, false],
    ['bình luận có mặt mà không cờ', { ok: true, flagged: [[0, []]] }, false],
  ])('câu trả lời: %s', (_, answer, ok) => {
    expect(JudgeResponse.safeParse(answer).success).toBe(ok);
  });
});

describe('trang: nhờ nền chấm, tự chấm khi nền không trả lời', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('nền trả lời: cờ của nền, theo thứ tự; trang không tự chấm', async () => {
    const seen: unknown[] = [];
    const stop = onMessages({
      'judge:comments': (request) => {
        seen.push(request);
        const unpacked = unpackJudgeComments(request.comments);
        if (!unpacked.ok) return unpacked;
        const flagged: [number, FlagSummary[]][] = [];
        unpacked.comments.forEach((c, i) => {
          if (c.text === SCAM) flagged.push([i, [flag('tu-nen')]]);
        });
        return { ok: true, flagged };
      },
    });
    const here = vi.fn(judgeHere);
    expect(await judgeComments(asked, true, askBackground, here)).toEqual([[flag('tu-nen')], []]);
    expect(here).not.toHaveBeenCalled();
    // Ids and words only.
    expect(seen).toEqual([{ type: 'judge:comments', comments: packJudgeComments(asked), count: true }]);
    stop();
  });

  test.each([
    ['không có nền nghe (tiện ích tải lại)', () => () => undefined],
    [
      'nền báo lỗi',
      () =>
        onMessages({ 'judge:comments': () => ({ ok: false as const, error: 'không mở được IndexedDB' }) }),
    ],
    [
      'nền trả lời cho bình luận không có trong yêu cầu',
      () =>
        onMessages({
          'judge:comments': () => ({
            ok: true as const,
            flagged: [[5, [flag('r1')]] as [number, FlagSummary[]]],
          }),
        }),
    ],
    [
      'nền ném lỗi',
      () =>
        onMessages({
          'judge:comments': () => {
            throw new Error('hỏng');
          },
        }),
    ],
  ])('%s: trang tự chấm, cờ như bộ chấm của trang', async (_, listen) => {
    const stop = listen();
    const flags = await judgeComments(asked, false);
    expect(flags).toEqual(asked.map(({ text }) => flagsFor(text)));
    expect(flags[0]!.length).toBeGreaterThan(0);
    stop();
  });

  test('nền không trả lời kịp: trang tự chấm sau JUDGE_TIMEOUT_MS', async () => {
    vi.useFakeTimers();
    const stop = onMessages({ 'judge:comments': () => new Promise<never>(() => undefined) });
    const result = judgeComments(asked, false);
    let done = false;
    void result.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(JUDGE_TIMEOUT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toEqual(asked.map(({ text }) => flagsFor(text)));
    stop();
  });

  test('tự chấm một lô mới thì tự đếm cờ (nền không thấy chúng); chấm lại thì không', async () => {
    vi.useFakeTimers();
    vi.resetModules();
    const sent: { type: string }[] = [];
    fakeBrowser.runtime.onMessage.addListener((raw: unknown) => {
      const message = raw as { type: string };
      sent.push(message);
      return message.type === 'stats:flags' ? (Promise.resolve(true) as never) : undefined;
    });
    const { judgeHere: here } = await import('../../entrypoints/facebook.content/judge-requests');
    const { flushFlagCounts } = await import('../../entrypoints/facebook.content/flag-stats');
    here(asked, false);
    flushFlagCounts();
    expect(sent.filter((m) => m.type === 'stats:flags')).toHaveLength(0);
    here(asked, true);
    flushFlagCounts();
    expect(sent.filter((m) => m.type === 'stats:flags')).toHaveLength(1);
  });

  test('chấm lại cả phiên: quá JUDGE_COMMENTS_MAX thì chia nhiều yêu cầu, giữ thứ tự', async () => {
    const many = Array.from({ length: JUDGE_COMMENTS_MAX + 3 }, (_, i) => ({
      id: String(i + 1),
      text: `b${i}`,
    }));
    const sizes: number[] = [];
    const flags = await judgeComments(many, false, async (part) => {
      sizes.push(part.length);
      return part.map(({ id }) => [flag(id)]);
    });
    expect(sizes).toEqual([JUDGE_COMMENTS_MAX, 3]);
    expect(flags.map((f) => f[0]!.ruleId)).toEqual(many.map(({ id }) => id));
  });
});

describe('ghi câu trả lời vào các bình luận của phiên (applyJudged)', () => {
  const comment = (text: string, asked: number, flags: FlagSummary[] | null = null): JudgedComment => ({
    seen: { text },
    flags,
    asked,
  });

  test('ghi cờ cho bình luận còn chờ; bỏ qua cái đã mất, đã đổi chữ, hoặc được hỏi lại sau', () => {
    const comments = new Map<string, JudgedComment>([
      ['1', comment('một', 7)],
      ['2', comment('hai đã sửa', 7)],
      ['3', comment('ba', 8)],
      ['5', comment('năm', 7, [flag('cu')])],
    ]);
    const shown: [string, FlagSummary[] | null, FlagSummary[] | null][] = [];
    const changed = applyJudged(
      comments,
      [
        { id: '1', text: 'một' },
        { id: '2', text: 'hai' },
        { id: '3', text: 'ba' },
        { id: '4', text: 'bốn' },
        { id: '5', text: 'năm' },
      ],
      7,
      [[flag('a')], [flag('b')], [flag('c')], [flag('d')], []],
      (id, c, before) => shown.push([id, before, c.flags]),
    );
    expect(changed).toBe(2);
    expect(shown).toEqual([
      ['1', null, [flag('a')]],
      ['5', [flag('cu')], []],
    ]);
    expect(comments.get('2')!.flags).toBeNull();
    expect(comments.get('3')!.flags).toBeNull();
  });
});

describe('judge:one: trợ lý trả lời hỏi nền về bình luận đang trả lời', () => {
  const good = {
    ok: true as const,
    flags: [flag('tu-nen')],
    intents: [{ intent: 'scam-warning' as const, score: 0.9 }],
    intentCertain: true,
    idea: { score: 0.1, isIdea: false },
  };
  afterEach(() => {
    vi.useRealTimers();
  });

  test.each([
    ['một bình luận', { type: 'judge:one', text: SCAM }, true],
    ['thiếu chữ', { type: 'judge:one' }, false],
    ['chữ quá dài', { type: 'judge:one', text: 'a'.repeat(20_001) }, false],
  ])('yêu cầu: %s', (_, message, ok) => {
    expect(JudgeOneRequest.safeParse(message).success).toBe(ok);
  });

  test.each([
    ['câu trả lời đủ', good, true],
    ['lỗi có lý do', { ok: false, error: 'hỏng' }, true],
    ['ý định lạ', { ...good, intents: [{ intent: 'không-có', score: 1 }] }, false],
    ['thiếu ý tưởng', { ...good, idea: undefined }, false],
  ])('câu trả lời: %s', (_, answer, ok) => {
    expect(JudgeOneResponse.safeParse(answer).success).toBe(ok);
  });

  test('nền trả lời: chỉ gửi chữ của bình luận, nhận phán đoán của nền', async () => {
    const seen: unknown[] = [];
    const stop = onMessages({
      'judge:one': (request) => {
        seen.push(request);
        return good;
      },
    });
    expect(await askJudgement(SCAM)).toEqual(good);
    expect(seen).toEqual([{ type: 'judge:one', text: SCAM }]);
    stop();
  });

  test.each([
    ['không có nền nghe', () => () => undefined],
    ['nền báo lỗi', () => onMessages({ 'judge:one': () => ({ ok: false as const, error: 'hỏng' }) })],
    [
      'nền ném lỗi',
      () =>
        onMessages({
          'judge:one': () => {
            throw new Error('hỏng');
          },
        }),
    ],
  ])('%s: null (trang dùng bộ chấm chỉ có quy tắc)', async (_, listen) => {
    const stop = listen();
    expect(await askJudgement(SCAM)).toBeNull();
    stop();
  });

  test('nền không trả lời kịp: null sau JUDGE_TIMEOUT_MS', async () => {
    vi.useFakeTimers();
    const stop = onMessages({ 'judge:one': () => new Promise<never>(() => undefined) });
    const asked = askJudgement(SCAM);
    await vi.advanceTimersByTimeAsync(JUDGE_TIMEOUT_MS);
    expect(await asked).toBeNull();
    stop();
  });

  test('chữ dài hơn giới hạn: không hỏi nền', async () => {
    const ask = vi.fn(() => good);
    const stop = onMessages({ 'judge:one': ask });
    expect(await askJudgement('a'.repeat(20_001))).toBeNull();
    expect(ask).not.toHaveBeenCalled();
    stop();
  });
});
