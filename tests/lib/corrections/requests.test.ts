import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openCorrectionsDb } from '../../../lib/corrections/db';
import { CORRECTIONS_VERSION_KEY } from '../../../lib/corrections/notify';
import { answerAdd, answerList, answerUndo } from '../../../lib/corrections/requests';
import type { Correction } from '../../../lib/corrections/schema';
import { CorrectionRequest } from '../../../lib/corrections/schema';

const c = (id: string, over: Partial<Correction> = {}): Correction => ({
  id,
  kind: 'flag-as',
  commentId: '42',
  text: 'vay nhanh ib mình',
  categories: ['scam'],
  at: '2026-12-06T10:00:00.000Z',
  ...over,
});

describe('nền: yêu cầu về các lần sửa', () => {
  test('thêm, liệt kê, hoàn tác (đưa cái bị thay trở lại), và báo thay đổi', async () => {
    const db = await openCorrectionsDb('requests-test-1');
    const open = async () => db;
    expect(await answerAdd(c('a'), open)).toEqual({
      ok: true,
      replaced: null,
    });
    const second = c('b', { categories: ['phishing'] });
    expect(await answerAdd(second, open)).toEqual({
      ok: true,
      replaced: c('a'),
    });
    expect(
      (await fakeBrowser.storage.local.get(CORRECTIONS_VERSION_KEY))[CORRECTIONS_VERSION_KEY],
    ).toBeTypeOf('number');
    await answerUndo('b', c('a'), open);
    expect(await answerList(open)).toEqual({
      ok: true,
      corrections: [c('a')],
    });
  });

  test.each([
    [{ type: 'corrections:add', correction: { id: 'x' } }],
    [{ type: 'corrections:drop-all' }],
    [{ type: 'corrections:undo' }],
  ])('yêu cầu sai dạng bị từ chối: %j', (request) => {
    expect(CorrectionRequest.safeParse(request).success).toBe(false);
  });

  test('cơ sở dữ liệu lỗi: trả lời ok:false kèm lý do, không ném', async () => {
    const r = await answerList(() => Promise.reject(new Error('đĩa đầy')));
    expect(r).toEqual({ ok: false, error: 'đĩa đầy' });
  });
});
