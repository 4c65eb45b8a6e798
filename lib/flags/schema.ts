import { z } from 'zod';
import { Category, Severity } from './categories';
import { checkRegex } from './regex-safety';

/** A rule id: short, stable, lowercase words joined by hyphens ("scam-loi-nhuan-khung"). */
export const RuleId = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'mã quy tắc chỉ gồm chữ thường không dấu, số và dấu gạch ngang')
  .max(80);

const Phrase = z
  .string()
  .trim()
  .min(2, 'cụm từ quá ngắn')
  .max(200, 'cụm từ quá dài')
  .refine((s) => /[\p{L}\p{N}]/u.test(s), 'cụm từ phải có chữ hoặc số');

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
  })
  .refine((r) => r.phrases.length > 0 || r.regex !== undefined, {
    message: 'quy tắc cần ít nhất một cụm từ hoặc một biểu thức chính quy',
    path: ['phrases'],
  });
export type Rule = z.infer<typeof Rule>;

export const RulePack = z
  .object({
    format: z.literal('khcn-moderator/rules'),
    version: z.literal(1),
    rules: z.array(Rule),
  })
  .superRefine((pack, ctx) => {
    const seen = new Map<string, number>();
    pack.rules.forEach((rule, i) => {
      const first = seen.get(rule.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `mã quy tắc "${rule.id}" bị trùng (quy tắc số ${first + 1} và ${i + 1}) / duplicate rule id`,
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
    error: `Gói quy tắc không hợp lệ / invalid rule pack:\n${z.prettifyError(result.error)}`,
  };
}
