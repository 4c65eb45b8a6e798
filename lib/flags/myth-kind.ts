import { foldForSearch } from '../text/fold';

/**
 * What a myth is about, to order health against pseudoscience (the label guide:
 * health first for a remedy or medical advice, pseudoscience first for a false
 * claim about technology or the world). A remedy is what one takes or is cured
 * by ("uống 7 ngày hết tiểu đường", "chữa dứt điểm", "thuốc nam"); a technology
 * or the world is what the claim blames or explains ("sóng 5G gây ung thư",
 * "bức xạ từ điện thoại", "cột điện cao thế", "vệt khói máy bay").
 *
 * Training lines flagged with both (gold first among them), share with health
 * first by the word: chữa 0.84, thuốc 0.84, uống 0.76, trị 0.76, khỏi 0.75 —
 * 5G 0.06, wifi 0.11, bức xạ 0.11, cột 0.10, điện thoại 0.20, sóng 0.26. The
 * concepts the model reads (`cure-verb`, `remedy`, `pseudo-harm`) hold phrases,
 * not these bare words, and separated the two less well.
 *
 * Read only to order the categories of a comment already flagged for two or
 * more; never a flag, never a model signal (so in code, like `whatLeads`, not
 * in the pack, whose concepts are the model's inputs).
 */
export interface MythKind {
  /** A cure or a remedy taken. */
  remedy: boolean;
  /** A technology or the world blamed or explained. */
  technology: boolean;
}

/** With their diacritics, where folding would read another word ("chưa" is "chua", "sống" is "song"). */
const REMEDY_MARKED = /(?<![\p{L}\d])(?:chữa|khỏi|trị|thuốc|uống)(?![\p{L}\d])/u;
/** Folded, for comments written without diacritics: only what folding leaves unambiguous. */
const REMEDY_FOLDED = /\b(?:chua khoi|khoi benh|khoi han|tri benh|chua benh|chua tri|dieu tri|thuoc|uong)\b/;
const TECHNOLOGY_MARKED =
  /(?<![\p{L}\d])(?:5g|wifi|wi-fi|sóng|bức xạ|điện thoại|cột|lò vi sóng|điện|chip|trái đất|nasa|vệt khói|máy bay)(?![\p{L}\d])/u;
const TECHNOLOGY_FOLDED =
  /\b(?:5g|wifi|wi-fi|buc xa|dien thoai|cot|lo vi song|chip|trai dat|nasa|vet khoi|may bay)\b/;

export function mythKind(text: string): MythKind {
  const lower = text.toLowerCase();
  const folded = foldForSearch(text);
  return {
    remedy: REMEDY_MARKED.test(lower) || REMEDY_FOLDED.test(folded),
    technology: TECHNOLOGY_MARKED.test(lower) || TECHNOLOGY_FOLDED.test(folded),
  };
}
