/**
 * Facebook's composer: which comment a box answers (composer-target.ts) and
 * inserting a reply into Lexical (lexical-insert.ts). One import for callers.
 */
export * from './composer-target';
export * from './lexical-insert';
