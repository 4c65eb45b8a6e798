import { CATEGORIES, SEVERITIES } from '../../lib/flags/categories';
import { DETECTORS } from '../../lib/flags/detectors';
import type { Rule } from '../../lib/flags/schema';
import { t } from '../../lib/i18n';
import { emptyRuleDraft, type RuleDraft, ruleToDraft, toRule } from './drafts';
import { Field } from './Field';
import { ItemForm } from './ItemForm';
import { type OpenFormProps, PackEditorSection } from './PackEditorSection';
import { commitRules, replyPack, rulePack } from './packs-state';
import { useDraftForm } from './use-draft-form';

/** Create, edit, delete (with undo) and reorder the keyword rules that flag comments. */
export function RuleEditor() {
  const loaded = rulePack.value;
  return (
    <PackEditorSection<Rule, RuleDraft>
      name="rule"
      headingId="rules-heading"
      messages={{
        heading: 'opt_rulesHeading',
        own: 'opt_ownRules',
        fallback: 'opt_defaultRules',
        add: 'opt_addRule',
      }}
      loaded={loaded}
      items={loaded?.pack.rules ?? []}
      commit={commitRules}
      toDraft={ruleToDraft}
      emptyDraft={emptyRuleDraft}
      title={(rule) => rule.id}
      detail={(rule) =>
        `${t(`category_${rule.category}`)} · ${t(`severity_${rule.severity}`)} · ${rule.phrases.slice(0, 3).join(', ')}${rule.phrases.length > 3 ? '…' : ''}`
      }
      form={(props) => <RuleForm {...props} />}
    />
  );
}

function RuleForm({ initial, isNew, otherIds, onSave, onCancel }: OpenFormProps<Rule, RuleDraft>) {
  // A combination may need the pack's concepts and the detectors: an unknown one is named under the field.
  const parts = [
    ...(rulePack.value?.pack.concepts ?? []).map((concept) => concept.id),
    ...DETECTORS.map((detector) => `@${detector}`),
  ];
  const { draft, failure, shown, set, submit } = useDraftForm({
    initial,
    otherIds,
    check: (d: RuleDraft, ids: readonly string[]) => toRule(d, ids, parts),
    onSave,
    // An empty phrase list is only wrong for want of a regex: show it when either is touched.
    alsoTouch: { regex: ['phrases'], requires: ['phrases'] },
  });
  const replyIds = (replyPack.value?.pack.replies ?? []).map((reply) => reply.id);

  const text = (field: keyof RuleDraft) => String(draft.value[field]);

  return (
    <ItemForm
      name="rule"
      heading={isNew ? t('opt_newRule') : t('opt_editRule', initial.id)}
      onSubmit={submit}
      onCancel={onCancel}
      failure={failure.value}
    >
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
      <div class="field-row">
        <Field
          id="rule-requires"
          label={t('opt_fieldRequires')}
          hint={t('opt_requiresHint')}
          error={shown('requires')}
        >
          {(describedBy, invalid) => (
            <textarea
              id="rule-requires"
              rows={3}
              value={text('requires')}
              onInput={set('requires')}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <Field id="rule-window" label={t('opt_fieldWindow')} error={shown('window')}>
          {(describedBy, invalid) => (
            <input
              id="rule-window"
              inputMode="numeric"
              value={text('window')}
              onInput={set('window')}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
      </div>
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
      <div class="field checkbox">
        <label>
          <input type="checkbox" checked={draft.value.needsModel} onChange={set('needsModel')} />{' '}
          {t('opt_fieldNeedsModel')}
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
    </ItemForm>
  );
}
