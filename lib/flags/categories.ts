import { z } from 'zod';

/** The fixed set of flag categories (a contract: `data-khcn-flags` uses these words). */
export const CATEGORIES = ['health', 'scam', 'impersonation', 'pseudoscience', 'phishing'] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;
