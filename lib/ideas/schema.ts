import { z } from 'zod';
import { NumericId } from '../facebook/comment';
import { Category } from '../flags/categories';
import { dropInvisible } from '../text/invisible';
import { Instant } from './instant';

/** The follow-up path of an idea: new → reviewing → forwarded → answered → adopted | archived. */
export const IDEA_STATUSES = ['new', 'reviewing', 'forwarded', 'answered', 'adopted', 'archived'] as const;
export const IdeaStatus = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof IdeaStatus>;

/** An ISO-8601 instant, normalised to UTC (see instant.ts: one parser for every date). */
export { Instant };

/** Only https links: an idea's links are opened by the moderator, never `javascript:`. */
const HttpsUrl = z
  .url({ protocol: /^https$/, message: 'cần liên kết https / expected an https URL' })
  .max(2000);

const FacebookUrl = z
  .url({
    protocol: /^https$/,
    hostname: /^www\.facebook\.com$/,
    message: 'cần liên kết https://www.facebook.com/ / expected an https://www.facebook.com/ URL',
  })
  .max(2000);

export const Tag = z
  .string()
  // Invisible characters dropped: two tags that look the same are the same tag.
  .transform((tag) => dropInvisible(tag.normalize('NFC')).replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'nhãn trống / empty tag').max(50, 'nhãn quá dài / tag too long'));

/** Tags are a set: deduplicated and sorted by code point, so merges are order-free. */
export const Tags = z
  .array(Tag)
  .max(50)
  .transform((tags) => normalizeTags(tags));

export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags)].sort(compareCodePoints);
}

/** Plain code-point order: the same on every machine, unlike localeCompare. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const IdeaFlag = z.object({ category: Category, ruleId: z.string().min(1).max(200) });
export type IdeaFlag = z.infer<typeof IdeaFlag>;

export function normalizeFlags(flags: readonly IdeaFlag[]): IdeaFlag[] {
  const seen = new Map<string, IdeaFlag>();
  for (const flag of flags)
    seen.set(`${flag.category}\u0000${flag.ruleId}`, { category: flag.category, ruleId: flag.ruleId });
  return [...seen.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, flag]) => flag);
}

/**
 * One saved idea. The export contract requires `id`, `commentId`, `permalink`,
 * `text`, `capturedAt`, `status`, `tags`; the other fields default, so a file
 * from another tool or an older export still imports.
 *
 * `text` is the comment's own words, as plain text: it is never rendered as HTML.
 */
export const Idea = z
  .object({
    id: z.uuid({ message: 'cần UUID / expected a UUID' }),
    commentId: NumericId,
    postId: NumericId.nullable().default(null),
    parentId: NumericId.nullable().default(null),
    permalink: FacebookUrl,
    pageUrl: HttpsUrl.nullable().default(null),
    text: z.string().max(100_000),
    /** Absent when Settings.privacy.storeAuthor is false. */
    authorName: z.string().max(500).optional(),
    authorUrl: HttpsUrl.optional(),
    flags: z
      .array(IdeaFlag)
      .max(100)
      .default([])
      .transform((flags) => normalizeFlags(flags)),
    status: IdeaStatus,
    tags: Tags,
    note: z.string().max(10_000).default(''),
    capturedAt: Instant,
    /** Absent in a minimal export: then it is the capture time. */
    updatedAt: Instant.optional(),
  })
  .superRefine((idea, ctx) => {
    if (!idea.permalink.includes(idea.commentId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['permalink'],
        message: `liên kết không chứa mã bình luận ${idea.commentId} / the permalink does not contain the comment id`,
      });
    }
  })
  .transform(({ updatedAt, ...idea }) => ({ ...idea, updatedAt: updatedAt ?? idea.capturedAt }));
export type Idea = z.output<typeof Idea>;
export type IdeaInput = z.input<typeof Idea>;

/** The fields the moderator edits in the sidebar. */
export const IdeaPatch = z
  .object({
    status: IdeaStatus,
    tags: Tags,
    note: z.string().max(10_000),
  })
  .partial();
export type IdeaPatch = z.input<typeof IdeaPatch>;

export const EXPORT_FORMAT = 'khcn-moderator/ideas';
export const EXPORT_VERSION = 1;

/**
 * The export file (a contract, docs/contracts.md): `{"format":"khcn-moderator/ideas","version":1,
 * "exportedAt":ISO-8601,"ideas":[...]}`. A file that lists the same `id` or
 * `commentId` twice is invalid as a whole.
 */
export const ExportFile = z
  .object({
    format: z.literal(EXPORT_FORMAT, {
      message: `không phải tệp xuất của KHCN Moderator (cần "${EXPORT_FORMAT}") / not a KHCN Moderator export`,
    }),
    version: z.literal(EXPORT_VERSION, {
      message: `phiên bản không hỗ trợ (cần ${EXPORT_VERSION}) / unsupported version`,
    }),
    exportedAt: Instant,
    ideas: z.array(Idea),
    /**
     * Only when the moderator asked to include the trash: deleted ideas (each
     * an idea's fields plus `deletedAt`), kept for the record. An import
     * merges `ideas` only and never writes these back.
     */
    trash: z.array(z.looseObject({ id: z.uuid(), commentId: NumericId, deletedAt: Instant })).optional(),
  })
  .superRefine((file, ctx) => {
    for (const key of ['id', 'commentId'] as const) {
      const firstIndex = new Map<string, number>();
      file.ideas.forEach((idea, index) => {
        const first = firstIndex.get(idea[key]);
        if (first === undefined) {
          firstIndex.set(idea[key], index);
          return;
        }
        ctx.addIssue({
          code: 'custom',
          path: ['ideas', index, key],
          message: `trùng ${key} với ideas[${first}] / duplicate ${key} of ideas[${first}]`,
        });
      });
    }
  });
export type ExportFile = z.output<typeof ExportFile>;
