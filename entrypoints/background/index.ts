// First: zod's settings, before any module builds a schema (see the module).
import '../shared/zod-jitless';
import { browser } from 'wxt/browser';
import { CORRECTIONS_VERSION_KEY } from '../../lib/corrections/notify';
import { answerAdd, answerList, answerUndo } from '../../lib/corrections/requests';
import { recordFlagCounts } from '../../lib/flags/flag-stats-store';
import { onMessages } from '../../lib/messaging';
import { loadActiveRulePack, RULE_PACK_KEY } from '../../lib/packs/storage';
import { routeCommand } from './commands';
import { BackgroundJudge } from './judge';
import { saveIdeaFromPage } from './save-idea';
import { openSidebarFromToolbar } from './sidebar';
import { emptyExpiredTrashNow } from './trash';

/**
 * The background owns the idea database (IndexedDB in the extension's origin),
 * answers the content script's "save idea" and corrections messages, routes browser-level
 * `commands` shortcuts to the Facebook tab, opens the sidebar from the
 * toolbar button, and judges the Facebook page's comments (./judge.ts).
 */
export default defineBackground(() => {
  openSidebarFromToolbar();

  const judge = new BackgroundJudge({
    rulePack: () => loadActiveRulePack(),
    corrections: async () => {
      const listed = await answerList();
      if (!listed.ok) throw new Error(listed.error);
      return listed.corrections;
    },
  });
  // A correction changes the judge before the tabs hear of it (they then ask
  // for a re-judgement): dropped before the write and again after it, so no
  // request in between keeps a judge compiled from the old list.
  const correcting = <A>(change: () => Promise<A>) => {
    judge.correctionsChanged();
    return change().finally(() => judge.correctionsChanged());
  };

  onMessages({
    'idea:save': (request) => saveIdeaFromPage(request),
    // The page's comments, judged here rather than on Facebook's main thread (issue 14).
    'judge:comments': (request) => judge.answer(request),
    // The comment being answered, for the page's reply assistant: the model is here, not on the page.
    'judge:one': (request) => judge.answerOne(request.text),
    // Issue 17's report: flag counts per day and category (no comment, no author).
    // Sent by a content script only when it had to judge comments itself.
    'stats:flags': (message) => recordFlagCounts(message.days).then(() => true),
    // The moderator's corrections of the judgement, in the extension's IndexedDB.
    'corrections:list': () => answerList(),
    'corrections:add': (request) => correcting(() => answerAdd(request.correction)),
    'corrections:undo': (request) => correcting(() => answerUndo(request.id, request.restore)),
  });

  // A new rule pack from the options page; corrections announced by any page.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (RULE_PACK_KEY in changes) judge.packChanged();
    if (CORRECTIONS_VERSION_KEY in changes) judge.correctionsChanged();
  });

  browser.commands.onCommand.addListener((command) => {
    void routeCommand(command);
  });

  browser.runtime.onStartup.addListener(() => {
    void emptyExpiredTrashNow();
  });
});
