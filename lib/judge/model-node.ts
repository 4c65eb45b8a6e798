/**
 * Node only (scripts, the CLI, tests): the shipped model read from disk,
 * where `npm run train` writes it (lib/model/judge.vi.json). The extension
 * never reads it this way: its bundles carry no model, the background and the
 * options page fetch the build's copy (`model/judge.vi.json`, issue 14).
 *
 * Node's modules are reached through `process.getBuiltinModule` rather than
 * imported, so this module can sit in a browser bundle's import graph (through
 * lib/judge/default.ts) without pulling `node:fs` into it: in a browser there
 * is no `process` and it answers null.
 */

import { errorMessage } from '../errors';

interface NodeLike {
  getBuiltinModule?(id: 'node:fs'): { readFileSync(path: string | URL, encoding: 'utf8'): string };
}

/** Where `npm run train` writes the model, next to this module's folder. */
const MODEL_SOURCE = '../model/judge.vi.json';

/** The model file's JSON read from disk, or why it could not be read; null outside Node. */
export function readModelFromDisk(): { ok: true; json: unknown } | { ok: false; error: string } | null {
  const fs = (globalThis as { process?: NodeLike }).process?.getBuiltinModule?.('node:fs');
  if (!fs) return null;
  // The path in a constant, not a literal in `new URL('…', import.meta.url)`: Vite would bundle a literal's file as an asset.
  const file = new URL(MODEL_SOURCE, import.meta.url);
  try {
    return { ok: true, json: JSON.parse(fs.readFileSync(file, 'utf8')) };
  } catch (error) {
    return { ok: false, error: `${file.pathname}: ${errorMessage(error)}` };
  }
}
