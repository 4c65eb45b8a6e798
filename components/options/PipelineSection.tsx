import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t, uiLanguage } from '../../lib/i18n';
import {
  loadPipeline,
  type PipelineSettings,
  savePipeline,
  watchPipeline,
} from '../../lib/ideas/pipeline-settings';
import { DEFAULT_TOPICS, parseTopicList, type TopicList } from '../../lib/ideas/topics';
import {
  addUnit,
  moveUnit,
  removeUnit,
  renameUnit,
  restoreUnit,
  type UnitEdit,
} from '../../lib/ideas/unit-list';
import { Field } from './Field';
import { ItemList } from './ItemList';

/** How the moderator reads a refused unit edit. */
function unitError(edit: Extract<UnitEdit, { ok: false }>): string {
  return edit.error === 'empty' ? t('pipe_unitEmpty') : t('pipe_unitDuplicate', edit.name);
}

type TopicsDraft = { ok: true; topics: TopicList } | { ok: false; error: string };

/** The textarea's JSON, checked: JSON syntax first, then the topic list's own rules (parseTopicList). */
export function readTopicsDraft(text: string): TopicsDraft {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: t('pipe_topicsJsonInvalid', (error as Error).message) };
  }
  return parseTopicList(json);
}

const asJson = (topics: TopicList) => JSON.stringify(topics, null, 2);

/**
 * Options: the idea pipeline (issue 17) — the moderator's name written into
 * each idea's history, the waiting threshold, the units ideas are forwarded
 * to, and the topic list. Each part saves on its own; invalid input says what
 * is wrong and saves nothing.
 */
export function PipelineSection() {
  const pipeline = useSignal<PipelineSettings | null>(null);
  const generalError = useSignal<{ name?: string; days?: string }>({});
  const generalStatus = useSignal('');
  const newUnit = useSignal('');
  const unitProblem = useSignal('');
  const unitStatus = useSignal<{ message: string; undo?: () => void } | null>(null);
  const renaming = useSignal<{ index: number; name: string } | null>(null);
  const topicsText = useSignal('');
  const topicsStatus = useSignal('');

  useEffect(() => {
    void loadPipeline().then((loaded) => {
      pipeline.value = loaded;
      topicsText.value = asJson(loaded.topics);
    });
    // Another Options tab saved: follow it (the topic text keeps what is being typed).
    return watchPipeline((next) => {
      pipeline.value = next;
    });
  }, []);

  const current = pipeline.value;
  if (!current) return <p role="status">{t('opt_loading')}</p>;

  const write = async (patch: Partial<PipelineSettings>): Promise<PipelineSettings> => {
    // The latest stored value, not this render's: a click can come before the re-render.
    const saved = await savePipeline({ ...(pipeline.peek() ?? current), ...patch });
    pipeline.value = saved;
    return saved;
  };

  const saveGeneral = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const name = String(form.get('moderatorName') ?? '').trim();
    const daysText = String(form.get('waitingDays') ?? '').trim();
    const days = Number(daysText);
    const errors: { name?: string; days?: string } = {};
    if (name.length > 200) errors.name = t('pipe_nameTooLong');
    if (!/^\d+$/.test(daysText) || days > 365) errors.days = t('pipe_waitingDaysInvalid');
    generalError.value = errors;
    generalStatus.value = '';
    if (errors.name || errors.days) return;
    await write({ moderatorName: name, waitingDays: days });
    generalStatus.value = t('pipe_saved');
  };

  const applyUnits = async (edit: UnitEdit, message: string): Promise<boolean> => {
    if (!edit.ok) {
      unitProblem.value = unitError(edit);
      return false;
    }
    unitProblem.value = '';
    await write({ units: edit.units });
    unitStatus.value = { message };
    return true;
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const edit = addUnit(current.units, newUnit.value);
    if (await applyUnits(edit, t('opt_savedItem', edit.ok ? edit.units.at(-1)! : ''))) newUnit.value = '';
  };

  const remove = async (index: number) => {
    const { units, removed } = removeUnit(current.units, index);
    unitProblem.value = '';
    await write({ units });
    unitStatus.value = {
      message: t('pipe_unitRemoved', removed),
      undo: () => {
        const latest = pipeline.peek()?.units ?? units;
        void write({ units: restoreUnit(latest, index, removed) }).then(() => {
          unitStatus.value = { message: t('opt_restoredItem', removed) };
        });
      },
    };
  };

  const topicsDraft = readTopicsDraft(topicsText.value);
  const language = uiLanguage();

  return (
    <section aria-labelledby="pipeline-heading" class="pipeline-section">
      <h2 id="pipeline-heading">{t('pipe_heading')}</h2>
      <p class="muted">{t('pipe_intro')}</p>

      <form onSubmit={(event) => void saveGeneral(event)} noValidate>
        <Field id="pipeline-name" label={t('pipe_moderatorName')} error={generalError.value.name}>
          {(describedBy, invalid) => (
            <input
              id="pipeline-name"
              name="moderatorName"
              type="text"
              maxLength={400}
              defaultValue={current.moderatorName}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <Field id="pipeline-days" label={t('pipe_waitingDays')} error={generalError.value.days}>
          {(describedBy, invalid) => (
            <input
              id="pipeline-days"
              name="waitingDays"
              type="number"
              inputMode="numeric"
              min={0}
              max={365}
              defaultValue={String(current.waitingDays)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        {(generalError.value.name || generalError.value.days) && (
          <p role="alert" class="problem">
            {[generalError.value.name, generalError.value.days].filter(Boolean).join(' ')}
          </p>
        )}
        <button type="submit">{t('pipe_saveGeneral')}</button>
        <p role="status">{generalStatus.value}</p>
      </form>

      <h3 id="pipeline-units-heading">{t('pipe_units')}</h3>
      <p class="muted">{t('pipe_unitsNote')}</p>
      <ItemList
        name="unit"
        label={t('pipe_unitsList')}
        items={current.units}
        keyOf={(unit) => unit}
        title={(unit) => unit}
        detail={() => ''}
        editing={renaming.value?.index ?? null}
        onEdit={(index) => {
          renaming.value = { index, name: current.units[index] ?? '' };
          unitProblem.value = '';
          setTimeout(() => document.getElementById('pipeline-rename')?.focus());
        }}
        onMove={async (index, delta) => {
          const units = moveUnit(current.units, index, delta);
          await write({ units });
          unitStatus.value = {
            message: t('opt_movedItem', current.units[index] ?? '', String(index + delta + 1)),
          };
          return true;
        }}
        onDelete={(index) => void remove(index)}
      />
      {renaming.value && (
        <form
          key={renaming.value.index}
          onSubmit={(event) => {
            event.preventDefault();
            const editing = renaming.peek();
            if (!editing) return;
            const input = document.getElementById('pipeline-rename') as HTMLInputElement | null;
            const name = input?.value ?? editing.name;
            void applyUnits(
              renameUnit(current.units, editing.index, name),
              t('opt_savedItem', name.trim()),
            ).then((done) => {
              if (done) renaming.value = null;
            });
          }}
        >
          <Field id="pipeline-rename" label={t('pipe_unitRename', current.units[renaming.value.index] ?? '')}>
            {(describedBy) => (
              <input
                id="pipeline-rename"
                type="text"
                defaultValue={renaming.value?.name}
                aria-describedby={describedBy}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') renaming.value = null;
                }}
              />
            )}
          </Field>
          <button type="submit">{t('opt_saveItem')}</button>{' '}
          <button type="button" onClick={() => (renaming.value = null)}>
            {t('opt_cancel')}
          </button>
        </form>
      )}
      <form onSubmit={(event) => void add(event)}>
        <Field id="pipeline-new-unit" label={t('pipe_unitNew')}>
          {(describedBy) => (
            <input
              id="pipeline-new-unit"
              type="text"
              value={newUnit.value}
              aria-describedby={describedBy}
              onInput={(event) => {
                newUnit.value = event.currentTarget.value;
              }}
            />
          )}
        </Field>
        <button type="submit">{t('pipe_unitAdd')}</button>
      </form>
      {unitProblem.value && (
        <p role="alert" class="problem">
          {unitProblem.value}
        </p>
      )}
      <p role="status">
        {unitStatus.value?.message}
        {unitStatus.value?.undo && (
          <>
            {' '}
            <button type="button" onClick={() => unitStatus.value?.undo?.()}>
              {t('opt_undo')}
            </button>
          </>
        )}
      </p>

      <h3 id="pipeline-topics-heading">{t('pipe_topics')}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // Checked again here: the last render may predate the last keystroke.
          const fresh = readTopicsDraft(topicsText.peek());
          if (!fresh.ok) return;
          void write({ topics: fresh.topics }).then((saved) => {
            topicsStatus.value = t('pipe_topicsSaved', String(saved.topics.length));
          });
        }}
      >
        <Field id="pipeline-topics" label={t('pipe_topics')} hint={t('pipe_topicsHelp')}>
          {(describedBy) => (
            <textarea
              id="pipeline-topics"
              class="code"
              rows={14}
              spellcheck={false}
              value={topicsText.value}
              aria-describedby={describedBy}
              aria-invalid={!topicsDraft.ok}
              onInput={(event) => {
                topicsText.value = event.currentTarget.value;
                topicsStatus.value = '';
              }}
            />
          )}
        </Field>
        {topicsDraft.ok ? (
          <details class="topics-preview">
            <summary>{t('pipe_topicsPreview', String(topicsDraft.topics.length))}</summary>
            <ul>
              {topicsDraft.topics.map((topic) => (
                <li key={topic.id}>
                  <strong>{topic.label[language]}</strong> ({topic.id}): {topic.words.join(', ')}
                </li>
              ))}
            </ul>
          </details>
        ) : (
          <p role="alert" class="problem pre">
            {topicsDraft.error}
          </p>
        )}
        <button type="submit" disabled={!topicsDraft.ok}>
          {t('pipe_topicsSave')}
        </button>{' '}
        <button
          type="button"
          onClick={() => {
            topicsText.value = asJson(DEFAULT_TOPICS);
            topicsStatus.value = t('pipe_topicsDefaultsLoaded');
          }}
        >
          {t('pipe_topicsDefaults')}
        </button>
        <p role="status">{topicsStatus.value}</p>
      </form>
    </section>
  );
}
