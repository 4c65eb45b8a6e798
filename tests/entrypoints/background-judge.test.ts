import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BackgroundJudge, JUDGE_COUNTS_WRITE_MS } from '../../entrypoints/background/judge';
import {
  addCorrection,
  type CorrectionsDb,
  listCorrections,
  openCorrectionsDb,
} from '../../lib/corrections/db';
import { judgeWithCorrections } from '../../lib/corrections/learnt';
import type { Correction } from '../../lib/corrections/schema';
import { FlagCounter } from '../../lib/flags/flag-stats';
import { flagSummaries } from '../../lib/flags/hit';
import { parseRulePack, type RulePack } from '../../lib/flags/schema';
import { compileJudge } from '../../lib/judge';
import { forgetShippedModel, loadShippedModel } from '../../lib/judge/default';
import {
  type FlagSummary,
  JudgeOneResponse,
  type JudgeResponse,
  packJudgeComments,
} from '../../lib/messages';
import { bundledRulePack } from '../../lib/packs/defaults';

const SCAM = 'Nạp 100k nhận ngay 288k, nổ hũ rút liền tay, link t.ly/xxxx';
const THANKS = 'Cảm ơn Bộ đã chia sẻ thông tin hữu ích';
const OWN_RULE_TEXT = 'Mua ngay máy lọc khí lượng tử giá sốc';

/** A request as the page sends it. */
const request = (comments: { id: string; text: string }[], count: boolean) => ({
  comments: packJudgeComments(comments),
  count,
});

/** Each comment's flags from an answer (which names the flagged ones only). */
function dense(answer: JudgeResponse, n: number): FlagSummary[][] | string {
  if (!answer.ok) return answer.error;
  const flags: FlagSummary[][] = Array.from({ length: n }, () => []);
  for (const [i, found] of answer.flagged) flags[i] = found;
  return flags;
}

/** What the page's judge says for the same pack and corrections, compiled on its own. */
const expected = (pack: RulePack, corrections: readonly Correction[], text: string) =>
  flagSummaries(judgeWithCorrections(pack, corrections).judge(text).hits);

const correction = (over: Partial<Correction>): Correction => ({
  id: `c-${Math.random().toString(36).slice(2)}`,
  kind: 'not-a-problem',
  commentId: '100200300',
  text: SCAM,
  categories: ['scam'],
  at: '2026-12-07T08:00:00.000Z',
  ...over,
});

const ownPack = (): RulePack => {
  const parsed = parseRulePack({
    format: 'khcn-moderator/rules',
    version: 1,
    rules: [
      {
        id: 'quang-cao-luong-tu',
        category: 'pseudoscience',
        severity: 'medium',
        phrases: ['máy lọc khí lượng tử'],
        note: 'Quảng cáo “lượng tử” giả khoa học',
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.pack;
};

let dbCount = 0;

describe('nền: chấm bình luận của trang (issue 14, vòng năm)', () => {
  let db: CorrectionsDb;
  let pack: RulePack;
  let sources: { rulePack: () => Promise<RulePack>; corrections: () => Promise<Correction[]> };

  beforeEach(async () => {
    db = await openCorrectionsDb(`background-judge-test-${++dbCount}`);
    pack = bundledRulePack();
    sources = {
      rulePack: vi.fn(async () => pack),
      corrections: vi.fn(async () => listCorrections(db)),
    };
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('trả cờ từng bình luận theo thứ tự, như bộ chấm của trang với cùng gói và cùng lần sửa', async () => {
    const judge = new BackgroundJudge(sources, { recordCounts: async () => undefined });
    const texts = [SCAM, THANKS, ''];
    const answer = await judge.answer(
      request(
        texts.map((text, i) => ({ id: String(1000 + i), text })),
        false,
      ),
    );
    expect(dense(answer, texts.length)).toEqual(texts.map((text) => expected(pack, [], text)));
    // Only the flagged comments are named in the answer.
    expect(answer.ok && answer.flagged.map(([i]) => i)).toEqual([0]);
    // The first judge of the file loads the model and compiles the pack: ~1 s on a quiet machine,
    // over vitest's 5 s default once on a 2-core machine at load 13.
  }, 30_000);

  test('biên dịch một lần; lần sửa mới (IndexedDB) chỉ được học khi được báo thay đổi', async () => {
    const judge = new BackgroundJudge(sources, { recordCounts: async () => undefined });
    const ask = () => judge.answer(request([{ id: '1', text: SCAM }], false));
    const before = await ask();
    await ask();
    expect(sources.corrections).toHaveBeenCalledTimes(1);
    expect(sources.rulePack).toHaveBeenCalledTimes(1);

    await addCorrection(db, correction({}));
    const corrections = await listCorrections(db);
    // Not told yet: the compiled judge stands.
    expect(await ask()).toEqual(before);
    judge.correctionsChanged();
    const after = await ask();
    expect(dense(after, 1)).toEqual([expected(pack, corrections, SCAM)]);
    expect(after).not.toEqual(before);
    // The pack is not read again for a correction.
    expect(sources.rulePack).toHaveBeenCalledTimes(1);
  });

  test('"Gắn cờ…" của quản trị viên: cờ moderator sau khi báo thay đổi', async () => {
    const judge = new BackgroundJudge(sources, { recordCounts: async () => undefined });
    await judge.answer(request([], false));
    await addCorrection(db, correction({ kind: 'flag-as', text: THANKS, categories: ['phishing'] }));
    judge.correctionsChanged();
    const answer = await judge.answer(request([{ id: '2', text: THANKS }], false));
    const flags = dense(answer, 1);
    expect(typeof flags !== 'string' && flags[0]!.some((f) => f.ruleId === 'moderator:phishing')).toBe(true);
  });

  test('gói quy tắc mới: dùng sau khi báo thay đổi', async () => {
    const judge = new BackgroundJudge(sources, { recordCounts: async () => undefined });
    const ask = () => judge.answer(request([{ id: '3', text: OWN_RULE_TEXT }], false));
    const before = await ask();
    pack = ownPack();
    expect(await ask()).toEqual(before);
    judge.packChanged();
    const after = await ask();
    const flags = dense(after, 1);
    expect(flags).toEqual([expected(pack, [], OWN_RULE_TEXT)]);
    expect(typeof flags !== 'string' && flags[0]!.map((f) => f.ruleId)).toContain('quang-cao-luong-tu');
  });

  test('không đọc được các lần sửa: trả lỗi (trang tự chấm), lần sau thử lại', async () => {
    sources.corrections = vi.fn().mockRejectedValueOnce(new Error('IndexedDB hỏng')).mockResolvedValue([]);
    const judge = new BackgroundJudge(sources, { recordCounts: async () => undefined });
    const first = await judge.answer(request([{ id: '4', text: SCAM }], false));
    expect(first).toEqual({ ok: false, error: expect.stringContaining('IndexedDB hỏng') });
    const second = await judge.answer(request([{ id: '4', text: SCAM }], false));
    expect(dense(second, 1)).toEqual([expected(pack, [], SCAM)]);
  });

  test('yêu cầu không giải được (không phải JSON, sai hình dạng): trả lỗi, không chấm', async () => {
    const judge = new BackgroundJudge(sources, { recordCounts: async () => undefined });
    for (const comments of ['không phải json', '[{"id":"1","text":"a"}]', '[["", "a"]]']) {
      const answer = await judge.answer({ comments, count: false });
      expect(answer.ok).toBe(false);
    }
    expect(sources.rulePack).not.toHaveBeenCalled();
  });

  test('đếm cờ trong ngày: mỗi bình luận một lần, chỉ khi count, ghi sau 5 giây, không mã bình luận', async () => {
    vi.useFakeTimers();
    const written: unknown[] = [];
    const judge = new BackgroundJudge(sources, {
      recordCounts: async (days) => void written.push(days),
      counter: new FlagCounter(() => '2026-12-07'),
    });
    const scamCategories = [...new Set(expected(pack, [], SCAM).map((f) => f.category))];
    await judge.answer(
      request(
        [
          { id: '111222333', text: SCAM },
          { id: '111222333', text: SCAM },
          { id: '444555666', text: THANKS },
        ],
        true,
      ),
    );
    // A re-judgement (after a correction) is not counted.
    await judge.answer(request([{ id: '777888999', text: SCAM }], false));
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(JUDGE_COUNTS_WRITE_MS);
    expect(written).toEqual([
      Object.fromEntries([['2026-12-07', Object.fromEntries(scamCategories.map((c) => [c, 1]))]]),
    ]);
    expect(JSON.stringify(written)).not.toMatch(/111222333|444555666/);
  });

  test('ghi số đếm thất bại: giữ lại cho lần sau', async () => {
    vi.useFakeTimers();
    const written: unknown[] = [];
    let fail = true;
    const judge = new BackgroundJudge(sources, {
      recordCounts: async (days) => {
        if (fail) throw new Error('storage đầy');
        written.push(days);
      },
      counter: new FlagCounter(() => '2026-12-07'),
    });
    await judge.answer(request([{ id: '123123123', text: SCAM }], true));
    await vi.advanceTimersByTimeAsync(JUDGE_COUNTS_WRITE_MS);
    expect(written).toEqual([]);
    fail = false;
    await judge.writeCounts();
    expect(written).toHaveLength(1);
  });
});

describe('nền: judge:one và tệp mô hình (issue 14)', () => {
  const sources = {
    rulePack: async () => bundledRulePack(),
    corrections: async () => [] as Correction[],
  };
  afterEach(() => {
    forgetShippedModel();
    vi.restoreAllMocks();
  });

  test.each([SCAM, THANKS, OWN_RULE_TEXT])(
    'judge:one "%s": cờ, ý định, ý tưởng như bộ chấm có mô hình',
    async (text) => {
      const judge = new BackgroundJudge(sources, { recordCounts: async () => undefined });
      const answer = await judge.answerOne(text);
      const full = judgeWithCorrections(bundledRulePack(), []).judge(text);
      expect(answer).toEqual({
        ok: true,
        flags: flagSummaries(full.hits),
        intents: full.intents,
        intentCertain: full.intentCertain,
        idea: full.idea,
      });
      expect(JudgeOneResponse.safeParse(answer).success).toBe(true);
    },
  );

  test('tệp mô hình hỏng: nền báo một lần, các quy tắc vẫn gắn cờ', async () => {
    forgetShippedModel();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const judge = new BackgroundJudge(
      {
        ...sources,
        model: () => loadShippedModel(async () => ({ format: 'khcn-moderator/model', version: 1 })),
      },
      { recordCounts: async () => undefined },
    );
    const answer = await judge.answer(request([{ id: '1', text: SCAM }], false));
    judge.packChanged();
    await judge.answer(request([{ id: '2', text: SCAM }], false));
    // The rules alone, and those that need the model flagging by themselves, unconfirmed.
    const rulesOnly = flagSummaries(
      compileJudge({ ...bundledRulePack(), model: null, signsAloneWithoutModel: true }).judge(SCAM).hits,
    );
    expect(rulesOnly.some((f) => /chưa được xác nhận/.test(f.explanation))).toBe(true);
    expect(dense(answer, 1)).toEqual([rulesOnly]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('Tệp mô hình không hợp lệ');
  });
});
