import { z } from 'zod';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { Category, Severity } from './categories';
import { DETECTORS } from './detectors';
import { checkRegex } from './regex-safety';

/** A rule id: short, stable, lowercase words joined by hyphens ("scam-loi-nhuan-khung"). */
export const RuleId = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, bilingual(CHECK_STRINGS, 'rulePack_ruleId'))
  .max(80);

const Phrase = z
  .string()
  .trim()
  .min(2, bilingual(CHECK_STRINGS, 'rulePack_phraseTooShort'))
  .max(200, bilingual(CHECK_STRINGS, 'rulePack_phraseTooLong'))
  .refine((s) => /[\p{L}\p{N}]/u.test(s), bilingual(CHECK_STRINGS, 'rulePack_phraseWithoutLetters'));

export const Rule = z
  .object({
    id: RuleId,
    category: Category,
    severity: Severity,
    /** The phrases as a person writes them, with diacritics; matching also covers folded, teencode and spaced-out spellings. */
    phrases: z.array(Phrase).max(200),
    /** Extra pattern run on the original text, case-insensitively (e.g. look-alike domains). */
    regex: z
      .string()
      .optional()
      .superRefine((src, ctx) => {
        if (src === undefined) return;
        const problem = checkRegex(src);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    /** Only a spelling with the exact diacritics counts (for phrases that mean something else unaccented). */
    accentSensitive: z.boolean().optional(),
    /** Benign context (warnings, negations): found near a hit, it suppresses the hit. */
    exceptions: z.array(Phrase).max(200).optional(),
    /** Vietnamese explanation shown to moderators. */
    note: z.string().min(1).max(1000),
    /** Id of the reply in public/packs/replies.vi.json to suggest. */
    correctionReplyId: z.string().min(1).max(100).optional(),
    /** Where the pattern is documented (tingia.gov.vn, the press). */
    source: z.string().url().optional(),
    /**
     * A combination: the rule fires when every listed concept (an id from the
     * pack's `concepts`) or detector (`@phone`, `@short-link`, …) is found
     * within `window` syllables of the others ("cure claim" near "disease").
     */
    requires: z.array(z.string().min(1).max(80)).min(1).max(6).optional(),
    /** Syllables a combination may span, from its first part to its last (default 16). */
    window: z.number().int().min(1).max(200).optional(),
    /**
     * A signal, not a verdict: the rule flags only when the model agrees with
     * its category part of the way (lib/judge, `SUPPORT_FACTOR`). For broad
     * combinations that debunks, warnings and victims' stories also hold.
     * Default (absent): the rule flags by itself.
     */
    needsModel: z.boolean().optional(),
  })
  .refine((r) => r.phrases.length > 0 || r.regex !== undefined || r.requires !== undefined, {
    message: bilingual(CHECK_STRINGS, 'rulePack_ruleWithoutMatch'),
    path: ['phrases'],
  });
export type Rule = z.infer<typeof Rule>;

/**
 * A concept: one idea scammers and myth-spreaders express many ways ("money
 * back": lấy lại tiền, thu hồi tiền, hoàn tiền…). Words match as rule phrases
 * do (folded, teencode, spaced out). A concept flags nothing alone; rules
 * combine concepts (`requires`), and the model reads which concepts fired.
 */
export const Concept = z.object({
  id: RuleId,
  /** What the concept is, for explanations (Vietnamese). */
  label: z.string().min(1).max(200),
  words: z.array(Phrase).min(1).max(300),
});
export type Concept = z.infer<typeof Concept>;

export const RulePack = z
  .object({
    format: z.literal('khcn-moderator/rules'),
    version: z.literal(1),
    concepts: z.array(Concept).max(200).optional(),
    /**
     * Benign contexts shared by every rule: a warning ("cẩn thận", "đừng tin"), a
     * question about whether something is a scam ("có an toàn không"). Found in
     * the same clause near a hit, they silence it, as a rule's own exceptions do.
     */
    exceptions: z.array(Phrase).max(500).optional(),
    rules: z.array(Rule),
  })
  .superRefine((pack, ctx) => {
    const concepts = new Set<string>();
    pack.concepts?.forEach((concept, i) => {
      if (concepts.has(concept.id)) {
        ctx.addIssue({
          code: 'custom',
          message: bilingual(CHECK_STRINGS, 'rulePack_duplicateConcept', concept.id),
          path: ['concepts', i, 'id'],
        });
      }
      concepts.add(concept.id);
    });
    const detectors = new Set<string>(DETECTORS.map((d) => `@${d}`));
    pack.rules.forEach((rule, i) => {
      rule.requires?.forEach((part, k) => {
        if (!concepts.has(part) && !detectors.has(part)) {
          ctx.addIssue({
            code: 'custom',
            message: bilingual(CHECK_STRINGS, 'rulePack_unknownPart', part, [...detectors].join(', ')),
            path: ['rules', i, 'requires', k],
          });
        }
      });
    });
    const seen = new Map<string, number>();
    pack.rules.forEach((rule, i) => {
      const first = seen.get(rule.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: bilingual(
            CHECK_STRINGS,
            'rulePack_duplicateRule',
            rule.id,
            String(first + 1),
            String(i + 1),
          ),
          path: ['rules', i, 'id'],
        });
      } else {
        seen.set(rule.id, i);
      }
    });
  });
export type RulePack = z.infer<typeof RulePack>;

export type ParsedRulePack = { ok: true; pack: RulePack } | { ok: false; error: string };

/** Validate untrusted pack JSON (an import, a file on disk). Never throws. */
export function parseRulePack(json: unknown): ParsedRulePack {
  const result = RulePack.safeParse(json);
  if (result.success) return { ok: true, pack: result.data };
  return {
    ok: false,
    error: `${bilingual(CHECK_STRINGS, 'rulePack_invalid')}:\n${z.prettifyError(result.error)}`,
  };
}
