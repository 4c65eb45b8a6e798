import { z } from 'zod';
import { CATEGORIES } from '../flags/categories';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { INTENTS } from '../replies/intents';
import { decodeFeatureHashes } from './feature-codec';
import { WEIGHT_CHARS_PATTERN } from './weight-chars';

/**
 * The shipped model's file (lib/model/judge.vi.json), written by
 * `npm run train` and validated here on load. A file that does not parse gets
 * a message naming what is wrong; the rules still run without it.
 *
 * Layout: one row per kept feature (its 32-bit hash, the hashes Rice-coded:
 * `feature-codec.ts`), LABELS.length weights per row, quantised to steps
 * (weight = step × scale) and written one character per weight
 * (`weight-chars.ts`), so the file stays small in the store zip and parses in
 * a few ms. Version 2 since the weights left base64, 3 since the hashes are
 * Rice-coded gaps (2026-12-07, issue 13: 121 → 71 KB deflated).
 */

/** Output columns, in this order: the five flag categories, the eight reply intents, idea. */
export const LABELS = [...CATEGORIES, ...INTENTS, 'idea'] as const;
export type Label = (typeof LABELS)[number];
export const CATEGORY_COLUMNS = CATEGORIES.length;
export const INTENT_OFFSET = CATEGORIES.length;
export const INTENT_COLUMNS = INTENTS.length;
export const IDEA_COLUMN = LABELS.length - 1;

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, bilingual(CHECK_STRINGS, 'model_notBase64'));
const WeightChars = z.string().regex(WEIGHT_CHARS_PATTERN, bilingual(CHECK_STRINGS, 'model_notWeightChars'));

export const ModelFile = z
  .object({
    format: z.literal('khcn-moderator/model'),
    version: z.literal(3),
    /** Which corpus and settings made it: for the datasheet, never read by the page. */
    trainedOn: z.object({
      lines: z.number().int().nonnegative(),
      families: z.number().int().nonnegative(),
      corpusHash: z.string(),
      seed: z.number().int(),
      epochs: z.number().int().positive(),
      l2: z.number().nonnegative(),
    }),
    labels: z.array(z.string()).refine((l) => l.join(' ') === LABELS.join(' '), {
      message: `${bilingual(CHECK_STRINGS, 'model_labels')}: ${LABELS.join(' ')}`,
    }),
    /** Hashes of the kept features, ascending: base64 of their Rice-coded gaps (`feature-codec.ts`). */
    features: Base64,
    featureCount: z.number().int().nonnegative(),
    /** The Rice parameter k of `features`: a gap's low k bits are written as they are. */
    featureGapBits: z.number().int().min(0).max(31),
    /** features × labels steps, row-major, one character each (`weight-chars.ts`). */
    weights: WeightChars,
    scale: z.number().positive(),
    bias: z.array(z.number()).length(LABELS.length),
    /**
     * Decision thresholds, chosen by cross-validation on the training split only:
     * a category's probability at or above its threshold flags the comment; idea likewise.
     */
    thresholds: z.object({
      categories: z.array(z.number().min(0).max(1)).length(CATEGORIES.length),
      idea: z.number().min(0).max(1),
    }),
  })
  .superRefine((m, ctx) => {
    try {
      decodeFeatureHashes(m.features, m.featureCount, m.featureGapBits);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['features'],
        message: `${bilingual(CHECK_STRINGS, 'model_featuresCorrupt')} (${error instanceof Error ? error.message : String(error)})`,
      });
      return;
    }
    if (m.weights.length !== m.featureCount * LABELS.length) {
      ctx.addIssue({
        code: 'custom',
        message: bilingual(
          CHECK_STRINGS,
          'model_weightsLength',
          String(m.featureCount * LABELS.length),
          String(m.weights.length),
        ),
      });
    }
  });
export type ModelFile = z.infer<typeof ModelFile>;

export type ParsedModel = { ok: true; model: ModelFile } | { ok: false; error: string };

/** Validate untrusted model JSON. Never throws. */
export function parseModel(json: unknown): ParsedModel {
  const result = ModelFile.safeParse(json);
  if (result.success) return { ok: true, model: result.data };
  return {
    ok: false,
    error: `${bilingual(CHECK_STRINGS, 'model_invalid')}:\n${z.prettifyError(result.error)}`,
  };
}
