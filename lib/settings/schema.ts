import { z } from 'zod';

/** A watched page: the slug in the URL (`khcndmst`) or a numeric page id. */
export const WatchedPage = z
  .string()
  .trim()
  .regex(/^([A-Za-z0-9.]{5,50}|\d{5,20})$/, 'a page slug (letters, digits, dots) or a numeric page id');

export const PageValues = z.object({
  pageName: z.string().max(200).default('Thông tin Khoa học và Công nghệ'),
  officialLink: z.string().max(500).default('https://mst.gov.vn'),
  // No default: a wrong number in an official reply is worse than none. Replies
  // that say {hotline} refuse to insert until a moderator sets it in Options.
  hotline: z.string().max(50).default(''),
  signature: z.string().max(500).default('Ban biên tập fanpage Thông tin Khoa học và Công nghệ'),
});

export const Privacy = z.object({
  /** Keep the commenter's name and profile link with a saved idea. */
  storeAuthor: z.boolean().default(true),
  /** Days an idea is kept before the purge prompt; 0 = keep until deleted. */
  retentionDays: z.number().int().min(0).max(3650).default(365),
});

export const Settings = z.object({
  version: z.literal(1).default(1),
  watchedPages: z.array(WatchedPage).max(50).default(['khcndmst']),
  pageValues: PageValues.default(PageValues.parse({})),
  privacy: Privacy.default(Privacy.parse({})),
  /** The form of address used when a reply says {danhXung}. */
  defaultAddress: z.string().max(30).default('anh/chị'),
});
export type Settings = z.infer<typeof Settings>;
export type PageValues = z.infer<typeof PageValues>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});
