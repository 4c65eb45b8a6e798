// What the idea editor's fields say, and the patch they make (issue 17: status,
// unit, topic and the official answer beside tags and note). Pure: the editor
// reads its fields on submit and hands them here; tests read the rules here.
import { t } from '../../lib/i18n';
import {
  type Idea,
  IdeaAnswer,
  type IdeaPatch,
  type IdeaStatus,
  normalizeTags,
} from '../../lib/ideas/schema';
import { dayBoundary } from './time';

export interface EditorValues {
  status: string;
  tags: string;
  note: string;
  // Absent in an editor without the pipeline's fields: then they are not compared.
  /** A topic id, '' for none. */
  topic?: string;
  /** A unit name, '' for none. */
  unit?: string;
  answerText?: string;
  /** YYYY-MM-DD (Vietnam's day), '' when not given. */
  answerDay?: string;
  answerLink?: string;
}

export type EditorField = 'unit' | 'answerText' | 'answerDay' | 'answerLink';

export interface EditorProblem {
  field: EditorField;
  message: string;
}

export type EditorResult = { ok: true; patch: IdeaPatch } | { ok: false; problems: EditorProblem[] };

/** "y tế, giáo dục ,, " → ['y tế', 'giáo dục'] (the schema trims, dedupes and sorts). */
export function parseTags(input: string): string[] {
  return input
    .split(/[,;\n]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** An instant as Vietnam's calendar day (YYYY-MM-DD), what a date field shows. */
export function vietnamDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function valuesOf(idea: Idea): Required<EditorValues> {
  return {
    status: idea.status,
    tags: idea.tags.join(', '),
    note: idea.note,
    topic: idea.topic ?? '',
    unit: idea.unit ?? '',
    answerText: idea.answer?.text ?? '',
    answerDay: idea.answer ? vietnamDay(idea.answer.answeredAt) : '',
    answerLink: idea.answer?.permalink ?? '',
  };
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify(normalizeTags(a.map((tag) => tag.normalize('NFC').replace(/\s+/g, ' ')))) ===
  JSON.stringify(normalizeTags(b));

/** What the moderator changed from `base`: only those fields are sent, so an edit never writes back an older value. */
export function changedFields(base: Idea, values: EditorValues, now: Date = new Date()): IdeaPatch {
  const result = readEditor(base, values, now);
  return result.ok ? result.patch : {};
}

/**
 * The patch the fields make, or what is wrong with them. Forwarding asks for a
 * unit and "answered" for the answer's text — when the moderator makes that
 * change, so an idea forwarded elsewhere without a unit can still get a note;
 * other statuses ask for nothing.
 * A problem means nothing is saved.
 */
export function readEditor(base: Idea, values: EditorValues, now: Date = new Date()): EditorResult {
  const patch: IdeaPatch = {};
  const problems: EditorProblem[] = [];
  if (values.status !== base.status) patch.status = values.status as IdeaStatus;
  const tags = parseTags(values.tags);
  if (!sameTags(tags, base.tags)) patch.tags = tags;
  if (values.note !== base.note) patch.note = values.note;

  if (values.topic !== undefined && (values.topic || null) !== base.topic) patch.topic = values.topic || null;
  if (values.unit !== undefined) {
    const unit = values.unit || null;
    if (unit !== base.unit) patch.unit = unit;
    // Asked when the moderator forwards (or clears the unit of a forwarded idea), not on every later edit.
    if (
      values.status === 'forwarded' &&
      unit === null &&
      (patch.status !== undefined || patch.unit !== undefined)
    )
      problems.push({ field: 'unit', message: t('pipe_unitNeeded') });
  }
  if (values.answerText !== undefined) {
    const answer = readAnswer(base, values, now, problems);
    if (answer !== undefined) patch.answer = answer;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, patch };
}

/** The answer the fields give: undefined when unchanged (or invalid: then `problems` says why). */
function readAnswer(
  base: Idea,
  values: EditorValues,
  now: Date,
  problems: EditorProblem[],
): Idea['answer'] | undefined {
  const text = (values.answerText ?? '').trim();
  const day = (values.answerDay ?? '').trim();
  const link = (values.answerLink ?? '').trim();
  const before = problems.length;
  if (!text) {
    const answering = values.status === 'answered' && (values.status !== base.status || base.answer !== null);
    if (answering) problems.push({ field: 'answerText', message: t('pipe_answerNeeded') });
    else if (day || link) problems.push({ field: 'answerText', message: t('pipe_answerTextMissing') });
  }
  let answeredAt: string | undefined;
  if (day) {
    answeredAt =
      base.answer && vietnamDay(base.answer.answeredAt) === day
        ? base.answer.answeredAt // the same day: keep the stored instant, so nothing changes
        : dayBoundary(day, 'start');
    if (!answeredAt) problems.push({ field: 'answerDay', message: t('pipe_answerDayInvalid') });
    else if (day > vietnamDay(now.toISOString()))
      problems.push({ field: 'answerDay', message: t('pipe_answerDayFuture') });
  }
  // The schema decides what a valid link is (one rule for the editor, the database and imports).
  if (link && !IdeaAnswer.shape.permalink.safeParse(link).success)
    problems.push({ field: 'answerLink', message: t('pipe_answerLinkInvalid') });
  if (problems.length > before) return undefined;
  if (!text) return base.answer === null ? undefined : null;
  const answer = {
    text,
    // No date given: the day it was recorded (kept if the answer already had one).
    answeredAt: answeredAt ?? base.answer?.answeredAt ?? now.toISOString(),
    permalink: link || null,
  };
  const same =
    base.answer !== null &&
    base.answer.text === answer.text &&
    base.answer.answeredAt === answer.answeredAt &&
    base.answer.permalink === answer.permalink;
  return same ? undefined : answer;
}
