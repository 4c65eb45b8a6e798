import { CATEGORIES, type Category } from '../../lib/flags/categories';
import { categoriesOf } from '../../lib/flags/hit';
import { type MessageKey, t } from '../../lib/i18n';
import type { FlagSummary } from '../../lib/messages';
import { revealInvisible } from '../../lib/text/invisible';
import { byUser } from '../../lib/trusted-events';
import { adoptStyles, createShadowHost, el } from './shadow';

const TOOLS_TAG = 'khcn-comment-tools';

/**
 * `content-visibility: auto` on the host: a comment's flags come from the
 * background after it was shown with its save button, and a badge that wraps
 * the row to a second line changed the host's height, so the page laid out
 * and pre-painted everything after it again (a quarter of the flagged hosts
 * on the bench page; docs/benchmarks.md, fifth round, second part). Off
 * screen, a host now keeps its last size (one row at first) whatever its
 * badges, and its insides are not rendered; on screen it is laid out as
 * before. Its paint containment would clip a badge's explanation (below the
 * host): hovered or focused, the host is rendered as any other element.
 */
const CSS = `
:host { all: initial; display: block; margin: 2px 0 4px 0; font: 12px/1.4 system-ui, 'Segoe UI', Roboto, sans-serif; content-visibility: auto; contain-intrinsic-block-size: auto calc(12px * 1.4 + 4px); }
:host(:hover), :host(:focus-within) { content-visibility: visible; }
.row { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
button { font: inherit; cursor: pointer; border-radius: 10px; padding: 1px 8px; border: 1px solid #ccd0d5; background: #f0f2f5; color: #1c1e21; }
button:focus-visible { outline: 2px solid #0a5bc4; outline-offset: 1px; }
.badge { border-color: #b3261e; background: #fde7e7; color: #8c1d18; font-weight: 600; }
.badge.health { background: #fff0e0; border-color: #b35c00; color: #7a3e00; }
.badge.pseudoscience { background: #f3e8ff; border-color: #6b3fa0; color: #4a2a70; }
.badge.impersonation { background: #e8f0ff; border-color: #2456a6; color: #183c75; }
.tip { display: none; position: absolute; z-index: 10; max-width: 360px; margin-top: 4px; padding: 6px 8px; border-radius: 6px; background: #1c1e21; color: #fff; white-space: pre-line; }
.wrap { position: relative; }
.tip button { margin-top: 4px; }
.menu { display: inline-flex; flex-wrap: wrap; gap: 4px; }
.wrap:hover .tip, .wrap:focus-within .tip { display: block; }
:host([data-theme=dark]) button { background: #3a3b3c; color: #e4e6eb; border-color: #4e4f50; }
:host([data-theme=dark]) .badge { background: #4a1512; color: #ffb4ab; }
`;

/**
 * Marks a recognised comment's article: flags as `data-khcn-flags` (a
 * contract, docs/contracts.md), a badge per category with its explanation on hover and focus,
 * and the "Lưu ý tưởng" button. Idempotent: a re-rendered article or a
 * changed flag list is brought up to date, never decorated twice. The button
 * has no listener of its own: one click listener per session
 * (`listenForSaveClicks`) serves every comment on the page, and finds the
 * comment by the id it decorated the article with (not by an attribute the
 * page could have rewritten since).
 */
export function decorateComment(
  article: Element,
  commentId: string,
  flags: readonly FlagSummary[],
  /** Facebook's dark theme is on (`facebookIsDark()`, read once per batch by the caller). */
  dark: boolean,
): void {
  // Seven comments in eight have no flag: no sets or strings built for them.
  const categories = flags.length === 0 ? NONE : categoriesOf(flags);
  const decorated = decorations.get(article);
  if (categories.length > 0) article.setAttribute('data-khcn-flags', categories.join(' '));
  else if (decorated?.flagged) article.removeAttribute('data-khcn-flags');

  const signature =
    categories.length > 0 ? `${commentId}|${flags.map((f) => f.ruleId).join(',')}` : commentId;
  // Facebook may have dropped our host while re-rendering the comment's insides.
  const inPlace = decorated?.host.parentNode === article && decorated.commentId === commentId;
  if (inPlace && decorated.signature === signature) return;
  if (inPlace) {
    // New flags for the host already there (the judge answers after the
    // comment was shown with its button): the badges change inside its
    // shadow root, and the page's own tree is left alone — no node added or
    // removed under Facebook's (nor a mutation record for the watcher).
    const root = decorated.host.shadowRoot;
    const save = root?.querySelector('button.save');
    if (root && save) {
      for (const old of root.querySelectorAll('.wrap')) old.remove();
      addBadges(save, categories, flags);
      decorated.signature = signature;
      decorated.flagged = categories.length > 0;
      return;
    }
  }
  decorated?.host.remove();

  const host = toolsHost();
  if (dark) host.setAttribute('data-theme', 'dark');
  if (categories.length > 0) {
    const save = host.shadowRoot?.querySelector('button.save');
    if (save) addBadges(save, categories, flags);
  }
  article.appendChild(host);
  decorations.set(article, { host, signature, flagged: categories.length > 0, commentId });
}

/** One badge per flagged category, with its flags' explanations, before the host's save button. */
function addBadges(save: Element, categories: readonly Category[], flags: readonly FlagSummary[]): void {
  for (const category of categories)
    save.before(
      badge(
        category,
        flags.filter((f) => f.category === category),
      ),
    );
}

const NONE: readonly Category[] = [];

/**
 * What each decorated article carries, kept here rather than in attributes
 * on the page: one more attribute per comment is one more write per comment.
 */
const decorations = new WeakMap<
  Element,
  { host: Element; signature: string; flagged: boolean; commentId: string }
>();

let template: HTMLElement | null = null;
/** Whether a clone's shadow root needs the stylesheet adopted again (the spec does not copy adopted sheets). */
let clonesNeedSheet = false;

/**
 * Builds the tools' template (its shadow root, labels and stylesheet) before
 * the first comments come, in the session's start-up, so the first batch
 * only clones it: that batch ran this code cold and was among the four
 * largest of every bench run (issue 14, sixth round: 5.7–10.2 ms).
 */
export function prepareTools(): void {
  toolsHost();
}

/**
 * A tools host with its shadow root, style and save button. This runs for
 * every comment Facebook streams in: the first host is built once with a
 * clonable shadow root, and each comment gets a deep clone of it (shadow
 * root and button in one native call) instead of a shadow root, stylesheet
 * and button built one call at a time. Where a clone does not carry the
 * shadow root (a browser without `clonable`), every host is built.
 */
function toolsHost(): HTMLElement {
  if (template === null) {
    const built = buildHost();
    const probe = (built.cloneNode(true) as HTMLElement).shadowRoot;
    if (probe === null) return built;
    clonesNeedSheet = probe.adoptedStyleSheets.length === 0 && probe.querySelector('style') === null;
    template = built;
  }
  const host = template.cloneNode(true) as HTMLElement;
  if (clonesNeedSheet) adoptStyles(host.shadowRoot!, CSS);
  return host;
}

function buildHost(): HTMLElement {
  const { host, root } = createShadowHost(TOOLS_TAG, CSS, { clonable: true });
  // Every recognised comment gets the button (a contract), the page's own replies too.
  root.append(
    el(
      'div',
      { class: 'row' },
      el('button', { type: 'button', class: 'save' }, label('saveIdea')),
      // "Gắn cờ…": the moderator flags what the judgement missed (its menu is built on first use).
      el('button', { type: 'button', class: 'flag-menu', 'aria-expanded': 'false' }, label('flagAsMenu')),
    ),
  );
  // The theme is set per host by the caller (`decorateComment`'s `dark`).
  host.removeAttribute('data-theme');
  return host;
}

/** What the moderator can do from a comment's tools, by the comment id the watcher gave them. */
export interface ToolActions {
  save(commentId: string): void;
  /** "Không đúng" on a flag badge. */
  dismiss(commentId: string, category: Category): void;
  /** "Gắn cờ…" and a category. */
  flagAs(commentId: string, category: Category): void;
}

function isCategory(value: string | null): value is Category {
  return value !== null && (CATEGORIES as readonly string[]).includes(value);
}

/** Opens or closes a comment's "Gắn cờ…" menu: a button per category, built when first opened. */
function toggleFlagMenu(toggle: Element): void {
  const open = toggle.getAttribute('aria-expanded') === 'true';
  toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
  const row = toggle.parentElement;
  const existing = row?.querySelector('.menu');
  if (open) {
    existing?.remove();
    return;
  }
  if (!row || existing) return;
  const menu = el(
    'span',
    { class: 'menu', role: 'group', 'aria-label': label('flagAsMenu') },
    ...CATEGORIES.map((category) =>
      el(
        'button',
        { type: 'button', class: 'flag-as', 'data-category': category },
        label(`category_${category}`),
      ),
    ),
  );
  row.append(menu);
  (menu.firstElementChild as HTMLElement | null)?.focus();
}

/**
 * The one click listener behind every comment's tools ("Lưu ý tưởng",
 * "Không đúng", "Gắn cờ…"), for the session's lifetime. A click inside our open shadow roots reaches the
 * document retargeted to the host; its composed path names the button.
 * Caught in the capture phase and stopped there, so Facebook's own handlers
 * on the comment never see a click on our button.
 */
export function listenForToolClicks(actions: ToolActions, signal: AbortSignal): void {
  document.addEventListener(
    'click',
    (event) => {
      // A page script's .click() on our button is not the moderator's.
      if (!byUser(event)) return;
      const host = event.target;
      if (!(host instanceof Element) || host.localName !== TOOLS_TAG) return;
      const button = event.composedPath()[0];
      if (!(button instanceof Element) || button.localName !== 'button') return;
      event.stopPropagation();
      // The comment this host was made for, as the watcher recognised it: a
      // host moved to another article, or a rewritten data-khcn-comment, acts on nothing.
      const decorated = host.parentElement ? decorations.get(host.parentElement) : undefined;
      if (decorated?.host !== host) return;
      const category = button.getAttribute('data-category');
      if (button.matches('button.save')) actions.save(decorated.commentId);
      else if (button.matches('button.flag-menu')) toggleFlagMenu(button);
      else if (button.matches('button.dismiss') && isCategory(category))
        actions.dismiss(decorated.commentId, category);
      else if (button.matches('button.flag-as') && isCategory(category)) {
        toggleFlagMenu(button.closest('.row')!.querySelector('button.flag-menu')!);
        actions.flagAs(decorated.commentId, category);
      }
    },
    { capture: true, signal },
  );
}

const labels = new Map<string, string>();
/** UI strings, looked up once per page: a thread can hold hundreds of comments. */
function label(key: MessageKey, ...substitutions: string[]): string {
  const cacheKey = [key, ...substitutions].join('\u0000');
  let text = labels.get(cacheKey);
  if (text === undefined) {
    text = t(key, ...substitutions);
    labels.set(cacheKey, text);
  }
  return text;
}

/** Badge prototypes by category, then by explanation; how many in all. */
const badges = new Map<Category, Map<string, HTMLElement>>();
let badgeCount = 0;

/**
 * A flag badge with its explanation. About one comment in eight is flagged,
 * mostly by the same few rules: a badge is built once per category and
 * explanation, then cloned. The explanation itself is the key (one flag per
 * category is the usual case): a key built per flagged comment, category and
 * explanation joined, was garbage twice — the string, then its flattening by
 * the lookup (issue 14, eighth round, second part: 9.7 % of what our scripts
 * allocate during the batches).
 */
function badge(category: Category, flags: readonly FlagSummary[]): HTMLElement {
  const explanation = flags.length === 1 ? flags[0]!.explanation : flags.map((f) => f.explanation).join('\n');
  let byExplanation = badges.get(category);
  let prototype = byExplanation?.get(explanation);
  if (prototype === undefined) {
    // Explanations name the matched words: bounded, in case a page matches endlessly many.
    if (badgeCount >= 500) {
      badges.clear();
      badgeCount = 0;
      byExplanation = undefined;
    }
    if (byExplanation === undefined) {
      byExplanation = new Map();
      badges.set(category, byExplanation);
    }
    prototype = buildBadge(category, explanation);
    byExplanation.set(explanation, prototype);
    badgeCount += 1;
  }
  return prototype.cloneNode(true) as HTMLElement;
}

function buildBadge(category: Category, explanation: string): HTMLElement {
  const tipId = `khcn-tip-${category}`;
  const button = el(
    'button',
    { type: 'button', class: `badge ${category}`, 'aria-describedby': tipId },
    label('flagBadge', label(`category_${category}`)),
  );
  // The explanation quotes the comment's words: their bidi overrides are shown, not obeyed.
  const tip = el('div', { class: 'tip', id: tipId, role: 'tooltip' }, revealInvisible(explanation));
  // "Không đúng": the moderator's word that this flag is wrong, for this comment (and the model learns).
  const dismiss = el(
    'button',
    { type: 'button', class: 'dismiss', 'data-category': category },
    label('flagNotAProblem', label(`category_${category}`)),
  );
  return el('span', { class: 'wrap' }, button, dismiss, tip);
}

/** Removes everything this module added (the extension was turned off for this page). */
export function undecorateAll(root: ParentNode): void {
  for (const host of root.querySelectorAll(TOOLS_TAG)) {
    if (host.parentElement) decorations.delete(host.parentElement);
    host.remove();
  }
  for (const article of root.querySelectorAll('[data-khcn-flags]')) {
    decorations.delete(article);
    article.removeAttribute('data-khcn-flags');
  }
}
