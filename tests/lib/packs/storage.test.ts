import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileRules } from '../../../lib/flags/matcher';
import { defaultReplyPack, defaultRulePack } from '../../../lib/packs/defaults';
import {
  loadActiveReplies,
  loadActiveRulePack,
  loadReplyPack,
  loadRulePack,
  REPLY_PACK_KEY,
  RULE_PACK_KEY,
  resetRulePack,
  saveReplyPack,
  saveRulePack,
  watchPacks,
} from '../../../lib/packs/storage';

const myReply = {
  id: 'cam-on-rieng',
  title: 'Cảm ơn (của tôi)',
  intent: 'thanks',
  body: 'Cảm ơn {danhXung} {ten} đã góp ý.\n{chuKy}',
};
const myRule = {
  id: 'scam-nap-the',
  category: 'scam',
  severity: 'high',
  phrases: ['nạp thẻ nhận quà'],
  note: 'Lừa nạp thẻ cào để "nhận quà".',
};
const replyPackOf = (replies: unknown[]) => ({ format: 'khcn-moderator/replies', version: 1, replies });
const rulePackOf = (rules: unknown[]) => ({ format: 'khcn-moderator/rules', version: 1, rules });

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('gói đang dùng: mặc định khi chưa lưu / default when nothing is stored', () => {
  test('không có gì trong storage → gói mặc định, không báo lỗi', async () => {
    const replies = await loadReplyPack();
    const rules = await loadRulePack();
    expect(replies).toEqual({ pack: defaultReplyPack(), source: 'default' });
    expect(rules).toEqual({ pack: defaultRulePack(), source: 'default' });
    expect((await loadActiveReplies()).map((r) => r.id)).toContain('thanks-general');
    expect((await loadActiveRulePack()).rules.length).toBe(defaultRulePack().rules.length);
  });

  test('gói đã lưu được dùng thay cho mặc định', async () => {
    expect((await saveReplyPack(replyPackOf([myReply]))).ok).toBe(true);
    expect((await saveRulePack(rulePackOf([myRule]))).ok).toBe(true);
    expect((await loadActiveReplies()).map((r) => r.id)).toEqual(['cam-on-rieng']);
    const rules = (await loadActiveRulePack()).rules;
    expect(rules.map((r) => r.id)).toEqual(['scam-nap-the']);
    // What the content script does with them.
    expect(
      compileRules(rules)
        .scan('Nap the nhan qua ngay hom nay!')
        .map((h) => h.ruleId),
    ).toEqual(['scam-nap-the']);
  });

  test('xóa gói đã lưu → trở lại mặc định', async () => {
    await saveRulePack(rulePackOf([myRule]));
    await resetRulePack();
    expect(await stored(RULE_PACK_KEY)).toBeUndefined();
    expect((await loadRulePack()).source).toBe('default');
  });
});

describe('gói đã lưu bị hỏng / a stored pack that no longer parses', () => {
  test.each([
    ['không phải đối tượng', 'hello'],
    ['sai format', { format: 'khcn-moderator/ideas', version: 1, replies: [] }],
    ['chỗ điền lạ', replyPackOf([{ ...myReply, body: 'Chào {tenn}' }])],
    ['trùng id', replyPackOf([myReply, myReply])],
  ])('câu trả lời: %s → mặc định và nói lý do', async (_name, value) => {
    await fakeBrowser.storage.local.set({ [REPLY_PACK_KEY]: value });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const loaded = await loadReplyPack();
    expect(loaded.source).toBe('default');
    expect(loaded.pack).toEqual(defaultReplyPack());
    expect(loaded.problem).toMatch(/Thư viện câu trả lời.*không còn hợp lệ/);
    expect(await loadActiveReplies()).toEqual(defaultReplyPack().replies);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('reply library'));
  });

  test('the whole reason, as the console and the Options page show it', async () => {
    await fakeBrowser.storage.local.set({ [REPLY_PACK_KEY]: replyPackOf([myReply, myReply]) });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await loadReplyPack()).problem).toBe(
      'Thư viện câu trả lời đã lưu không còn hợp lệ, đang dùng gói mặc định. / ' +
        'The stored reply library is no longer valid; using the default pack.\n' +
        'Gói câu trả lời không hợp lệ / Invalid reply pack:\n' +
        '✖ trùng id "cam-on-rieng" / duplicate id "cam-on-rieng"\n  → at replies[1].id',
    );
  });

  test.each([
    ['regex không biên dịch', rulePackOf([{ ...myRule, regex: '(abc' }])],
    ['regex nguy hiểm', rulePackOf([{ ...myRule, regex: '(a+)+$' }])],
    ['thiếu cụm từ và regex', rulePackOf([{ ...myRule, phrases: [] }])],
    ['phiên bản lạ', { ...rulePackOf([myRule]), version: 2 }],
  ])('quy tắc: %s → mặc định và nói lý do', async (_name, value) => {
    await fakeBrowser.storage.local.set({ [RULE_PACK_KEY]: value });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const loaded = await loadRulePack();
    expect(loaded.source).toBe('default');
    expect(loaded.problem).toContain('rule list');
    expect((await loadActiveRulePack()).rules).toEqual(defaultRulePack().rules);
    expect(warn).toHaveBeenCalled();
  });
});

describe('lưu: gói không hợp lệ không thay đổi gì / an invalid pack changes nothing', () => {
  test.each([
    ['chỗ điền không biết', replyPackOf([{ ...myReply, body: 'Chào {tên khách}' }]), /tên khách/],
    ['mục đích lạ', replyPackOf([{ ...myReply, intent: 'spam' }]), /intent/],
    ['trùng id', replyPackOf([myReply, { ...myReply, title: 'khác' }]), /trùng id "cam-on-rieng"/],
  ])('câu trả lời: %s', async (_name, pack, message) => {
    await saveReplyPack(replyPackOf([myReply]));
    const before = await stored(REPLY_PACK_KEY);
    const result = await saveReplyPack(pack);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(await stored(REPLY_PACK_KEY)).toEqual(before);
  });

  test.each([
    ['regex không biên dịch', rulePackOf([{ ...myRule, regex: '[abc' }]), /biểu thức không hợp lệ/],
    ['regex \\b', rulePackOf([{ ...myRule, regex: '\\bquà\\b' }]), /\\b/],
    ['lượng từ lồng nhau', rulePackOf([{ ...myRule, regex: '(x+y?)+' }]), /lồng nhau/],
    ['trùng mã', rulePackOf([myRule, myRule]), /bị trùng/],
  ])('quy tắc: %s', async (_name, pack, message) => {
    const result = await saveRulePack(pack);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(await stored(RULE_PACK_KEY)).toBeUndefined();
  });
});

describe('watchPacks', () => {
  test('báo gói vừa đổi, chỉ gói đó; ngừng nghe khi gọi hàm trả về', async () => {
    const changes: unknown[] = [];
    const stop = watchPacks((change) => changes.push(change));
    await saveReplyPack(replyPackOf([myReply]));
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await vi.waitFor(() => expect(changes).toHaveLength(1));
    expect(changes[0]).toEqual({
      replies: {
        pack: expect.objectContaining({ replies: [expect.objectContaining({ id: 'cam-on-rieng' })] }),
        source: 'stored',
      },
    });
    stop();
    await saveRulePack(rulePackOf([myRule]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(changes).toHaveLength(1);
  });

  test('gói bị xóa hoặc hỏng → người nghe nhận gói mặc định kèm lý do', async () => {
    const changes: { rules?: { source: string; problem?: string } }[] = [];
    watchPacks((change) => changes.push(change));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ [RULE_PACK_KEY]: { broken: true } });
    await vi.waitFor(() => expect(changes).toHaveLength(1));
    expect(changes[0]?.rules?.source).toBe('default');
    expect(changes[0]?.rules?.problem).toBeTruthy();
  });
});
