import { z } from 'zod';
import { Category } from '../flags/categories';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { Instant } from '../ideas/instant';
import { Intent } from '../replies/intents';

/**
 * A moderator's correction of the judgement, as a mail client's junk filter
 * keeps "junk / not junk": on a flag badge "Không đúng" (not a problem), on
 * any comment "Gắn cờ…" with a category, and the reply the moderator chose
 * (the comment's intent). Each carries the comment's own words, so the model
 * can learn from it and a team can pool corrections into the corpus.
 *
 * Stored only in the extension's IndexedDB (lib/corrections/db.ts), exported
 * and imported as labelled JSON lines (docs/corrections-format.md).
 */
export const CORRECTION_KINDS = ['not-a-problem', 'flag-as', 'reply-chosen'] as const;
export const CorrectionKind = z.enum(CORRECTION_KINDS);
export type CorrectionKind = z.infer<typeof CorrectionKind>;

export const Correction = z
  .object({
    id: z.string().min(1).max(100),
    kind: CorrectionKind,
    commentId: z.string().regex(/^\d{1,30}$/, bilingual(CHECK_STRINGS, 'corrections_commentId')),
    /** The comment's own words, as the judgement read them. */
    text: z.string().min(1).max(10_000),
    /** not-a-problem: the categories the moderator cleared; flag-as: the one category. */
    categories: z.array(Category).max(5).default([]),
    /** reply-chosen: the intent of the reply inserted. */
    intent: Intent.optional(),
    /** When (one date parser for the whole extension: UTC, years 0000–9999). */
    at: Instant,
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'reply-chosen' && c.intent === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: bilingual(CHECK_STRINGS, 'corrections_needsIntent'),
        path: ['intent'],
      });
    }
    if (c.kind !== 'reply-chosen' && c.categories.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: bilingual(CHECK_STRINGS, 'corrections_needsCategories', c.kind),
        path: ['categories'],
      });
    }
  });
export type Correction = z.infer<typeof Correction>;

/**
 * The same comment corrected again replaces the earlier correction of the same
 * kind (a moderator who changes their mind is not two votes).
 */
export function correctionKey(c: Pick<Correction, 'kind' | 'commentId'>): string {
  return `${c.kind}:${c.commentId}`;
}

/**
 * What the content script asks the background about corrections (the
 * background owns their database, in the extension's origin).
 */
export const CorrectionRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('corrections:list') }),
  z.object({ type: z.literal('corrections:add'), correction: Correction }),
  z.object({
    type: z.literal('corrections:undo'),
    id: z.string().min(1),
    /** The correction the undone one had replaced, put back. */
    restore: Correction.nullable(),
  }),
]);
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

const Failed = z.object({ ok: z.literal(false), error: z.string() });
/** The background's answer to each request (the protocol's `Answers`, lib/messages.ts). */
export const CorrectionAnswers = {
  'corrections:list': z.union([z.object({ ok: z.literal(true), corrections: z.array(Correction) }), Failed]),
  'corrections:add': z.union([z.object({ ok: z.literal(true), replaced: Correction.nullable() }), Failed]),
  'corrections:undo': z.union([z.object({ ok: z.literal(true) }), Failed]),
} as const;
