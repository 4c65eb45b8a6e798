import { z } from 'zod';

/**
 * zod without its eval fast path, in every entrypoint: each imports this module
 * first, before any module that builds a schema.
 *
 * zod 4 probes `new Function` when it builds its first object schema and, where
 * that works, compiles a parser for each object schema on its first parse.
 * Neither is worth it here (issue 14, eighth round; `scripts/bench/csp-probe.ts`):
 * - Chromium (MV3): the extension's CSP forbids eval in the content script, the
 *   service worker and the extension's pages, so the probe only throws; in the
 *   sidebar and options pages it also raised two `securitypolicyviolation`
 *   events per load. (The content script's probe reached neither facebook.com's
 *   listeners nor its CSP reports, even under a strict page CSP.)
 * - Firefox (MV2): eval is allowed in the content script, so every object schema
 *   was compiled on its first parse — at the page's first batches — to save a
 *   few µs per parse afterwards.
 * zod reads `jitless` when a schema is built, not when it parses: hence a
 * module of its own, evaluated before the others.
 */
z.config({ jitless: true });
