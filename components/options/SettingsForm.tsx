import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { z } from 'zod';
import { t } from '../../lib/i18n';
import { Settings } from '../../lib/settings/schema';
import { loadSettings, saveSettings } from '../../lib/settings/storage';
import { pageFromInput } from './watched-input';

interface SettingsFormProps {
  /** Told after each successful save (the reply preview uses the page values). */
  onSaved?: (settings: Settings) => void;
}

/**
 * Watched pages, the page values used by reply placeholders, and the privacy
 * switches. Invalid input is shown next to the form and nothing is saved.
 */
export function SettingsForm({ onSaved }: SettingsFormProps) {
  const settings = useSignal<Settings | null>(null);
  const error = useSignal('');
  const saved = useSignal('');
  const newPage = useSignal('');
  const pageError = useSignal('');
  const pageStatus = useSignal('');

  useEffect(() => {
    void loadSettings().then((s) => {
      settings.value = s;
    });
  }, []);

  if (!settings.value) return null;
  const s = settings.value;

  const write = async (candidate: unknown): Promise<string | null> => {
    const parsed = Settings.safeParse(candidate);
    if (!parsed.success) return z.prettifyError(parsed.error);
    settings.value = await saveSettings(parsed.data);
    onSaved?.(settings.value);
    return null;
  };

  const addPage = async (event: Event) => {
    event.preventDefault();
    const found = pageFromInput(newPage.value);
    if (!found.ok) {
      pageError.value = found.error;
      return;
    }
    // The latest settings, not this render's: a click can come before the re-render.
    const current = settings.value ?? s;
    if (current.watchedPages.some((page) => page.toLowerCase() === found.page.toLowerCase())) {
      pageError.value = t('opt_pageAlreadyWatched', found.page);
      return;
    }
    const problem = await write({ ...current, watchedPages: [...current.watchedPages, found.page] });
    pageError.value = problem ?? '';
    if (!problem) {
      newPage.value = '';
      pageStatus.value = t('opt_pageAdded', found.page);
    }
  };

  const removePage = async (page: string) => {
    const current = settings.value ?? s;
    const problem = await write({ ...current, watchedPages: current.watchedPages.filter((p) => p !== page) });
    pageError.value = problem ?? '';
    if (!problem) pageStatus.value = t('opt_pageRemoved', page);
    document.getElementById('watched-new')?.focus();
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const problem = await write({
      ...(settings.value ?? s),
      pageValues: {
        pageName: String(form.get('pageName') ?? ''),
        officialLink: String(form.get('officialLink') ?? ''),
        hotline: String(form.get('hotline') ?? ''),
        signature: String(form.get('signature') ?? ''),
      },
      privacy: {
        storeAuthor: form.get('storeAuthor') === 'on',
        retentionDays: Number(form.get('retentionDays') ?? 0),
      },
      defaultAddress: String(form.get('defaultAddress') ?? ''),
    });
    error.value = problem ?? '';
    saved.value = problem ? '' : t('optionsSaved');
  };

  return (
    <div class="settings">
      <section aria-labelledby="watched-heading">
        <h2 id="watched-heading">{t('watchedPages')}</h2>
        <p class="muted">{t('opt_watchedHint')}</p>
        {s.watchedPages.length === 0 ? (
          <p class="warning">{t('opt_noWatchedPages')}</p>
        ) : (
          <ul class="watched-list" aria-labelledby="watched-heading">
            {s.watchedPages.map((page) => (
              <li key={page}>
                <span id={`watched-${page}`}>{page}</span>{' '}
                <button
                  type="button"
                  aria-describedby={`watched-${page}`}
                  onClick={() => void removePage(page)}
                >
                  {t('opt_remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={addPage} class="inline-form" noValidate>
          <label for="watched-new">{t('opt_addPageLabel')}</label>
          <input
            id="watched-new"
            value={newPage.value}
            placeholder="khcndmst"
            aria-invalid={Boolean(pageError.value)}
            aria-describedby={pageError.value ? 'watched-error' : undefined}
            onInput={(event) => {
              newPage.value = (event.currentTarget as HTMLInputElement).value;
              pageError.value = '';
            }}
          />
          <button type="submit">{t('opt_addPage')}</button>
        </form>
        {pageError.value && (
          <p id="watched-error" role="alert" class="field-error">
            {pageError.value}
          </p>
        )}
        <p role="status">{pageStatus.value}</p>
      </section>

      <form onSubmit={onSubmit} class="settings-form" noValidate>
        <section aria-labelledby="values-heading">
          <h2 id="values-heading">{t('pageValues')}</h2>
          <p class="muted">{t('opt_pageValuesHint')}</p>
          <div class="field">
            <label for="pv-pageName">{t('opt_pageName')}</label>
            <input id="pv-pageName" name="pageName" defaultValue={s.pageValues.pageName} />
          </div>
          <div class="field">
            <label for="pv-officialLink">{t('opt_officialLink')}</label>
            <input
              id="pv-officialLink"
              name="officialLink"
              type="url"
              defaultValue={s.pageValues.officialLink}
            />
          </div>
          <div class="field">
            <label for="pv-hotline">{t('opt_hotline')}</label>
            <input id="pv-hotline" name="hotline" type="tel" defaultValue={s.pageValues.hotline} />
          </div>
          <div class="field">
            <label for="pv-signature">{t('opt_signature')}</label>
            <textarea id="pv-signature" name="signature" rows={2} defaultValue={s.pageValues.signature} />
          </div>
          <div class="field">
            <label for="pv-defaultAddress">{t('opt_defaultAddress')}</label>
            <input id="pv-defaultAddress" name="defaultAddress" defaultValue={s.defaultAddress} />
          </div>
        </section>
        <section aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">{t('privacy')}</h2>
          <div class="field checkbox">
            <label>
              <input type="checkbox" name="storeAuthor" defaultChecked={s.privacy.storeAuthor} />{' '}
              {t('opt_storeAuthor')}
            </label>
            <p class="muted hint">{t('opt_storeAuthorHint')}</p>
          </div>
          <div class="field">
            <label for="privacy-retention">{t('opt_retentionDays')}</label>
            <input
              id="privacy-retention"
              type="number"
              min={0}
              max={3650}
              name="retentionDays"
              defaultValue={String(s.privacy.retentionDays)}
            />
          </div>
        </section>
        <button type="submit" class="primary">
          {t('opt_saveSettings')}
        </button>
        {error.value && (
          <pre role="alert" class="problem">
            {error.value}
          </pre>
        )}
        <p role="status">{saved.value}</p>
      </form>
    </div>
  );
}
