import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FacebookTab } from '../../components/facebook-tab/FacebookTab';
import { followActiveTab } from '../../components/facebook-tab/page-state';
import { IdeaLog } from '../../components/ideas/IdeaLog';
import { t } from '../../lib/i18n';

/**
 * The sidebar: the Facebook tab beside it (comment being answered, suggestions,
 * flagged comments) above the idea log. One page, no tabs: the idea log's
 * export and import buttons are always in reach.
 */
export function App() {
  useEffect(() => followActiveTab(), []);
  return (
    <main class="sidebar">
      <header class="sidebar-header">
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <section aria-labelledby="page-heading" class="sidebar-section">
        <h2 id="page-heading">{t('tabCurrent')}</h2>
        <FacebookTab />
      </section>
      <section aria-labelledby="ideas-heading" class="sidebar-section">
        <h2 id="ideas-heading">{t('tabIdeas')}</h2>
        <IdeaLog />
      </section>
    </main>
  );
}
