import type { z } from 'zod';
import { compileRules } from '../../lib/flags/matcher';
import { Rule } from '../../lib/flags/schema';
import { type Audience, Reply } from '../../lib/replies/schema';

/**
 * What the editors hold while the moderator types: every field as text, so a
 * half-typed value never throws. `toReply`/`toRule` turn a draft into an item
 * with the packs' own zod schemas, and return the errors field by field for
 * the inline messages.
 */
export type FieldErrors = Record<string, string>;
export type Checked<T> = { ok: true; item: T } | { ok: false; errors: FieldErrors };

export interface ReplyDraft {
  id: string;
  title: string;
  intent: string;
  body: string;
  /** One per line. */
  triggers: string;
  /** Comma-separated. */
  tags: string;
  language: string;
  audience: string;
  /** Kept as they were: the editor does not change per-audience wording. */
  variants?: Reply['variants'];
}

export interface RuleDraft {
  id: string;
  category: string;
  severity: string;
  phrases: string;
  exceptions: string;
  regex: string;
  accentSensitive: boolean;
  note: string;
  correctionReplyId: string;
  source: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const commas = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

export function replyToDraft(reply: Reply): ReplyDraft {
  return {
    id: reply.id,
    title: reply.title,
    intent: reply.intent,
    body: reply.body,
    triggers: reply.triggers.join('\n'),
    tags: reply.tags.join(', '),
    language: reply.language,
    audience: reply.audience ?? '',
    variants: reply.variants,
  };
}

export function emptyReplyDraft(): ReplyDraft {
  return {
    id: '',
    title: '',
    intent: 'thanks',
    body: '',
    triggers: '',
    tags: '',
    language: 'vi',
    audience: '',
  };
}

export function ruleToDraft(rule: Rule): RuleDraft {
  return {
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    phrases: rule.phrases.join('\n'),
    exceptions: (rule.exceptions ?? []).join('\n'),
    regex: rule.regex ?? '',
    accentSensitive: rule.accentSensitive ?? false,
    note: rule.note,
    correctionReplyId: rule.correctionReplyId ?? '',
    source: rule.source ?? '',
  };
}

export function emptyRuleDraft(): RuleDraft {
  return {
    id: '',
    category: 'scam',
    severity: 'medium',
    phrases: '',
    exceptions: '',
    regex: '',
    accentSensitive: false,
    note: '',
    correctionReplyId: '',
    source: '',
  };
}

/** The first message for each field (a field shows one message at a time). */
function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

function duplicateId(id: string, otherIds: readonly string[]): FieldErrors {
  return otherIds.includes(id) ? { id: `mã "${id}" đã có trong danh sách / id "${id}" is already used` } : {};
}

/** `otherIds`: the ids of every other item in the pack (an id must stay unique). */
export function toReply(draft: ReplyDraft, otherIds: readonly string[]): Checked<Reply> {
  const candidate = {
    id: draft.id.trim(),
    title: draft.title,
    intent: draft.intent,
    body: draft.body,
    triggers: lines(draft.triggers),
    tags: commas(draft.tags),
    language: draft.language,
    ...(draft.audience ? { audience: draft.audience as Audience } : {}),
    ...(draft.variants ? { variants: draft.variants } : {}),
  };
  const parsed = Reply.safeParse(candidate);
  const errors = {
    ...duplicateId(candidate.id, otherIds),
    ...(parsed.success ? {} : fieldErrors(parsed.error.issues)),
  };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, item: parsed.data };
}

export function toRule(draft: RuleDraft, otherIds: readonly string[]): Checked<Rule> {
  const exceptions = lines(draft.exceptions);
  const candidate = {
    id: draft.id.trim(),
    category: draft.category,
    severity: draft.severity,
    phrases: lines(draft.phrases),
    ...(draft.regex.trim() ? { regex: draft.regex.trim() } : {}),
    ...(draft.accentSensitive ? { accentSensitive: true } : {}),
    ...(exceptions.length ? { exceptions } : {}),
    note: draft.note.trim(),
    ...(draft.correctionReplyId.trim() ? { correctionReplyId: draft.correctionReplyId.trim() } : {}),
    ...(draft.source.trim() ? { source: draft.source.trim() } : {}),
  };
  const parsed = Rule.safeParse(candidate);
  const errors = {
    ...duplicateId(candidate.id, otherIds),
    ...(parsed.success ? {} : fieldErrors(parsed.error.issues)),
  };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  // The schema checks each part; building the matcher checks the whole rule as the content script will.
  try {
    compileRules([parsed.data]);
  } catch (error) {
    return { ok: false, errors: { form: error instanceof Error ? error.message : String(error) } };
  }
  return { ok: true, item: parsed.data };
}
