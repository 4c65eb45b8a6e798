/**
 * Patterns that freeze a backtracking engine (the browser's RegExp) on a short
 * comment, with the comment that does it. The safety check of 2026 accepted
 * all of these; the matcher now runs them on a linear-time engine. Used by the
 * unit tests and `npm run bench -- regex`; not shipped code.
 */
export const EVIL_REGEXES: { source: string; attack: (n: number) => string }[] = [
  { source: '(a|a)*$', attack: (n) => `${'a'.repeat(n - 1)}!` },
  { source: '(a|aa)*$', attack: (n) => `${'a'.repeat(n - 1)}!` },
  { source: '(\\w|\\d)*z', attack: (n) => '1'.repeat(n) },
  { source: '(?:x|x)*y', attack: (n) => 'x'.repeat(n) },
  { source: '[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*1', attack: (n) => 'a'.repeat(n) },
  { source: '.*.*.*.*.*.*=', attack: (n) => 'a'.repeat(n) },
  { source: '(?:\\p{L}|\\p{Ll})+\\.apk$', attack: (n) => `${'ă'.repeat(n - 1)}!` },
  { source: '(?<![\\p{L}])(?:[\\p{L}\\p{N}]|[a-z])*@(?![\\p{L}])', attack: (n) => 'a'.repeat(n) },
  { source: '(?:\\s|\\s)*x', attack: (n) => ' '.repeat(n) },
  { source: '[\\p{L}\\p{N}]{1,99}x', attack: (n) => 'a'.repeat(n) },
  // Not slow in itself: 8,000 matches would be, in the steps after the regex.
  { source: '[0-9]', attack: (n) => '1'.repeat(n) },
  { source: '(?:a?){60}a{60}', attack: (n) => 'a'.repeat(Math.min(n, 60)) + 'b'.repeat(Math.max(0, n - 60)) },
];
