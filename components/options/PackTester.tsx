import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { errorMessage } from '../../lib/errors';
import { explain } from '../../lib/flags/hit';
import { t } from '../../lib/i18n';
import { compileJudge, type Judge } from '../../lib/judge';
import { defaultModel } from '../../lib/judge/default';
import { suggest } from '../../lib/replies/suggest';
import { replyPack, rulePack } from './packs-state';
import { useShippedModel } from './use-shipped-model';

/**
 * Paste a comment, see what the extension would do with it: its flags (with
 * why), the suggested replies and its idea score — from the packs as saved,
 * so a draft in an open form changes nothing here until it is saved.
 */
export function PackTester() {
  const text = useSignal('');
  const pack = rulePack.value?.pack;
  const replies = replyPack.value?.pack.replies ?? [];
  // The model is the extension's own file, fetched once (no bundle carries
  // it): until it is here the tester says it is loading. A missing or corrupt
  // file is told in "Đã học" (LearntSection); the rules still judge here.
  const loaded = useShippedModel() !== null;
  const judge = useMemo<Judge | { error: string } | null>(() => {
    if (!pack || !loaded) return null;
    try {
      return compileJudge({ ...pack, model: defaultModel() });
    } catch (error) {
      return { error: errorMessage(error) };
    }
  }, [pack, loaded]);

  const comment = text.value.trim();
  const judgement = judge && 'judge' in judge && comment ? judge.judge(comment) : null;
  const hits = judgement?.hits ?? [];
  const firstOfRule = hits.filter((hit, i) => hits.findIndex((h) => h.ruleId === hit.ruleId) === i);
  const suggestions = judgement
    ? suggest({ text: comment }, firstOfRule, replies, {
        limit: 5,
        intents: { intents: judgement.intents, certain: judgement.intentCertain },
      })
    : [];
  const score = judgement?.idea ?? null;
  const titleOf = (id: string) => replies.find((reply) => reply.id === id)?.title ?? id;

  return (
    <section aria-labelledby="tester-heading">
      <h2 id="tester-heading">{t('opt_testerHeading')}</h2>
      <p class="muted">{t('opt_testerHint')}</p>
      <label for="tester-comment">{t('opt_testerLabel')}</label>
      <textarea
        id="tester-comment"
        rows={4}
        value={text.value}
        onInput={(event) => {
          text.value = (event.currentTarget as HTMLTextAreaElement).value;
        }}
      />
      {pack && !loaded && <p role="status">{t('opt_loading')}</p>}
      {judge && 'error' in judge && (
        <p role="alert" class="problem">
          {judge.error}
        </p>
      )}
      {comment && (
        <div class="tester-results" aria-live="polite">
          <h3>{t('opt_testerFlags', String(firstOfRule.length))}</h3>
          {firstOfRule.length === 0 ? (
            <p class="muted">{t('opt_testerNoFlags')}</p>
          ) : (
            <ul class="tester-flags">
              {firstOfRule.map((hit) => (
                <li key={hit.ruleId} data-category={hit.category}>
                  <span class="chip">{t(`category_${hit.category}`)}</span> {explain(hit)}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('opt_testerSuggestions')}</h3>
          {suggestions.length === 0 ? (
            <p class="muted">{t('opt_testerNoSuggestions')}</p>
          ) : (
            <ol class="tester-suggestions">
              {suggestions.map((s) => (
                <li key={s.replyId}>
                  <strong>{titleOf(s.replyId)}</strong>{' '}
                  <span class="muted">
                    ({s.replyId}, {Math.round(s.score * 100)}%)
                  </span>
                  <br />
                  <span class="muted">{s.why}</span>
                </li>
              ))}
            </ol>
          )}
          {score && (
            <p class="tester-idea">
              {t('opt_testerIdea', String(Math.round(score.score * 100)))}{' '}
              <strong>{score.isIdea ? t('opt_testerIsIdea') : t('opt_testerNotIdea')}</strong>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
