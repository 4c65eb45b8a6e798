import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The manifest is the extension's promise to the moderator: the narrowest
// permissions that work. No `tabs`, no `downloads`, no `<all_urls>`.
export default defineConfig({
  hooks: {
    // The judgement's model is one data file of the build (issue 14), loaded by
    // the background and the options page (lib/judge/default.ts) rather than
    // imported: imported, every bundle that judges carried its own copy. Copied
    // from where `npm run train` writes it, so training needs no second step.
    'build:publicAssets': (_wxt, files) => {
      files.push({
        absoluteSrc: fileURLToPath(new URL('./lib/model/judge.vi.json', import.meta.url)),
        relativeDest: 'model/judge.vi.json',
      });
    },
  },
  vite: () => ({
    plugins: [preact()],
    // The default packs are bundled into the content script: JSON.parse of a
    // string starts faster than evaluating a large object literal.
    json: { stringify: true },
    // `KHCN_BUILD_UNMINIFIED=1`: function names kept, for a profile read by
    // name (scripts/bench/profile-parts.ts); never for a build that ships.
    ...(process.env.KHCN_BUILD_UNMINIFIED ? { build: { minify: false } } : {}),
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'KHCN Moderator',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // storage: settings, reply usage. The idea log is IndexedDB in the
    // extension's own origin and needs no permission.
    permissions: ['storage'],
    host_permissions: ['https://www.facebook.com/*'],
    // WXT only emits `action` when there is a popup; we need the toolbar button
    // to open the side panel (Chrome) or toggle the sidebar (Firefox).
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      ...(browser === 'firefox'
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+K' },
              description: '__MSG_cmdOpenSidebar__',
            },
          }
        : {
            _execute_action: {
              suggested_key: { default: 'Alt+Shift+K' },
              description: '__MSG_cmdOpenSidebar__',
            },
          }),
      'save-idea': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdSaveIdea__' },
      'next-flag': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdNextFlag__' },
      'previous-flag': { suggested_key: { default: 'Alt+Shift+U' }, description: '__MSG_cmdPreviousFlag__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'khcn-moderator@khcn.local',
              // data_collection_permissions arrived in Firefox 140.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
  zip: {
    // Store zips: the sources zip for AMO must not carry tests, fixtures or
    // anything generated at run time (certificates, screenshots, bench output).
    excludeSources: [
      'tests/**',
      'fixtures/**',
      '.ci/**',
      '.output/**',
      '.wxt/**',
      'coverage/**',
      'test-results/**',
      'demo-screenshots/**',
      '**/*.pem',
      '**/*.key',
    ],
  },
});
