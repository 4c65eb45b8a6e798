import { useEffect } from 'preact/hooks';
import { SettingsForm } from '../../components/options/SettingsForm';
import { t } from '../../lib/i18n';

export function App() {
  useEffect(() => {
    document.title = t('optionsTitle');
  }, []);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SettingsForm />
    </main>
  );
}
