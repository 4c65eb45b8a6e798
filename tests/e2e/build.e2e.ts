// The built packages as the browsers will read them. Chrome refuses a content
// script that is not "UTF-8" in its strict sense (no noncharacters such as
// U+FFFF, which a bundler can write raw from a "\uffff" escape) and then
// silently loads no extension at all: check every file before anything else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]/u;

describe.each(['.output/chrome-mv3', '.output/firefox-mv2'])('%s', (dir) => {
  test('every script, page and JSON file is strict UTF-8 without noncharacters', () => {
    let exists = true;
    try {
      statSync(dir);
    } catch {
      exists = false;
    }
    // The Firefox build is made by CI's `npm run build:firefox` before the e2e step.
    if (!exists && dir.includes('firefox')) return;
    const checked = files(dir).filter((f) => /\.(js|html|json|css)$/.test(f));
    expect(checked.length).toBeGreaterThan(5);
    const bad = checked.filter((f) => {
      const bytes = readFileSync(f);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      return text.includes('\uFFFD') || NONCHARACTER.test(text);
    });
    expect(bad).toEqual([]);
  });
});
