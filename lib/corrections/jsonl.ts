import { z } from 'zod';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { Correction } from './schema';

/**
 * Corrections as labelled JSON lines: one correction per line, the fields of
 * `Correction`. A team pools them; the developers grow the corpus from them.
 * Import is all or nothing: one bad line rejects the file, naming the line.
 */

export function toJsonl(corrections: readonly Correction[]): string {
  return corrections.map((c) => JSON.stringify(c)).join('\n') + (corrections.length > 0 ? '\n' : '');
}

export type ParsedCorrections = { ok: true; corrections: Correction[] } | { ok: false; error: string };

/** Largest file read; the content is checked line by line before anything is written. */
export const MAX_CORRECTIONS_FILE = 20 * 1024 * 1024;

export function parseJsonl(text: string): ParsedCorrections {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: Correction[] = [];
  const ids = new Set<string>();
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { ok: false, error: bilingual(CHECK_STRINGS, 'corrections_notJson', String(i + 1)) };
    }
    const parsed = Correction.safeParse(json);
    if (!parsed.success) {
      const line = bilingual(CHECK_STRINGS, 'corrections_line', String(i + 1));
      return { ok: false, error: `${line}:\n${z.prettifyError(parsed.error)}` };
    }
    if (ids.has(parsed.data.id)) {
      return {
        ok: false,
        error: bilingual(CHECK_STRINGS, 'corrections_duplicateId', String(i + 1), parsed.data.id),
      };
    }
    ids.add(parsed.data.id);
    out.push(parsed.data);
  }
  if (out.length === 0) return { ok: false, error: bilingual(CHECK_STRINGS, 'corrections_empty') };
  return { ok: true, corrections: out };
}
