import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { t } from '../../lib/i18n';
import { bilingual, bothLanguages } from '../../lib/i18n/bilingual';
import { CHECK_STRINGS } from '../../lib/i18n/check-strings';
import { IDEA_LOG_STRINGS } from '../../lib/i18n/idea-log-strings';
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

  // Chrome refuses to load the whole extension when a locale message holds "$word$"
  // (a named placeholder it does not define): "$1$2" is read as "$1$" then "2".
  test('no message reads as a Chrome named placeholder ($…$)', () => {
    const named = Object.entries(STRINGS).flatMap(([key, pair]) =>
      pair.filter((text) => /\$[A-Za-z0-9_@]+\$/.test(text)).map((text) => `${key}: ${text}`),
    );
    expect(named).toEqual([]);
  });

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

describe('text shown in both languages (lib/i18n/bilingual.ts)', () => {
  test('the slices are part of the one table, unchanged (no key of theirs is overwritten)', () => {
    expect(STRINGS).toMatchObject(CHECK_STRINGS);
    expect(STRINGS).toMatchObject(IDEA_LOG_STRINGS);
  });

  test('Vietnamese first, then English; a pair substitutes per language', () => {
    expect(bilingual(CHECK_STRINGS, 'check_more', '3')).toBe('và 3 lỗi khác / and 3 more');
    expect(bothLanguages(CHECK_STRINGS, 'pack_wrongKind', CHECK_STRINGS.pack_kind_rules, ['x', 'y'])).toEqual(
      ['Đây là gói quy tắc, không phải x.', 'This is a rule pack, not a y.'],
    );
    expect(bilingual(CHECK_STRINGS, 'import_idTaken', 'u-1', '42')).toBe(
      'id u-1 đã thuộc về bình luận 42 trong nhật ký / id already belongs to comment 42 in the log',
    );
  });

  test('a substitution is inserted as it is, never read as another placeholder', () => {
    expect(bilingual(CHECK_STRINGS, 'corrections_line', '$2')).toBe('Dòng $2 / line $2');
  });
});
