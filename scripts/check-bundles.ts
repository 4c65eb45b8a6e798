/**
 * `npx tsx scripts/check-bundles.ts` (after `npm run build` and
 * `npm run build:firefox`; the e2e run calls it after its builds): fails when
 * a built JS bundle carries the judgement's model. The model is one data file
 * of the build (`model/judge.vi.json`, issue 14); imported by a bundle, each
 * one that judges carried its own copy of ~550 KB (three in the Chrome zip),
 * which the judgement bench, deflating the JSON once, did not show.
 *
 * Also reads a store zip's entries (no dependency: the central directory is
 * a few fixed fields), for the judgement bench's "model data in the zip".
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..');
export const MODEL_SOURCE = join(ROOT, 'lib/model/judge.vi.json');
/** Where the build puts the model (wxt.config.ts's hook; MODEL_BUILD_PATH in lib/judge/default.ts). */
export const MODEL_IN_BUILD = 'model/judge.vi.json';
export const BUILD_DIRS = ['.output/chrome-mv3', '.output/firefox-mv2'];

/**
 * A piece of the model's weights no code holds by chance: 64 base64
 * characters from the middle of them (the start of a base64 string is the
 * likeliest to repeat elsewhere). Any copy of the model, as JSON or as a
 * string literal, contains it.
 */
export function modelMarker(modelJson = readFileSync(MODEL_SOURCE, 'utf8')): string {
  const weights = (JSON.parse(modelJson) as { weights: string }).weights;
  const middle = Math.floor(weights.length / 2);
  return weights.slice(middle, middle + 64);
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => path.endsWith('.js') && statSync(path).isFile());
}

/** Problems found in the builds: a bundle with the model, a build without its model file, a build missing. */
export function checkBuilds(dirs = BUILD_DIRS.map((d) => join(ROOT, d)), marker = modelMarker()): string[] {
  const problems: string[] = [];
  for (const dir of dirs) {
    const name = relative(ROOT, dir) || dir;
    if (!existsSync(dir)) {
      problems.push(`${name}: no build here (npm run build && npm run build:firefox first)`);
      continue;
    }
    if (!existsSync(join(dir, MODEL_IN_BUILD))) problems.push(`${name}: ${MODEL_IN_BUILD} is missing`);
    for (const file of jsFiles(dir)) {
      if (readFileSync(file, 'utf8').includes(marker)) {
        problems.push(`${relative(ROOT, file)}: carries the model (load ${MODEL_IN_BUILD} instead)`);
      }
    }
  }
  return problems;
}

export interface ZipEntry {
  name: string;
  /** Bytes in the zip (compressed). */
  compressed: number;
  size: number;
  data(): Buffer;
}

/** A zip's entries, from its central directory (stored or deflated entries, no zip64: a store zip is small). */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`not a zip: bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      compressed,
      size,
      data() {
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const raw = zip.subarray(start, start + compressed);
        if (method === 0) return Buffer.from(raw);
        if (method === 8) return inflateRawSync(raw);
        throw new Error(`${name}: compression method ${method}`);
      },
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The model's bytes in a store zip: its own entry, and every bundle that carries a copy. */
export function modelInZip(
  zipPath: string,
  marker = modelMarker(),
): { file: ZipEntry | undefined; copies: ZipEntry[] } {
  const entries = zipEntries(readFileSync(zipPath));
  return {
    file: entries.find((e) => e.name === MODEL_IN_BUILD),
    copies: entries.filter((e) => e.name.endsWith('.js') && e.data().includes(marker)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkBuilds();
  if (problems.length > 0) {
    for (const p of problems) console.error(`✖ ${p}`);
    process.exit(1);
  }
  console.log(`✔ no JS bundle in ${BUILD_DIRS.join(', ')} carries the model; each has ${MODEL_IN_BUILD}`);
}
