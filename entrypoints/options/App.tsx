import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ConceptEditor } from '../../components/options/ConceptEditor';
import { LearntSection } from '../../components/options/LearntSection';
import { PackSharing } from '../../components/options/PackSharing';
import { PackTester } from '../../components/options/PackTester';
import { PipelineSection } from '../../components/options/PipelineSection';
import { PrivacyTools } from '../../components/options/PrivacyTools';
import { followPackChanges, loadPacks } from '../../components/options/packs-state';
import { ReplyEditor } from '../../components/options/ReplyEditor';
import { RuleEditor } from '../../components/options/RuleEditor';
import { SelectorPackSection } from '../../components/options/SelectorPackSection';
import { SettingsForm } from '../../components/options/SettingsForm';
import { ReportSection } from '../../components/report/ReportSection';
import { t } from '../../lib/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import { loadSettings, watchSettings } from '../../lib/settings/storage';
import '../../components/options/options.css';

const SECTIONS = [
  ['replies-heading', 'opt_navReplies'],
  ['rules-heading', 'opt_navRules'],
  ['tester-heading', 'opt_navTester'],
  ['sharing-heading', 'opt_navSharing'],
  ['watched-heading', 'opt_navSettings'],
  ['privacy-tools-heading', 'opt_navPrivacy'],
  ['pipeline-heading', 'pipe_navOptions'],
  ['learnt-heading', 'learnt_heading'],
  ['selector-pack-heading', 'opt_navSelectorPack'],
  ['report-heading', 'report_optionsHeading'],
] as const;

export function App() {
  const settings = useSignal<Settings>(DEFAULT_SETTINGS);
  const ready = useSignal(false);

  useEffect(() => {
    document.title = t('optionsTitle');
    void Promise.all([loadSettings(), loadPacks()]).then(([loaded]) => {
      settings.value = loaded;
      ready.value = true;
    });
    const stopPacks = followPackChanges();
    const stopSettings = watchSettings((next) => {
      settings.value = next;
    });
    return () => {
      stopPacks();
      stopSettings();
    };
  }, []);

  return (
    <>
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('opt_navLabel')}>
          <ul>
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <p class="muted">{t('opt_localOnly')}</p>
      </header>
      <main class="options">
        {ready.value ? (
          <>
            <ReplyEditor settings={settings.value} />
            <RuleEditor />
            <ConceptEditor />
            <PackTester />
            <PackSharing />
            <SettingsForm
              onSaved={(next) => {
                settings.value = next;
              }}
            />
            <PrivacyTools retentionDays={settings.value.privacy.retentionDays} />
            <PipelineSection />
            <LearntSection />
            <SelectorPackSection />
            <ReportSection />
          </>
        ) : (
          <p role="status">{t('opt_loading')}</p>
        )}
      </main>
    </>
  );
}
