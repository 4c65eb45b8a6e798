import { z } from 'zod';
import { errorMessage } from '../errors';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { Intent } from './intents';
import { validatePlaceholders } from './placeholders';

export const AUDIENCES = ['citizen', 'business', 'researcher'] as const;
export const Audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof Audience>;

export const REPLY_PACK_FORMAT = 'khcn-moderator/replies';

/** Bodies are checked when a pack is loaded, so a typo never reaches a composer. */
const Body = z
  .string()
  .trim()
  .min(1, bilingual(CHECK_STRINGS, 'replyPack_emptyBody'))
  .max(5000)
  .superRefine((body, ctx) => {
    const bad = validatePlaceholders(body);
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: bilingual(CHECK_STRINGS, 'replyPack_unknownPlaceholder', bad.join(', ')),
      });
    }
  });

export const ReplyVariant = z.object({
  audience: Audience,
  body: Body,
});
export type ReplyVariant = z.infer<typeof ReplyVariant>;

export const Reply = z
  .object({
    id: z
      .string()
      .max(64)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, bilingual(CHECK_STRINGS, 'replyPack_badId')),
    title: z.string().trim().min(1).max(120),
    body: Body,
    intent: Intent,
    /** Phrases as a person writes them, with diacritics; matched folded too. */
    triggers: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    language: z.enum(['vi', 'en']).default('vi'),
    /** Who the base body is written for, when it is not for everyone. */
    audience: Audience.optional(),
    /** The same reply worded for a particular audience. */
    variants: z.array(ReplyVariant).max(3).optional(),
  })
  .superRefine((reply, ctx) => {
    const seen = new Set<Audience>();
    reply.variants?.forEach((variant, index) => {
      if (seen.has(variant.audience)) {
        ctx.addIssue({
          code: 'custom',
          path: ['variants', index, 'audience'],
          message: bilingual(CHECK_STRINGS, 'replyPack_twoVariants', variant.audience),
        });
      }
      seen.add(variant.audience);
    });
  });
export type Reply = z.infer<typeof Reply>;

export const ReplyPack = z
  .object({
    format: z.literal(REPLY_PACK_FORMAT),
    version: z.literal(1),
    replies: z.array(Reply).max(2000),
  })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.replies.forEach((reply, index) => {
      if (seen.has(reply.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['replies', index, 'id'],
          message: bilingual(CHECK_STRINGS, 'replyPack_duplicateId', reply.id),
        });
      }
      seen.add(reply.id);
    });
  });
export type ReplyPack = z.infer<typeof ReplyPack>;

export type ParsedReplyPack = { ok: true; pack: ReplyPack } | { ok: false; error: string };

/**
 * Validates an untrusted pack: a JSON string (a UTF-8 BOM is fine) or an
 * already-parsed value. The error names what is wrong and where.
 */
export function parseReplyPack(json: unknown): ParsedReplyPack {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ok: false, error: bilingual(CHECK_STRINGS, 'replyPack_notJson', errorMessage(error)) };
    }
  }
  const parsed = ReplyPack.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      error: `${bilingual(CHECK_STRINGS, 'replyPack_invalid')}\n${z.prettifyError(parsed.error)}`,
    };
  }
  return { ok: true, pack: parsed.data };
}
