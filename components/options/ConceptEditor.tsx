import type { Concept } from '../../lib/flags/schema';
import { t } from '../../lib/i18n';
import { type ConceptDraft, conceptToDraft, emptyConceptDraft, toConcept } from './drafts';
import { Field } from './Field';
import { ItemForm } from './ItemForm';
import { type OpenFormProps, PackEditorSection } from './PackEditorSection';
import { commitConcepts, rulePack } from './packs-state';
import { useDraftForm } from './use-draft-form';

/**
 * Create, edit, delete (with undo) and reorder the concept lists the
 * combination rules are built from ("lấy lại tiền", "thu hồi tiền"… as one
 * idea). Removing a concept a rule still needs is refused, naming the rule.
 */
export function ConceptEditor() {
  const loaded = rulePack.value;
  return (
    <PackEditorSection<Concept, ConceptDraft>
      name="concept"
      headingId="concepts-heading"
      messages={{
        heading: 'opt_conceptsHeading',
        own: 'opt_ownConcepts',
        fallback: 'opt_defaultConcepts',
        add: 'opt_addConcept',
      }}
      loaded={loaded}
      items={loaded?.pack.concepts ?? []}
      commit={commitConcepts}
      toDraft={conceptToDraft}
      emptyDraft={emptyConceptDraft}
      title={(concept) => concept.id}
      detail={(concept) =>
        `${concept.label} · ${concept.words.slice(0, 3).join(', ')}${concept.words.length > 3 ? '…' : ''}`
      }
      form={(props) => <ConceptForm {...props} />}
    />
  );
}

function ConceptForm({ initial, isNew, otherIds, onSave, onCancel }: OpenFormProps<Concept, ConceptDraft>) {
  const { draft, failure, shown, set, submit } = useDraftForm({
    initial,
    otherIds,
    check: toConcept,
    onSave,
  });
  const text = (field: keyof ConceptDraft) => draft.value[field];
  return (
    <ItemForm
      name="concept"
      heading={isNew ? t('opt_newConcept') : t('opt_editConcept', initial.id)}
      onSubmit={submit}
      onCancel={onCancel}
      failure={failure.value}
    >
      <Field id="concept-id" label={t('opt_fieldId')} hint={t('opt_idHint')} error={shown('id')}>
        {(describedBy, invalid) => (
          <input
            id="concept-id"
            value={text('id')}
            onInput={set('id')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field id="concept-label" label={t('opt_fieldLabel')} error={shown('label')}>
        {(describedBy, invalid) => (
          <input
            id="concept-label"
            value={text('label')}
            onInput={set('label')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field id="concept-words" label={t('opt_fieldWords')} hint={t('opt_wordsHint')} error={shown('words')}>
        {(describedBy, invalid) => (
          <textarea
            id="concept-words"
            rows={6}
            value={text('words')}
            onInput={set('words')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      {shown('form') && <p class="field-error">{shown('form')}</p>}
    </ItemForm>
  );
}
