import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { Skeleton, skeletonFile, skeletonFileName } from '../../lib/facebook/skeleton';
import { t } from '../../lib/i18n';
import { downloadFile } from '../download';

/** The request the content script answers (entrypoints/facebook.content/layout-report.ts). */
const LAYOUT_SKELETON_REQUEST = 'page:layout-skeleton';

async function askSkeleton(): Promise<Skeleton | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return null;
    const parsed = Skeleton.safeParse(
      await browser.tabs.sendMessage(tab.id, { type: LAYOUT_SKELETON_REQUEST }),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * "Report a layout change": when the layout warning shows (open by itself)
 * or on demand, the moderator copies or saves the anonymised skeleton of the
 * comment area. Nothing is sent anywhere: the file goes where the moderator
 * takes it.
 */
export function LayoutReport(props: { warning: boolean }) {
  const status = useSignal('');
  const error = useSignal('');
  const run = async (action: 'copy' | 'save') => {
    status.value = '';
    error.value = '';
    const skeleton = await askSkeleton();
    if (!skeleton) {
      error.value = t('layout_noPage');
      return;
    }
    const file = skeletonFile(skeleton);
    const count = String(skeleton.elements);
    if (action === 'save') {
      const name = skeletonFileName(skeleton);
      downloadFile(file, name);
      status.value = t('layout_saved', name, count);
      return;
    }
    try {
      await navigator.clipboard.writeText(file);
      status.value = t('layout_copied', count);
    } catch {
      error.value = t('layout_copyFailed');
    }
  };
  return (
    <details class="layout-report" open={props.warning}>
      <summary>{t('layout_heading')}</summary>
      <p class="muted">{t('layout_intro')}</p>
      <p>
        <button type="button" onClick={() => void run('copy')}>
          {t('layout_copy')}
        </button>{' '}
        <button type="button" onClick={() => void run('save')}>
          {t('layout_save')}
        </button>
      </p>
      {status.value && <p role="status">{status.value}</p>}
      {error.value && <p role="alert">{error.value}</p>}
    </details>
  );
}
