// `npm run test:e2e [vitest args]`: checks Chromium (and Firefox ESR), builds
// the Chrome and Firefox extensions (skip with E2E_SKIP_BUILD=1), checks that
// no bundle carries the model (scripts/check-bundles.ts), builds the replica,
// then runs the e2e tests.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { checkBuilds } from '../../scripts/check-bundles';
import { buildReplica } from '../fixtures/replica/build';
import { FIREFOX_PATH } from './firefox-harness';
import { hasChromiumLocale, requireChromium } from './harness';

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.error) {
    console.error(`${command} ${args.join(' ')}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

requireChromium();
if (!hasChromiumLocale('vi')) {
  console.warn(
    'Chromium has no Vietnamese language pack: the extension UI will be in English and tests expecting ' +
      'Vietnamese labels fail. Install it with: sudo apt-get install chromium-l10n',
  );
}

if (!existsSync(FIREFOX_PATH)) {
  console.warn(
    `Firefox not found at ${FIREFOX_PATH}: the Firefox e2e tests are skipped. ` +
      'Install it with: sudo apt-get install firefox-esr',
  );
}

if (process.env.E2E_SKIP_BUILD !== '1') {
  for (const args of [
    ['wxt', 'build'],
    ['wxt', 'build', '-b', 'firefox'],
  ]) {
    const built = run('npx', args);
    if (built !== 0) {
      console.error(`${args.join(' ')} failed; e2e tests not run.`);
      process.exit(built);
    }
  }
}
// No bundle may carry the judgement's model (issue 14): it is one file of the build.
const bundled = checkBuilds();
if (bundled.length > 0) {
  for (const problem of bundled) console.error(`✖ ${problem}`);
  console.error('The builds carry the model or lack its file; e2e tests not run.');
  process.exit(1);
}
await buildReplica();

process.exit(run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]));
