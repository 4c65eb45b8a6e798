import { t } from '../../lib/i18n';
import { INTENTS, type Intent } from '../../lib/replies/intents';
import { PLACEHOLDERS } from '../../lib/replies/placeholders';
import { renderReply } from '../../lib/replies/render';
import { AUDIENCES, type Reply } from '../../lib/replies/schema';
import type { Settings } from '../../lib/settings/schema';
import { emptyReplyDraft, type ReplyDraft, replyToDraft, toReply } from './drafts';
import { Field } from './Field';
import { ItemForm } from './ItemForm';
import { type OpenFormProps, PackEditorSection } from './PackEditorSection';
import { commitReplies, replyPack } from './packs-state';
import { useDraftForm } from './use-draft-form';

type Underscored<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Underscored<B>}` : S;

/** Message names allow no hyphen: `idea-received` is `intent_idea_received`. */
export function intentKey<I extends Intent>(intent: I): Underscored<I> {
  return intent.replace(/-/g, '_') as Underscored<I>;
}

/** The sample the preview fills placeholders with. */
export const SAMPLE_COMMENTER = 'Nguyễn Văn An';

/** Create, edit, delete (with undo) and reorder the moderator's replies. */
export function ReplyEditor({ settings, now = () => new Date() }: { settings: Settings; now?: () => Date }) {
  const loaded = replyPack.value;
  return (
    <PackEditorSection<Reply, ReplyDraft>
      name="reply"
      headingId="replies-heading"
      messages={{
        heading: 'opt_repliesHeading',
        own: 'opt_ownLibrary',
        fallback: 'opt_defaultLibrary',
        add: 'opt_addReply',
      }}
      loaded={loaded}
      items={loaded?.pack.replies ?? []}
      commit={commitReplies}
      toDraft={replyToDraft}
      emptyDraft={emptyReplyDraft}
      title={(reply) => reply.title}
      detail={(reply) => `${reply.id} · ${t(`intent_${intentKey(reply.intent)}`)}`}
      form={(props) => <ReplyForm {...props} settings={settings} now={now} />}
    />
  );
}

interface ReplyFormProps extends OpenFormProps<Reply, ReplyDraft> {
  settings: Settings;
  now: () => Date;
}

function ReplyForm({ initial, isNew, otherIds, settings, now, onSave, onCancel }: ReplyFormProps) {
  const { draft, failure, shown, set, submit } = useDraftForm({ initial, otherIds, check: toReply, onSave });

  const preview = renderReply(
    { body: draft.value.body, variants: undefined },
    { commenterName: SAMPLE_COMMENTER, settings, now: now() },
  );

  return (
    <ItemForm
      name="reply"
      heading={isNew ? t('opt_newReply') : t('opt_editReply', initial.title)}
      onSubmit={submit}
      onCancel={onCancel}
      failure={failure.value}
    >
      <Field id="reply-id" label={t('opt_fieldId')} hint={t('opt_idHint')} error={shown('id')}>
        {(describedBy, invalid) => (
          <input
            id="reply-id"
            value={draft.value.id}
            onInput={set('id')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field id="reply-title" label={t('opt_fieldTitle')} error={shown('title')}>
        {(describedBy, invalid) => (
          <input
            id="reply-title"
            value={draft.value.title}
            onInput={set('title')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field id="reply-intent" label={t('opt_fieldIntent')} error={shown('intent')}>
        {(describedBy) => (
          <select
            id="reply-intent"
            value={draft.value.intent}
            onChange={set('intent')}
            aria-describedby={describedBy}
          >
            {INTENTS.map((intent) => (
              <option key={intent} value={intent}>
                {t(`intent_${intentKey(intent)}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="reply-body"
        label={t('opt_fieldBody')}
        hint={t(
          'opt_placeholdersHint',
          Object.entries(PLACEHOLDERS)
            .map(([name, about]) => `{${name}} (${about.vi} / ${about.en})`)
            .join(', '),
        )}
        error={shown('body')}
      >
        {(describedBy, invalid) => (
          <textarea
            id="reply-body"
            rows={6}
            value={draft.value.body}
            onInput={set('body')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <div class="preview" aria-live="polite">
        <h4>{t('opt_preview', SAMPLE_COMMENTER)}</h4>
        {preview.ok ? (
          <p class="preview-text">{preview.text}</p>
        ) : (
          <p class="preview-problem">{draft.value.body.trim() ? preview.message : t('opt_previewEmpty')}</p>
        )}
      </div>
      <Field
        id="reply-triggers"
        label={t('opt_fieldTriggers')}
        hint={t('opt_onePerLine')}
        error={shown('triggers')}
      >
        {(describedBy, invalid) => (
          <textarea
            id="reply-triggers"
            rows={3}
            value={draft.value.triggers}
            onInput={set('triggers')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field id="reply-tags" label={t('opt_fieldTags')} hint={t('opt_commaSeparated')} error={shown('tags')}>
        {(describedBy, invalid) => (
          <input
            id="reply-tags"
            value={draft.value.tags}
            onInput={set('tags')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <div class="field-row">
        <Field id="reply-language" label={t('opt_fieldLanguage')} error={shown('language')}>
          {(describedBy) => (
            <select
              id="reply-language"
              value={draft.value.language}
              onChange={set('language')}
              aria-describedby={describedBy}
            >
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <Field id="reply-audience" label={t('opt_fieldAudience')} error={shown('audience')}>
          {(describedBy) => (
            <select
              id="reply-audience"
              value={draft.value.audience}
              onChange={set('audience')}
              aria-describedby={describedBy}
            >
              <option value="">{t('opt_audienceAll')}</option>
              {AUDIENCES.map((audience) => (
                <option key={audience} value={audience}>
                  {t(`audience_${audience}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset class="variants">
        <legend>{t('opt_variantsHeading')}</legend>
        <p class="muted">{t('opt_variantsHint')}</p>
        {AUDIENCES.map((audience) => {
          const name = `variant_${audience}` as const;
          const id = `reply-variant-${audience}`;
          return (
            <Field key={audience} id={id} label={t(`audience_${audience}`)} error={shown(name)}>
              {(describedBy, invalid) => (
                <textarea
                  id={id}
                  rows={3}
                  value={draft.value[name]}
                  onInput={set(name)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
          );
        })}
      </fieldset>
    </ItemForm>
  );
}
