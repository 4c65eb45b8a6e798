import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { describe, expect, test } from 'vitest';
import {
  checkBuilds,
  deflatedSize,
  MODEL_BUDGET_BYTES,
  MODEL_IN_BUILD,
  MODEL_SOURCE,
  modelInZip,
  modelMarker,
} from '../../scripts/check-bundles';

const MODEL_JSON = readFileSync(MODEL_SOURCE, 'utf8');
const MARKER = modelMarker(MODEL_JSON);

/** A build folder with these files. */
function build(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'khcn-build-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('scripts/check-bundles: không gói JS nào mang mô hình', () => {
  test('dấu là một đoạn mã đặc trưng (base64) của mô hình', () => {
    expect(MARKER).toHaveLength(64);
    expect(MARKER).toMatch(/^[A-Za-z0-9+/]+$/);
    expect(JSON.parse(MODEL_JSON).features).toContain(MARKER);
  });

  test.each<[string, Record<string, string>, RegExp[]]>([
    [
      'mô hình là tệp riêng',
      { [MODEL_IN_BUILD]: MODEL_JSON, 'background.js': 'fetch("model/judge.vi.json")' },
      [],
    ],
    [
      'gói nội dung mang mô hình (nhập tĩnh)',
      {
        [MODEL_IN_BUILD]: MODEL_JSON,
        'content-scripts/facebook.js': `const m = ${JSON.stringify(MODEL_JSON)};`,
      },
      [/facebook\.js: carries the model/],
    ],
    ['thiếu tệp mô hình', { 'background.js': '' }, [/model\/judge\.vi\.json is missing/]],
  ])('%s', (_, files, problems) => {
    const found = checkBuilds([build(files)], MARKER);
    expect(found).toHaveLength(problems.length);
    problems.forEach((p, i) => {
      expect(found[i]).toMatch(p);
    });
  });

  test('mô hình thật vừa ngân sách 400 KB khi nén như trong zip', () => {
    expect(deflatedSize(Buffer.from(MODEL_JSON))).toBeLessThanOrEqual(MODEL_BUDGET_BYTES);
  });

  test('mô hình quá ngân sách: báo cỡ và ngân sách', () => {
    const dir = build({ [MODEL_IN_BUILD]: MODEL_JSON });
    const size = deflatedSize(Buffer.from(MODEL_JSON));
    expect(checkBuilds([dir], MARKER, size)).toEqual([]);
    const found = checkBuilds([dir], MARKER, size - 1);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/KB deflated, over the \d+ KB budget/);
  });

  test('không có bản dựng: báo', () => {
    expect(checkBuilds([join(tmpdir(), 'khcn-khong-co-ban-dung')], MARKER)[0]).toMatch(/no build here/);
  });
});

/** A zip of these entries, deflated, as a store zip is; its path. */
function zip(files: Record<string, string>): string {
  const archive = new AdmZip();
  for (const [name, text] of Object.entries(files)) archive.addFile(name, Buffer.from(text));
  const path = join(mkdtempSync(join(tmpdir(), 'khcn-zip-')), 'khcn-chrome.zip');
  archive.writeZip(path);
  return path;
}

describe('modelInZip: mô hình trong tệp zip của cửa hàng', () => {
  test('mục riêng của mô hình, nén; gói JS mang bản sao cũng được đếm', () => {
    const path = zip({
      'manifest.json': '{"name":"KHCN"}',
      [MODEL_IN_BUILD]: MODEL_JSON,
      'background.js': 'fetch("model/judge.vi.json")',
      'content-scripts/facebook.js': `const m = ${JSON.stringify(MODEL_JSON)};`,
    });
    const { file, copies } = modelInZip(path, MARKER);
    expect(file?.name).toBe(MODEL_IN_BUILD);
    expect(file!.compressed).toBeGreaterThan(0);
    expect(file!.compressed).toBeLessThan(Buffer.byteLength(MODEL_JSON));
    expect(copies.map((e) => e.name)).toEqual(['content-scripts/facebook.js']);
  });

  test('không phải zip: báo', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'khcn-zip-')), 'khong-phai.zip');
    writeFileSync(path, 'không phải zip');
    expect(() => modelInZip(path, MARKER)).toThrow();
  });
});
