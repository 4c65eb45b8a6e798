import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  browserSelectorCheck,
  diffSelectorPacks,
  loadStoredSelectorPack,
  type PackStorage,
  parseSelectorPack,
  resetSelectorPack,
  saveSelectorPack,
  undoSelectorPack,
} from '../../lib/facebook/selector-pack';
import { BUILT_IN_SELECTOR_PACK, type SelectorPackData } from '../../lib/facebook/selectors';
import { t } from '../../lib/i18n';
import { readFileText } from '../download';

interface SelectorPackSectionProps {
  storage?: PackStorage;
}

/**
 * Options → "Bộ nhận diện Facebook": import a newer selector pack (validated
 * by zod and by the browser's own selector parser, previewed entry by entry,
 * applied only when the moderator says so, undoable). A bad file changes
 * nothing and says what is wrong.
 */
export function SelectorPackSection({
  storage = browser.storage.local as unknown as PackStorage,
}: SelectorPackSectionProps) {
  const inUse = useSignal<SelectorPackData>(BUILT_IN_SELECTOR_PACK);
  const imported = useSignal(false);
  const pending = useSignal<SelectorPackData | null>(null);
  const error = useSignal('');
  const status = useSignal('');

  const refresh = async () => {
    const stored = await loadStoredSelectorPack(storage);
    inUse.value = stored ?? BUILT_IN_SELECTOR_PACK;
    imported.value = stored !== null;
  };
  useEffect(() => {
    void refresh();
  }, []);

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    error.value = '';
    status.value = '';
    pending.value = null;
    if (!file) return;
    const result = parseSelectorPack(await readFileText(file), browserSelectorCheck(document));
    if (!result.ok) error.value = `${t('selPack_invalid')}\n${result.message}`;
    else pending.value = result.pack;
  };
  const apply = async () => {
    if (!pending.value) return;
    await saveSelectorPack(storage, pending.value);
    status.value = t('selPack_applied', pending.value.packVersion);
    pending.value = null;
    await refresh();
  };
  const undo = async () => {
    const back = await undoSelectorPack(storage);
    status.value = t('selPack_undone', back.packVersion);
    await refresh();
  };
  const reset = async () => {
    await resetSelectorPack(storage);
    status.value = t('selPack_undone', BUILT_IN_SELECTOR_PACK.packVersion);
    await refresh();
  };

  const changes = pending.value ? diffSelectorPacks(inUse.value, pending.value) : [];
  return (
    <section aria-labelledby="selector-pack-heading">
      <h2 id="selector-pack-heading">{t('selPack_heading')}</h2>
      <p class="muted">{t('selPack_intro')}</p>
      <p>
        {t(
          'selPack_inUse',
          inUse.value.packVersion,
          inUse.value.updated,
          imported.value ? '' : t('selPack_builtIn'),
        )}
      </p>
      <p>
        <label>
          {t('selPack_import')}{' '}
          <input type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} />
        </label>
      </p>
      {error.value && (
        <p role="alert" class="warning" style="white-space: pre-line">
          {error.value}
        </p>
      )}
      {pending.value && (
        <div>
          <p>{t('selPack_preview', pending.value.packVersion, pending.value.updated)}</p>
          {changes.length === 0 ? (
            <p class="muted">{t('selPack_noChange')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('selPack_entry')}</th>
                  <th scope="col">{t('selPack_before')}</th>
                  <th scope="col">{t('selPack_after')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((change) => (
                  <tr key={change.key}>
                    <th scope="row">
                      <code>{change.key}</code>
                    </th>
                    <td>
                      <code>{change.before}</code>
                    </td>
                    <td>
                      <code>{change.after}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            <button type="button" onClick={() => void apply()}>
              {t('selPack_apply')}
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                pending.value = null;
              }}
            >
              {t('selPack_cancel')}
            </button>
          </p>
        </div>
      )}
      {imported.value && (
        <p>
          <button type="button" onClick={() => void undo()}>
            {t('selPack_undo')}
          </button>{' '}
          <button type="button" onClick={() => void reset()}>
            {t('selPack_reset')}
          </button>
        </p>
      )}
      {status.value && <p role="status">{status.value}</p>}
    </section>
  );
}
