import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JUDGEMENT_STRINGS } from '../../../lib/i18n/judgement-strings';
import { translate } from '../../../lib/i18n/translate';

/** getMessage as Chrome answers it: the locale's message with $1…$9 filled in. */
function browserIn(messages: Record<string, string>) {
  return vi
    .spyOn(fakeBrowser.i18n, 'getMessage')
    .mockImplementation((key: string, subs?: string | string[]) => {
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return (messages[key] ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
    });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('translate: each message read from the browser once', () => {
  test('two explanations with different words ask the browser once and read right', () => {
    const spy = browserIn({ flagExplain_rule: 'Matched rule "$1" ($2): $3 — $4' });
    expect(
      translate(JUDGEMENT_STRINGS, 'flagExplain_rule', ['scam-nohu', 'folded', '«no hu»', 'gambling']),
    ).toBe('Matched rule "scam-nohu" (folded): «no hu» — gambling');
    expect(translate(JUDGEMENT_STRINGS, 'flagExplain_rule', ['lừa $1 đảo', 'exact', '«lừa đảo»', '$2'])).toBe(
      'Matched rule "lừa $1 đảo" (exact): «lừa đảo» — $2',
    );
    expect(spy).toHaveBeenCalledTimes(1);
  });

  test('a message the browser lacks falls back to the Vietnamese of the table', () => {
    browserIn({});
    expect(translate(JUDGEMENT_STRINGS, 'flagExplain_model', ['Mô hình 0,91: «ib»'])).toBe(
      'Mô hình gắn cờ (không theo quy tắc nào) — Mô hình 0,91: «ib»',
    );
  });

  test('another getMessage (another browser language) is read afresh, not from the cache', () => {
    browserIn({ flagExplain_model: 'Flagged by the model (no rule) — $1' });
    expect(translate(JUDGEMENT_STRINGS, 'flagExplain_model', ['x'])).toBe(
      'Flagged by the model (no rule) — x',
    );
    vi.restoreAllMocks();
    browserIn({ flagExplain_model: 'Mô hình gắn cờ — $1' });
    expect(translate(JUDGEMENT_STRINGS, 'flagExplain_model', ['y'])).toBe('Mô hình gắn cờ — y');
  });
});
