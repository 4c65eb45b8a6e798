import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { z } from 'zod';
import { t } from '../../lib/i18n';
import { Settings } from '../../lib/settings/schema';
import { loadSettings, saveSettings } from '../../lib/settings/storage';

/**
 * Watched pages, page values used by reply placeholders, and privacy.
 * Invalid input is shown next to the form and nothing is saved.
 */
export function SettingsForm() {
  const settings = useSignal<Settings | null>(null);
  const error = useSignal('');
  const saved = useSignal('');

  useEffect(() => {
    void loadSettings().then((s) => {
      settings.value = s;
    });
  }, []);

  if (!settings.value) return null;
  const s = settings.value;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const candidate = {
      ...s,
      watchedPages: String(form.get('watchedPages') ?? '')
        .split(/[\s,]+/)
        .filter(Boolean),
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
    };
    const parsed = Settings.safeParse(candidate);
    if (!parsed.success) {
      error.value = z.prettifyError(parsed.error);
      saved.value = '';
      return;
    }
    settings.value = await saveSettings(parsed.data);
    error.value = '';
    saved.value = t('optionsSaved');
  };

  return (
    <form onSubmit={onSubmit} class="settings-form">
      <fieldset>
        <legend>{t('watchedPages')}</legend>
        <label>
          khcndmst, 123456789… <input name="watchedPages" defaultValue={s.watchedPages.join(', ')} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('pageValues')}</legend>
        <label>
          Tên trang / Page name <input name="pageName" defaultValue={s.pageValues.pageName} />
        </label>
        <label>
          Trang web chính thức / Official website <input name="officialLink" defaultValue={s.pageValues.officialLink} />
        </label>
        <label>
          Đường dây nóng / Hotline <input name="hotline" defaultValue={s.pageValues.hotline} />
        </label>
        <label>
          Chữ ký / Signature <input name="signature" defaultValue={s.pageValues.signature} />
        </label>
        <label>
          Cách xưng hô mặc định / Default form of address{' '}
          <input name="defaultAddress" defaultValue={s.defaultAddress} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('privacy')}</legend>
        <label>
          <input type="checkbox" name="storeAuthor" defaultChecked={s.privacy.storeAuthor} /> Lưu tên người bình luận /
          Store commenter names
        </label>
        <label>
          Giữ ý tưởng (ngày, 0 = không giới hạn) / Keep ideas (days, 0 = no limit){' '}
          <input type="number" min={0} max={3650} name="retentionDays" defaultValue={String(s.privacy.retentionDays)} />
        </label>
      </fieldset>
      <button type="submit" class="primary">
        Lưu / Save
      </button>
      {error.value && (
        <pre role="alert" class="error">
          {error.value}
        </pre>
      )}
      <p role="status">{saved.value}</p>
    </form>
  );
}
