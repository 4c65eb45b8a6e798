import { z } from 'zod';

/** The fixed set of reply intents (a contract: every reply in a pack has one). */
export const INTENTS = [
  'thanks',
  'idea-received',
  'question',
  'misinfo-correction',
  'scam-warning',
  'impersonation-warning',
  'rules-reminder',
  'complaint',
] as const;
export const Intent = z.enum(INTENTS);
export type Intent = z.infer<typeof Intent>;
