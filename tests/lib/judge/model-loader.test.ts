import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { defaultRulePack } from '../../../lib/flags';
import { compileJudge } from '../../../lib/judge';
import {
  defaultJudge,
  defaultModel,
  fetchModelFile,
  forgetShippedModel,
  loadShippedModel,
  MODEL_BUILD_PATH,
  shippedModel,
} from '../../../lib/judge/default';
import { readModelFromDisk } from '../../../lib/judge/model-node';

/** The model as `npm run train` wrote it. */
const MODEL = JSON.parse(readFileSync(join(import.meta.dirname, '../../../lib/model/judge.vi.json'), 'utf8'));
const SCAM = 'Nạp 100k nhận ngay 288k, nổ hũ rút liền tay, link t.ly/xxxx';
const BROKEN = 'Tệp mô hình không hợp lệ';

afterEach(() => {
  forgetShippedModel();
  vi.unstubAllGlobals();
});

describe('Node (scripts, CLI, tests): mô hình đọc từ đĩa', () => {
  test('readModelFromDisk đọc lib/model/judge.vi.json; shippedModel() là tệp ấy, đã kiểm', () => {
    const disk = readModelFromDisk();
    expect(disk).toEqual({ ok: true, json: MODEL });
    const shipped = shippedModel();
    expect(shipped.ok && shipped.model.weights).toBe(MODEL.weights);
    expect(defaultModel()).not.toBeNull();
  });
});

describe('loadShippedModel: tệp mô hình của bản dựng', () => {
  test.each<[string, () => Promise<unknown>, boolean, string]>([
    ['tệp đúng', async () => MODEL, true, ''],
    [
      'JSON hỏng',
      async () => {
        throw new SyntaxError('Unexpected token < in JSON');
      },
      false,
      'Unexpected token',
    ],
    [
      'thiếu tệp (HTTP 404)',
      async () => {
        throw new Error(`${MODEL_BUILD_PATH}: HTTP 404`);
      },
      false,
      'HTTP 404',
    ],
    ['trọng số sai độ dài', async () => ({ ...MODEL, weights: 'AAAA' }), false, 'weights'],
    ['không phải tệp mô hình', async () => ({ format: 'khcn-moderator/rules' }), false, 'format'],
  ])('%s', async (_, read, ok, says) => {
    const loaded = await loadShippedModel(read);
    expect(loaded.ok).toBe(ok);
    if (!loaded.ok) {
      expect(loaded.error).toContain(BROKEN);
      expect(loaded.error).toContain(says);
    }
    // What the judge then uses.
    expect(shippedModel()).toBe(loaded);
    expect(defaultModel() === null).toBe(!ok);
  });

  test('tệp hỏng: không mô hình, các quy tắc vẫn gắn cờ', async () => {
    await loadShippedModel(async () => ({ ...MODEL, scale: -1 }));
    const rulesOnly = compileJudge({ ...defaultRulePack(), model: null }).judge(SCAM);
    const judged = defaultJudge().judge(SCAM);
    expect(judged.hits.length).toBeGreaterThan(0);
    expect(judged.hits).toEqual(rulesOnly.hits);
  });

  test('tải một lần: hai lời gọi cùng lúc, một lần đọc', async () => {
    const read = vi.fn(async () => MODEL);
    const [a, b] = await Promise.all([loadShippedModel(read), loadShippedModel(read)]);
    expect(a).toBe(b);
    expect(await loadShippedModel(read)).toBe(a);
    expect(read).toHaveBeenCalledTimes(1);
  });

  test('fetchModelFile đọc tệp của chính tiện ích; lỗi HTTP nêu tên tệp', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return new Response('', { status: 404 });
    });
    await expect(fetchModelFile()).rejects.toThrow(`${MODEL_BUILD_PATH}: HTTP 404`);
    expect(urls).toHaveLength(1);
    expect(urls[0]!.endsWith(`/${MODEL_BUILD_PATH}`)).toBe(true);

    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(MODEL)));
    expect(await fetchModelFile()).toEqual(MODEL);
  });
});
