import { browser } from 'wxt/browser';
import { answerAdd, answerList, answerUndo } from '../../lib/corrections/requests';
import { recordFlagCounts } from '../../lib/flags/flag-stats-store';
import { onMessages } from '../../lib/messaging';
import { routeCommand } from './commands';
import { saveIdeaFromPage } from './save-idea';
import { openSidebarFromToolbar } from './sidebar';
import { emptyExpiredTrashNow } from './trash';

/**
 * The background owns the idea database (IndexedDB in the extension's origin),
 * answers the content script's "save idea" and corrections messages, routes browser-level
 * `commands` shortcuts to the Facebook tab, and opens the sidebar from the
 * toolbar button.
 */
export default defineBackground(() => {
  openSidebarFromToolbar();

  onMessages({
    'idea:save': (request) => saveIdeaFromPage(request),
    // Issue 17's report: flag counts per day and category (no comment, no author).
    'stats:flags': (message) => recordFlagCounts(message.days).then(() => true),
    // The moderator's corrections of the judgement, in the extension's IndexedDB.
    'corrections:list': () => answerList(),
    'corrections:add': (request) => answerAdd(request.correction),
    'corrections:undo': (request) => answerUndo(request.id, request.restore),
  });

  browser.commands.onCommand.addListener((command) => {
    void routeCommand(command);
  });

  browser.runtime.onStartup.addListener(() => {
    void emptyExpiredTrashNow();
  });
});
