import { z } from 'zod';
import { NumericId } from '../facebook/comment';
import { Category } from '../flags/categories';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { dropInvisible } from '../text/invisible';
import { Instant } from './instant';

/**
 * The follow-up path of an idea: new → reviewing → forwarded (to a unit) → answered
 * (the official answer) → adopted | declined (not adopted); archived sets one aside.
 * `declined` came with issue 17; files with the older six still import.
 */
export const IDEA_STATUSES = [
  'new',
  'reviewing',
  'forwarded',
  'answered',
  'adopted',
  'declined',
  'archived',
] as const;
export const IdeaStatus = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof IdeaStatus>;

/** An ISO-8601 instant, normalised to UTC (see instant.ts: one parser for every date). */
export { Instant };

/** Only https links: an idea's links are opened by the moderator, never `javascript:`. */
const HttpsUrl = z.url({ protocol: /^https$/, message: bilingual(CHECK_STRINGS, 'idea_httpsUrl') }).max(2000);

const FacebookUrl = z
  .url({
    protocol: /^https$/,
    hostname: /^www\.facebook\.com$/,
    message: bilingual(CHECK_STRINGS, 'idea_facebookUrl'),
  })
  .max(2000);

export const Tag = z
  .string()
  // Invisible characters dropped: two tags that look the same are the same tag.
  .transform((tag) => dropInvisible(tag.normalize('NFC')).replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, bilingual(CHECK_STRINGS, 'idea_emptyTag'))
      .max(50, bilingual(CHECK_STRINGS, 'idea_tagTooLong')),
  );

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

/** A responsible unit of the ministry, as the moderator's list names it (settings.pipeline.units). */
export const UnitName = z
  .string()
  .transform((unit) => dropInvisible(unit.normalize('NFC')).replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, bilingual(CHECK_STRINGS, 'idea_emptyUnit'))
      .max(200, bilingual(CHECK_STRINGS, 'idea_unitTooLong')),
  );

/** A topic id of the topic list (lib/ideas/topics.ts TopicList: lowercase ASCII with hyphens). */
export const TopicId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, bilingual(CHECK_STRINGS, 'idea_topicId'))
  .max(60);

/** The official answer to an idea: its text, when it was given, and the reply's permalink if posted on Facebook. */
export const IdeaAnswer = z.object({
  text: z.string().trim().min(1, bilingual(CHECK_STRINGS, 'idea_emptyAnswer')).max(20_000),
  answeredAt: Instant,
  permalink: FacebookUrl.nullable().default(null),
});
export type IdeaAnswer = z.output<typeof IdeaAnswer>;

/**
 * One change of an idea's follow-up, kept as its history: who (the moderator's
 * name from settings.pipeline.moderatorName, '' when unset) and when, and the
 * state after the change. Only the fields that changed are present.
 */
export const HistoryEntry = z.object({
  at: Instant,
  by: z.string().max(200).default(''),
  status: IdeaStatus.optional(),
  /** null: the unit was cleared. */
  unit: UnitName.nullable().optional(),
  topic: TopicId.nullable().optional(),
  /** true when the official answer was set or changed, false when removed. */
  answered: z.boolean().optional(),
  /** The group the idea joined (a group id), or null when it left one. */
  groupId: z.uuid().nullable().optional(),
});
export type HistoryEntry = z.output<typeof HistoryEntry>;

/** A history is a set: deduplicated, oldest first (then by content), so merging two logs is order-free. */
export function normalizeHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const byKey = new Map<string, HistoryEntry>();
  for (const entry of entries) byKey.set(historyKey(entry), entry);
  return [...byKey.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, entry]) => entry);
}

const HISTORY_KEYS = ['at', 'by', 'status', 'unit', 'topic', 'answered', 'groupId'] as const;
/** Instants are normalised UTC ISO strings, so the key sorts by time first. */
function historyKey(entry: HistoryEntry): string {
  return JSON.stringify(HISTORY_KEYS.map((key) => (entry[key] === undefined ? '\u0000absent' : entry[key])));
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
    id: z.uuid({ message: bilingual(CHECK_STRINGS, 'idea_uuid') }),
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
    // Issue 17, the idea pipeline: all optional in a file, so older exports still import.
    /** The topic (an id of the topic list), suggested on save and editable; null when none. */
    topic: TopicId.nullable().default(null),
    /** The unit the idea was forwarded to. */
    unit: UnitName.nullable().default(null),
    answer: IdeaAnswer.nullable().default(null),
    /**
     * Ideas with the same groupId are one group (similar ideas, their supporters
     * counted); null when the idea stands alone. A group has no record of its
     * own: its members are its data, so merging two logs needs no extra rule.
     */
    groupId: z.uuid().nullable().default(null),
    history: z
      .array(HistoryEntry)
      .max(1000)
      .default([])
      .transform((entries) => normalizeHistory(entries)),
  })
  .superRefine((idea, ctx) => {
    if (!idea.permalink.includes(idea.commentId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['permalink'],
        message: bilingual(CHECK_STRINGS, 'idea_permalinkWithoutComment', idea.commentId),
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
    topic: TopicId.nullable(),
    unit: UnitName.nullable(),
    answer: IdeaAnswer.nullable(),
    groupId: z.uuid().nullable(),
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
      message: bilingual(CHECK_STRINGS, 'export_notOurs', EXPORT_FORMAT),
    }),
    version: z.literal(EXPORT_VERSION, {
      message: bilingual(CHECK_STRINGS, 'export_version', String(EXPORT_VERSION)),
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
          message: bilingual(CHECK_STRINGS, 'export_duplicate', key, String(first)),
        });
      });
    }
  });
export type ExportFile = z.output<typeof ExportFile>;
