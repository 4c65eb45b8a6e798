import { useLayoutEffect, useRef } from 'preact/hooks';
import { t, uiLanguage } from '../../lib/i18n';
import { revealInvisible } from '../../lib/text/invisible';
import type { IdeaLogModel } from './idea-log-model';
import { excerpt } from './SimilarPanel';
import { absoluteTime } from './time';

/**
 * One group, opened from a row's "Xem nhóm": its size and supporters, when
 * its ideas were saved, the lead idea (saved first) and every comment with
 * its commenter and link — what a brief cites. Each member can be taken out.
 */
export function GroupView({ model }: { model: IdeaLogModel }) {
  const summary = model.groups.viewing.value;
  const heading = useRef<HTMLHeadingElement>(null);
  const openId = summary?.groupId;
  // Focus moves to the group when it opens, so a keyboard user lands on it.
  useLayoutEffect(() => {
    if (openId) heading.current?.focus();
  }, [openId]);
  if (!summary) return null;
  const language = uiLanguage();
  return (
    <section class="khcn-group-view" aria-labelledby="khcn-group-title" data-group-id={summary.groupId}>
      <h3 id="khcn-group-title" ref={heading} tabIndex={-1}>
        {t('idea_groupTitle', String(summary.size), String(summary.supporters))}
      </h3>
      <p class="khcn-muted">
        {t(
          'idea_groupDates',
          absoluteTime(summary.firstCapturedAt, language),
          absoluteTime(summary.lastCapturedAt, language),
        )}
      </p>
      <p>
        <strong>{t('idea_groupLead')}</strong>
        {': '}
        <q class="khcn-idea-author">{excerpt(summary.lead.text, 200)}</q>
      </p>
      <h4>{t('idea_groupMembers')}</h4>
      <ol class="khcn-group-members">
        {summary.members.map((idea) => {
          const quoteId = `khcn-group-text-${idea.id}`;
          return (
            <li key={idea.id} data-idea-id={idea.id}>
              <span id={quoteId} class="khcn-idea-author">
                {excerpt(idea.text, 100)}
              </span>
              <span class="khcn-muted">
                {' — '}
                {idea.authorName !== undefined ? revealInvisible(idea.authorName) : t('idea_unknownAuthor')}
                {' · '}
                {absoluteTime(idea.capturedAt, language)}
              </span>{' '}
              <a href={idea.permalink} target="_blank" rel="noopener noreferrer" aria-describedby={quoteId}>
                {t('idea_openComment')}
              </a>{' '}
              <button
                type="button"
                aria-describedby={quoteId}
                onClick={() => void model.groups.split([idea.id])}
              >
                {t('idea_splitFromGroup')}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => model.groups.closeView()}>
        {t('idea_groupClose')}
      </button>
    </section>
  );
}
