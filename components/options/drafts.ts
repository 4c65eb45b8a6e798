import type { z } from 'zod';
import { errorMessage } from '../../lib/errors';
import { compileRules } from '../../lib/flags/matcher';
import { Concept, Rule } from '../../lib/flags/schema';
import { t } from '../../lib/i18n';
import { AUDIENCES, type Audience, Reply } from '../../lib/replies/schema';

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
  /** The same reply worded for one audience; empty: that audience gets the main body. */
  variant_citizen: string;
  variant_business: string;
  variant_researcher: string;
}

type VariantField = `variant_${Audience}`;
const variantField = (audience: Audience): VariantField => `variant_${audience}`;

export interface RuleDraft {
  id: string;
  category: string;
  severity: string;
  phrases: string;
  exceptions: string;
  regex: string;
  accentSensitive: boolean;
  /** The rule flags only when the model agrees (`needsModel`). */
  needsModel: boolean;
  note: string;
  correctionReplyId: string;
  source: string;
  /** A combination's parts, one per line: concept ids and detectors ("@phone"). */
  requires: string;
  /** Syllables the parts may span; empty: the default. */
  window: string;
}

export interface ConceptDraft {
  id: string;
  label: string;
  /** One per line. */
  words: string;
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
    variant_citizen: variantBody(reply, 'citizen'),
    variant_business: variantBody(reply, 'business'),
    variant_researcher: variantBody(reply, 'researcher'),
  };
}

function variantBody(reply: Reply, audience: Audience): string {
  return reply.variants?.find((variant) => variant.audience === audience)?.body ?? '';
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
    variant_citizen: '',
    variant_business: '',
    variant_researcher: '',
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
    needsModel: rule.needsModel ?? false,
    note: rule.note,
    correctionReplyId: rule.correctionReplyId ?? '',
    source: rule.source ?? '',
    requires: (rule.requires ?? []).join('\n'),
    window: rule.window === undefined ? '' : String(rule.window),
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
    needsModel: false,
    note: '',
    correctionReplyId: '',
    source: '',
    requires: '',
    window: '',
  };
}

export function conceptToDraft(concept: Concept): ConceptDraft {
  return { id: concept.id, label: concept.label, words: concept.words.join('\n') };
}

export function emptyConceptDraft(): ConceptDraft {
  return { id: '', label: '', words: '' };
}

/** A concept as the pack's schema has it, or its errors field by field. */
export function toConcept(draft: ConceptDraft, otherIds: readonly string[]): Checked<Concept> {
  const candidate = { id: draft.id.trim(), label: draft.label.trim(), words: lines(draft.words) };
  const parsed = Concept.safeParse(candidate);
  const errors = {
    ...duplicateId(candidate.id, otherIds),
    ...(parsed.success ? {} : fieldErrors(parsed.error.issues)),
  };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, item: parsed.data };
}

/** The first message for each field (a field shows one message at a time). */
function fieldErrors(
  issues: readonly z.core.$ZodIssue[],
  fieldOf: (path: readonly PropertyKey[]) => string | undefined = () => undefined,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path) ?? String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

function duplicateId(id: string, otherIds: readonly string[]): FieldErrors {
  return otherIds.includes(id) ? { id: t('options_idTaken', id) } : {};
}

/** `otherIds`: the ids of every other item in the pack (an id must stay unique). */
export function toReply(draft: ReplyDraft, otherIds: readonly string[]): Checked<Reply> {
  const variants = AUDIENCES.filter((audience) => draft[variantField(audience)].trim()).map((audience) => ({
    audience,
    body: draft[variantField(audience)],
  }));
  const candidate = {
    id: draft.id.trim(),
    title: draft.title,
    intent: draft.intent,
    body: draft.body,
    triggers: lines(draft.triggers),
    tags: commas(draft.tags),
    language: draft.language,
    ...(draft.audience ? { audience: draft.audience as Audience } : {}),
    ...(variants.length ? { variants } : {}),
  };
  const parsed = Reply.safeParse(candidate);
  const errors = {
    ...duplicateId(candidate.id, otherIds),
    // A variant's problem is shown under that audience's box.
    ...(parsed.success
      ? {}
      : fieldErrors(parsed.error.issues, (path) =>
          path[0] === 'variants' && typeof path[1] === 'number' && variants[path[1]]
            ? variantField(variants[path[1]]!.audience)
            : undefined,
        )),
  };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, item: parsed.data };
}

/**
 * `parts`: the concept ids and detectors a combination may require (the
 * pack's); when given, an unknown part is named under the field.
 */
export function toRule(
  draft: RuleDraft,
  otherIds: readonly string[],
  parts?: readonly string[],
): Checked<Rule> {
  const exceptions = lines(draft.exceptions);
  const requires = lines(draft.requires ?? '');
  const window = (draft.window ?? '').trim();
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
    ...(requires.length ? { requires } : {}),
    ...(window ? { window: Number(window) } : {}),
    ...(draft.needsModel ? { needsModel: true } : {}),
  };
  const badWindow = window !== '' && !/^\d{1,3}$/.test(window);
  const parsed = Rule.safeParse(candidate);
  const unknown = parts ? requires.filter((part) => !parts.includes(part)) : [];
  const errors = {
    ...duplicateId(candidate.id, otherIds),
    ...(parsed.success ? {} : fieldErrors(parsed.error.issues)),
    ...(unknown.length ? { requires: t('opt_unknownParts', unknown.join(', ')) } : {}),
    ...(badWindow ? { window: t('opt_windowInvalid') } : {}),
  };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  // The schema checks each part; building the matcher checks the whole rule as the content script will.
  try {
    compileRules([parsed.data]);
  } catch (error) {
    return { ok: false, errors: { form: errorMessage(error) } };
  }
  return { ok: true, item: parsed.data };
}
