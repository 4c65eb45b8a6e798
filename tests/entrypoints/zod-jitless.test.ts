// zod's eval fast path is off in every entrypoint (entrypoints/shared/zod-jitless.ts):
// each entrypoint imports the setting first, and after it no schema evaluates a string.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';

const ENTRYPOINTS = join(__dirname, '../../entrypoints');
const FIRST_IMPORT = "import '../shared/zod-jitless';";

/** Each entrypoint's own module: the script of a page's index.html, or a script entrypoint's index. */
function entryModules(): string[] {
  const modules: string[] = [];
  for (const entry of readdirSync(ENTRYPOINTS, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'shared') continue;
    const dir = join(ENTRYPOINTS, entry.name);
    const html = join(dir, 'index.html');
    if (existsSync(html)) {
      const src = readFileSync(html, 'utf8').match(/<script[^>]*\bsrc="([^"]+)"/)?.[1];
      if (src) modules.push(join(dirname(html), src));
      continue;
    }
    const index = ['index.ts', 'index.tsx'].map((f) => join(dir, f)).find(existsSync);
    if (index) modules.push(index);
  }
  return modules;
}

describe('zod không biên dịch bằng eval (zod without eval)', () => {
  test('mọi entrypoint đều có: nền, trang Facebook, thanh bên, tùy chọn, báo cáo', () => {
    const names = entryModules().map((m) => m.slice(ENTRYPOINTS.length + 1));
    expect(names.sort()).toEqual([
      'background/index.ts',
      'facebook.content/index.ts',
      'options/main.tsx',
      'report/main.tsx',
      'sidepanel/main.tsx',
    ]);
  });

  test.each(entryModules().map((m) => [m.slice(ENTRYPOINTS.length + 1), m]))(
    '%s nhập thiết lập zod trước mọi module khác',
    (_name, module) => {
      const firstImport = readFileSync(module, 'utf8')
        .split('\n')
        .find((line) => line.startsWith('import '));
      expect(firstImport).toBe(FIRST_IMPORT);
    },
  );

  test('sau thiết lập: dựng và phân tích schema không gọi Function (không eval)', async () => {
    // Node allows eval, so without the setting zod would call `Function` to probe
    // for it when the schemas are built and to compile each object's parser.
    const evaluate = vi.spyOn(globalThis, 'Function');
    await import('../../entrypoints/shared/zod-jitless');
    const { z } = await import('zod');
    expect(z.config().jitless).toBe(true);
    const { JudgeResponse } = await import('../../lib/messages');
    const flag = {
      ruleId: 'lua-dao.chuyen-khoan',
      category: 'scam',
      severity: 'high',
      matched: 'chuyển khoản trước',
      explanation: 'Yêu cầu chuyển khoản trước',
    };
    const answer = { ok: true, flagged: [[3, [flag]]] };
    expect(JudgeResponse.parse(answer)).toEqual(answer);
    expect(JudgeResponse.parse(answer)).toEqual(answer);
    expect(evaluate).not.toHaveBeenCalled();
    // The first import of lib/messages transforms most of lib/ (over vitest's 5 s
    // default at load 6–17 on a 2-core machine): the test checks eval, not speed.
  }, 30_000);
});
