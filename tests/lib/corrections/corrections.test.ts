import { describe, expect, test } from 'vitest';
import {
  addCorrection,
  clearCorrections,
  importCorrections,
  listCorrections,
  openCorrectionsDb,
  restoreCorrections,
  undoCorrection,
} from '../../../lib/corrections/db';
import { parseJsonl, toJsonl } from '../../../lib/corrections/jsonl';
import { judgeWithCorrections } from '../../../lib/corrections/learnt';
import { Correction } from '../../../lib/corrections/schema';
import { defaultRulePack } from '../../../lib/flags';
import { defaultJudge } from '../../../lib/judge/default';
import { textKey, verdicts } from '../../../lib/model/learn';

let n = 0;
const c = (over: Partial<Correction> & Pick<Correction, 'kind'>): Correction =>
  Correction.parse({
    id: `c${++n}`,
    commentId: '100',
    text: 'Nhóm hỗ trợ thu hồi vốn sàn ABC, nhắn mình',
    categories: over.kind === 'reply-chosen' ? [] : ['scam'],
    at: new Date(Date.UTC(2026, 11, 1, 0, 0, n)).toISOString(),
    ...over,
  });

let dbCount = 0;
const freshDb = () => openCorrectionsDb(`khcn-corrections-test-${++dbCount}`);

describe('sửa của quản trị viên: lược đồ', () => {
  test.each([
    [{ kind: 'reply-chosen', categories: [] }, /intent/],
    [{ kind: 'flag-as', categories: [] }, /categories/],
    [{ kind: 'flag-as', categories: ['scam'], commentId: 'abc' }, /mã bình luận/],
    [{ kind: 'flag-as', categories: ['scam'], at: '99999-01-01T00:00:00Z' }, /date|ngày/],
  ])('từ chối %j', (over, message) => {
    const r = Correction.safeParse({
      id: 'x',
      commentId: '1',
      text: 't',
      at: '2026-12-01T00:00:00Z',
      ...over,
    });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(message);
  });
});

describe('JSONL: xuất, nhập, tất cả hoặc không gì', () => {
  test('xuất rồi nhập lại giống hệt', () => {
    const list = [c({ kind: 'flag-as' }), c({ kind: 'reply-chosen', intent: 'scam-warning' })];
    const parsed = parseJsonl(toJsonl(list));
    expect(parsed).toEqual({ ok: true, corrections: list });
  });

  test.each([
    ['{"id":1}\n', /Dòng 1/],
    ['không phải json\n', /not JSON/],
    ['', /không có dòng/],
  ])('tệp hỏng: %j', (text, message) => {
    const parsed = parseJsonl(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  test('the whole message a moderator reads for a bad line', () => {
    const line = JSON.stringify({
      id: 'x',
      kind: 'reply-chosen',
      commentId: 'abc',
      text: 't',
      at: '2026-12-01',
    });
    expect(parseJsonl(`\n${line}\n`)).toEqual({
      ok: false,
      error:
        'Dòng 2 / line 2:\n' +
        '✖ mã bình luận là số / numeric comment id\n  → at commentId\n' +
        '✖ cần thời điểm ISO 8601 / expected an ISO 8601 date-time\n  → at at\n' +
        '✖ reply-chosen cần "intent" / needs an intent\n  → at intent',
    });
    expect(parseJsonl('{')).toEqual({ ok: false, error: 'Dòng 1: không phải JSON / line 1: not JSON' });
    expect(parseJsonl('\n')).toEqual({ ok: false, error: 'Tệp không có dòng nào / the file has no lines' });
  });

  test('mã lặp lại bị từ chối, nêu dòng', () => {
    const a = c({ kind: 'flag-as' });
    const parsed = parseJsonl(`${JSON.stringify(a)}\n${JSON.stringify(a)}\n`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/Dòng 2.*lặp lại/);
  });

  test('BOM ở đầu tệp không sao', () => {
    const a = c({ kind: 'flag-as' });
    expect(parseJsonl(`\ufeff${JSON.stringify(a)}`).ok).toBe(true);
  });
});

describe('cơ sở dữ liệu sửa (IndexedDB của tiện ích)', () => {
  test('sửa lại cùng bình luận cùng kiểu thì thay, và hoàn tác đưa cái cũ trở lại', async () => {
    const db = await freshDb();
    const first = c({ kind: 'flag-as', categories: ['scam'] });
    const second = c({ kind: 'flag-as', categories: ['phishing'] });
    expect(await addCorrection(db, first)).toBeNull();
    expect(await addCorrection(db, second)).toEqual(first);
    expect(await listCorrections(db)).toEqual([second]);
    await undoCorrection(db, second.id, first);
    expect(await listCorrections(db)).toEqual([first]);
  });

  test('xóa hết rồi hoàn tác', async () => {
    const db = await freshDb();
    const list = [c({ kind: 'flag-as', commentId: '1' }), c({ kind: 'not-a-problem', commentId: '2' })];
    for (const x of list) await addCorrection(db, x);
    const removed = await clearCorrections(db);
    expect(await listCorrections(db)).toEqual([]);
    await restoreCorrections(db, removed);
    expect(await listCorrections(db)).toEqual(list);
  });

  test('nhập gộp theo bình luận: cái mới hơn thắng, nhập hai lần không đổi gì', async () => {
    const db = await freshDb();
    const old = c({ kind: 'flag-as', commentId: '7', categories: ['scam'] });
    const newer = c({ kind: 'flag-as', commentId: '7', categories: ['health'] });
    await addCorrection(db, newer);
    expect(await importCorrections(db, [old])).toBe(0);
    expect(await listCorrections(db)).toEqual([newer]);
    const other = c({ kind: 'reply-chosen', commentId: '8', intent: 'thanks' });
    expect(await importCorrections(db, [other])).toBe(1);
    expect(await importCorrections(db, [other])).toBe(0);
    expect(await listCorrections(db)).toHaveLength(2);
  });
});

describe('học từ sửa', () => {
  const pack = defaultRulePack();
  const text = 'Nhóm hỗ trợ thu hồi vốn sàn ABC, nhắn mình để được tư vấn';

  test('"Gắn cờ…" làm bình luận đó bị gắn cờ ngay, do quản trị viên', () => {
    expect(defaultJudge().judge(text).categories).not.toContain('phishing');
    const judge = judgeWithCorrections(pack, [c({ kind: 'flag-as', text, categories: ['phishing'] })]);
    const j = judge.judge(text);
    expect(j.categories).toContain('phishing');
    expect(j.hits.some((h) => h.ruleId === 'moderator:phishing')).toBe(true);
  });

  test('"Không đúng" bỏ cờ của bình luận đó, kể cả cờ của quy tắc', () => {
    const flagged = 'Nạp 100k nhận ngay 288k, nổ hũ rút liền tay, link t.ly/xxxx';
    expect(defaultJudge().judge(flagged).categories).toContain('scam');
    const judge = judgeWithCorrections(pack, [
      c({ kind: 'not-a-problem', text: flagged, categories: ['scam'] }),
    ]);
    expect(judge.judge(flagged).categories).not.toContain('scam');
    // Other comments keep their flags.
    expect(judge.judge('Nạp 200k nhận 500k, nổ hũ rút ngay, link t.ly/abcd').categories).toContain('scam');
  });

  test('câu trả lời đã chọn dạy ý định của bình luận', () => {
    const q = 'Bên mình có chương trình gì cho hợp tác xã không';
    const before = defaultJudge().judge(q).intents[0]!.intent;
    const want = before === 'complaint' ? 'idea-received' : 'complaint';
    const judge = judgeWithCorrections(pack, [c({ kind: 'reply-chosen', text: q, intent: want })]);
    expect(judge.judge(q).intents[0]!.intent).toBe(want);
  });

  test('khóa văn bản: có dấu hay không dấu là một', () => {
    expect(textKey('Lừa đảo!')).toBe(textKey('lua dao'));
    expect(textKey('lừa đảo')).not.toBe(textKey('lừa'));
  });

  test('cái sau cùng thắng: gắn cờ rồi "Không đúng" thì bỏ', () => {
    const v = verdicts([
      c({ kind: 'flag-as', text: 'abc', categories: ['scam'] }),
      c({ kind: 'not-a-problem', text: 'abc', categories: ['scam'] }),
    ]);
    expect(v.dismissed.get(textKey('abc'))?.has('scam')).toBe(true);
    expect(v.flagged.get(textKey('abc'))?.has('scam')).toBe(false);
  });
});
