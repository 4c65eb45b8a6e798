// Writes public/_locales/{vi,en}/messages.json from lib/i18n/strings.ts.
// Run after editing strings: `npm run locales`. tests/lib/i18n.test.ts fails
// when the committed files drift from the table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { localeMessages } from '../lib/i18n/strings';

for (const [lang, index] of [
  ['vi', 0],
  ['en', 1],
] as const) {
  mkdirSync(`public/_locales/${lang}`, { recursive: true });
  writeFileSync(
    `public/_locales/${lang}/messages.json`,
    `${JSON.stringify(localeMessages(index), null, 2)}\n`,
  );
}
console.log('wrote public/_locales/{vi,en}/messages.json');
