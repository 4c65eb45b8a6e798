import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  type CorrectionsDb,
  clearCorrections,
  importCorrections,
  listCorrections,
  openCorrectionsDb,
  restoreCorrections,
  undoCorrection,
} from '../../lib/corrections/db';
import { MAX_CORRECTIONS_FILE, parseJsonl, toJsonl } from '../../lib/corrections/jsonl';
import { notifyCorrectionsChanged } from '../../lib/corrections/notify';
import type { Correction } from '../../lib/corrections/schema';
import { t } from '../../lib/i18n';
import type { ShippedModel } from '../../lib/judge/default';
import { downloadFile, readFileText } from '../download';
import { useShippedModel } from './use-shipped-model';

interface LearntSectionProps {
  openDb?: () => Promise<CorrectionsDb>;
}

const KIND_KEY = {
  'not-a-problem': 'learnt_kindNotAProblem',
  'flag-as': 'learnt_kindFlagAs',
  'reply-chosen': 'learnt_kindReplyChosen',
} as const;

/**
 * The shipped model: what it was trained on, or why it is not used (the rules
 * still run). Fetched from the extension's own file (no bundle carries it).
 */
function ModelStatus() {
  const model = useShippedModel();
  return model ? <ModelInfo model={model} /> : <p class="muted">{t('opt_loading')}</p>;
}

function ModelInfo({ model }: { model: ShippedModel }) {
  if (!model.ok) {
    return (
      <p role="alert" class="problem">
        {t('learnt_modelBroken')}
        {'\n'}
        {model.error}
      </p>
    );
  }
  const { lines, families } = model.model.trainedOn;
  return <p class="muted">{t('learnt_modelInfo', String(lines), String(families))}</p>;
}

/**
 * What the judgement learnt from this moderator's corrections ("Không đúng",
 * "Gắn cờ…", the replies chosen): listed, each undoable, exportable as
 * labelled JSON lines for the team, importable (all or nothing), and reset with
 * a way back. The corrections live in the extension's own IndexedDB.
 */
export function LearntSection({ openDb = openCorrectionsDb }: LearntSectionProps) {
  const list = useSignal<Correction[] | null>(null);
  const message = useSignal('');
  const problem = useSignal('');
  const undo = useSignal<{ label: string; restore: Correction[] } | null>(null);
  const confirming = useSignal(false);

  const reload = async () => {
    const db = await openDb();
    list.value = await listCorrections(db);
  };
  useEffect(() => {
    reload().catch((e) => {
      problem.value = String(e);
    });
  }, []);

  const changed = async (text: string) => {
    message.value = text;
    problem.value = '';
    await notifyCorrectionsChanged();
    await reload();
  };

  const forget = async (c: Correction) => {
    await undoCorrection(await openDb(), c.id);
    undo.value = { label: t('learnt_forgotOne'), restore: [c] };
    await changed(t('learnt_forgotOne'));
  };

  const reset = async () => {
    confirming.value = false;
    const removed = await clearCorrections(await openDb());
    undo.value = { label: t('learnt_resetDone', String(removed.length)), restore: removed };
    await changed(t('learnt_resetDone', String(removed.length)));
  };

  const restore = async () => {
    if (!undo.value) return;
    await restoreCorrections(await openDb(), undo.value.restore);
    const n = undo.value.restore.length;
    undo.value = null;
    await changed(t('learnt_restored', String(n)));
  };

  const exportAll = () => {
    const all = list.value ?? [];
    downloadFile(
      toJsonl(all),
      `khcn-corrections-${new Date().toISOString().slice(0, 10)}.jsonl`,
      'application/jsonl',
    );
    message.value = t('learnt_exported', String(all.length));
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_CORRECTIONS_FILE) {
      problem.value = t('learnt_fileTooBig');
      return;
    }
    const parsed = parseJsonl(await readFileText(file));
    if (!parsed.ok) {
      problem.value = `${t('learnt_importRejected')}\n${parsed.error}`;
      return;
    }
    const n = await importCorrections(await openDb(), parsed.corrections);
    await changed(t('learnt_imported', String(n)));
  };

  const counts = (kind: Correction['kind']) => (list.value ?? []).filter((c) => c.kind === kind).length;

  return (
    <section aria-labelledby="learnt-heading">
      <h2 id="learnt-heading">{t('learnt_heading')}</h2>
      <p class="muted">{t('learnt_hint')}</p>
      <ModelStatus />
      {list.value === null ? (
        <p role="status">{t('opt_loading')}</p>
      ) : (
        <>
          <p>
            {t(
              'learnt_summary',
              String(counts('flag-as')),
              String(counts('not-a-problem')),
              String(counts('reply-chosen')),
            )}
          </p>
          {list.value.length > 0 && (
            <table class="learnt">
              <caption class="visually-hidden">{t('learnt_heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('learnt_colKind')}</th>
                  <th scope="col">{t('learnt_colLabel')}</th>
                  <th scope="col">{t('learnt_colComment')}</th>
                  <th scope="col">{t('learnt_colWhen')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('learnt_forget')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...list.value].reverse().map((c) => (
                  <tr key={c.id}>
                    <td>{t(KIND_KEY[c.kind])}</td>
                    <td>{c.kind === 'reply-chosen' ? c.intent : c.categories.join(', ')}</td>
                    <td class="learnt-text">{c.text.length > 140 ? `${c.text.slice(0, 140)}…` : c.text}</td>
                    <td>{new Date(c.at).toLocaleString('vi-VN')}</td>
                    <td>
                      <button type="button" onClick={() => void forget(c)}>
                        {t('learnt_forget')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div class="row">
            <button type="button" onClick={exportAll} disabled={list.value.length === 0}>
              {t('learnt_export')}
            </button>
            <label class="button">
              {t('learnt_import')}
              <input
                type="file"
                accept=".jsonl,application/jsonl,text/plain"
                class="visually-hidden"
                onChange={(e) => void importFile(e.currentTarget)}
              />
            </label>
            <button
              type="button"
              onClick={() => {
                confirming.value = true;
              }}
              disabled={list.value.length === 0 || confirming.value}
            >
              {t('learnt_reset')}
            </button>
          </div>
          {confirming.value && (
            <fieldset class="row confirm">
              <legend>{t('learnt_resetConfirm')}</legend>
              <button type="button" onClick={() => void reset()}>
                {t('learnt_resetYes')}
              </button>
              <button
                type="button"
                onClick={() => {
                  confirming.value = false;
                }}
              >
                {t('learnt_resetNo')}
              </button>
            </fieldset>
          )}
        </>
      )}
      {problem.value && (
        <p role="alert" class="problem">
          {problem.value}
        </p>
      )}
      <p role="status">
        {message.value}{' '}
        {undo.value && (
          <button type="button" onClick={() => void restore()}>
            {t('learnt_undo')}
          </button>
        )}
      </p>
    </section>
  );
}
