import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { explain, type FlagHit } from '../../../lib/flags/hit';
import { localeMessages } from '../../../lib/i18n/strings';
import { compileJudge } from '../../../lib/judge';
import { textKey } from '../../../lib/model/learn';
import { defaultReplyPack } from '../../../lib/replies/default-pack';
import { suggest } from '../../../lib/replies/suggest';

/** browser.i18n answering from public/_locales/en, as an English browser does. */
function inEnglish(): void {
  const english = localeMessages(1);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (english[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

const hit = (over: Partial<FlagHit>): FlagHit => ({
  ruleId: 'scam-loi-nhuan-khung',
  category: 'scam',
  severity: 'high',
  matched: 'loi nhuan khung',
  start: 0,
  end: 15,
  how: 'folded',
  note: 'Hứa lợi nhuận cao bất thường.',
  ...over,
});

describe('the explanation beside a flag, in the UI language (Vietnamese without browser.i18n)', () => {
  test.each([
    [
      hit({}),
      'Khớp quy tắc "scam-loi-nhuan-khung" (không dấu): «loi nhuan khung» — Hứa lợi nhuận cao bất thường.',
      'Matched rule "scam-loi-nhuan-khung" (without diacritics): «loi nhuan khung» — Hứa lợi nhuận cao bất thường.',
    ],
    [
      hit({ how: 'combined', parts: ['lấy lại tiền', '0912 345 678'] }),
      'Khớp quy tắc "scam-loi-nhuan-khung" (tổ hợp dấu hiệu): «lấy lại tiền» + «0912 345 678» — Hứa lợi nhuận cao bất thường.',
      'Matched rule "scam-loi-nhuan-khung" (a combination of signs): «lấy lại tiền» + «0912 345 678» — Hứa lợi nhuận cao bất thường.',
    ],
    [
      hit({ how: 'teencode' }),
      'Khớp quy tắc "scam-loi-nhuan-khung" (viết tắt / teencode): «loi nhuan khung» — Hứa lợi nhuận cao bất thường.',
      'Matched rule "scam-loi-nhuan-khung" (abbreviation / teencode): «loi nhuan khung» — Hứa lợi nhuận cao bất thường.',
    ],
    [
      hit({ how: 'model', ruleId: 'model:scam', note: 'Có dấu hiệu lừa đảo.' }),
      'Mô hình gắn cờ (không theo quy tắc nào) — Có dấu hiệu lừa đảo.',
      'Flagged by the model (no rule) — Có dấu hiệu lừa đảo.',
    ],
  ])('%#', (flag, vietnamese, english) => {
    expect(explain(flag)).toBe(vietnamese);
    inEnglish();
    expect(explain(flag)).toBe(english);
  });

  test('a comment a moderator flagged by hand says so, in the UI language', () => {
    const text = 'bình luận này là lừa đảo';
    const verdicts = {
      dismissed: new Map(),
      flagged: new Map([[textKey(text), new Set(['scam' as const])]]),
    };
    const judge = compileJudge({ rules: [] }).withModel(null, verdicts);
    const flag = judge.judge(text).hits.find((h) => h.how === 'moderator')!;
    expect(flag.note).toBe('Quản trị viên đã gắn cờ bình luận này.');
    expect(explain(flag)).toBe('Quản trị viên đã gắn cờ bình luận này.');
    inEnglish();
    expect(judge.judge(text).hits.find((h) => h.how === 'moderator')!.note).toBe(
      'A moderator flagged this comment.',
    );
  });
});

describe('why a reply is suggested, in the UI language', () => {
  const replies = defaultReplyPack().replies;
  const flagged = hit({ category: 'pseudoscience', ruleId: 'pseudoscience-rule', how: 'exact' });

  test('a flag that names its correction reply, and a cue', () => {
    const correction = replies.find((r) => r.intent === 'misinfo-correction')!;
    const withReply = { ...flagged, correctionReplyId: correction.id };
    expect(suggest({ text: 'Nộp ở đâu?' }, [withReply], replies)[0]?.why).toBe(
      'Bình luận bị gắn cờ giả khoa học (quy tắc "pseudoscience-rule")',
    );
    expect(suggest({ text: 'Nộp ở đâu?' }, [], replies)[0]?.why).toMatch(/^Có (dấu hỏi|"ở đâu") → câu hỏi/);
    inEnglish();
    expect(suggest({ text: 'Nộp ở đâu?' }, [withReply], replies)[0]?.why).toBe(
      'The comment is flagged as pseudoscience (rule "pseudoscience-rule")',
    );
    expect(suggest({ text: 'Nộp ở đâu?' }, [], replies)[0]?.why).toMatch(
      /^(a question mark|"ở đâu") → a question/,
    );
  });
});

describe("a pack past the matcher's limits says so in both languages", () => {
  test('more distinct characters in the patterns than the automaton has room for', async () => {
    const { buildAutomaton } = await import('../../../lib/flags/aho-corasick');
    const patterns = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i));
    expect(() => buildAutomaton(patterns)).toThrow(
      'các cụm từ có quá nhiều ký tự khác nhau / too many distinct characters in patterns',
    );
  });
});
