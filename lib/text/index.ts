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
export { foldWords, isSpacedOutRun, normalizeVietnamese, toOriginalSpan } from './normalize';
export { ONSET_SWAPS, TEENCODE, TEENCODE_EXPANSIONS } from './teencode';
export { INVISIBLE_IN_WORD, sameWithDiacritics, toneKey } from './tone';
