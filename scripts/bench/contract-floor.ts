// The floor under the Facebook page layer's cost, for the benchmark only:
// what the contracts (docs/contracts.md) make every comment cost, and nothing else.
// Each comment article is found, its id read from its timestamp link and
// written to `data-khcn-comment`, its words read (flags need them), and it
// gets a "Lưu ý tưởng" button in an open shadow root under a khcn- element
// (a clone of one template, the cheapest way measured), in a batch run at the
// next animation frame (so the page lays them out with its own). No flags are
// computed, no other field is read, no check is made that the real layer
// makes (editable areas, nested replies, base64 ids, action words…). The
// benchmark runs it in an isolated world, as it runs the watcher alone.
//
// With `BENCH_FLOOR_PARTS=1` the bench also runs it without reading words
// and/or without the button (the bundler sets these two constants), to show
// what each part of the floor costs.

declare const FLOOR_READS_WORDS: boolean;
declare const FLOOR_ADDS_BUTTON: boolean;

import { ARTICLE_ANY, TEXT_BLOCK, TIMESTAMP_LINK_ANY } from '../../lib/facebook/selectors';

const ID = /[?&](?:reply_comment_id|comment_id)=(\d+)/;
const REPLY_ID = /[?&]reply_comment_id=(\d+)/;

const template = document.createElement('khcn-comment-tools');
const root = template.attachShadow({ mode: 'open', clonable: true } as ShadowRootInit);
const button = document.createElement('button');
button.type = 'button';
button.textContent = 'Lưu ý tưởng';
root.append(button);
const sheet = new CSSStyleSheet();
sheet.replaceSync(':host { display: block } button { border-radius: 10px }');

/** Kept so the engine cannot drop the reading. */
export const words: string[] = [];
let queue: Node[] = [document.body];
let pending = false;

function read(article: Element): Element | null {
  let id: string | null = null;
  for (const link of article.querySelectorAll(TIMESTAMP_LINK_ANY)) {
    const href = link.getAttribute('href') ?? '';
    const m = REPLY_ID.exec(href) ?? ID.exec(href);
    if (m?.[1]) {
      id = m[1];
      break;
    }
  }
  if (id === null) return null;
  article.setAttribute('data-khcn-comment', id);
  if (!FLOOR_READS_WORDS) return article;
  let text = '';
  for (const block of article.querySelectorAll(TEXT_BLOCK))
    if (block.childElementCount === 0) text += `${block.textContent}\n`;
  words.push(text);
  return article;
}

function run() {
  pending = false;
  const nodes = queue;
  queue = [];
  const found: Element[] = [];
  for (const node of nodes) {
    if (node.nodeType !== 1 || (node as Element).localName.startsWith('khcn-')) continue;
    for (const article of (node as Element).querySelectorAll(ARTICLE_ANY)) {
      const marked = read(article);
      if (marked) found.push(marked);
    }
  }
  if (!FLOOR_ADDS_BUTTON) return;
  observer.disconnect();
  for (const article of found) {
    const host = template.cloneNode(true) as Element;
    if (host.shadowRoot) host.shadowRoot.adoptedStyleSheets = [sheet];
    article.appendChild(host);
  }
  observer.observe(document.body, { childList: true, subtree: true });
}

const observer = new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) queue.push(node);
  if (!pending) {
    pending = true;
    requestAnimationFrame(run);
  }
});
observer.observe(document.body, { childList: true, subtree: true });
pending = true;
requestAnimationFrame(run);
