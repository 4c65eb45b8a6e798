import { z } from 'zod';
import { errorMessage } from '../errors';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import {
  applySelectorPack,
  BUILT_IN_SELECTOR_PACK,
  type SelectorPackData,
  selectorPackInUse,
} from './selectors';

/**
 * Selector packs: the selectors and labels of selectors.ts as versioned,
 * dated data, so a moderator can follow a Facebook change before a new
 * version of the extension reaches the store (Options → "Bộ nhận diện
 * Facebook"). Data only: CSS selectors and words, never code and never a
 * regular expression — selectors.ts builds its patterns from escaped words.
 */

export const SELECTOR_PACK_FORMAT = 'khcn-moderator/selectors';
/** Where the imported pack lives (storage.local of the extension), and the one before it for undo. */
export const SELECTOR_PACK_KEY = 'selectorPack';
export const PREVIOUS_SELECTOR_PACK_KEY = 'selectorPackPrevious';

/** No control characters, no angle brackets or braces: a selector or a word, nothing that could be markup or code. */
const SAFE_TEXT = /^[^\p{Cc}<>{}`]*$/u;

const Selector = z
  .string()
  .trim()
  .min(1, 'empty selector')
  .max(300, 'selector longer than 300 characters')
  .regex(SAFE_TEXT, 'a selector may not hold control characters, <, >, {, } or `');
const Word = z
  .string()
  .trim()
  .min(1, 'empty word')
  .max(60, 'word longer than 60 characters')
  .regex(SAFE_TEXT, 'a word may not hold control characters, <, >, {, } or `');
const Words = (max: number) => z.array(Word).min(1, 'at least one word').max(max, `at most ${max} words`);
const OptionalWords = (max: number) => z.array(Word).max(max, `at most ${max} words`);

export const SelectorPack = z
  .object({
    format: z.literal(SELECTOR_PACK_FORMAT, { error: `format must be "${SELECTOR_PACK_FORMAT}"` }),
    version: z.literal(1, { error: 'version must be 1' }),
    packVersion: z
      .string()
      .regex(/^\d{4}\.\d{1,2}\.\d{1,2}(?:\.\d{1,3})?$/, 'packVersion must look like 2026.12.06'),
    updated: z.iso.date('updated must be a date (YYYY-MM-DD)'),
    selectors: z.strictObject({
      postDialog: Selector,
      article: Selector,
      post: Selector,
      editable: Selector,
      timestampLink: Selector,
      commentIdWrapper: Selector,
      commentIdAttribute: z
        .string()
        .regex(/^data-[a-z0-9-]{1,40}$/, 'commentIdAttribute must be a data-* attribute name'),
      textBlock: Selector,
      previewCard: Selector,
      button: Selector,
      composer: z
        .array(Selector)
        .min(1, 'at least one composer selector')
        .max(5, 'at most 5 composer selectors'),
      lexicalRoot: Selector,
    }),
    labels: z.strictObject({
      comment: Words(20),
      reply: Words(20),
      timeBefore: OptionalWords(10),
      timeNumbers: OptionalWords(10),
      timeUnits: Words(60),
      timeAfter: OptionalWords(10),
      answered: z
        .array(z.tuple([Word, z.string().max(60).regex(SAFE_TEXT, 'a word may not hold control characters')]))
        .max(10, 'at most 10 answered forms'),
      seeMore: Words(10),
      actions: Words(60),
      postComposer: Words(20),
      replyComposer: Words(20),
    }),
  })
  .strict() satisfies z.ZodType<SelectorPackData>;

export type SelectorPackResult =
  | { ok: true; pack: SelectorPackData }
  | { ok: false; message: string; problems: string[] };

/**
 * Checks a pack from outside: JSON, the schema, and every CSS selector
 * against `isSelector` (the options page passes one that asks the browser's
 * own parser). Nothing is applied here.
 */
export function parseSelectorPack(
  text: string,
  isSelector: (selector: string) => boolean = () => true,
): SelectorPackResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail([bilingual(CHECK_STRINGS, 'selPack_notJson', errorMessage(error))]);
  }
  const parsed = SelectorPack.safeParse(json);
  if (!parsed.success) return fail([z.prettifyError(parsed.error)]);
  const pack = parsed.data as SelectorPackData;
  const bad = selectorsOf(pack).filter(([, selector]) => !isSelector(selector));
  if (bad.length > 0)
    return fail(
      bad.map(
        ([key, selector]) =>
          `selectors.${key}: "${selector}" ${bilingual(CHECK_STRINGS, 'selPack_badSelector')}`,
      ),
    );
  return { ok: true, pack };
}

function fail(problems: string[]): SelectorPackResult {
  return { ok: false, message: problems.join('\n'), problems };
}

/** Every CSS selector of a pack with its key (`composer.0`, …). */
export function selectorsOf(pack: SelectorPackData): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(pack.selectors)) {
    if (key === 'commentIdAttribute') continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) out.push([`${key}.${i}`, value[i] as string]);
    } else out.push([key, value]);
  }
  return out;
}

/** A browser's own selector check: true when `querySelector` accepts it. */
export function browserSelectorCheck(doc: Document): (selector: string) => boolean {
  const scratch = doc.createDocumentFragment();
  return (selector) => {
    try {
      scratch.querySelector(selector);
      return true;
    } catch {
      return false;
    }
  };
}

export interface PackChange {
  key: string;
  before: string;
  after: string;
}

/** What changes from one pack to another, entry by entry (the preview before importing). */
export function diffSelectorPacks(from: SelectorPackData, to: SelectorPackData): PackChange[] {
  const changes: PackChange[] = [];
  const show = (value: unknown) => (Array.isArray(value) ? value.map(String).join(' · ') : String(value));
  for (const group of ['selectors', 'labels'] as const) {
    const a = from[group] as Record<string, unknown>;
    const b = to[group] as Record<string, unknown>;
    for (const key of Object.keys(b)) {
      const before = show(a[key]);
      const after = show(b[key]);
      if (before !== after) changes.push({ key: `${group}.${key}`, before, after });
    }
  }
  return changes;
}

/** Storage as the extension's pages and content script see it (browser.storage.local). */
export interface PackStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** The pack stored by the moderator, if it still parses; else null (the built-in one is used). */
export async function loadStoredSelectorPack(storage: PackStorage): Promise<SelectorPackData | null> {
  const stored = (await storage.get([SELECTOR_PACK_KEY]))[SELECTOR_PACK_KEY];
  if (stored === undefined) return null;
  const parsed = SelectorPack.safeParse(stored);
  return parsed.success ? (parsed.data as SelectorPackData) : null;
}

/** Applies the stored pack (or the built-in one) to selectors.ts; returns the one in use. */
export async function applyStoredSelectorPack(storage: PackStorage): Promise<SelectorPackData> {
  const pack = (await loadStoredSelectorPack(storage)) ?? BUILT_IN_SELECTOR_PACK;
  if (pack !== selectorPackInUse()) applySelectorPack(pack);
  return pack;
}

/** Saves an imported pack; the one it replaces is kept for undo. One write, all or nothing. */
export async function saveSelectorPack(storage: PackStorage, pack: SelectorPackData): Promise<void> {
  const previous = (await loadStoredSelectorPack(storage)) ?? BUILT_IN_SELECTOR_PACK;
  await storage.set({ [SELECTOR_PACK_KEY]: pack, [PREVIOUS_SELECTOR_PACK_KEY]: previous });
}

/** Undo: the pack before the last import comes back (the built-in one: the stored pack is removed). */
export async function undoSelectorPack(storage: PackStorage): Promise<SelectorPackData> {
  const stored = (await storage.get([PREVIOUS_SELECTOR_PACK_KEY]))[PREVIOUS_SELECTOR_PACK_KEY];
  const parsed = SelectorPack.safeParse(stored);
  const previous = parsed.success ? (parsed.data as SelectorPackData) : BUILT_IN_SELECTOR_PACK;
  await resetSelectorPack(storage);
  if (
    previous.packVersion !== BUILT_IN_SELECTOR_PACK.packVersion ||
    !samePack(previous, BUILT_IN_SELECTOR_PACK)
  )
    await storage.set({ [SELECTOR_PACK_KEY]: previous });
  return previous;
}

/** Back to the built-in pack. */
export async function resetSelectorPack(storage: PackStorage): Promise<void> {
  await storage.remove([SELECTOR_PACK_KEY, PREVIOUS_SELECTOR_PACK_KEY]);
}

function samePack(a: SelectorPackData, b: SelectorPackData): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
