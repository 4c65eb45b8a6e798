import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { Rule, RulePack } from '../../lib/flags/schema';
import { t } from '../../lib/i18n';
import { defaultReplyPack, defaultRulePack } from '../../lib/packs/defaults';
import {
  applyImport,
  exportPack,
  hasChanges,
  type ImportMode,
  missingCorrections,
  type PackDiff,
  type PackKind,
  packFileName,
  previewImport,
  readPackFile,
} from '../../lib/packs/share';
import { resetReplyPack, resetRulePack } from '../../lib/packs/storage';
import type { Reply, ReplyPack } from '../../lib/replies/schema';
import { downloadFile, readFileText } from '../download';
import { commitReplies, commitRules, replyPack, rulePack } from './packs-state';

type Pending =
  | { kind: 'replies'; pack: ReplyPack; from: string; isDefault: boolean }
  | { kind: 'rules'; pack: RulePack; from: string; isDefault: boolean };

/**
 * Moderators pass packs around as files. Export downloads the pack as saved;
 * import reads a file, shows what would be added, changed and removed, and
 * writes only when the moderator applies it. A bad file changes nothing.
 */
export function PackSharing({ now = () => new Date() }: { now?: () => Date }) {
  const pending = useSignal<Pending | null>(null);
  const mode = useSignal<ImportMode>('merge');
  const error = useSignal('');
  const message = useSignal('');
  const fileInput = useRef<HTMLInputElement>(null);
  const replies = replyPack.value?.pack.replies ?? [];
  const rules = rulePack.value?.pack.rules ?? [];

  const exportKind = (kind: PackKind) => {
    const pack = kind === 'replies' ? replyPack.value?.pack : rulePack.value?.pack;
    if (!pack) return;
    const name = packFileName(kind, now());
    downloadFile(exportPack(pack), name);
    message.value = t('opt_exported', name);
  };

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    message.value = '';
    // Refused by its size before it is read.
    const parsed = await readPackFile(file, undefined, readFileText);
    input.value = '';
    if (!parsed.ok) {
      pending.value = null;
      error.value = `${file.name}: ${parsed.error}`;
      return;
    }
    error.value = '';
    mode.value = 'merge';
    pending.value =
      parsed.kind === 'replies'
        ? { kind: 'replies', pack: parsed.pack, from: file.name, isDefault: false }
        : { kind: 'rules', pack: parsed.pack, from: file.name, isDefault: false };
  };

  const offerDefault = (kind: PackKind) => {
    error.value = '';
    message.value = '';
    mode.value = 'replace';
    pending.value =
      kind === 'replies'
        ? { kind, pack: defaultReplyPack(), from: t('opt_defaultPackName'), isDefault: true }
        : { kind, pack: defaultRulePack(), from: t('opt_defaultPackName'), isDefault: true };
  };

  const apply = async (diff: PackDiff) => {
    const p = pending.value;
    if (!p) return;
    let problem: string | null = null;
    if (p.isDefault && mode.value === 'replace') {
      // Back to the shipped pack itself, so a later version's updates reach this moderator.
      if (p.kind === 'replies') {
        await resetReplyPack();
        replyPack.value = { pack: p.pack, source: 'default' };
      } else {
        await resetRulePack();
        rulePack.value = { pack: p.pack, source: 'default' };
      }
    } else {
      const result =
        p.kind === 'replies'
          ? await commitReplies(applyImport<Reply>(replies, p.pack.replies, mode.value))
          : await commitRules(applyImport<Rule>(rules, p.pack.rules, mode.value));
      if (!result.ok) problem = result.error;
    }
    if (problem) {
      error.value = problem;
      return;
    }
    pending.value = null;
    message.value = t(
      'opt_imported',
      String(diff.added.length),
      String(diff.changed.length),
      String(diff.removed.length),
    );
    fileInput.current?.focus();
  };

  const p = pending.value;
  const diff = p
    ? p.kind === 'replies'
      ? previewImport<Reply>(replies, p.pack.replies, mode.value)
      : previewImport<Rule>(rules, p.pack.rules, mode.value)
    : null;
  const warnings = p
    ? p.kind === 'replies'
      ? missingCorrections(rules, applyImport<Reply>(replies, p.pack.replies, mode.value))
      : missingCorrections(applyImport<Rule>(rules, p.pack.rules, mode.value), replies)
    : [];
  const titleOf = (id: string) => {
    if (p?.kind !== 'replies') return id;
    const title = (p.pack.replies.find((r) => r.id === id) ?? replies.find((r) => r.id === id))?.title;
    return title ? `${title} (${id})` : id;
  };

  return (
    <section aria-labelledby="sharing-heading">
      <h2 id="sharing-heading">{t('opt_sharingHeading')}</h2>
      <p class="muted">{t('opt_sharingHint')}</p>
      <div class="button-row">
        <button type="button" onClick={() => exportKind('replies')}>
          {t('opt_exportReplies')}
        </button>
        <button type="button" onClick={() => exportKind('rules')}>
          {t('opt_exportRules')}
        </button>
      </div>
      <div class="field">
        <label for="pack-file">{t('opt_importPack')}</label>
        <input id="pack-file" ref={fileInput} type="file" accept=".json,application/json" onChange={onFile} />
      </div>
      <div class="button-row">
        <button type="button" onClick={() => offerDefault('replies')}>
          {t('opt_resetReplies')}
        </button>
        <button type="button" onClick={() => offerDefault('rules')}>
          {t('opt_resetRules')}
        </button>
      </div>
      {error.value && (
        <p role="alert" class="problem pre">
          {error.value}
        </p>
      )}
      <p role="status">{message.value}</p>
      {p && diff && (
        <section class="import-preview" aria-labelledby="preview-heading">
          <h3 id="preview-heading">
            {t(p.kind === 'replies' ? 'opt_previewReplies' : 'opt_previewRules', p.from)}
          </h3>
          <fieldset>
            <legend>{t('opt_importMode')}</legend>
            <label>
              <input
                type="radio"
                name="import-mode"
                value="merge"
                checked={mode.value === 'merge'}
                onChange={() => {
                  mode.value = 'merge';
                }}
              />{' '}
              {t('opt_modeMerge')}
            </label>
            <label>
              <input
                type="radio"
                name="import-mode"
                value="replace"
                checked={mode.value === 'replace'}
                onChange={() => {
                  mode.value = 'replace';
                }}
              />{' '}
              {t('opt_modeReplace')}
            </label>
          </fieldset>
          <ul class="diff-summary">
            <DiffGroup
              label={t('opt_diffAdded', String(diff.added.length))}
              ids={diff.added}
              name={titleOf}
              kind="added"
            />
            <DiffGroup
              label={t('opt_diffChanged', String(diff.changed.length))}
              ids={diff.changed}
              name={titleOf}
              kind="changed"
            />
            <DiffGroup
              label={t('opt_diffRemoved', String(diff.removed.length))}
              ids={diff.removed}
              name={titleOf}
              kind="removed"
            />
            <li data-diff="unchanged">{t('opt_diffUnchanged', String(diff.unchanged.length))}</li>
          </ul>
          {warnings.length > 0 && (
            <p class="warning">
              {t('opt_missingCorrections', warnings.map((w) => `${w.ruleId} → ${w.replyId}`).join(', '))}
            </p>
          )}
          {!hasChanges(diff) && <p class="muted">{t('opt_nothingToChange')}</p>}
          <div class="button-row">
            <button
              type="button"
              class="primary"
              disabled={!hasChanges(diff)}
              onClick={() => void apply(diff)}
            >
              {t('opt_applyImport')}
            </button>
            <button
              type="button"
              onClick={() => {
                pending.value = null;
                message.value = t('opt_importCancelled');
                fileInput.current?.focus();
              }}
            >
              {t('opt_cancel')}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}

function DiffGroup({
  label,
  ids,
  name,
  kind,
}: {
  label: string;
  ids: string[];
  name: (id: string) => string;
  kind: string;
}) {
  return (
    <li data-diff={kind}>
      {label}
      {ids.length > 0 && (
        <ul>
          {ids.slice(0, 50).map((id) => (
            <li key={id}>{name(id)}</li>
          ))}
          {ids.length > 50 && <li>…</li>}
        </ul>
      )}
    </li>
  );
}
