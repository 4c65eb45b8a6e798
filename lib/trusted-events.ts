/**
 * facebook.com's own scripts are not trusted (docs/privacy.md, "facebook.com's
 * scripts are not trusted"). Our in-page UI lives in open shadow roots, so a page script
 * can reach every button in it and call `.click()`, or dispatch a keydown for
 * any of our shortcuts. Such events carry `isTrusted === false`: only the
 * browser sets it, for what the user actually did. Every in-page action —
 * save an idea, insert a reply, collapse the panel — asks `byUser(event)`
 * first and ignores the event otherwise (without preventDefault: the page's
 * own event goes on as if we were not there).
 */
let untrustedAllowed = false;

export function byUser(event: Event): boolean {
  return event.isTrusted || untrustedAllowed;
}

/**
 * Unit tests only: happy-dom cannot make a trusted event, so a component test
 * that clicks turns the check off for itself (and the tests of the check turn
 * it back on). Module state of the content script's isolated world: no page
 * script can reach it.
 */
export function allowUntrustedEventsForTests(allow: boolean): void {
  untrustedAllowed = allow;
}
