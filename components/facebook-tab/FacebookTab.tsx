import { useSignal } from '@preact/signals';
import { t } from '../../lib/i18n';
import type { FlaggedComment, FlagSummary, SuggestionSummary } from '../../lib/messages';
import { revealInvisible } from '../../lib/text/invisible';
import { LayoutReport } from '../layout/LayoutReport';
import { askPage, pageState, refreshPageState } from './page-state';

/** The Facebook tab as the sidebar sees it. All comment text is rendered as text nodes. */
export function FacebookTab() {
  const state = pageState.value;
  if (!state?.watched) return <p class="muted">{t('notOnWatchedPage')}</p>;
  return (
    <div class="facebook-tab">
      <p class="muted" aria-live="polite">
        {t(
          'statsLine',
          String(state.stats.seen),
          String(state.stats.flagged),
          String(state.stats.droppedNoId),
        )}
      </p>
      {state.layoutWarning && (
        <p role="alert" class="warning">
          {t('layoutWarning')}
        </p>
      )}
      <LayoutReport warning={state.layoutWarning} />
      <h3>{t('currentComment')}</h3>
      {state.current ? (
        <CurrentComment
          author={state.current.comment.author}
          text={state.current.comment.text}
          flags={state.current.flags}
          suggestions={state.current.suggestions}
        />
      ) : (
        <p class="muted">{t('noCurrentComment')}</p>
      )}
      <h3>{t('flaggedList')}</h3>
      <FlaggedList flagged={state.flagged} />
    </div>
  );
}

function CurrentComment(props: {
  author: string;
  text: string;
  flags: FlagSummary[];
  suggestions: SuggestionSummary[];
}) {
  const status = useSignal('');
  const insert = async (replyId: string) => {
    const result = await askPage({ type: 'page:insert-reply', replyId });
    status.value = result === null ? t('noComposer') : result.ok ? '' : result.reason;
  };
  return (
    <div>
      <blockquote>
        <strong>{revealInvisible(props.author)}</strong>
        <div class="comment-text">{revealInvisible(props.text)}</div>
      </blockquote>
      <FlagList flags={props.flags} />
      <h4>{t('suggestionsLabel')}</h4>
      <ol class="suggestions">
        {props.suggestions.map((s, index) => (
          <li key={s.replyId}>
            <button type="button" onClick={() => void insert(s.replyId)} title={s.preview}>
              <span aria-hidden="true">{index + 1}. </span>
              {s.title}
            </button>
            <div class="muted small">{s.why}</div>
          </li>
        ))}
      </ol>
      <p role="status">{status.value}</p>
    </div>
  );
}

function FlagList({ flags }: { flags: FlagSummary[] }) {
  if (flags.length === 0) return null;
  return (
    <ul class="flags">
      {flags.map((flag) => (
        <li key={flag.ruleId + flag.matched}>
          <span class={`chip flag-${flag.category}`}>{t(`category_${flag.category}`)}</span>{' '}
          {revealInvisible(flag.explanation)}
        </li>
      ))}
    </ul>
  );
}

function FlaggedList({ flagged }: { flagged: FlaggedComment[] }) {
  const status = useSignal('');
  // The status stays when the list empties: the moderator's click is answered.
  const said = <p role="status">{status.value}</p>;
  if (flagged.length === 0)
    return (
      <>
        <p class="muted">{t('noFlagged')}</p>
        {said}
      </>
    );
  // The page may have moved on since the list was sent (a post closed): say so.
  const jump = async (commentId: string) => {
    const found = (await askPage({ type: 'page:jump', commentId })) === true;
    status.value = found ? '' : t('commentGone');
    if (!found) void refreshPageState();
  };
  return (
    <>
      <ul class="flagged-list">
        {flagged.map((item) => (
          <li key={item.commentId}>
            <div>
              {item.categories.map((c) => (
                <span key={c} class={`chip flag-${c}`}>
                  {t(`category_${c}`)}
                </span>
              ))}{' '}
              <strong>{revealInvisible(item.author)}</strong>: {revealInvisible(item.excerpt)}
            </div>
            <button type="button" onClick={() => void jump(item.commentId)}>
              {t('jumpTo')}
            </button>
          </li>
        ))}
      </ul>
      {said}
    </>
  );
}
