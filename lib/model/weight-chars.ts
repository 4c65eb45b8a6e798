/**
 * The shipped model's weights as text, one character per weight.
 *
 * Why not base64: the zip deflates the model file, and base64 spreads each
 * weight over 6-bit pieces of two characters, which deflate cannot see as one
 * symbol. One printable character per weight lets it count them as they are:
 * at 27,321 features × 14 labels the weights deflate to ~228 KB instead of
 * ~288 KB as base64 (scripts/model-size probe, 2026-12-07), room for the
 * corpus to grow under issue 13's 400 KB budget.
 *
 * The alphabet is printable ASCII without `"` and `\`, the two characters
 * JSON would escape: 93 characters, so a weight is a step in −46 … 46, zero
 * being the middle character "O".
 */

/** Printable ASCII (32–126) without `"` (34) and `\` (92). */
export const WEIGHT_ALPHABET: string = (() => {
  let s = '';
  for (let c = 32; c <= 126; c++) if (c !== 34 && c !== 92) s += String.fromCharCode(c);
  return s;
})();

/** Steps each side of zero the alphabet holds. */
export const WEIGHT_CHAR_STEPS = (WEIGHT_ALPHABET.length - 1) / 2;

/** The characters the weights may hold, for the file's schema. */
export const WEIGHT_CHARS_PATTERN = /^[ !#-[\]-~]*$/;

/** Character code → step, or 127 for a character outside the alphabet. */
const STEP_OF = (() => {
  const t = new Int8Array(128).fill(127);
  for (let i = 0; i < WEIGHT_ALPHABET.length; i++) t[WEIGHT_ALPHABET.charCodeAt(i)] = i - WEIGHT_CHAR_STEPS;
  return t;
})();

/** Steps (each within ±WEIGHT_CHAR_STEPS) → one character each. */
export function encodeWeightChars(steps: Int8Array): string {
  const parts: string[] = [];
  let run = '';
  for (let i = 0; i < steps.length; i++) {
    const q = steps[i]!;
    if (q < -WEIGHT_CHAR_STEPS || q > WEIGHT_CHAR_STEPS)
      throw new RangeError(`weight step ${q} out of range`);
    run += WEIGHT_ALPHABET[q + WEIGHT_CHAR_STEPS];
    // Joined in pieces: one string grown by 380,000 appends is slower to flatten.
    if (run.length === 4096) {
      parts.push(run);
      run = '';
    }
  }
  parts.push(run);
  return parts.join('');
}

/** One character each → its step; a character outside the alphabet throws (the schema rejects it first). */
export function decodeWeightChars(text: string): Int8Array {
  const out = new Int8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const q = c < 128 ? STEP_OF[c]! : 127;
    if (q === 127) throw new RangeError(`weight character ${JSON.stringify(text[i])} at ${i}`);
    out[i] = q;
  }
  return out;
}
