import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../lib/i18n';
import { DEFAULT_PIPELINE, type PipelineSettings } from '../../lib/ideas/pipeline-settings';
import { IDEA_STATUSES, type Idea, type IdeaPatch } from '../../lib/ideas/schema';
import { suggestTopic } from '../../lib/ideas/topics';
import { IdeaHistory, topicName } from './IdeaHistory';
import {
  type EditorField,
  type EditorProblem,
  type EditorValues,
  readEditor,
  valuesOf,
  vietnamDay,
} from './idea-editor-values';
import { statusLabel } from './labels';

export { changedFields, parseTags } from './idea-editor-values';

export interface IdeaEditorProps {
  /** The version the edit starts from; it changes to the newest one after a conflict. */
  idea: Idea;
  /** The idea as stored now, when a save found it changed elsewhere meanwhile. */
  conflict?: Idea | null;
  /** Gets only the fields that differ from `idea`. */
  onSave: (patch: IdeaPatch) => void;
  onCancel: () => void;
  onLoadNewest?: () => void;
  /** The units and topics to choose from (settings.pipeline). */
  pipeline?: PipelineSettings;
  now?: Date;
}

type FieldName = keyof Required<EditorValues>;
type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const FIELD_NAMES: FieldName[] = [
  'status',
  'tags',
  'note',
  'topic',
  'unit',
  'answerText',
  'answerDay',
  'answerLink',
];

/**
 * Edits the moderator's fields: status, the pipeline's topic, unit and
 * official answer, tags and note; shows the history. Escape cancels.
 */
export function IdeaEditor({
  idea,
  conflict,
  onSave,
  onCancel,
  onLoadNewest,
  pipeline = DEFAULT_PIPELINE,
  now = new Date(),
}: IdeaEditorProps) {
  // The fields are read on submit, not mirrored in state: a submit right after
  // typing (Enter) must never save a value from the previous render.
  const fields = useRef<Partial<Record<FieldName, FieldElement | null>>>({});
  const bind = (name: FieldName) => (element: FieldElement | null) => {
    fields.current[name] = element;
  };
  const loadNewestButton = useRef<HTMLButtonElement>(null);
  const base = useRef(idea);
  // The fields start from the first version only; later versions are applied by the effect below.
  const initial = useRef(valuesOf(idea)).current;
  // Only for guidance (which field the chosen status asks for); saving reads the field itself.
  const [status, setStatus] = useState(initial.status);
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const language = uiLanguage();
  const suggestion = useMemo(() => suggestTopic(idea.text, pipeline.topics), [idea.text, pipeline.topics]);

  const current = (): Required<EditorValues> => {
    const values = valuesOf(base.current);
    for (const name of FIELD_NAMES) {
      const element = fields.current[name];
      if (element) values[name] = element.value;
    }
    return values;
  };

  // The selects' values are also set once drawn: `selected` on an option is
  // not honoured everywhere when options are built one by one (happy-dom).
  useLayoutEffect(() => {
    for (const name of ['status', 'unit', 'topic'] as const) {
      const element = fields.current[name];
      if (element) element.value = initial[name];
    }
  }, []);

  useEffect(() => {
    fields.current.status?.focus();
  }, []);

  // Moved to a newer version (after a conflict): a field the moderator left
  // alone shows the newer value; a field they changed keeps what they typed.
  useLayoutEffect(() => {
    const old = base.current;
    if (old === idea) return;
    const before = valuesOf(old);
    const after = valuesOf(idea);
    const typed = current();
    for (const name of FIELD_NAMES) {
      const element = fields.current[name];
      if (element && typed[name] === before[name]) element.value = after[name];
    }
    setStatus(fields.current.status?.value ?? after.status);
    base.current = idea;
    fields.current.status?.focus();
  }, [idea]);

  useLayoutEffect(() => {
    if (conflict) loadNewestButton.current?.focus();
  }, [conflict]);

  const problemOf = (field: EditorField) => problems.find((problem) => problem.field === field);
  const invalid = (field: EditorField) =>
    problemOf(field)
      ? { 'aria-invalid': true as const, 'aria-describedby': `khcn-editor-problem-${field}` }
      : {};
  const problemText = (field: EditorField) => {
    const problem = problemOf(field);
    return problem ? (
      <span id={`khcn-editor-problem-${field}`} class="khcn-field-error">
        {problem.message}
      </span>
    ) : null;
  };

  // A unit or topic the lists no longer name stays choosable, so opening the editor never loses it.
  const units =
    initial.unit && !pipeline.units.includes(initial.unit)
      ? [...pipeline.units, initial.unit]
      : pipeline.units;
  const topicIds = pipeline.topics.map((topic) => topic.id);
  if (initial.topic && !topicIds.includes(initial.topic)) topicIds.push(initial.topic);

  return (
    <form
      class="khcn-idea-editor"
      aria-label={t('idea_editTitle')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const result = readEditor(base.current, current(), now);
        if (!result.ok) {
          setProblems(result.problems);
          const first = result.problems[0];
          if (first) fields.current[first.field]?.focus();
          return;
        }
        setProblems([]);
        onSave(result.patch);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <blockquote class="khcn-idea-text">{idea.text}</blockquote>
      <div role="alert" class="khcn-alert khcn-idea-conflict">
        {conflict && (
          <>
            <span>{t('ideaLog_conflict')}</span>{' '}
            <button ref={loadNewestButton} type="button" onClick={onLoadNewest}>
              {t('idea_loadNewest')}
            </button>
          </>
        )}
      </div>
      <label>
        {t('idea_filterStatus')}
        {/* `selected` on the option, not `defaultValue` on the select: Chromium ignores the latter. */}
        <select ref={bind('status')} onChange={(event) => setStatus(event.currentTarget.value)}>
          {IDEA_STATUSES.map((value) => (
            <option key={value} value={value} selected={value === initial.status}>
              {statusLabel(value)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('pipe_unit')}
        <select ref={bind('unit')} {...invalid('unit')}>
          <option value="" selected={initial.unit === ''}>
            {t('pipe_noUnit')}
          </option>
          {units.map((unit) => (
            <option key={unit} value={unit} selected={unit === initial.unit}>
              {unit}
            </option>
          ))}
        </select>
        {problemText('unit') ??
          (status === 'forwarded' && <span class="khcn-hint">{t('pipe_unitNeeded')}</span>)}
      </label>
      <label>
        {t('pipe_topic')}
        <select ref={bind('topic')}>
          <option value="" selected={initial.topic === ''}>
            {t('pipe_noTopic')}
          </option>
          {topicIds.map((id) => (
            <option key={id} value={id} selected={id === initial.topic}>
              {topicName(id, pipeline.topics)}
            </option>
          ))}
        </select>
        {suggestion && (
          <span class="khcn-hint khcn-topic-why">
            {t(
              'pipe_topicWhy',
              pipeline.topics.find((topic) => topic.id === suggestion.topicId)?.label[language] ??
                suggestion.topicId,
              suggestion.words.join(', '),
            )}
          </span>
        )}
      </label>
      <label>
        {t('idea_tagsField')}
        <input ref={bind('tags')} type="text" defaultValue={initial.tags} />
      </label>
      <label>
        {t('idea_noteField')}
        <textarea ref={bind('note')} rows={3} maxLength={10_000} defaultValue={initial.note} />
      </label>
      <fieldset class="khcn-idea-answer">
        <legend>{t('pipe_answer')}</legend>
        {status === 'answered' && !problemOf('answerText') && (
          <p class="khcn-hint">{t('pipe_answerNeeded')}</p>
        )}
        <label>
          {t('pipe_answerText')}
          <textarea
            ref={bind('answerText')}
            rows={3}
            maxLength={20_000}
            defaultValue={initial.answerText}
            {...invalid('answerText')}
          />
          {problemText('answerText')}
        </label>
        <label>
          {t('pipe_answerDay')}
          <input
            ref={bind('answerDay')}
            type="date"
            max={vietnamDay(now.toISOString())}
            defaultValue={initial.answerDay}
            {...invalid('answerDay')}
          />
          {problemText('answerDay')}
        </label>
        <label>
          {t('pipe_answerLink')}
          <input
            ref={bind('answerLink')}
            type="url"
            inputMode="url"
            defaultValue={initial.answerLink}
            {...invalid('answerLink')}
          />
          {problemText('answerLink')}
        </label>
      </fieldset>
      <div role="alert" class="khcn-alert khcn-editor-problems">
        {problems.length > 0 &&
          `${t('pipe_fixFields')} ${problems.map((problem) => problem.message).join(' ')}`}
      </div>
      <div class="khcn-idea-editor-actions">
        <button type="submit">{t('idea_save')}</button>
        <button type="button" onClick={onCancel}>
          {t('idea_cancel')}
        </button>
      </div>
      <IdeaHistory history={idea.history ?? []} topics={pipeline.topics} />
    </form>
  );
}
