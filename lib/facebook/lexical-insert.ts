import type { MessageKey } from '../i18n/strings';
import { LEXICAL_ROOT } from './selectors';

/**
 * Inserting into Facebook's composer, a Lexical editor. Setting its text
 * directly is undone by Lexical, and an untrusted `beforeinput insertText` is
 * ignored; this file only uses the paths Lexical itself handles (see docs/facebook-dom.md,
 * "Inserting into Lexical"), and never presses Enter. Which comment a box
 * answers is composer-target.ts's question.
 */

/** True for a connected, editable Lexical root. */
export function isLexicalComposer(el: Element): el is HTMLElement {
  return (
    el.isConnected &&
    el.matches(LEXICAL_ROOT) &&
    (el as HTMLElement).isContentEditable !== false &&
    el.getAttribute('contenteditable') === 'true'
  );
}

/** The composer's text as a reader sees it: `<br>` and paragraph ends as line breaks. */
export function composerText(composer: Element): string {
  const lines: string[] = [];
  let line = '';
  const blockTags = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'BLOCKQUOTE']);
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) line += (child as Text).data;
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.tagName === 'BR') {
          // Lexical ends an empty paragraph, and a line ending in a break, with a <br>.
          if (el.nextSibling) {
            lines.push(line);
            line = '';
          }
        } else if (blockTags.has(el.tagName)) {
          if (line) lines.push(line);
          line = '';
          walk(el);
          lines.push(line);
          line = '';
        } else walk(el);
      }
    }
  };
  walk(composer);
  if (line) lines.push(line);
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

export type InsertMethod = 'execCommand' | 'paste' | 'beforeinput';
export type InsertFailure =
  | 'no-composer'
  | 'not-lexical'
  | 'detached'
  | 'selection-moved'
  | 'not-inserted'
  | 'inserted-twice'
  | 'wrong-place'
  | 'empty-text';

export type InsertResult = { ok: true; method: InsertMethod } | { ok: false; reason: InsertFailure };

/** What the moderator reads for each failure: `t(INSERT_FAILURE_TEXT[reason])` where it is shown. */
export const INSERT_FAILURE_TEXT: Record<InsertFailure, MessageKey> = {
  'no-composer': 'insert_noComposer',
  'not-lexical': 'insert_notLexical',
  detached: 'insert_detached',
  'selection-moved': 'insert_selectionMoved',
  'not-inserted': 'insert_notInserted',
  'inserted-twice': 'insert_insertedTwice',
  'wrong-place': 'insert_wrongPlace',
  'empty-text': 'insert_emptyText',
};

/** A typed failure: the content script words it in the UI's language where it shows it. */
function fail(reason: InsertFailure): InsertResult {
  return { ok: false, reason };
}

/** The last non-empty text node in the composer, or null for an empty editor. */
export function lastTextNode(composer: Element): Text | null {
  const doc = composer.ownerDocument;
  const walker = doc.createTreeWalker(composer, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Text | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.length > 0) last = node as Text;
  }
  return last;
}

/**
 * Puts the caret at the very end of the composer's text: after its last text
 * node (so after a prefilled @mention), or inside its last paragraph when empty.
 * Collapsing to the end of the whole root instead lets Lexical place it before
 * the mention.
 */
export function placeCaretAtEnd(composer: HTMLElement, win: Window): boolean {
  const selection = win.getSelection();
  if (!selection) return false;
  const doc = composer.ownerDocument;
  const range = doc.createRange();
  const text = lastTextNode(composer);
  if (text) {
    range.setStart(text, text.data.length);
  } else {
    const block = composer.lastElementChild ?? composer;
    range.setStart(block, 0);
  }
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/** True when the document's selection is a caret inside the composer. */
export function caretInside(composer: Element, win: Window): boolean {
  const selection = win.getSelection();
  const anchor = selection?.anchorNode ?? null;
  return selection !== null && selection.rangeCount > 0 && anchor !== null && composer.contains(anchor);
}

/** Resolves after Lexical has had its turn: the pending `selectionchange` handled, then one task. */
function nextTurn(win: Window, timeoutMs = 50): Promise<void> {
  return new Promise((resolve) => {
    const doc = win.document;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      doc.removeEventListener('selectionchange', finish);
      win.setTimeout(resolve, 0);
    };
    doc.addEventListener('selectionchange', finish);
    win.setTimeout(finish, timeoutMs);
  });
}

/** Resolves after two animation frames (Lexical commits in a microtask, reconciles the DOM before paint). */
function afterCommit(win: Window): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const done = () => {
      if (!settled) {
        settled = true;
        resolve();
      }
    };
    // A hidden tab pauses animation frames: a timer makes sure we still answer.
    win.setTimeout(done, 150);
    if (typeof win.requestAnimationFrame === 'function') {
      win.requestAnimationFrame(() => win.requestAnimationFrame(() => done()));
    }
  });
}

/** Compares text as Lexical may render it: no blank lines, no non-breaking spaces, no trailing spaces. */
export function normalizeForCompare(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.length > 0)
    .join('\n');
}

function countOf(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length))
    count += 1;
  return count;
}

/**
 * Checks what the editor holds after an insertion: the text present exactly
 * one more time than before, and what was there first (an @mention) still
 * there, before it.
 */
export function verifyInsertion(
  before: string,
  after: string,
  text: string,
): { ok: true } | { ok: false; reason: 'not-inserted' | 'inserted-twice' | 'wrong-place' } {
  const b = normalizeForCompare(before);
  const a = normalizeForCompare(after);
  const t = normalizeForCompare(text);
  const added = countOf(a, t) - countOf(b, t);
  if (added <= 0) return { ok: false, reason: 'not-inserted' };
  if (added > 1) return { ok: false, reason: 'inserted-twice' };
  const prefix = b.trim();
  if (prefix && !(a.startsWith(prefix) && a.lastIndexOf(t) >= prefix.length))
    return { ok: false, reason: 'wrong-place' };
  return { ok: true };
}

type PageWindow = Window & typeof globalThis;

/**
 * In Firefox a content script's objects live in its own compartment: events
 * and DataTransfers are built with the page's constructors (`wrappedJSObject`)
 * and their init dictionaries cloned into the page (`cloneInto`), so the
 * page's Lexical can read `clipboardData`. Chromium shares the DOM objects
 * across worlds and needs neither.
 */
function pageWindow(win: Window): PageWindow {
  return ((win as unknown as { wrappedJSObject?: PageWindow }).wrappedJSObject ?? win) as PageWindow;
}

// wrapReflectors: the init dictionaries carry a DataTransfer, a DOM object that
// a structured clone refuses ("unsupported value type"); Firefox wraps it instead.
/** Firefox's content scripts see the page through Xray wrappers (`wrappedJSObject`). */
function isGecko(win: Window): boolean {
  return 'wrappedJSObject' in win || /\bFirefox\//.test(win.navigator.userAgent);
}

function intoPage<T extends object>(value: T, win: Window): T {
  const clone = (globalThis as { cloneInto?: (v: T, target: unknown, o?: object) => T }).cloneInto;
  return typeof clone === 'function'
    ? clone(value, pageWindow(win), { cloneFunctions: false, wrapReflectors: true })
    : value;
}

function plainTextTransfer(win: Window, text: string): DataTransfer | null {
  const page = pageWindow(win);
  if (typeof page.DataTransfer !== 'function') return null;
  try {
    const transfer = new page.DataTransfer();
    transfer.setData('text/plain', text);
    return transfer;
  } catch {
    return null;
  }
}

/** A synthetic paste carrying the text; true when a handler (Lexical's) took it. */
function dispatchPaste(composer: HTMLElement, win: Window, text: string): boolean {
  const page = pageWindow(win);
  const transfer = plainTextTransfer(win, text);
  if (!transfer || typeof page.ClipboardEvent !== 'function') return false;
  const event = new page.ClipboardEvent(
    'paste',
    intoPage({ bubbles: true, cancelable: true, clipboardData: transfer }, win),
  );
  // Some engines ignore clipboardData in the init dictionary: give it one.
  if (!event.clipboardData) {
    try {
      Object.defineProperty(event, 'clipboardData', { value: transfer });
    } catch {
      return false;
    }
  }
  return !composer.dispatchEvent(event);
}

/** `beforeinput` with `insertReplacementText`, which Lexical accepts untrusted; true when handled. */
function dispatchReplacement(composer: HTMLElement, win: Window, text: string): boolean {
  const page = pageWindow(win);
  const transfer = plainTextTransfer(win, text);
  if (typeof page.InputEvent !== 'function') return false;
  const event = new page.InputEvent(
    'beforeinput',
    intoPage(
      {
        bubbles: true,
        cancelable: true,
        inputType: 'insertReplacementText',
        data: text,
        dataTransfer: transfer,
      },
      win,
    ),
  );
  return !composer.dispatchEvent(event);
}

function execInsert(doc: Document, text: string): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/**
 * Inserts `text` at the end of a Lexical composer, after any @mention, and
 * verifies it landed exactly once. Never submits, never retries at once: a
 * failure says why and offers the clipboard.
 */
export async function insertIntoComposer(
  composer: HTMLElement | null,
  text: string,
  opts: { win: Window },
): Promise<InsertResult> {
  const { win } = opts;
  if (!text.trim()) return fail('empty-text');
  if (!composer) return fail('no-composer');
  if (!composer.isConnected) return fail('detached');
  if (!isLexicalComposer(composer)) return fail('not-lexical');
  const doc = composer.ownerDocument;

  composer.focus();
  placeCaretAtEnd(composer, win);
  // Lexical reads the selection on `selectionchange`, asynchronously: inserting
  // in this same turn put the text in twice, once before the mention.
  await nextTurn(win);
  if (!composer.isConnected) return fail('detached');
  if (!caretInside(composer, win)) return fail('selection-moved');

  const before = composerText(composer);
  let method: InsertMethod | null = null;
  // Each path below reports synchronously whether it was taken; a fallback runs
  // only when the previous one did nothing, so text never goes in twice.
  if (!text.includes('\n')) {
    if (execInsert(doc, text)) method = 'execCommand';
  } else if (isGecko(win)) {
    // Firefox: Lexical takes a synthetic paste (preventDefault) but reads its
    // DataTransfer only after the dispatch, when Firefox has already locked it:
    // nothing lands. insertReplacementText carries the lines in `data`.
    // Seen 2026-11-28 with Firefox ESR 153 and Lexical 0.52 (tests/e2e/firefox.e2e.ts).
    if (dispatchReplacement(composer, win, text)) method = 'beforeinput';
  } else if (dispatchPaste(composer, win, text)) {
    method = 'paste';
  }
  if (!method && dispatchReplacement(composer, win, text)) method = 'beforeinput';
  if (!method) return fail('not-inserted');

  await afterCommit(win);
  if (!composer.isConnected) return fail('detached');
  const verdict = verifyInsertion(before, composerText(composer), text);
  return verdict.ok ? { ok: true, method } : fail(verdict.reason);
}

/**
 * Copies text for the "press Ctrl+V" fallback, without touching Facebook's DOM:
 * the async clipboard first, else a one-off `copy` handler.
 */
export async function copyToClipboard(text: string, opts: { win?: Window } = {}): Promise<boolean> {
  const win = opts.win ?? globalThis.window;
  try {
    await win.navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Denied without a user gesture, or unavailable: try the copy event.
  }
  const doc = win.document;
  let wrote = false;
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
    wrote = event.clipboardData !== null;
  };
  doc.addEventListener('copy', onCopy, true);
  try {
    const ran = typeof doc.execCommand === 'function' && doc.execCommand('copy');
    return ran && wrote;
  } catch {
    return false;
  } finally {
    doc.removeEventListener('copy', onCopy, true);
  }
}
