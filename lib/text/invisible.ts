/**
 * Characters a reader cannot see that change what they see. A comment can
 * carry a right-to-left override (U+202E) so that "moc.koobecaf" reads as
 * "facebook.com", or one that is never closed and reverses everything after
 * it on the line — the moderator's own columns in a CSV, the next row in the
 * sidebar. Zero-width characters split words a filter looks for and make two
 * tags that look the same differ.
 *
 * The log keeps a comment's words exactly as written (they are the evidence);
 * what shows them makes these characters visible or isolates them.
 */

/** Bidirectional formatting characters: marks, embeddings, overrides, isolates. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/**
 * Invisible characters that separate nothing a reader can see. ZWNJ and ZWJ
 * (U+200C, U+200D) are left alone: emoji sequences and some scripts need them.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** For display: each invisible character becomes a visible `⟦U+202E⟧`. */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `⟦U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟧`);
}

/** For a short label the moderator types (a tag): the invisible characters dropped. */
export function dropInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * For text placed among other text (a CSV cell): wrapped in FIRST STRONG
 * ISOLATE … POP DIRECTIONAL ISOLATE when it holds a bidi control. The closing
 * PDI ends every embedding and override opened inside, so none spills past
 * the cell; the words themselves are unchanged.
 */
export function isolateBidi(text: string): string {
  return hasBidiControl(text) ? `\u2068${text}\u2069` : text;
}
