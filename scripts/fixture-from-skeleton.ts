// `npm run fixture:from-skeleton FILE [NAME]`: turns a layout report a
// moderator sent (an anonymised skeleton, lib/facebook/skeleton.ts) into a
// saved-HTML test fixture in tests/fixtures/facebook/, so a fix for a Facebook
// layout change starts from what the moderator saw. Placeholders become fake
// but consistent values: the same ‹n3› is the same 16-digit id everywhere,
// base64 comment tokens are rebuilt from those ids, names and words become
// Vietnamese placeholders. A file that is not a skeleton is refused with
// what is wrong, and nothing is written.

import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { Skeleton, type SkeletonNode } from '../lib/facebook/skeleton';

const NAMES = ['Lan', 'Minh', 'Hoa', 'Tuấn', 'Hương', 'Dũng', 'Mai', 'Quang', 'Thảo', 'Bảo'];
const VOID = new Set(['img', 'br', 'input', 'hr', 'meta', 'link', 'source', 'wbr']);

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function fakeId(n: number): string {
  return `9${String(n).padStart(15, '0')}`;
}

/** Placeholders back into values a fixture can hold. */
export function fill(text: string, counters: { word: number; text: number }, page: string): string {
  return text
    .replace(/‹b64:(n\d+(?:_n\d+){1,2})›/g, (_all, inner: string) => {
      const ids = inner.split('_').map((part) => fakeId(Number(part.slice(1))));
      return encodeURIComponent(btoa(`comment:${ids.join('_')}`));
    })
    .replace(/‹n(\d+)›/g, (_m, n: string) => fakeId(Number(n)))
    .replace(/‹pfbid(\d+)›/g, (_m, n: string) => `pfbid02Skeleton${n.padStart(4, '0')}AbCdEfGhIjKl`)
    .replace(/‹s(\d+)›/g, (_m, n: string) => `nguoi.${n}`)
    .replace(/‹page›/g, page)
    .replace(/‹v(\d+)›/g, (_m, n: string) => `v${n}`)
    .replace(/‹external›/g, 'example.org')
    .replace(/‹path›/g, 'trang')
    .replace(/‹id›/g, () => `id-${++counters.word}`)
    .replace(/‹alt›/g, '🙂')
    .replace(/‹data›/g, 'image/gif;base64,R0lGODlhAQABAAAAACw=')
    .replace(/‹url›/g, '#')
    .replace(/‹w›/g, () => NAMES[counters.word++ % NAMES.length] as string)
    .replace(/‹t›/g, () => `Lời bình luận số ${++counters.text}`)
    .replace(/‹v›/g, 'v');
}

/**
 * The skeleton as HTML, with no whitespace added between nodes: Facebook's
 * markup has none, and a text block's words are read from its text nodes.
 */
export function renderSkeleton(node: SkeletonNode, page = 'khcndmst'): string {
  const counters = { word: 0, text: 0 };
  const render = (n: SkeletonNode): string => {
    const attrs = Object.entries(n.a ?? {})
      .map(([key, value]) => ` ${key}="${escapeHtml(fill(value, counters, page))}"`)
      .join('');
    if (VOID.has(n.t)) return `<${n.t}${attrs}>`;
    const children = (n.c ?? []).map((child) =>
      typeof child === 'string' ? escapeHtml(fill(child, counters, page)) : render(child),
    );
    return `<${n.t}${attrs}>${children.join('')}</${n.t}>`;
  };
  return render(node);
}

export function fixtureFromSkeleton(json: string, source: string): { html: string } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { error: `${source}: not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const result = Skeleton.safeParse(parsed);
  if (!result.success) return { error: `${source}: not a layout report\n${z.prettifyError(result.error)}` };
  const skeleton = result.data;
  const body = renderSkeleton(skeleton.tree);
  const html = `<!doctype html>
<!-- From a moderator's layout report (${basename(source)}), captured ${skeleton.capturedAt}
     (${skeleton.reason}; selector pack ${skeleton.selectorPack}; ${skeleton.elements} elements${skeleton.truncated ? ', cut' : ''}).
     Page URL shape: ${escapeHtml(skeleton.url).replace(/--/g, '- -')}
     Watcher counts: ${escapeHtml(JSON.stringify(skeleton.stats ?? {})).replace(/--/g, '- -')}
     Names, words and ids are placeholders (scripts/fixture-from-skeleton.ts). -->
<html lang="vi"><head><meta charset="utf-8"><title>Facebook</title></head>
<body>
${body}
</body></html>
`;
  return { html };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, name] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npm run fixture:from-skeleton FILE [NAME]');
    process.exit(2);
  }
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    console.error(`${file}: cannot read (${error instanceof Error ? error.message : String(error)})`);
    process.exit(1);
  }
  const out = fixtureFromSkeleton(text, file);
  if ('error' in out) {
    console.error(out.error);
    process.exit(1);
  }
  const fixtureName = (name ?? basename(file).replace(/\.json$/i, '')).replace(/[^\w.-]+/g, '-');
  const target = resolve('tests/fixtures/facebook', `${fixtureName}.html`);
  writeFileSync(target, out.html);
  console.log(`wrote ${target}\nload it in a test with loadFixture('${fixtureName}.html')`);
}
