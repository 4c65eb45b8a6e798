import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  checkBuilds,
  MODEL_IN_BUILD,
  MODEL_SOURCE,
  modelMarker,
  zipEntries,
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
  test('dấu là một đoạn trọng số của mô hình', () => {
    expect(MARKER).toHaveLength(64);
    expect(JSON.parse(MODEL_JSON).weights).toContain(MARKER);
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

  test('không có bản dựng: báo', () => {
    expect(checkBuilds([join(tmpdir(), 'khcn-khong-co-ban-dung')], MARKER)[0]).toMatch(/no build here/);
  });
});

/** A zip of these entries, deflated, as a store zip is. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = deflateRawSync(Buffer.from(text));
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Buffer.byteLength(text), 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(Buffer.byteLength(text), 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('zipEntries: đọc mục của tệp zip', () => {
  test('tên, kích thước, nội dung', () => {
    const files = { 'manifest.json': '{"name":"KHCN"}', [MODEL_IN_BUILD]: MODEL_JSON };
    const entries = zipEntries(zip(files));
    expect(entries.map((e) => e.name)).toEqual(Object.keys(files));
    expect(entries[1]!.size).toBe(Buffer.byteLength(MODEL_JSON));
    expect(entries[1]!.compressed).toBeLessThan(entries[1]!.size);
    expect(entries[1]!.data().toString()).toBe(MODEL_JSON);
  });

  test('không phải zip: báo', () => {
    expect(() => zipEntries(Buffer.from('không phải zip'))).toThrow(/not a zip/);
  });
});
