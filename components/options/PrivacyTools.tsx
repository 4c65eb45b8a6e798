import { useSignal } from '@preact/signals';
import { errorMessage } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { eraseIdeasById, getIdeasDb, type IdeasDb, ideasOlderThan } from '../../lib/ideas/db';
import { EXPORT_MIME, exportJsonParts, toVietnamTime } from '../../lib/ideas/export';
import { notifyIdeasChanged } from '../../lib/ideas/notify';
import { findIdeasAboutPerson, type PersonQuery, parsePersonQuery } from '../../lib/ideas/person';
import type { Idea } from '../../lib/ideas/schema';
import { downloadFile } from '../download';
import { downloadPurgeExport, purgeIdeas } from '../ideas/purge';

interface PrivacyToolsProps {
  retentionDays: number;
  openDb?: () => Promise<IdeasDb>;
  now?: () => Date;
}

/** After the focused control disappears, keyboard users land on the next useful one. */
function focusSoon(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

const day = (now: Date) => toVietnamTime(now.toISOString()).slice(0, 10);

/**
 * The idea log holds citizens' names and words. Vietnam's Personal Data
 * Protection Law asks that they be kept no longer than needed and that a
 * person's data can be handed over or erased: the retention purge, and
 * export/delete of everything about one person, live here.
 */
export function PrivacyTools({
  retentionDays,
  openDb = getIdeasDb,
  now = () => new Date(),
}: PrivacyToolsProps) {
  return (
    <section aria-labelledby="privacy-tools-heading">
      <h2 id="privacy-tools-heading">{t('opt_privacyToolsHeading')}</h2>
      <Purge retentionDays={retentionDays} openDb={openDb} now={now} />
      <Person openDb={openDb} now={now} />
    </section>
  );
}

/** Where the retention purge stands: nothing asked yet, the choice, the file downloaded, or "no export" asked twice. */
type PurgeStep = 'choose' | 'exported' | 'noExport';

function Purge({ retentionDays, openDb, now }: Required<PrivacyToolsProps>) {
  const older = useSignal<Idea[] | null>(null);
  const step = useSignal<PurgeStep>('choose');
  const fileName = useSignal('');
  const message = useSignal('');
  const error = useSignal('');

  const check = async () => {
    error.value = '';
    message.value = '';
    step.value = 'choose';
    try {
      older.value = await ideasOlderThan(await openDb(), retentionDays, now());
      if (older.value.length === 0) {
        message.value = t('opt_purgeNothing', String(retentionDays));
        older.value = null;
      }
    } catch (e) {
      error.value = errorMessage(e);
    }
  };

  const exportFirst = () => {
    const ideas = older.value;
    if (!ideas) return;
    error.value = '';
    try {
      fileName.value = downloadPurgeExport(ideas, now());
      step.value = 'exported';
      focusSoon('purge-saved');
    } catch (e) {
      error.value = errorMessage(e);
    }
  };

  // Runs only from the second step: after "I have saved the file", or after
  // "delete without exporting" was asked and confirmed.
  const purge = async () => {
    const ideas = older.value;
    if (!ideas) return;
    try {
      const deleted = (await purgeIdeas(await openDb(), ideas, now())).length;
      older.value = null;
      step.value = 'choose';
      message.value = t('opt_purged', String(deleted));
      focusSoon('purge-start');
    } catch (e) {
      error.value = errorMessage(e);
    }
  };

  const cancel = () => {
    older.value = null;
    step.value = 'choose';
    focusSoon('purge-start');
  };

  const count = String(older.value?.length ?? 0);
  return (
    <div class="privacy-tool">
      <h3>{t('opt_purgeHeading')}</h3>
      {retentionDays > 0 ? (
        <>
          <p class="muted">{t('opt_purgeHint', String(retentionDays))}</p>
          <button id="purge-start" type="button" onClick={() => void check()}>
            {t('opt_purgeButton', String(retentionDays))}
          </button>
        </>
      ) : (
        <p class="muted">{t('opt_purgeOff')}</p>
      )}
      {older.value && (
        <fieldset class="confirm">
          <legend id="purge-confirm">
            {step.value === 'exported'
              ? t('opt_purgeCheckFile', fileName.value)
              : step.value === 'noExport'
                ? t('opt_purgeNoExportConfirm', count)
                : t('opt_purgeConfirm', count, String(retentionDays))}
          </legend>
          <div class="button-row">
            {step.value === 'choose' && (
              <>
                <button type="button" class="primary" onClick={exportFirst}>
                  {t('opt_purgeExportFirst')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    step.value = 'noExport';
                    focusSoon('purge-no-export');
                  }}
                >
                  {t('opt_purgeWithoutExport')}
                </button>
              </>
            )}
            {step.value === 'exported' && (
              <button id="purge-saved" type="button" class="danger" onClick={() => void purge()}>
                {t('opt_purgeSavedDelete')}
              </button>
            )}
            {step.value === 'noExport' && (
              <button id="purge-no-export" type="button" class="danger" onClick={() => void purge()}>
                {t('opt_purgeNoExportYes')}
              </button>
            )}
            <button type="button" onClick={cancel}>
              {t('opt_cancel')}
            </button>
          </div>
        </fieldset>
      )}
      {error.value && (
        <p role="alert" class="problem">
          {error.value}
        </p>
      )}
      <p role="status">{message.value}</p>
    </div>
  );
}

function Person({ openDb, now }: Omit<Required<PrivacyToolsProps>, 'retentionDays'>) {
  const query = useSignal('');
  const found = useSignal<{ query: PersonQuery; label: string; ideas: Idea[] } | null>(null);
  const confirming = useSignal(false);
  const message = useSignal('');
  const error = useSignal('');

  const search = async (event: Event) => {
    event.preventDefault();
    error.value = '';
    message.value = '';
    confirming.value = false;
    const parsed = parsePersonQuery(query.value);
    if (!parsed) {
      found.value = null;
      error.value = t('opt_personBadQuery');
      return;
    }
    try {
      const ideas = await findIdeasAboutPerson(await openDb(), parsed);
      found.value = { query: parsed, label: query.value.trim(), ideas };
    } catch (e) {
      error.value = errorMessage(e);
    }
  };

  const exportPerson = () => {
    const f = found.value;
    if (!f) return;
    downloadFile(
      exportJsonParts(f.ideas, now()),
      `khcn-du-lieu-mot-nguoi-${day(now())}.json`,
      EXPORT_MIME.json,
    );
    message.value = t('opt_personExported', String(f.ideas.length));
  };

  const deletePerson = async () => {
    const f = found.value;
    if (!f) return;
    try {
      // Immediate and final, the trash included: no Undo, as the law asks.
      const erased = await eraseIdeasById(
        await openDb(),
        f.ideas.map((idea) => idea.id),
      );
      notifyIdeasChanged();
      found.value = null;
      confirming.value = false;
      message.value = t('opt_personDeleted', String(erased), f.label);
      focusSoon('person-query');
    } catch (e) {
      error.value = errorMessage(e);
    }
  };

  const f = found.value;
  return (
    <div class="privacy-tool">
      <h3>{t('opt_personHeading')}</h3>
      <p class="muted">{t('opt_personHint')}</p>
      <form onSubmit={search} class="inline-form" noValidate>
        <label for="person-query">{t('opt_personLabel')}</label>
        <input
          id="person-query"
          value={query.value}
          onInput={(event) => {
            query.value = (event.currentTarget as HTMLInputElement).value;
          }}
        />
        <button type="submit">{t('opt_personFind')}</button>
      </form>
      {f && (
        <div class="person-result">
          <p>{t('opt_personFound', String(f.ideas.length), f.label)}</p>
          {f.ideas.length > 0 && (
            <>
              <ul class="person-ideas">
                {f.ideas.slice(0, 20).map((idea) => (
                  <li key={idea.id}>
                    <span class="muted">{toVietnamTime(idea.capturedAt).slice(0, 10)}</span>{' '}
                    {idea.text.slice(0, 140)}
                    {idea.text.length > 140 ? '…' : ''}
                  </li>
                ))}
                {f.ideas.length > 20 && <li>…</li>}
              </ul>
              <div class="button-row">
                <button type="button" onClick={exportPerson}>
                  {t('opt_personExport')}
                </button>
                <button
                  type="button"
                  class="danger"
                  onClick={() => {
                    confirming.value = true;
                  }}
                >
                  {t('opt_personDelete')}
                </button>
              </div>
            </>
          )}
          {confirming.value && (
            <fieldset class="confirm">
              <legend id="person-confirm">{t('opt_personConfirm', String(f.ideas.length), f.label)}</legend>
              <div class="button-row">
                <button type="button" class="danger" onClick={() => void deletePerson()}>
                  {t('opt_personConfirmDelete')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    confirming.value = false;
                  }}
                >
                  {t('opt_cancel')}
                </button>
              </div>
            </fieldset>
          )}
        </div>
      )}
      {error.value && (
        <p role="alert" class="problem">
          {error.value}
        </p>
      )}
      <div class="status-line">
        <p role="status">{message.value}</p>
      </div>
    </div>
  );
}
