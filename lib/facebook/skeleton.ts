import { z } from 'zod';
import { selectorPackInUse } from './selectors';
import { decodeCommentToken } from './urls';

/**
 * "Report a layout change": an anonymised skeleton of the comment area the
 * moderator sees, to copy or save when the layout warning fires, so that a
 * fix starts from what Facebook really showed. It keeps the structure —
 * tags, roles, aria-* and data-* keys, `dir`, `contenteditable` — and the
 * SHAPE of labels and URLs; every name, text and id is a placeholder. Ids
 * become numbered placeholders (`‹n3›`: the same id is the same number, so
 * a comment's timestamp link and its base64 token still agree), text becomes
 * `‹t›` unless it is wholly the interface's own words ("Thích", "2 giờ",
 * "See more"). Nothing leaves the machine: the moderator sends the file, or
 * not. `npm run fixture:from-skeleton FILE` turns it into a test fixture.
 */

export const SKELETON_FORMAT = 'khcn-moderator/skeleton';
/** Elements recorded at most: a long thread is cut, not the browser. */
export const SKELETON_MAX_ELEMENTS = 8000;
const MAX_DEPTH = 80;

export interface SkeletonNode {
  /** Tag name. */
  t: string;
  /** Attributes kept, values anonymised. */
  a?: Record<string, string>;
  /** Children: elements, or text placeholders (strings). */
  c?: (SkeletonNode | string)[];
}

const SkeletonNodeSchema: z.ZodType<SkeletonNode> = z.lazy(() =>
  z.strictObject({
    t: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'a tag name'),
    a: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,60}$/), z.string().max(500)).optional(),
    c: z
      .array(z.union([z.string().max(500), SkeletonNodeSchema]))
      .max(SKELETON_MAX_ELEMENTS)
      .optional(),
  }),
);

export const Skeleton = z.strictObject({
  format: z.literal(SKELETON_FORMAT),
  version: z.literal(1),
  capturedAt: z.iso.datetime(),
  /** Why it was taken: the layout warning, or the moderator asked. */
  reason: z.enum(['layout-warning', 'on-demand']),
  /** The page's URL, as a shape. */
  url: z.string().max(500),
  selectorPack: z.string().max(40),
  /** The watcher's counts when it was taken. */
  stats: z.record(z.string().max(40), z.number()).optional(),
  elements: z.number().int().nonnegative(),
  truncated: z.boolean(),
  tree: SkeletonNodeSchema,
});
export type Skeleton = z.infer<typeof Skeleton>;

/** Attributes kept as they are (their values are the page's structure, not anyone's data). */
const KEEP_VALUE = new Set([
  'role',
  'dir',
  'contenteditable',
  'tabindex',
  'spellcheck',
  'type',
  'method',
  'aria-hidden',
]);
/** Attributes whose value is text a person reads: kept as a label shape. */
const LABEL_LIKE = new Set([
  'aria-label',
  'aria-placeholder',
  'placeholder',
  'title',
  'aria-roledescription',
]);
/** Attributes holding URLs: kept as a URL shape. */
const URL_LIKE = new Set(['href', 'src', 'action']);
/** Never recorded: styling noise, inline handlers and our own markers. */
const DROP = /^(?:class|style|on[a-z]+|data-khcn-.*|srcset|nonce)$/;
/** Short tokens of the interface that a URL path may hold. */
const PATH_WORDS = new Set([
  'posts',
  'permalink',
  'permalink.php',
  'profile.php',
  'story.php',
  'photo',
  'photo.php',
  'photos',
  'videos',
  'watch',
  'groups',
  'hashtag',
  'comment',
  'l.php',
  'reel',
  'share',
]);

/** Numbers a placeholder stands for, in the order met: the same value, the same placeholder. */
class Placeholders {
  private readonly seen = new Map<string, string>();
  constructor(private readonly prefix: string) {}
  of(value: string): string {
    let found = this.seen.get(value);
    if (found === undefined) {
      found = `‹${this.prefix}${this.seen.size + 1}›`;
      this.seen.set(value, found);
    }
    return found;
  }
}

/**
 * The interface's own phrases (the selector pack's labels and a few more),
 * as lower-cased word lists. A label keeps a word only as part of a whole
 * phrase: "Bình" alone (a name) is a placeholder, "bình luận của" is kept.
 */
function interfacePhrases(): string[][] {
  const { labels } = selectorPackInUse();
  const extra = [
    'to',
    "'s comment",
    'comment',
    'comments',
    'reply',
    'replies',
    'as',
    'vào',
    'lúc',
    'trước',
    'reactions; see who reacted to this',
    'cảm xúc',
    'edit or delete this',
    'chỉnh sửa hoặc xóa',
    'view more comments',
    'view more replies',
    'xem thêm bình luận',
    'xem thêm phản hồi',
    'just now',
    'vừa xong',
  ];
  const lists = [
    labels.comment,
    labels.reply,
    labels.timeBefore,
    labels.timeUnits,
    labels.timeAfter,
    labels.seeMore,
    labels.actions,
    labels.postComposer,
    labels.replyComposer,
    extra,
  ];
  const phrases = new Map<string, string[]>();
  for (const list of lists)
    for (const phrase of list) {
      const words = phrase.toLowerCase().split(/\s+/u).map(core).filter(Boolean);
      if (words.length) phrases.set(words.join(' '), words);
    }
  return [...phrases.values()].sort((x, y) => y.length - x.length);
}

/** A word without the punctuation around it, lower-cased. */
function core(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
}

const NUMBERISH = /^\p{N}+[a-z]{0,3}$/iu;

/**
 * Shapes text word by word: the interface's phrases kept, numbers as 9, any
 * other word (a name, a comment's words) as ‹w›. Returns the shape and
 * whether every word was the interface's own.
 */
function shapeWords(text: string, phrases: string[][]): { shape: string; ui: boolean } {
  const words = text.slice(0, 500).split(/\s+/u).filter(Boolean);
  const cores = words.map(core);
  const out: string[] = [];
  let ui = true;
  for (let i = 0; i < words.length; ) {
    const word = words[i] as string;
    const found = phrases.find((phrase) => phrase.every((w, k) => cores[i + k] === w));
    if (found) {
      out.push(...words.slice(i, i + found.length));
      i += found.length;
      continue;
    }
    const c = cores[i] as string;
    if (NUMBERISH.test(c)) out.push(word.replace(/\p{N}+/gu, '9'));
    else if (/['’]s$/u.test(c)) {
      out.push("‹w›'s");
      ui = false;
    } else if (c === '') out.push(word);
    else {
      out.push('‹w›');
      ui = false;
    }
    i += 1;
  }
  return { shape: out.join(' '), ui };
}

/**
 * A label's shape: "Comment by Nguyễn Văn An 2 weeks ago" → "Comment by ‹w›
 * ‹w› ‹w› 9 weeks ago"; "Reply by X to Y's comment" → "Reply by ‹w› to ‹w›'s comment".
 */
export function labelShape(text: string, phrases: string[][] = interfacePhrases()): string {
  return shapeWords(text, phrases).shape;
}

interface Context {
  phrases: string[][];
  ids: Placeholders;
  slugs: Placeholders;
  pfbids: Placeholders;
  values: Placeholders;
  watched: Set<string>;
}

/** A URL's shape: Facebook's own path words kept, ids, slugs and values as numbered placeholders. */
export function urlShape(href: string, ctx: Context): string {
  let url: URL;
  try {
    url = new URL(href, 'https://www.facebook.com');
  } catch {
    return '‹url›';
  }
  if (url.protocol === 'data:') return 'data:‹data›';
  const host = /(^|\.)facebook\.com$/.test(url.hostname) ? url.hostname : '‹external›';
  if (host === '‹external›') return `${url.protocol}//‹external›/‹path›`;
  const segments = url.pathname.split('/').map((segment, i) => {
    if (!segment) return segment;
    if (/^\d+$/.test(segment)) return ctx.ids.of(segment);
    if (/^pfbid0/.test(segment)) return ctx.pfbids.of(segment);
    if (PATH_WORDS.has(segment.toLowerCase())) return segment;
    if (i === 1 && ctx.watched.has(segment.toLowerCase())) return '‹page›';
    return ctx.slugs.of(segment);
  });
  const params: string[] = [];
  for (const [key, value] of url.searchParams) {
    const safeKey = /^[\w[\]]{1,40}$/.test(key) ? key : '‹key›';
    params.push(`${safeKey}=${valueShape(value, ctx)}`);
  }
  return `${url.protocol}//${host}${segments.join('/')}${params.length ? `?${params.join('&')}` : ''}`;
}

function valueShape(value: string, ctx: Context): string {
  if (/^\d{1,30}$/.test(value)) return ctx.ids.of(value);
  if (/^pfbid0/.test(value)) return ctx.pfbids.of(value);
  const token = decodeCommentToken(encodeURIComponent(value));
  if (token) {
    const parts = [token.postId, token.commentId, token.replyId].filter((p): p is string => p !== null);
    return `‹b64:${parts.map((p) => ctx.ids.of(p).replace(/[‹›]/g, '')).join('_')}›`;
  }
  if (value === 'true' || value === 'false') return value;
  return ctx.values.of(value);
}

function attributeValue(name: string, value: string, ctx: Context): string | null {
  if (DROP.test(name)) return null;
  if (KEEP_VALUE.has(name))
    return value.slice(0, 40).replace(/\p{N}+/gu, (n) => (name === 'tabindex' ? n : '9'));
  if (LABEL_LIKE.has(name)) return labelShape(value, ctx.phrases);
  if (URL_LIKE.has(name)) return urlShape(value, ctx);
  if (name === 'alt') return value ? '‹alt›' : '';
  if (name === 'lang') return value.slice(0, 12);
  if (
    name === 'id' ||
    name.endsWith('labelledby') ||
    name.endsWith('describedby') ||
    name === 'aria-controls'
  )
    return '‹id›';
  if (name.startsWith('data-') || name.startsWith('aria-')) {
    if (value === '' || value === 'true' || value === 'false') return value;
    if (/^\d{1,30}$/.test(value)) return ctx.ids.of(value);
    if (/^\d+(\.\d+)?$/.test(value)) return '9';
    return '‹v›';
  }
  if (['width', 'height', 'viewbox', 'cx', 'cy', 'r', 'd', 'fill', 'stroke', 'rel', 'target'].includes(name))
    return null;
  return '‹v›';
}

/** Text as a placeholder, unless it is wholly the interface's own words ("Thích", "2 giờ", "See more"). */
function textShape(text: string, phrases: string[][]): string | null {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!trimmed) return null;
  const { shape, ui } = shapeWords(trimmed, phrases);
  return ui ? shape : '‹t›';
}

/** The part of the page a layout report describes: the open post, else the main column, else the body. */
export function commentArea(doc: Document): Element {
  return (
    doc.querySelector('div[role="dialog"][aria-modal="true"]') ??
    doc.querySelector('[role="main"]') ??
    doc.body
  );
}

/**
 * The anonymised skeleton of `root`. `watchedPages` lets the watched page's
 * own name show as ‹page› (it is public); every other slug is a placeholder.
 */
export function buildSkeleton(
  root: Element,
  opts: {
    reason: Skeleton['reason'];
    pageUrl: string;
    watchedPages: readonly string[];
    stats?: Record<string, number>;
    now?: Date;
  },
): Skeleton {
  const ctx: Context = {
    phrases: interfacePhrases(),
    ids: new Placeholders('n'),
    slugs: new Placeholders('s'),
    pfbids: new Placeholders('pfbid'),
    values: new Placeholders('v'),
    watched: new Set(opts.watchedPages.map((p) => p.toLowerCase())),
  };
  let elements = 0;
  let truncated = false;
  const walk = (el: Element, depth: number): SkeletonNode => {
    elements += 1;
    const node: SkeletonNode = { t: el.localName.toLowerCase().replace(/[^a-z0-9-]/g, '') || 'x' };
    const attrs: Record<string, string> = {};
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (!/^[a-z][a-z0-9-]{0,60}$/.test(name)) continue;
      const value = attributeValue(name, attr.value, ctx);
      if (value !== null) attrs[name] = value;
    }
    if (Object.keys(attrs).length) node.a = attrs;
    const children: (SkeletonNode | string)[] = [];
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = textShape((child as Text).data, ctx.phrases);
        if (text !== null) children.push(text);
      } else if (child.nodeType === 1) {
        const element = child as Element;
        // Our own in-page UI is not Facebook's layout.
        if (element.localName.startsWith('khcn-')) continue;
        if (elements >= SKELETON_MAX_ELEMENTS || depth >= MAX_DEPTH) {
          truncated = true;
          break;
        }
        children.push(walk(element, depth + 1));
      }
    }
    if (children.length) node.c = children;
    return node;
  };
  const tree = walk(root, 0);
  return {
    format: SKELETON_FORMAT,
    version: 1,
    capturedAt: (opts.now ?? new Date()).toISOString(),
    reason: opts.reason,
    url: urlShape(opts.pageUrl, ctx),
    selectorPack: selectorPackInUse().packVersion,
    stats: opts.stats,
    elements,
    truncated,
    tree,
  };
}

/** The skeleton as the file the moderator saves or copies. */
export function skeletonFile(skeleton: Skeleton): string {
  return `${JSON.stringify(skeleton, null, 1)}\n`;
}

export function skeletonFileName(skeleton: Skeleton): string {
  return `khcn-layout-${skeleton.capturedAt.slice(0, 19).replace(/[:T]/g, '-')}.json`;
}
