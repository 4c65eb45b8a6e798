// `npm run bench -- regex`: the worst time one comment can take in a rule
// regex. Every pattern of lib/flags/evil-regexes.ts (each froze the browser's
// RegExp) and each regex of the default pack runs, through the compiled
// matcher, on its attack text and on adversarial texts of Facebook's longest
// comment (8,000 characters). Goal (issue #15): under 5 ms per comment.
import { readFileSync } from 'node:fs';
import { EVIL_REGEXES } from '../../lib/flags/evil-regexes';
import { compileRules } from '../../lib/flags/matcher';
import { checkRegex } from '../../lib/flags/regex-safety';
import { compileRuleRegex, MAX_REGEX_INPUT } from '../../lib/flags/rule-regex';
import type { Rule } from '../../lib/flags/schema';

const GOAL_MS = 5;

function best(run: () => void, times = 7): number {
  let min = Number.POSITIVE_INFINITY;
  for (let k = 0; k < times; k++) {
    const t = performance.now();
    run();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

export async function run() {
  const pack = JSON.parse(readFileSync('public/packs/rules.vi.json', 'utf8')) as { rules: Rule[] };
  const generic = (n: number) => [
    'a'.repeat(n),
    'ă1'.repeat(n / 2),
    'x.apk'.repeat(n / 5),
    'agov.vn.com'.repeat(Math.floor(n / 11)),
    'bit.ly/'.repeat(Math.floor(n / 7)),
    'fb-support.'.repeat(Math.floor(n / 11)),
    ' '.repeat(n),
    // Many short words each holding a literal: the engine reads such words one by one, up to a bound.
    'x.apk '.repeat(Math.floor(n / 6)),
    'gov.vn '.repeat(Math.floor(n / 7)),
  ];
  const cases = [
    ...EVIL_REGEXES.map((e) => ({
      source: e.source,
      texts: [e.attack(29), e.attack(MAX_REGEX_INPUT), ...generic(MAX_REGEX_INPUT)],
    })),
    ...pack.rules.filter((r) => r.regex).map((r) => ({ source: r.regex!, texts: generic(MAX_REGEX_INPUT) })),
  ];
  const lines = ['| pattern | reads (chars) | worst ms / comment | goal |', '|---|---:|---:|---|'];
  let worst = 0;
  for (const { source, texts } of cases) {
    const problem = checkRegex(source);
    const shown = source.length > 60 ? `${source.slice(0, 57)}…` : source;
    if (problem !== null) {
      lines.push(`| \`${shown}\` | refused: ${problem.split(' / ')[0]} | — | — |`);
      continue;
    }
    const matcher = compileRules([
      { id: 'r', category: 'scam', severity: 'low', phrases: [], regex: source, note: 'x' },
    ]);
    const ms = Math.max(...texts.map((t) => best(() => matcher.scan(t))));
    worst = Math.max(worst, ms);
    lines.push(
      `| \`${shown.replaceAll('|', '\\|')}\` | ${compileRuleRegex(source).window} | ${ms.toFixed(2)} | ${ms < GOAL_MS ? '✓' : '✗'} < ${GOAL_MS} |`,
    );
  }
  lines.push('', `Worst: ${worst.toFixed(2)} ms per comment (goal < ${GOAL_MS} ms).`);
  return { title: 'Rule regexes on the linear-time engine (issue #15)', lines };
}
