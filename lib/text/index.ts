export {
  FOLD,
  FOLD_IGNORABLE,
  FOLD_LAZY,
  FOLD_SEPARATOR,
  foldAt,
  foldForSearch,
  isCombiningMark,
  LOOKALIKE_DIGITS,
} from './fold';
export type { NormalizedText, NormalizedToken, Transform } from './normalize';
export { isSpacedOutRun, normalizeVietnamese, toOriginalSpan } from './normalize';
export { type FoldedText, foldText, foldWords } from './syllables';
export { ONSET_SWAPS, TEENCODE, TEENCODE_EXPANSIONS } from './teencode';
export { INVISIBLE_IN_WORD, sameWithDiacritics, toneKey } from './tone';
