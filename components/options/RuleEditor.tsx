import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { CATEGORIES, SEVERITIES } from '../../lib/flags/categories';
import type { Rule } from '../../lib/flags/schema';
import { t } from '../../lib/i18n';
import { emptyRuleDraft, type RuleDraft, ruleToDraft, toRule } from './drafts';
import { Field } from './Field';
import { ItemList } from './ItemList';
import { commitRules, replyPack, rulePack } from './packs-state';
import { useListEditing } from './use-list-editing';

/** Create, edit, delete (with undo) and reorder the keyword rules that flag comments. */
export function RuleEditor() {
  const loaded = rulePack.value;
  const rules = loaded?.pack.rules ?? [];
  const editing = useListEditing<Rule, RuleDraft>({
    items: rules,
    commit: commitRules,
    toDraft: ruleToDraft,
    emptyDraft: emptyRuleDraft,
    name: (rule) => rule.id,
  });
  if (!loaded) return null;

  return (
    <section aria-labelledby="rules-heading" class="pack-editor">
      <h2 id="rules-heading">{t('opt_rulesHeading')}</h2>
      <p class="muted">
        {loaded.source === 'stored'
          ? t('opt_ownRules', String(rules.length))
          : t('opt_defaultRules', String(rules.length))}
      </p>
      {loaded.problem && (
        <p role="alert" class="problem">
          {loaded.problem}
        </p>
      )}
      <button type="button" class="primary" onClick={editing.startNew} disabled={editing.open.value !== null}>
        {t('opt_addRule')}
      </button>
      <ItemList
        name="rule"
        label={t('opt_rulesHeading')}
        items={rules}
        keyOf={(rule) => rule.id}
        title={(rule) => rule.id}
        detail={(rule) =>
          `${t(`category_${rule.category}`)} · ${t(`severity_${rule.severity}`)} · ${rule.phrases.slice(0, 3).join(', ')}${rule.phrases.length > 3 ? '…' : ''}`
        }
        editing={editing.open.value?.index ?? null}
        onEdit={editing.startEdit}
        onMove={editing.move}
        onDelete={editing.remove}
      />
      {editing.open.value && (
        <RuleForm
          key={editing.open.value.index ?? 'new'}
          initial={editing.open.value.draft}
          isNew={editing.open.value.index === null}
          otherIds={rules.filter((_, i) => i !== editing.open.value?.index).map((rule) => rule.id)}
          onSave={editing.save}
          onCancel={editing.cancel}
        />
      )}
      {editing.status}
    </section>
  );
}

interface RuleFormProps {
  initial: RuleDraft;
  isNew: boolean;
  otherIds: string[];
  onSave: (rule: Rule) => Promise<string | null>;
  onCancel: () => void;
}

function RuleForm({ initial, isNew, otherIds, onSave, onCancel }: RuleFormProps) {
  const draft = useSignal(initial);
  const touched = useSignal<ReadonlySet<string>>(new Set());
  const failure = useSignal('');
  const checked = useMemo(() => toRule(draft.value, otherIds), [draft.value, otherIds.join('\n')]);
  const errors = checked.ok ? {} : checked.errors;
  const shown = (field: string) =>
    touched.value.has(field) || touched.value.has('*') ? errors[field] : undefined;
  const replyIds = (replyPack.value?.pack.replies ?? []).map((reply) => reply.id);

  const set = (field: keyof RuleDraft) => (event: Event) => {
    const target = event.currentTarget as HTMLInputElement;
    draft.value = { ...draft.value, [field]: target.type === 'checkbox' ? target.checked : target.value };
    // An empty phrase list is only wrong for want of a regex: show it when either is touched.
    const also = field === 'regex' ? ['phrases'] : [];
    touched.value = new Set([...touched.value, field, ...also]);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    touched.value = new Set(['*']);
    // Checked again here: the last render may predate the last keystroke.
    const fresh = toRule(draft.value, otherIds);
    if (!fresh.ok) {
      failure.value = t('opt_fixErrors');
      return;
    }
    failure.value = (await onSave(fresh.item)) ?? '';
  };

  const text = (field: keyof RuleDraft) => String(draft.value[field]);

  return (
    <form class="item-form" onSubmit={submit} aria-labelledby="rule-form-heading" noValidate>
      <h3 id="rule-form-heading">{isNew ? t('opt_newRule') : t('opt_editRule', initial.id)}</h3>
      <Field id="rule-id" label={t('opt_fieldId')} hint={t('opt_idHint')} error={shown('id')}>
        {(describedBy, invalid) => (
          <input
            id="rule-id"
            value={text('id')}
            onInput={set('id')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <div class="field-row">
        <Field id="rule-category" label={t('opt_fieldCategory')} error={shown('category')}>
          {(describedBy) => (
            <select
              id="rule-category"
              value={text('category')}
              onChange={set('category')}
              aria-describedby={describedBy}
            >
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`category_${category}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rule-severity" label={t('opt_fieldSeverity')} error={shown('severity')}>
          {(describedBy) => (
            <select
              id="rule-severity"
              value={text('severity')}
              onChange={set('severity')}
              aria-describedby={describedBy}
            >
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {t(`severity_${severity}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        id="rule-phrases"
        label={t('opt_fieldPhrases')}
        hint={t('opt_phrasesHint')}
        error={shown('phrases')}
      >
        {(describedBy, invalid) => (
          <textarea
            id="rule-phrases"
            rows={4}
            value={text('phrases')}
            onInput={set('phrases')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field id="rule-regex" label={t('opt_fieldRegex')} hint={t('opt_regexHint')} error={shown('regex')}>
        {(describedBy, invalid) => (
          <input
            id="rule-regex"
            class="mono"
            spellcheck={false}
            value={text('regex')}
            onInput={set('regex')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field
        id="rule-exceptions"
        label={t('opt_fieldExceptions')}
        hint={t('opt_exceptionsHint')}
        error={shown('exceptions')}
      >
        {(describedBy, invalid) => (
          <textarea
            id="rule-exceptions"
            rows={3}
            value={text('exceptions')}
            onInput={set('exceptions')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <div class="field checkbox">
        <label>
          <input type="checkbox" checked={draft.value.accentSensitive} onChange={set('accentSensitive')} />{' '}
          {t('opt_fieldAccentSensitive')}
        </label>
      </div>
      <Field id="rule-note" label={t('opt_fieldNote')} hint={t('opt_noteHint')} error={shown('note')}>
        {(describedBy, invalid) => (
          <textarea
            id="rule-note"
            rows={3}
            value={text('note')}
            onInput={set('note')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field id="rule-correction" label={t('opt_fieldCorrection')} error={shown('correctionReplyId')}>
        {(describedBy) => (
          <select
            id="rule-correction"
            value={text('correctionReplyId')}
            onChange={set('correctionReplyId')}
            aria-describedby={describedBy}
          >
            <option value="">{t('opt_noCorrection')}</option>
            {draft.value.correctionReplyId && !replyIds.includes(draft.value.correctionReplyId) && (
              <option value={draft.value.correctionReplyId}>
                {t('opt_missingReply', draft.value.correctionReplyId)}
              </option>
            )}
            {replyIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="rule-source" label={t('opt_fieldSource')} error={shown('source')}>
        {(describedBy, invalid) => (
          <input
            id="rule-source"
            type="url"
            value={text('source')}
            onInput={set('source')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      {shown('form') && <p class="field-error">{shown('form')}</p>}
      <div class="form-actions">
        <button type="submit" class="primary">
          {t('opt_saveItem')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('opt_cancel')}
        </button>
      </div>
      {failure.value && (
        <p role="alert" class="problem">
          {failure.value}
        </p>
      )}
    </form>
  );
}
