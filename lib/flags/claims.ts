import type { Category } from './categories';
import { negatedAt } from './denial';
import type { FlagHit } from './hit';

/** The categories of a myth's claim, which a warning, a question or a denial reports rather than makes. */
export function isClaimCategory(category: Category): boolean {
  return category === 'health' || category === 'pseudoscience';
}

/**
 * The pack's concepts of a claim's words: a cure, an effect, a harm, a secret, a machine that
 * runs for ever — what a health or pseudoscience myth asserts, whatever its topic.
 */
export const CLAIM_CONCEPTS: readonly string[] = [
  'cure-verb',
  'cure-claim',
  'pseudo-effect',
  'pseudo-harm',
  'vaccine-harm',
  'stop-medicine',
  'free-energy',
  'hidden-truth',
];

/** Where a part of a sentence ends: a clause's end (. ! ? ; … line break), a comma or a colon. */
const PART_END = /[.!?;…\n,:]/;

/** Where the part of a sentence holding `at` starts: after the last part's end before it. */
export function partStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (PART_END.test(text[i]!)) return i + 1;
  return 0;
}

/** Is there a part's end in text[from, to)? */
function apart(text: string, from: number, to: number): boolean {
  return PART_END.test(text.slice(from, to));
}

/**
 * Does the comment state a claim outside the parts of its sentences that a warning, a
 * question or a quote cleared? `cleared` holds [start, end) pairs of what cleared them (the
 * warning's words, the quoted or asked hit). A claim word counts when a comma, a colon or a
 * clause's end stands between it and every cleared stretch, and no negation stands right before
 * it ("không chữa"): "Đừng nghe bác sĩ, uống lá này 1 tháng là hết tiểu đường" clears "đừng
 * nghe bác sĩ" and claims after the comma; "Đừng tin tin đồn lá đu đủ chữa ung thư" claims
 * nothing outside the part its "đừng tin" cleared. With `wholePart` false only the stretches
 * themselves are cleared (a denied claim, "không chữa", clears its own words).
 */
export function claimsOutside(
  text: string,
  cleared: readonly number[],
  concepts: ReadonlyMap<string, readonly FlagHit[]>,
  wholePart = true,
): boolean {
  for (const c of CLAIM_CONCEPTS) {
    const hits = concepts.get(c);
    if (hits === undefined) continue;
    for (const h of hits) {
      let inside = false;
      for (let k = 0; k < cleared.length && !inside; k += 2) {
        const from = cleared[k]!;
        const to = cleared[k + 1]!;
        if (h.start < to && from < h.end) inside = true;
        // Before the cleared stretch, the words between them; after it, likewise.
        else if (wholePart) inside = h.end <= from ? !apart(text, h.end, from) : !apart(text, to, h.start);
      }
      if (!inside && !negatedAt(text, h.start)) return true;
    }
  }
  return false;
}
