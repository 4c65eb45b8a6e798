import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { t } from '../../lib/i18n';
import { localeMessages, STRINGS } from '../../lib/i18n/strings';

describe('UI strings', () => {
  test.each([
    ['vi', 0],
    ['en', 1],
  ] as const)(
    'public/_locales/%s/messages.json matches lib/i18n/strings.ts (run `npm run locales`)',
    (lang, index) => {
      const committed = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
      expect(committed).toEqual(localeMessages(index));
    },
  );

  test('contract names: the save button and the sidebar buttons', () => {
    expect(STRINGS.saveIdea).toEqual(['Lưu ý tưởng', 'Save idea']);
    expect(STRINGS.exportJson).toEqual(['Xuất JSON', 'Export JSON']);
    expect(STRINGS.importJson).toEqual(['Nhập', 'Import']);
  });

  test.each([0, 1] as const)(
    'store limits: name ≤ 75 and description ≤ 132 characters (locale %i)',
    (index) => {
      expect([...STRINGS.extName[index]].length).toBeLessThanOrEqual(75);
      expect([...STRINGS.extDescription[index]].length).toBeLessThanOrEqual(132);
    },
  );

  test('without browser.i18n the Vietnamese text is used, with substitutions', () => {
    expect(t('ideaSaveFailed', 'hết dung lượng')).toBe('Không lưu được ý tưởng: hết dung lượng');
  });

  test('every English string differs from or deliberately equals the Vietnamese one', () => {
    const same = Object.entries(STRINGS)
      .filter(([, [vi, en]]) => vi === en)
      .map(([k]) => k);
    expect(same).toEqual(['panelTitle']);
  });
});
