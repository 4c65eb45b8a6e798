import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { INTENTS, type Intent } from '../../lib/replies/intents';
import { PLACEHOLDERS } from '../../lib/replies/placeholders';
import { renderReply } from '../../lib/replies/render';
import { AUDIENCES, type Reply } from '../../lib/replies/schema';
import type { Settings } from '../../lib/settings/schema';
import { emptyReplyDraft, type ReplyDraft, replyToDraft, toReply } from './drafts';
import { Field } from './Field';
import { ItemList } from './ItemList';
import { commitReplies, replyPack } from './packs-state';
import { useListEditing } from './use-list-editing';

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
  const replies = loaded?.pack.replies ?? [];
  const editing = useListEditing<Reply, ReplyDraft>({
    items: replies,
    commit: commitReplies,
    toDraft: replyToDraft,
    emptyDraft: emptyReplyDraft,
    name: (reply) => reply.title,
  });
  if (!loaded) return null;

  return (
    <section aria-labelledby="replies-heading" class="pack-editor">
      <h2 id="replies-heading">{t('opt_repliesHeading')}</h2>
      <p class="muted">
        {loaded.source === 'stored'
          ? t('opt_ownLibrary', String(replies.length))
          : t('opt_defaultLibrary', String(replies.length))}
      </p>
      {loaded.problem && (
        <p role="alert" class="problem">
          {loaded.problem}
        </p>
      )}
      <button type="button" class="primary" onClick={editing.startNew} disabled={editing.open.value !== null}>
        {t('opt_addReply')}
      </button>
      <ItemList
        name="reply"
        label={t('opt_repliesHeading')}
        items={replies}
        keyOf={(reply) => reply.id}
        title={(reply) => reply.title}
        detail={(reply) => `${reply.id} · ${t(`intent_${intentKey(reply.intent)}`)}`}
        editing={editing.open.value?.index ?? null}
        onEdit={editing.startEdit}
        onMove={editing.move}
        onDelete={editing.remove}
      />
      {editing.open.value && (
        <ReplyForm
          key={editing.open.value.index ?? 'new'}
          initial={editing.open.value.draft}
          isNew={editing.open.value.index === null}
          otherIds={replies.filter((_, i) => i !== editing.open.value?.index).map((reply) => reply.id)}
          settings={settings}
          now={now}
          onSave={editing.save}
          onCancel={editing.cancel}
        />
      )}
      {editing.status}
    </section>
  );
}

interface ReplyFormProps {
  initial: ReplyDraft;
  isNew: boolean;
  otherIds: string[];
  settings: Settings;
  now: () => Date;
  onSave: (reply: Reply) => Promise<string | null>;
  onCancel: () => void;
}

function ReplyForm({ initial, isNew, otherIds, settings, now, onSave, onCancel }: ReplyFormProps) {
  const draft = useSignal(initial);
  const touched = useSignal<ReadonlySet<string>>(new Set());
  const failure = useSignal('');
  const checked = useMemo(() => toReply(draft.value, otherIds), [draft.value, otherIds.join('\n')]);
  const errors = checked.ok ? {} : checked.errors;
  const shown = (field: string) =>
    touched.value.has(field) || touched.value.has('*') ? errors[field] : undefined;

  const set = (field: keyof ReplyDraft) => (event: Event) => {
    draft.value = { ...draft.value, [field]: (event.currentTarget as HTMLInputElement).value };
    touched.value = new Set([...touched.value, field]);
  };

  const preview = renderReply(
    { body: draft.value.body, variants: undefined },
    { commenterName: SAMPLE_COMMENTER, settings, now: now() },
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    touched.value = new Set(['*']);
    // Checked again here: the last render may predate the last keystroke.
    const fresh = toReply(draft.value, otherIds);
    if (!fresh.ok) {
      failure.value = t('opt_fixErrors');
      return;
    }
    failure.value = (await onSave(fresh.item)) ?? '';
  };

  return (
    <form class="item-form" onSubmit={submit} aria-labelledby="reply-form-heading" noValidate>
      <h3 id="reply-form-heading">{isNew ? t('opt_newReply') : t('opt_editReply', initial.title)}</h3>
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
      {draft.value.variants?.length ? (
        <p class="muted">{t('opt_variantsKept', String(draft.value.variants.length))}</p>
      ) : null}
      {shown('variants') && <p class="field-error">{shown('variants')}</p>}
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
