import type { Correction } from '../corrections/schema';
import { CATEGORIES, type Category } from '../flags/categories';
import { INTENTS } from '../replies/intents';
import { foldText } from '../text/syllables';
import { type Model, toProbabilities, type WeightDelta } from './predict';
import { INTENT_COLUMNS, INTENT_OFFSET, LABELS } from './schema';
import { exampleHashes } from './train';

/**
 * Learning from the moderator, as a junk filter learns from "junk / not junk":
 * a small set of extra weights (`WeightDelta`) on top of the shipped model,
 * fitted to this moderator's corrections only, so the shipped file never
 * changes and "reset" is dropping the delta. A correction moves the decision
 * for that comment past its threshold, with a margin, and pulls comments that
 * share its words the same way.
 *
 * Pure and quick (a few hundred corrections in a few ms): the page recomputes
 * it whenever the corrections change.
 */

const WIDTH = LABELS.length;
const MARGIN = 0.05;
const MAX_ROUNDS = 60;
const STEP = 2;

interface Target {
  hashes: number[];
  x: number;
  signals: readonly string[];
  text: string;
  /** Category columns that must end at or above (1) or below (0) their thresholds. */
  categories: { column: number; want: 0 | 1 }[];
  intent: number | null;
}

function targetOf(c: Correction, signalsOf: (text: string) => readonly string[]): Target {
  const signals = signalsOf(c.text);
  const hashes = exampleHashes(c.text, signals);
  return {
    hashes,
    x: hashes.length > 0 ? 1 / Math.sqrt(hashes.length) : 0,
    signals,
    text: c.text,
    categories:
      c.kind === 'reply-chosen'
        ? []
        : c.categories.map((cat) => ({
            column: CATEGORIES.indexOf(cat),
            want: c.kind === 'flag-as' ? (1 as const) : (0 as const),
          })),
    intent: c.kind === 'reply-chosen' && c.intent ? INTENTS.indexOf(c.intent) : null,
  };
}

/** The later correction of the same comment and kind wins. */
function latest(corrections: readonly Correction[]): Correction[] {
  const byKey = new Map<string, Correction>();
  for (const c of [...corrections].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    byKey.set(`${c.kind}:${c.commentId}`, c);
  }
  return [...byKey.values()];
}

export function learnDelta(
  model: Model,
  corrections: readonly Correction[],
  signalsOf: (text: string) => readonly string[],
): WeightDelta {
  const delta = new Map<number, Float64Array>();
  if (corrections.length === 0) return delta;
  const targets = latest(corrections).map((c) => targetOf(c, signalsOf));
  const thresholds = model.thresholds.categories;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let unmet = 0;
    for (const t of targets) {
      // Logits with the delta so far (the model's own delta is none: it was loaded without one).
      const z = model.logits(foldText(t.text), t.signals);
      for (const h of t.hashes) {
        const d = delta.get(h);
        if (d) for (let j = 0; j < WIDTH; j++) z[j]! += d[j]! * t.x;
      }
      const p = toProbabilities(z);
      const grad = new Float64Array(WIDTH);
      for (const { column, want } of t.categories) {
        const goal =
          want === 1
            ? Math.min(0.999, thresholds[column]! + MARGIN)
            : Math.max(0.001, thresholds[column]! / 2);
        const ok = want === 1 ? p[column]! >= goal : p[column]! <= goal;
        if (!ok) {
          unmet++;
          grad[column] = p[column]! - want;
        }
      }
      if (t.intent !== null) {
        let best = 0;
        for (let j = 1; j < INTENT_COLUMNS; j++)
          if (p[INTENT_OFFSET + j]! > p[INTENT_OFFSET + best]!) best = j;
        if (best !== t.intent || p[INTENT_OFFSET + t.intent]! < 0.5) {
          unmet++;
          for (let j = 0; j < INTENT_COLUMNS; j++) {
            grad[INTENT_OFFSET + j] = p[INTENT_OFFSET + j]! - (j === t.intent ? 1 : 0);
          }
        }
      }
      if (grad.every((g) => g === 0)) continue;
      // Every feature of the comment carries an equal share of the step.
      for (const h of t.hashes) {
        let d = delta.get(h);
        if (!d) {
          d = new Float64Array(WIDTH);
          delta.set(h, d);
        }
        for (let j = 0; j < WIDTH; j++) d[j]! -= STEP * grad[j]! * t.x;
      }
    }
    if (unmet === 0) break;
  }
  return delta;
}

/**
 * The moderator's own verdicts, keyed by the comment's folded words (a
 * re-render, or the same words typed again, keeps them): "Không đúng" clears
 * categories — the rules cannot be retrained, so this is the moderator's own
 * exception for that comment — and "Gắn cờ…" flags one. The later of the two
 * for a category wins.
 */
export function verdicts(corrections: readonly Correction[]): {
  dismissed: Map<string, Set<Category>>;
  flagged: Map<string, Set<Category>>;
} {
  const dismissed = new Map<string, Set<Category>>();
  const flagged = new Map<string, Set<Category>>();
  const add = (map: Map<string, Set<Category>>, key: string, cat: Category) => {
    const set = map.get(key) ?? new Set<Category>();
    set.add(cat);
    map.set(key, set);
  };
  for (const c of [...corrections].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    if (c.kind === 'reply-chosen') continue;
    const key = textKey(c.text);
    for (const cat of c.categories) {
      if (c.kind === 'not-a-problem') {
        add(dismissed, key, cat);
        flagged.get(key)?.delete(cat);
      } else {
        add(flagged, key, cat);
        dismissed.get(key)?.delete(cat);
      }
    }
  }
  return { dismissed, flagged };
}

/** A comment's words as one key: folded, so "Lừa đảo" and "lua dao" typed again match. */
export function textKey(text: string): string {
  const f = foldText(text);
  let h = 0x811c9dc5;
  for (let t = 0; t < f.count; t++) {
    for (let i = f.from[t]!; i < f.to[t]!; i++) h = Math.imul(h ^ f.chars[i]!, 0x01000193) >>> 0;
    h = Math.imul(h ^ 0x20, 0x01000193) >>> 0;
  }
  return `${h.toString(16)}:${f.count}`;
}
